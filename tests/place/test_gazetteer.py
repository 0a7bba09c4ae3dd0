"""The gazetteer: every place a name can mean, from installed data and footprint's tables."""

import pytest

from footprint.place import Gazetteer, Place


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()  # process-wide: built or read once per test session


def test_load_is_shared_within_the_process(gazetteer):
    assert Gazetteer.load() is gazetteer


def test_candidates_are_case_and_accent_insensitive(gazetteer):
    for written in ("Muzaffarabad", "muzaffarābād", "MUZAFFARABAD"):
        first = gazetteer.candidates(written)[0]
        assert (first.name, first.country) == ("Muzaffarābād", "PK"), written


def test_candidates_list_every_place_of_the_name_most_likely_first(gazetteer):
    found = gazetteer.candidates("Alexandria")
    countries = {p.country for p in found}
    assert {"EG", "US", "RO"} <= countries
    assert found[0].country == "EG"
    assert all(isinstance(p, Place) for p in found)


def test_alternate_names_find_the_place(gazetteer):
    assert gazetteer.candidates("Bombay")[0].name == "Mumbai"


def test_countries_regions_and_curated_regions_are_candidates(gazetteer):
    pakistan = gazetteer.candidates("Pakistan")[0]
    assert (pakistan.country, pakistan.precision, pakistan.gazetteer_id) == (
        "PK",
        "country",
        "geonames:1168579",
    )
    sindh = gazetteer.candidates("Sindh")[0]
    assert (sindh.country, sindh.precision) == ("PK", "region")
    kashmir = gazetteer.candidates("Kashmir")[0]
    assert kashmir.gazetteer_id.startswith("footprint:region:")
    us_state = gazetteer.candidates("Louisiana")[0]
    assert us_state.gazetteer_id == "geonames:4331987"  # US states keep their GeoNames ids


def test_cities_know_their_first_level_region(gazetteer):
    karachi = gazetteer.candidates("Karachi")[0]
    assert (karachi.admin1, karachi.gazetteer_id) == ("Sindh", "geonames:1174872")


def test_demonyms_and_acronyms_of_organisations_have_no_candidates(gazetteer):
    assert gazetteer.candidates("Pakistani") == []
    assert gazetteer.candidates("UN") == []
    assert gazetteer.candidates("NATO") == []


def test_unknown_and_empty_names_have_no_candidates(gazetteer):
    assert gazetteer.candidates("Qwzxrtplk") == []
    assert gazetteer.candidates("") == []
    assert gazetteer.candidates("—") == []


def test_a_city_word_keeps_the_plain_name_as_candidates(gazetteer):
    # "Vancouver city" is also an alternate name of a town elsewhere; the Canadian city must
    # stay among the candidates for the document's context to choose.
    countries = {p.country for p in gazetteer.candidates("Vancouver city")}
    assert "CA" in countries
