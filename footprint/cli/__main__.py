"""`python -m footprint.cli`, the same as the `footprint` console script."""

from footprint.cli import app

app()
