"""Components on invented sentences: the rules must work on names they have never seen."""

import pytest

from footprint.nlp.components.acronyms import initials, matches


def _ents(nlp, text):
    return {(e.text, e.label_) for e in nlp(text).ents}


def test_hyphenated_transliterated_names_stay_whole(nlp):
    ents = _ents(
        nlp, "Leaders of Harkat-ul-Mujahideen and Sipah-e-Sahaba met in the city on Friday."
    )
    assert ("Harkat-ul-Mujahideen", "ORG") in ents
    assert ("Sipah-e-Sahaba", "ORG") in ents


def test_surname_is_a_person_everywhere(nlp):
    doc = nlp(
        "The rally was addressed by Tariq Durrani, a cleric from the north. "
        "Durrani said the movement would grow. Crowds cheered Durrani as he left."
    )
    labels = {e.text: e.label_ for e in doc.ents if "Durrani" in e.text}
    assert set(labels.values()) == {"PERSON"}


def test_name_with_particle_not_cut(nlp):
    ents = _ents(nlp, "The envoy met Omar bin Rashid and Yusuf Al Harbi in the capital.")
    assert ("Yusuf Al Harbi", "PERSON") in ents


def test_honorific_led_name_is_a_person(nlp):
    doc = nlp("Mufti Kareem Baig, the spokesman of the movement, spoke to reporters.")
    assert any(e.label_ == "PERSON" and "Kareem Baig" in e.text for e in doc.ents)


def test_place_cue_makes_a_town(nlp):
    doc = nlp(
        "The largest meeting took place in the town of Qaziabad near the border. Qaziabad was calm."
    )
    assert {e.label_ for e in doc.ents if e.text == "Qaziabad"} == {"GPE"}


def test_acronym_defined_in_brackets_joins_expansion(nlp):
    doc = nlp(
        "She is a researcher at the Centre for Border Security Studies (CBSS). CBSS published the report."
    )
    assert doc._.acronyms == {"CBSS": "Centre for Border Security Studies"}
    assert sum(1 for e in doc.ents if e.text == "CBSS" and e.label_ == "ORG") == 2


def test_quoted_event_title_is_not_an_actor(nlp):
    doc = nlp('He spoke at the "Unity of the Faithful Conference" in the capital.')
    assert not any(e.label_ in ("ORG", "PERSON") for e in doc.ents)


def test_initials_with_and_without_particles():
    assert {"LT", "LET"} <= initials("Lashkar-e-Taiba")
    assert matches("JUI-F", "Jamiat Ulema-e-Islam-Fazl")
    assert matches("TTP", "Tehrik-e-Taliban Pakistan")
    assert matches("MEMRI", "Middle East Media Research Institute")
    assert not matches("PMML", "Pakistan Muslim League")


def test_undefined_acronyms_are_organisations_but_not_units_or_descriptions(nlp):
    doc = nlp("The SSA-N claimed the post at 5 PM, and a non-NATO ally said the MNDAA fled.")
    orgs = {e.text for e in doc.ents if e.label_ == "ORG"}
    assert {"SSA-N", "MNDAA"} <= orgs
    assert "PM" not in orgs and "NATO" not in orgs
    shouted = nlp("POLICE RAID CAMP IN NORTH")
    assert not [e for e in shouted.ents if e.label_ == "ORG"]


def test_a_county_is_a_place_and_its_name_stays_one():
    import spacy
    from spacy.tokens import Doc, Span

    from footprint.nlp.components.names import _relabel

    doc = Doc(spacy.blank("en").vocab, words=["in", "County", "Wexford", ",", "Ireland"])
    assert _relabel(Span(doc, 1, 3, label="PERSON")).label_ == "GPE"
    assert _relabel(Span(doc, 2, 3, label="PERSON")).label_ == "PERSON"  # one word: as it was


