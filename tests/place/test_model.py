"""The Place record: its JSON form is a contract the event extractor and the dossier rely on."""

from footprint.place import Place
from footprint.place.model import PRECISIONS


def test_to_json_has_exactly_the_documented_fields():
    place = Place("Karachi", "PK", "Sindh", 24.8608, 67.0104, "geonames:1174872", "city")
    assert place.to_json() == {
        "name": "Karachi",
        "country": "PK",
        "admin1": "Sindh",
        "lat": 24.8608,
        "lon": 67.0104,
        "gazetteer_id": "geonames:1174872",
        "precision": "city",
    }


def test_a_venue_keeps_its_city_point_and_id():
    city = Place("Lahore", "PK", "Punjab", 31.558, 74.35071, "geonames:1172451", "city")
    venue = city.as_venue()
    assert venue.precision == "venue"
    assert (venue.name, venue.lat, venue.lon, venue.gazetteer_id) == (
        city.name,
        city.lat,
        city.lon,
        city.gazetteer_id,
    )


def test_precisions_are_the_five_documented():
    assert set(PRECISIONS) == {"city", "district", "region", "country", "venue"}
