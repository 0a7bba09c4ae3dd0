"""Districts, sub-districts and townships from geoBoundaries (footprint/place/data/
admin_areas.tsv.gz): places GeoNames' cities500 lacks, filed under the right country."""

import gzip
import importlib.util
import sys

import pytest

from footprint.place import Gazetteer, Geocoder, sources
from footprint.place.build import _countries_at
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def _only(gazetteer, name):
    found = gazetteer.candidates(name)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("name", "country", "region"),
    [("Ohaozara", "NG", "Ebonyi"), ("Tenges", "KE", "Baringo")],
)
def test_an_area_no_city_row_names_is_a_district_candidate(gazetteer, name, country, region):
    place = _only(gazetteer, name)
    assert (place.country, place.admin1, place.precision) == (country, region, "district")
    assert place.gazetteer_id.startswith(f"footprint:area:{country}:")


def test_its_area_word_is_optional(gazetteer):
    found = gazetteer.candidates("Ohaozara district")
    assert found and found == gazetteer.candidates("Ohaozara")


def test_ordinary_words_the_source_has_as_area_names_are_no_candidates(gazetteer):
    for word in ("Township", "Municipality", "Pipeline", "Industrial Area"):
        assert gazetteer.candidates(word) == [], word


def test_a_name_with_its_article_still_finds_the_town_not_an_area_beside_it(gazetteer):
    # The source has an area "Al Kurmuk" next to the town GeoNames calls "Kurmuk".
    assert [a for a in sources.admin_area_records() if a.name == "Al Kurmuk"]
    place = gazetteer.candidates("Al Kurmuk")[0]
    assert (place.name, place.precision) == ("Kurmuk", "city")


def test_an_area_named_longer_than_the_town_beside_it_keeps_its_own_name(gazetteer):
    # A row named "Baleshwar" lies close by; the lookup of the full name must not lose the area.
    assert gazetteer.candidates("Baleshwar")[0].name == "Baleshwar"
    place = gazetteer.candidates("Baleshwar Sadar")[0]
    assert (place.name, place.country, place.precision) == ("Baleshwar Sadar", "IN", "district")


def test_a_rayon_is_found_without_its_word_below_a_region_only(gazetteer):
    district = gazetteer.candidates("Volokolamskiy")[0]
    assert (district.name, district.precision) == ("Volokolamskiy Rayon", "district")
    # A first-level region called "X Rayon" does not outrank its town X.
    assert gazetteer.candidates("Qakh")[0].precision == "city"


def test_an_area_far_from_any_town_is_filed_under_the_outline_it_lies_in(gazetteer):
    shipped = {a.country for a in sources.admin_area_records() if a.name == "A-Dakhla Oasis"}
    assert shipped == {"BD"}  # the source's filing, half a world away
    assert _only(gazetteer, "A-Dakhla Oasis").country == "EG"


def test_a_seat_sub_district_is_found_by_its_towns_name(gazetteer):
    # "X Sadar" is the sub-district of a Bangladeshi or Indian district's seat town X.
    names = {(p.name, p.precision) for p in gazetteer.candidates("Baleshwar")}
    assert ("Baleshwar Sadar", "district") in names


def test_a_municipality_may_be_an_area_not_only_a_town(gazetteer):
    # A town of this name lies in India; the document speaks of Nepal, where the area is.
    assert gazetteer.candidates("Bramhapuri")[0].country == "IN"
    found = Geocoder(gazetteer).resolve_document(["Bramhapuri municipality", "Nepal"])
    place = found["Bramhapuri municipality"]
    assert (place.country, place.precision) == ("NP", "district")


@pytest.mark.parametrize(
    ("name", "filed", "country"),
    [("Akhaura", "IN", "BD"), ("Bedkot", "IN", "NP"), ("Carievale", "US", "CA")],
)
def test_an_area_the_source_files_under_its_neighbour_takes_its_outlines_country(
    gazetteer, name, filed, country
):
    shipped = {a.country for a in sources.admin_area_records() if a.name == name}
    assert shipped == {filed}  # the source's own filing, kept as it is in the shipped file
    assert _only(gazetteer, name).country == country


