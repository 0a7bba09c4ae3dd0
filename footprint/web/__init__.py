"""footprint in a browser and over HTTP: `footprint serve` (`footprint/cli/serve.py`) runs the
app `app.create_app` builds. See `app.py` for the layout of the package."""
