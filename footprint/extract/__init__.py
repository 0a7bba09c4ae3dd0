"""Turn an annotated spaCy Doc into typed records (from_doc is the only reader of doc._)."""