def test_an_area_whose_town_is_close_by_adds_no_second_row(gazetteer):
    shipped = [a for a in sources.admin_area_records() if a.name == "Abengourou"]
    assert shipped  # the source has the area ...
    place = _only(gazetteer, "Abengourou")  # ... and only the town answers
    assert (place.precision, place.gazetteer_id) == ("city", "geonames:2293549")


def test_country_outlines_answer_points_inside_them_and_nothing_at_sea():
    assert _countries_at([(48.8566, 2.3522), (-33.87, 151.21), (0.0, -30.0)]) == ["FR", "AU", ""]
    assert _countries_at([]) == []


def test_a_document_places_its_event_in_the_district():
    geocoder = Geocoder(Gazetteer.load())
    found = geocoder.resolve_document(["Danaba", "Marsabit", "Kenya"])
    place = found["Danaba"]
    assert (place.name, place.country, place.precision) == ("Danaba", "KE", "district")


def test_the_reader_skips_comments_and_broken_rows(tmp_path):
    path = tmp_path / "areas.tsv.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write("# a comment\nZenda\t10.5\t20.25\tRU\tWestria\nbroken\tx\ty\nNo region\t1\t2\n")
    assert list(sources.admin_area_records(path)) == [
        sources.AreaRecord("Zenda", 10.5, 20.25, "RU", "Westria")
    ]


def _load_script():
    spec = importlib.util.spec_from_file_location(
        "build_admin_areas", ROOT / "scripts" / "build_admin_areas.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_build_script_keeps_names_and_points_and_drops_garbled_names(tmp_path):
    source = tmp_path / "geo-boundaries.csv"
    source.write_text(
        "name,shape_id,lon,lat,admin1,admin2\n"
        "Zenda,1,20.123456,10.987654,Ruritania,Westria\n"
        "Zenda,2,20.123456,10.987654,Ruritania,Westria\n"  # the same area twice
        "Mal5 5pa,3,1,2,Ruritania,Westria\n"  # digits: a garbled name
        "AkoboissuÃ©,4,1,2,Ruritania,Westria\n"  # UTF-8 read as Latin-1
        "Eastmark,5,-3.5,7.25,Nowhere Land,Freedonia\n"  # a country no table knows
        "STRELSAU HILLS,6,1.5,2.5,Ruritania,Westria\n"  # shouting
        'Tarlenheim_Castle (TC),7,3,4,Ruritania,"Westria, North"\n'  # underscore, bracket
        '"Hentzau, Landkreis",8,5,6,Ruritania,Westria\n'  # a kind after a comma
        '"""Nordre Zenda"" nor",9,7,8,Ruritania,Westria\n'  # a language code after the name
        "Rassendyll (Nossa Senh,10,9,10,Ruritania,Westria\n",  # an unclosed bracket
        "utf-8",
    )
    script = _load_script()
    script.country_of = lambda name: {"Ruritania": "RU"}.get(name, "")
    out = tmp_path / "areas.tsv.gz"
    assert script.main([str(source), "--out", str(out)]) == 0
    assert list(sources.admin_area_records(out)) == [
        sources.AreaRecord("Hentzau", 6.0, 5.0, "RU", "Westria"),
        sources.AreaRecord("Nordre Zenda", 8.0, 7.0, "RU", "Westria"),
        sources.AreaRecord("Rassendyll", 10.0, 9.0, "RU", "Westria"),
        sources.AreaRecord("Strelsau Hills", 2.5, 1.5, "RU", "Westria"),
        sources.AreaRecord("Tarlenheim Castle", 4.0, 3.0, "RU", "Westria, North"),
        sources.AreaRecord("Zenda", 10.9877, 20.1235, "RU", "Westria"),
    ]


def test_the_build_script_names_a_file_that_is_not_the_area_table(tmp_path):
    script = _load_script()
    wrong = tmp_path / "people.csv"
    wrong.write_text("name,born\nRudolf,1850\n", "utf-8")
    out = tmp_path / "areas.tsv.gz"
    with pytest.raises(SystemExit, match="people.csv: not the area table"):
        script.main([str(wrong), "--out", str(out)])
    with pytest.raises(SystemExit, match="cannot read the area table"):
        script.main([str(tmp_path / "missing.whl"), "--out", str(out)])
    assert not out.exists()  # nothing half-written
