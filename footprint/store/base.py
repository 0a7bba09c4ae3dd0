"""The store contract: `SQLStore` is every read and write footprint makes, in one class built
from the parts each stage uses. Backends (`sqlite.py`, `postgres.py`) add only a connection.

- `sql.py` — schema, migrations, writing a document, the core per-table reads;
- `clusters.py` — corpus resolution's inputs and derived cluster tables;
- `increments.py` — what incremental resolution reads around the documents new since the last;
- `actors.py` — actors by any spelling, their aliases, roles, designations, appearances;
- `occasions.py` — events with participants, co-appearances, timelines and networks;
- `exports.py` — documents, evidence and selections for the exports and the brief;
- `search.py` — full-text search over documents and evidence sentences (each backend's index);
- `web_reads.py` — what the web app reads beside those (actors by a piece of a name, pages).
"""

from __future__ import annotations

from footprint.store.actors import ActorStore
from footprint.store.clusters import ClusterStore
from footprint.store.exports import ExportStore
from footprint.store.increments import IncrementalReads
from footprint.store.occasions import OccasionStore
from footprint.store.search import SearchStore
from footprint.store.web_reads import WebStore


class SQLStore(
    ActorStore, OccasionStore, ExportStore, ClusterStore, IncrementalReads, SearchStore, WebStore
):
    """Writer and view over one store. Analysis, export and the command line take one of these
    and never see SQL."""
