"""footprint: a sourced, temporal, geolocated graph of actors and events, read from reporting."""

__version__ = "0.1.0"
