"""footprint_paragraphs_v1: the same sentence starts as one token at a time, in linear work."""

import time

import pytest
import spacy
from spacy.tokens import Doc

from footprint.nlp.components.paragraphs import mark_line_starts


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def _one_at_a_time(doc: Doc) -> Doc:
    """The component as it was: right, but quadratic (each setter call scans the doc)."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text):
            token.is_sent_start = True
    return doc


TEXTS = [
    "",
    "\n",
    "One line without a break.",
    "Council agrees budget\n\nThe provincial council met on Tuesday. Members argued.\n",
    "Headline\r\nFirst paragraph. Second sentence.\n  \n\n\tIndented line\nlast",
    '"We will not stop," he said.\nThe crowd cheered.\n\n\n',
    "x\n" * 300,
]


@pytest.mark.parametrize("text", TEXTS)
def test_marks_are_those_set_one_token_at_a_time(blank, text):
    expected = [t.is_sent_start for t in _one_at_a_time(blank(text))]
    assert [t.is_sent_start for t in mark_line_starts(blank(text))] == expected


def test_marks_set_before_are_kept(blank):
    def preset(doc):
        doc[1].is_sent_start = False
        doc[4].is_sent_start = True
        return doc

    text = "a b\nc d e f"
    expected = [t.is_sent_start for t in _one_at_a_time(preset(blank(text)))]
    assert [t.is_sent_start for t in mark_line_starts(preset(blank(text)))] == expected


def test_marks_on_the_real_pipeline(nlp, sample_text):
    # The parser after the component respects the marks: every line starts a sentence.
    doc = nlp(sample_text)
    starts = {s.start for s in doc.sents}
    after_break = [t.i for t in doc[1:] if "\n" in doc[t.i - 1].text_with_ws]
    assert after_break and set(after_break) <= starts


def _seconds(blank, lines: int) -> float:
    """The least processor time of five for the component on `lines` short lines, each on a
    fresh document. This thread's processor time, not the wall clock: another process or
    thread slows the clock, not this work (a wall-clock ratio of 3.5 was seen under load)."""
    mark_line_starts(blank("x\n" * 100))  # the first call's set-up is not the text's work
    best = float("inf")
    for _ in range(5):
        doc = blank("x\n" * lines)
        started = time.thread_time()
        mark_line_starts(doc)
        best = min(best, time.thread_time() - started)
    return best


def test_the_work_grows_with_the_text_not_its_square(blank):
    # The old component took 17 s for 16,000 lines, and four times as long for twice as many;
    # now doubling the lines about doubles the time. The ratio is generous (quadratic work
    # gives 4), and no wall-clock figure is asserted.
    small, large = _seconds(blank, 20_000), _seconds(blank, 40_000)
    assert large / small < 3.2, (small, large)


def test_no_sentence_starts_inside_a_short_bracket(blank):
    doc = mark_line_starts(blank("Two groups clashed [a long feud] in the town on Sunday [9 May]."))
    opener = next(t.i for t in doc if t.text == "[")
    assert doc[opener].is_sent_start is False
    assert all(t.is_sent_start is False for t in doc[opener + 1 : opener + 5])


def test_a_bracket_after_a_full_stop_may_start_a_sentence(blank):
    doc = mark_line_starts(blank("A bomb exploded. [Nobody claimed it.] Police came."))
    opener = next(t.i for t in doc if t.text == "[")
    assert doc[opener].is_sent_start is None  # left to the parser
    assert doc[opener + 1].is_sent_start is False


def test_brackets_left_open_or_spanning_lines_are_left_alone(blank):
    doc = mark_line_starts(blank("He said (more\nlater) and [never closed"))
    assert all(t.is_sent_start is not False for t in doc)


def test_the_parser_keeps_a_bracketed_date_in_its_sentence(nlp):
    doc = nlp("Rival supporters clashed outside the market [near the bus stand] on Sunday [9 May].")
    assert len(list(doc.sents)) == 1
