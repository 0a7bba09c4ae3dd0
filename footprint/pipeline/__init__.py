"""The job: documents -> NLP -> records -> store, on one engine or another.

- `processor.py`: `Processor`, the per-document work (spaCy, gazetteer, screener), built from
  `Settings`;
- `engines.py`: where that work runs (`local`, `processes`), and `choose_engine`;
- `cluster.py`: the `dask` engine (optional `cluster` extra);
- `dedup.py`: the dedup step (content hash, near-duplicates);
- `run.py`: `run`, the one job: dedup, engine, writer, resolution;
- `analyze.py`, `corpus.py`: `analyze` and `ingest_corpus`, the two ways the CLI runs it.
"""
