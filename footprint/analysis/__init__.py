"""Questions answered from the store: the dossier (and later profile, network, timeline)."""
