"""Ways out of the store: the terminal dossier, JSON (later FtM, STIX, GraphML, GeoJSON, CSV)."""
