"""Resolving toponyms: countries, regions, venues, demonyms, and the document's context."""

from collections import Counter

import pytest

from footprint.place import Gazetteer, Geocoder


@pytest.fixture(scope="module")
def geocoder() -> Geocoder:
    return Geocoder(Gazetteer.load())


def where(place):
    return (place.name, place.country, place.precision) if place else None


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("U.S.", "US"),
        ("US", "US"),
        ("USA", "US"),
        ("United States", "US"),
        ("UK", "GB"),
        ("Britain", "GB"),
        ("UAE", "AE"),
        ("Pakistan", "PK"),
        ("Palestine", "PS"),
    ],
)
def test_countries_and_their_abbreviations_resolve_to_the_country(geocoder, written, code):
    place = geocoder.resolve(written)
    assert place is not None
    assert (place.country, place.precision, place.admin1) == (code, "country", None)
    assert place.lat is not None and place.lon is not None


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Kashmir", None),
        ("Pakistan-occupied Kashmir", "PK"),
        ("Azad Kashmir", "PK"),
        ("Azad Jammu and Kashmir", "PK"),
        ("Khyber Pakhtunkhwa", "PK"),
        ("Punjab", "PK"),
        ("Gaza", "PS"),
        ("Gaza Strip", "PS"),
        ("West Bank", "PS"),
        ("Louisiana", "US"),
    ],
)
def test_regions_resolve_to_regions_not_to_namesake_towns(geocoder, written, code):
    place = geocoder.resolve(written)
    assert place is not None
    assert (place.country, place.precision) == (code, "region"), where(place)


def test_the_kashmir_names_share_one_region(geocoder):
    ids = {
        geocoder.resolve(n).gazetteer_id
        for n in ("Pakistan-occupied Kashmir", "Azad Kashmir", "Azad Jammu and Kashmir", "AJK")
    }
    assert len(ids) == 1


def test_a_capital_keeps_its_name_against_an_old_name_of_a_bigger_city(geocoder):
    assert where(geocoder.resolve("Islamabad")) == ("Islamabad", "PK", "city")
    assert where(geocoder.resolve("Islamabad’s")) == ("Islamabad", "PK", "city")


def test_context_picks_the_right_one_of_two_same_named_cities(geocoder):
    assert geocoder.resolve("Hyderabad").country == "IN"  # the bigger, without context
    assert geocoder.resolve("Hyderabad", Counter({"PK": 2})).country == "PK"
    found = geocoder.resolve_document(["Hyderabad", "Sindh", "Karachi"])
    assert where(found["Hyderabad"]) == ("Hyderabad", "PK", "city")


def test_a_region_of_the_document_picks_its_town(geocoder):
    assert geocoder.resolve("Alexandria").country == "EG"
    found = geocoder.resolve_document(["Alexandria", "Louisiana", "Pineville"])
    assert (found["Alexandria"].country, found["Alexandria"].admin1) == ("US", "Louisiana")
    found = geocoder.resolve_document(["Paris", "Texas"])
    assert (found["Paris"].country, found["Paris"].admin1) == ("US", "Texas")


def test_a_country_named_like_a_state_follows_the_document(geocoder):
    alone = geocoder.resolve_document(["Georgia", "Tbilisi"])["Georgia"]
    assert (alone.country, alone.precision) == ("GE", "country")
    american = geocoder.resolve_document(["Georgia", "Atlanta", "Alabama"])["Georgia"]
    assert (american.country, american.precision) == ("US", "region")


def test_same_region_name_in_two_countries_follows_the_document(geocoder):
    assert geocoder.resolve_document(["Punjab", "Lahore"])["Punjab"].country == "PK"
    assert geocoder.resolve_document(["Punjab", "Amritsar"])["Punjab"].country == "IN"


@pytest.mark.parametrize(
    ("venue", "city"),
    [
        ("the Karachi Press Club", "Karachi"),
        ("National Press Club in Islamabad", "Islamabad"),
        ("Nasser Bagh, Lahore", "Lahore"),
        ("Lahore High Court", "Lahore"),
        ("University of Karachi", "Karachi"),
    ],
)
def test_a_venue_resolves_to_its_city(geocoder, venue, city):
    place = geocoder.resolve_document([venue, "Pakistan"])[venue]
    assert where(place) == (city, "PK", "venue")


def test_a_buildings_name_is_no_wholly_different_town(geocoder):
    # GeoNames lists "Burleigh School" among a big Philippine city's other names.
    assert geocoder.gazetteer.candidates("Burleigh School")[0].name == "Zamboanga"
    assert geocoder.resolve_document(["Burleigh School"])["Burleigh School"] is None


def test_a_town_named_with_a_venue_word_keeps_its_other_names(geocoder):
    # "Port" and "Fort" also make towns' names: these are other names of the towns themselves.
    found = geocoder.resolve_document(["Port Elizabeth", "South Africa"])["Port Elizabeth"]
    assert (found.name, found.country) == ("Gqeberha", "ZA")
    assert geocoder.resolve_document(["Fort Lamy", "Chad"])["Fort Lamy"].country == "TD"


