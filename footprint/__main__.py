"""`python -m footprint`, the same as the `footprint` console script."""

from footprint.cli import app

app(prog_name="footprint")
