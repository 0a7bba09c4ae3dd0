"""Resolution: which mentions are the same actor (within a document, later across documents)."""
