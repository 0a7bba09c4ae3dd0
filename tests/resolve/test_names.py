from hypothesis import given
from hypothesis import strategies as st

from footprint.resolve.names import clean, is_acronym, key, split_titles


def test_clean_removes_brackets_article_possessive():
    assert clean("[Omar] Rahimi") == "Omar Rahimi"
    assert clean("the Senate") == "Senate"
    assert clean("Hezbollah’s") == "Hezbollah"
    assert clean("U.S.") == "U.S."


def test_key_ignores_case_accents_and_hyphens():
    assert key("Al-Qadi") == key("al Qadi") == key("AL QADI")
    assert key("Façade Group") == key("Facade group")


def test_titles_split_but_a_lone_name_keeps_its_title():
    assert split_titles("Maulana Karim Rehman") == ("Karim Rehman", ("Maulana",))
    assert split_titles("Prime Minister Ana Lopez") == ("Ana Lopez", ("Prime Minister",))
    assert split_titles("Mufti Azim") == ("Mufti Azim", ())
    assert split_titles("Karim Rehman") == ("Karim Rehman", ())


def test_acronym_shape():
    assert is_acronym("JUI-F") and is_acronym("LeT") and is_acronym("TLP")
    assert not is_acronym("Hamas") and not is_acronym("A")


@given(st.text(max_size=60))
def test_key_is_idempotent(text):
    assert key(key(text)) == key(text)
