from hypothesis import given
from hypothesis import strategies as st

from footprint.extract.hygiene import exclusions

BODY = (
    "Officials gathered in the capital on Monday for the opening of the new session.\n\n"
    "The speaker, a veteran of three parliaments, urged members to pass the budget quickly.\n\n"
)


def _excluded_text(text: str) -> list[str]:
    return [text[e.start : e.end] for e in exclusions(text)]


def test_related_headlines_after_marker_excluded():
    tail = (
        "Jane Roe is a senior editor at the Example Review.\n"
        "See more from this Author\n"
        "Why rivers flood in spring\n"
        "A quiet revolution in village schools\n"
    )
    got = _excluded_text(BODY + tail)
    assert got == [
        "See more from this Author",
        "Why rivers flood in spring",
        "A quiet revolution in village schools",
    ]


def test_title_case_headline_list_without_marker_excluded():
    tail = (
        "The Ministry Announces New Rules for Imports\n"
        "Floods Hit Northern Districts as Rivers Rise\n"
        "Markets Rally After Central Bank Decision\n"
    )
    assert len(_excluded_text(BODY + tail)) == 3


def test_ordinary_article_keeps_everything():
    assert exclusions("Budget passed\n\n" + BODY) == []


def test_pull_quote_with_editorial_brackets_excluded():
    para = (
        "Working from the capital as the group's envoy, Rahimi has met ministers, "
        "and addressed several student unions."
    )
    quote = "Working from the capital as the group's envoy, [Omar] Rahimi has met ministers, and addressed several student unions."
    text = BODY + para + "\n\n" + quote + "\n"
    assert _excluded_text(text) == [quote]


def test_pull_quote_with_ellipsis_before_its_source_excluded():
    quote = (
        "On May 3, 2024, the assembly hosted the delegation and ministers ... praised the visit."
    )
    source = (
        "The envoy's tour continued. On May 3, 2024, the assembly hosted the delegation and "
        "ministers, including the deputy speaker, praised the visit."
    )
    text = BODY + quote + "\n\n" + source + "\n"
    assert _excluded_text(text) == [quote]


def test_repeated_caption_excluded_once():
    text = "A crowd in the square.\n\nA crowd in the square.\n\n" + BODY
    got = exclusions(text)
    assert len(got) == 1 and got[0].start > 0


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_exclusions_stay_inside_the_text(text):
    for e in exclusions(text):
        assert 0 <= e.start < e.end <= len(text)


def test_a_sign_up_box_left_in_the_body_is_excluded_sentence_by_sentence():
    text = (
        "Gunmen attacked a checkpoint on Monday. Get the briefing by email. Invalid email "
        "address. Please re-enter. You must select a newsletter to subscribe to. The attack "
        "killed two guards.\nThe list of an invalid email address. Please re-entering is fine."
    )
    found = [text[e.start : e.end] for e in exclusions(text)]
    assert found == [
        "Invalid email address.",
        "Please re-enter.",
        "You must select a newsletter to subscribe to.",
    ]


def test_a_sign_up_box_makes_no_event_and_no_actor(nlp):
    from footprint.extract.from_doc import extract
    from footprint.model import Document

    text = (
        "Gunmen attacked a checkpoint in Kandahar city on Monday. Invalid email address. "
        "Please re-enter. Thank you for subscribing."
    )
    result = extract(nlp(text), Document(id="d", text=text, path="d.txt", published="2015-03-04"))
    assert [e.type for e in result.events] == ["attack"]
    assert not any("Invalid" in e.name for e in result.entities)


def test_photo_credit_and_caption_labels_are_excluded_not_the_caption():
    text = (
        "Image copyright Getty Images Image caption The blast destroyed cars A bomber drove a "
        "truck into the gate. Media caption Police at the scene."
    )
    found = [text[e.start : e.end].strip() for e in exclusions(text)]
    assert found == ["Image copyright Getty Images", "Image caption", "Media caption"]


def test_a_photo_agency_in_a_credit_is_no_actor(nlp):
    from footprint.extract.from_doc import extract
    from footprint.model import Document

    text = "Image copyright Reuters Image caption Gunmen attacked a checkpoint in Kandahar city."
    result = extract(nlp(text), Document(id="d", text=text, path="d.txt", published="2015-03-04"))
    assert not any(e.name == "Reuters" for e in result.entities)
    assert [e.type for e in result.events if not e.background] == ["attack"]


def test_share_buttons_flattened_into_the_body_are_excluded():
    text = (
        "A rally was held in Tampere. Click to share on Reddit (Opens in new window) Click "
        "to print (Opens in new window) Rudolf Rassendyll spoke."
    )
    kept = text
    for e in sorted(exclusions(text), key=lambda e: -e.start):
        kept = kept[: e.start] + kept[e.end :]
    assert "Reddit" not in kept and "print" not in kept
    assert "A rally was held in Tampere." in kept and "Rudolf Rassendyll spoke." in kept
