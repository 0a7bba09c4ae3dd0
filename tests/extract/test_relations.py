"""Relations from grammar, on invented sentences in the genre."""

from tests.conftest import relation_tuples


def _rels(analyse, text):
    result = analyse(text)
    return relation_tuples(result), result


def test_apposition_head_of(analyse):
    rels, _ = _rels(
        analyse,
        "The march was led by Tariq Durrani, head of Tehreek-e-Nizam, who spoke for an hour.",
    )
    assert ("Tariq Durrani", "leader_of", "Tehreek-e-Nizam", "head") in rels


def test_possessive_envoy_with_place(analyse):
    rels, result = _rels(
        analyse,
        "The visitor was Yasir Haddad, Hezbollah's envoy in Baghdad, according to officials.",
    )
    assert ("Yasir Haddad", "represents", "Hezbollah", "envoy") in rels
    rel = next(r for r in result.relations if r.predicate == "represents")
    assert dict(rel.qualifiers) == {"place": "Baghdad"}
    assert rel.evidence.attribution == "according to officials"


def test_premodifier_with_past_marker_and_coordination(analyse):
    rels, result = _rels(
        analyse,
        "The crowd heard then-Hezbollah leader Hassan Nasrallah. Later Hezbollah commanders Ali Karaki and Fuad Shukr arrived.",
    )
    assert ("Hassan Nasrallah", "leader_of", "Hezbollah", "leader") in rels
    past = [r for r in result.relations if dict(r.qualifiers).get("time") == "past"]
    assert len(past) == 1
    assert ("Ali Karaki", "member_of", "Hezbollah", "commander") in rels
    assert ("Fuad Shukr", "member_of", "Hezbollah", "commander") in rels


def test_kinship_with_nested_role(analyse):
    rels, _ = _rels(
        analyse,
        "Also present was Imran Qadri, brother of Sipah-e-Sahaba chief Maulana Aurangzeb Farooqi.",
    )
    assert ("Imran Qadri", "relative_of", "Aurangzeb Farooqi", "brother") in rels
    assert ("Aurangzeb Farooqi", "leader_of", "Sipah-e-Sahaba", "chief") in rels


def test_front_facade_and_rebrand(analyse):
    rels, _ = _rels(
        analyse,
        "The event was hosted by the Tehreek-e-Azadi Forum, the political façade of Harkat-ul-Mujahideen. "
        "Jamaat-ul-Khair is widely seen as a front for Harkat-ul-Mujahideen.",
    )
    assert ("Tehreek-e-Azadi Forum", "front_of", "Harkat-ul-Mujahideen", "political façade") in rels
    assert ("Jamaat-ul-Khair", "front_of", "Harkat-ul-Mujahideen", "front") in rels


def test_author_line_and_office_title(analyse):
    rels, result = _rels(
        analyse,
        "Senator Farhan Qazi welcomed the guests to the Senate.\n\n"
        "Maria Lind is a senior fellow at the Nordic Institute for Security Studies.",
    )
    assert ("Farhan Qazi", "member_of", "Senate", "Senator") in rels
    assert (
        "Maria Lind",
        "works_for",
        "Nordic Institute for Security Studies",
        "senior fellow",
    ) in rels
    assert result.document.author == "Maria Lind"


def test_every_relation_has_evidence_inside_the_text(analyse):
    text = "Tariq Durrani, head of Tehreek-e-Nizam, met Yasir Haddad, Hezbollah's envoy in Baghdad."
    result = analyse(text)
    assert result.relations
    for r in result.relations:
        ev = r.evidence
        assert text[ev.start : ev.end] == ev.text and ev.text in ev.sentence


def test_no_relation_without_grammar(analyse):
    rels, _ = _rels(
        analyse, "Tariq Durrani and Hezbollah were both mentioned in the report on Baghdad."
    )
    assert rels == set()


def test_apposition_with_a_place_word_before_the_role(analyse):
    # The model tags the city as a nationality here; the role still holds, without a place.
    rels, _ = _rels(
        analyse,
        "The event was chaired by Javed Karim, the Lahore chief of Tehreek-e-Nizam (TN), who "
        "spoke first.",
    )
    assert ("Javed Karim", "leader_of", "Tehreek-e-Nizam", "chief") in rels