def test_an_address_inside_a_region_stays_inside_it(geocoder):
    place = geocoder.resolve("Springfield, Illinois")
    assert (place.name, place.admin1, place.precision) == ("Springfield", "Illinois", "city")
    place = geocoder.resolve("Hyderabad, Sindh, Pakistan")
    assert (place.name, place.country, place.precision) == ("Hyderabad", "PK", "city")
    place = geocoder.resolve("Springfield, Ill.")  # an AP state abbreviation, with its stop
    assert place.admin1 == "Illinois"


def test_organisations_named_after_a_city_are_not_placed(geocoder):
    assert geocoder.resolve("Karachi Bar Association") is None
    assert geocoder.resolve("the Pakistan Muslim League") is None
    assert geocoder.resolve("Punjab Police") is None


@pytest.mark.parametrize("word", ["Pakistani", "Pakistanis", "Israeli", "American", "Kashmiri"])
def test_demonyms_are_not_places(geocoder, word):
    assert geocoder.resolve(word) is None


def test_a_demonym_still_hints_at_the_document_country(geocoder):
    found = geocoder.resolve_document(["Hyderabad", "Pakistani"])
    assert found["Pakistani"] is None
    assert found["Hyderabad"].country == "PK"


def test_acronyms_of_organisations_and_unknown_names_resolve_to_nothing(geocoder):
    found = geocoder.resolve_document(["UN", "NATO", "Hamas", "Qwzxrtplk", "", "Karachi"])
    assert [found[n] for n in ("UN", "NATO", "Hamas", "Qwzxrtplk", "")] == [None] * 5
    assert found["Karachi"].country == "PK"


def test_resolve_document_answers_every_name_given_once(geocoder):
    names = ["Peshawar", "Pakistan", "Peshawar", "Kashmir"]
    found = geocoder.resolve_document(names)
    assert list(found) == ["Peshawar", "Pakistan", "Kashmir"]
    assert where(found["Peshawar"]) == ("Peshawar", "PK", "city")
    assert geocoder.resolve_document([]) == {}


def test_ambiguous_names_without_context_still_get_the_best_guess(geocoder):
    assert geocoder.resolve("Springfield").country == "US"
    assert geocoder.resolve("Paris").country == "FR"


def test_a_place_named_by_the_whole_phrase_beats_those_named_without_its_area_word(geocoder):
    # The San Francisco neighbourhood is called so; a town called "Mission" elsewhere is
    # bigger but is only named by part of the phrase.
    place = geocoder.resolve("Mission District")
    assert where(place) == ("Mission District", "US", "city") and place.admin1 == "California"
    # ... and the document can still choose the shorter name's place: in a Ghanaian report the
    # "Eastern District" is the Eastern Region.
    answers = geocoder.resolve_document(["Eastern District", "Accra", "Kumasi", "Ghana"])
    assert where(answers["Eastern District"]) == ("Eastern", "GH", "region")


@pytest.mark.parametrize(
    ("written", "town", "code"),
    [("Nagarpur upazila", "Nāgarpur", "BD"), ("Murree tehsil", "Murree", "PK")],
)
def test_a_unit_below_a_district_is_found_by_its_seat_town(geocoder, written, town, code):
    place = geocoder.resolve(written)
    assert place is not None and (place.name, place.country) == (town, code)


@pytest.mark.parametrize(
    ("written", "region", "town"),
    [("Khuzdaar town", "Balochistan province", "Khuzdar"), ("Ghotky", "Sindh", "Ghotki")],
)
def test_an_unknown_spelling_where_only_a_place_goes_is_the_region_town_it_sounds_like(
    geocoder, written, region, town
):
    answers = geocoder.resolve_document([written, region, "Pakistan"], sure={written})
    assert answers[written] is not None and answers[written].name == town
    # not without a region or country that says where to look, nor where the text does not
    # say a place goes
    assert geocoder.resolve_document([written], sure={written})[written] is None
    assert geocoder.resolve_document([written, region, "Pakistan"])[written] is None


def test_with_no_region_known_the_named_countrys_towns_are_sought(geocoder):
    # "Western state" is no region of Sudan the gazetteer knows (four other countries have
    # one): the whole country is searched, for a town, the kind the text writes
    written = "Kassalah town"
    found = geocoder.resolve_document([written, "Western state", "Sudan"], sure={written})
    assert where(found[written]) == ("Kassala", "SD", "city")
    assert where(
        geocoder.resolve_document(["Kassalah", "Sudan"], sure={"Kassalah"})["Kassalah"]
    ) == (
        "Kassala",
        "SD",
        "city",
    )
    # a country's name that is also a village's elsewhere is no vote for that village's
    # region: the country is searched
    algeria = geocoder.resolve_document(["Timizzart", "Algeria"], sure={"Timizzart"})
    assert where(algeria["Timizzart"]) == ("Timizart", "DZ", "city")
    # a region the document's towns lie in is still found with two countries named, and a
    # region of another country than the named ones casts no vote
    two = geocoder.resolve_document(["Savelugoo", "Tamale", "Ghana", "Togo"], sure={"Savelugoo"})
    assert where(two["Savelugoo"]) == ("Savelugu", "GH", "city")
    # two countries named: no one country to search
    both = geocoder.resolve_document([written, "Sudan", "Ghana"], sure={written})
    assert both[written] is None


