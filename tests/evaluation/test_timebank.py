"""The TimeBank scorer: a tiny TimeML document written here, then the real corpus if present."""

import datetime as dt
from pathlib import Path

import pytest

from footprint.evaluation.timebank import evaluate, granularity, iter_gold, normalise_value

TIMEBANK = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "timex" / "TimeBank"

TINY = """<?xml version="1.0" ?>
<TimeML>
<DOCID>TINY1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" temporalFunction="false"
 functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>
Prices fell <TIMEX3 tid="t1" type="DATE" value="1998-01-07" functionInDocument="NONE">yesterday</TIMEX3>
after rising in <TIMEX3 tid="t2" type="DATE" value="1997-10" functionInDocument="NONE">October</TIMEX3>
and on <TIMEX3 tid="t3" type="DATE" value="1997-11-02" functionInDocument="NONE">November 2</TIMEX3>;
for <TIMEX3 tid="t4" type="DURATION" value="P3M" functionInDocument="NONE">three months</TIMEX3>
traders waited. <TIMEX3 tid="t5" type="DATE" value="PRESENT_REF" functionInDocument="NONE">Now</TIMEX3>
they sell. In <TIMEX3 tid="t6" type="DATE" value="199X" functionInDocument="NONE">the 1990s</TIMEX3>
and <TIMEX3 tid="t7" type="DATE" value="1989-WXX" functionInDocument="NONE">that week</TIMEX3> too.
</TEXT>
</TimeML>
"""


@pytest.fixture
def tiny_folder(tmp_path):
    (tmp_path / "tiny.tml").write_text(TINY, "utf-8")
    return tmp_path


def test_iter_gold_skips_the_creation_time(tiny_folder):
    rows = list(iter_gold(tiny_folder))
    assert rows[0] == ("TINY1", dt.date(1998, 1, 8), "yesterday", "DATE", "1998-01-07")
    assert [r[2] for r in rows] == [
        "yesterday",
        "October",
        "November 2",
        "three months",
        "Now",
        "the 1990s",
        "that week",
    ]


def test_scores_only_date_expressions(tiny_folder):
    result = evaluate(tiny_folder)
    # anchored, "that week" is the DCT's week; in the story, the week of November 2
    weeks = {"top": "1998-W02", "anchored": "1998-W02", "narrative": "1997-W44"}
    for name, mode in (
        ("top", result),
        ("anchored", result["anchored"]),
        ("narrative", result["narrative"]),
    ):
        assert mode["documents"] == 1
        assert mode["expressions"] == 6  # the DURATION is not scored
        # "that week" is attempted but cannot match the underspecified gold 1989-WXX
        assert mode["correct"] == 5
        assert mode["attempted"] == 6
        assert mode["accuracy"] == pytest.approx(5 / 6, abs=1e-4)
        assert mode["accuracy_attempted"] == pytest.approx(5 / 6, abs=1e-4)
        assert mode["by_precision"]["day"]["correct"] == 2
        assert mode["by_precision"]["underspecified"] == {
            "expressions": 1,
            "attempted": 1,
            "correct": 0,
            "accuracy": 0.0,
        }
        assert mode["errors"] == [
            {"doc": "TINY1", "text": "that week", "gold": "1989-WXX", "ours": weeks[name]}
        ]


def test_narrative_mode_carries_the_reference(tmp_path):
    text = TINY.replace(
        '<TIMEX3 tid="t3" type="DATE" value="1997-11-02" functionInDocument="NONE">November 2'
        "</TIMEX3>",
        '<TIMEX3 tid="t3" type="DATE" value="1997-11-02" functionInDocument="NONE">'
        "the middle of the month</TIMEX3>",
    )
    (tmp_path / "doc.tml").write_text(text.replace("1997-11-02", "1997-10"), "utf-8")
    result = evaluate(tmp_path)
    # anchored on the DCT "the middle of the month" is January 1998; the story says October 1997
    assert result["narrative"]["correct"] == result["anchored"]["correct"] + 1


def test_value_normalisation():
    assert normalise_value(" 1998-01-08 ") == "1998-01-08"
    assert normalise_value("199X") == "199"
    assert normalise_value("19XX") == "19"
    assert normalise_value("present_ref") == "PRESENT_REF"
    assert normalise_value("1989-WXX") == "1989-WXX"
    assert normalise_value(None) is None
    assert granularity("1989-Q3") == "quarter"
    assert granularity("1989-W44-WE") == "week"
    assert granularity("XXXX-10") == "underspecified"


def test_real_timebank():
    if not TIMEBANK.is_dir():
        pytest.skip(f"TimeBank not found at {TIMEBANK}")
    result = evaluate(TIMEBANK)  # speed is measured by `make eval`, not asserted here
    assert result["documents"] == 183
    assert result["expressions"] > 900
    # Floors a little under the measured 0.807 (anchored) and 0.834 (narrative).
    assert result["anchored"]["accuracy"] >= 0.78
    assert result["narrative"]["accuracy"] >= 0.80