def test_a_name_the_model_took_for_a_product_before_an_area_word_is_a_place():
    import spacy
    from spacy.tokens import Doc

    from footprint.nlp.components.names import admin_area_spans

    words = ["in", "Tarlenheim", "governorate", ",", "Ruritania"]
    pos = ["ADP", "PROPN", "NOUN", "PUNCT", "PROPN"]
    vocab = spacy.blank("en").vocab

    def spans(label):
        ents = ["O", f"B-{label}", "O", "O", "B-GPE"]
        return admin_area_spans(Doc(vocab, words=words, pos=pos, ents=ents))

    assert spans("PRODUCT") == [(1, 3)]
    assert spans("WORK_OF_ART") == [(1, 3)]
    assert spans("GPE") == []  # a place the model found already
    # before an area word that also names other things ("division"), a product stays one
    words[2], pos[2] = "division", "NOUN"
    assert spans("PRODUCT") == []


def test_residents_of_a_name_make_it_a_place_but_not_a_number():
    import spacy
    from spacy.tokens import Doc

    from footprint.nlp.components.consistency import apply_place_cues

    vocab = spacy.blank("en").vocab
    doc = Doc(vocab, words=["Residents", "of", "Tarlenheim", "marched", "."])
    doc.ents = [doc.char_span(13, 23, label="NORP")]
    apply_place_cues(doc, set())
    assert [(e.text, e.label_) for e in doc.ents] == [("Tarlenheim", "GPE")]
    doc = Doc(vocab, words=["Residents", "of", "12", "villages", "marched", "."])
    doc.ents = [doc.char_span(13, 15, label="CARDINAL")]
    apply_place_cues(doc, set())
    assert [(e.text, e.label_) for e in doc.ents] == [("12", "CARDINAL")]


def test_an_untagged_name_after_a_place_cue_is_a_place_but_not_a_bodys_name():
    import spacy
    from spacy.tokens import Doc

    from footprint.nlp.components.consistency import apply_place_cues

    vocab = spacy.blank("en").vocab

    def cued(words, pos):
        doc = Doc(vocab, words=words, pos=pos)
        apply_place_cues(doc, set())
        return [(e.text, e.label_) for e in doc.ents]

    assert cued(
        ["Residents", "of", "Tarlenheim", "marched", "."], ["NOUN", "ADP", "PROPN", "VERB", "PUNCT"]
    ) == [("Tarlenheim", "GPE")]
    assert cued(
        ["the", "village", "of", "Zenda", "Strelsau", "burned"],
        ["DET", "NOUN", "ADP", "PROPN", "PROPN", "VERB"],
    ) == [("Zenda Strelsau", "GPE")]
    # a body's name, a cue that only ends like one, and a word the tagger made no name
    assert (
        cued(
            ["Residents", "of", "Zenda", "Housing", "Council", "met"],
            ["NOUN", "ADP", "PROPN", "PROPN", "PROPN", "VERB"],
        )
        == []
    )
    assert (
        cued(["the", "hometown", "of", "Rassendyll", "."], ["DET", "NOUN", "ADP", "PROPN", "PUNCT"])
        == []
    )
    assert cued(["residents", "of", "Many", "towns"], ["NOUN", "ADP", "ADJ", "NOUN"]) == []
    # a title in capitals throughout, a state of emergency, a building
    title = ["Residents", "Of", "Zenda", "Protest", "Power", "Cuts"]
    assert cued(title, ["NOUN", "ADP", "PROPN", "PROPN", "PROPN", "PROPN"]) == []
    title = ["Residents", "of", "Zenda", "Protest", "Power", "Cuts"]
    assert cued(title, ["NOUN", "ADP", "PROPN", "PROPN", "PROPN", "PROPN"]) == []
    assert (
        cued(["declared", "a", "State", "of", "Emergency"], ["VERB", "DET", "NOUN", "ADP", "PROPN"])
        == []
    )
    assert (
        cued(
            ["Residents", "of", "Zenda", "Towers", "met"], ["NOUN", "ADP", "PROPN", "PROPN", "VERB"]
        )
        == []
    )


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Residents of Hentzau's compound protested on Monday. Hentzau said the protest was "
            "peaceful.",
            "Hentzau",
        ),
        (
            "Residents of Acme Housing Estate protested on Monday. Acme Housing Estate said it "
            "regretted the eviction.",
            "Acme Housing Estate",
        ),
    ],
)
def test_residents_of_an_owner_or_a_body_leave_its_name_alone(nlp, text, name):
    assert "GPE" not in {e.label_ for e in nlp(text).ents if e.text == name}