def test_across_a_whole_country_only_a_place_of_the_written_kind_answers(geocoder):
    # a town the gazetteer knows only as the district it is the seat of: found inside the
    # region the text names, not by searching a whole country for a town
    written = "Taourah town"
    inside = geocoder.resolve_document([written, "Souk Ahras province", "Algeria"], sure={written})
    assert where(inside[written]) == ("Taoura", "DZ", "district")
    assert geocoder.resolve_document([written, "Algeria"], sure={written})[written] is None


@pytest.mark.parametrize(
    ("written", "region", "country", "found", "precision"),
    [
        # the town's name as written, without the article GeoNames gives it
        ("Darwah town", "Chaouia-Ouardigha region", "Morocco", "Ad Darwa", "city"),
        # a town the gazetteer lacks, known by the district it is the seat of
        ("Taourah town", "Souk Ahras province", "Algeria", "Taoura", "district"),
    ],
)
def test_a_spelling_where_only_a_place_goes_finds_an_articled_town_or_a_district(
    geocoder, written, region, country, found, precision
):
    answer = geocoder.resolve_document([written, region, country], sure={written})[written]
    assert answer is not None and (answer.name, answer.precision) == (found, precision)


def test_a_region_spelled_otherwise_is_the_named_countrys_region_and_its_towns_are_sought(
    geocoder,
):
    town, region = "Darwah town", "Chaouiya-Ouardigha region"
    answers = geocoder.resolve_document([town, region, "Morocco"], sure={town, region})
    assert (answers[region].name, answers[region].precision) == ("Chaouia-Ouardigha", "region")
    assert answers[town].name == "Ad Darwa"
    # only among the regions of a country the document names, and only with a region's word
    assert geocoder.resolve_document([region], sure={region})[region] is None
    bare = "Chaouiya-Ouardigha"
    assert geocoder.resolve_document([bare, "Morocco"], sure={bare})[bare] is None


@pytest.mark.parametrize(
    ("written", "found", "precision"),
    [
        ("Timizzart district", "Timezrit", "district"),
        ("Timizzart town", "Timizart", "city"),
        ("Timizzart", "Timizart", "city"),
    ],
)
def test_the_word_written_with_a_spelling_chooses_between_a_town_and_a_district(
    geocoder, written, found, precision
):
    # a town and a district of one region that sound alike, 45 km apart
    answer = geocoder.resolve_document([written, "Tizi Ouzou province", "Algeria"], sure={written})
    assert (answer[written].name, answer[written].precision) == (found, precision)


def test_one_town_listed_with_and_without_its_article_is_one_answer(geocoder):
    written = "Ruwayshidh town"
    answer = geocoder.resolve_document([written, "Mafraq governorate", "Jordan"], sure={written})
    # (the one GeoNames counts more people in)
    assert answer[written] is not None and answer[written].name == "Ar Ruwayshid"


def test_only_a_name_written_as_a_first_level_unit_is_sought_among_regions(geocoder):
    found = geocoder.resolve_document(
        ["Souk Ahrass province", "Algeria"], sure={"Souk Ahrass province"}
    )
    assert found["Souk Ahrass province"].name == "Souk Ahras"
    district = "Souk Ahrass district"
    assert geocoder.resolve_document([district, "Algeria"], sure={district})[district] is None


def test_a_seat_the_gazetteer_gives_no_population_outranks_a_small_namesake_abroad(geocoder):
    # the town gives its name to the district it lies in; GeoNames counts none of its people
    place = geocoder.resolve("Lin'an")
    assert place is not None and (place.country, place.precision) == ("CN", "city")


def test_a_name_with_the_arabic_article_finds_the_place_written_without_it(geocoder):
    assert where(geocoder.resolve("Al-Musaffah")) == ("Musaffah", "AE", "city")


def test_a_phrase_that_is_a_places_own_name_is_answered_though_a_bigger_town_shares_its_stem(
    geocoder,
):
    # "Basel city" is the canton's own name; the bigger town is only named "Basel", so it may
    # lose, but the phrase still has an answer.
    place = geocoder.resolve("Basel city")
    assert place is not None and place.country == "CH"


def test_a_south_asian_unit_word_finds_no_town_outside_south_asia(geocoder):
    assert geocoder.resolve("Gombe") is not None  # a Nigerian town
    assert geocoder.resolve("Gombe tehsil") is None
