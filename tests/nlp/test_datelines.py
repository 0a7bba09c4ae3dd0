"""What the model reads across a report's dateline, mended (footprint_datelines_v1), and the
dateline itself found in the text (nlp/datelines.py)."""

import pytest

from footprint.nlp.datelines import find_dateline


def _ents(nlp, text):
    return {(e.text, e.label_) for e in nlp(text).ents}


def test_a_date_that_swallowed_the_first_words_is_cut_at_the_dash(nlp):
    # the model reads "Sept 1 - The Freedonia Unity Party" as one date
    ents = _ents(nlp, "KUMASI, Sept 1 - The Freedonia Unity Party held a rally in Kumasi.")
    assert ("Sept 1", "DATE") in ents
    assert ("The Freedonia Unity Party", "ORG") in ents
    assert not any(" - " in text for text, _ in ents)


def test_words_after_the_dash_that_are_no_organisation_s_name_stay_unnamed(nlp):
    ents = _ents(nlp, "TAMALE, Ghana, May 12 - Police arrested ten traders on Sunday.")
    assert ("May 12", "DATE") in ents
    assert not any("Police" in text for text, _ in ents)


def test_the_agency_in_the_dateline_is_no_entity(nlp):
    ents = _ents(nlp, "LEEDS, May 12 (Reuters) - The Westrian Solidarity Front held a rally.")
    assert not any(text == "Reuters" for text, _ in ents)
    assert ("The Westrian Solidarity Front", "ORG") in ents


def test_a_dash_in_the_body_is_left_to_the_model(nlp):
    text = "Hundreds marched in Leeds on May 12 - the third march this year."
    doc = nlp(text)
    assert find_dateline(text) is None
    assert any(e.label_ == "DATE" for e in doc.ents)


def test_an_agency_named_in_the_story_stays_an_entity(nlp):
    ents = _ents(
        nlp, "LEEDS, May 12 - The Westrian Solidarity Front told Reuters it would march again."
    )
    assert any(text == "Reuters" for text, _ in ents)


@pytest.mark.parametrize(
    ("text", "name", "agency", "mark"),
    [
        ("LEEDS, May 12 (Reuters) - x", "LEEDS", "(Reuters)", "-"),
        ("\ufeffLAHORE: x", "LAHORE", None, ":"),
        ("Title\r\n\r\nDhaka — x", "Dhaka", None, "—"),
    ],
)
def test_the_dateline_s_parts_are_where_the_text_has_them(text, name, agency, mark):
    found = find_dateline(text)
    assert text[slice(*found.name)] == name
    assert (text[slice(*found.agency)] if found.agency else None) == agency
    assert text[slice(*found.mark)] == mark


def test_an_agency_right_after_the_place_is_no_entity(nlp):
    ents = _ents(nlp, "WASHINGTON (Reuters) - The Westrian Solidarity Front held a rally.")
    assert not any(text == "Reuters" for text, _ in ents)


@pytest.mark.parametrize(
    "text",
    ["Monday - Hundreds of traders marched in Tamale.", "March 3: Traders marched in Tamale."],
)
def test_a_day_or_month_opening_the_text_is_no_dateline(text):
    assert find_dateline(text) is None
    assert find_dateline("Sept. 4 - Traders marched in Tamale.") is None


def test_a_byline_is_no_dateline():
    assert find_dateline("By Anna Hentzau, Westrian Wire - The Front held a rally.") is None


def test_a_country_in_brackets_before_the_date_is_no_agency():
    text = "NAKURU (Kenya), May 12 - Police arrested ten traders."
    found = find_dateline(text)
    assert text[slice(*found.name)] == "NAKURU" and found.agency is None
