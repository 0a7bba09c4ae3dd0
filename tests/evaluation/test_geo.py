"""The toponym-resolution scorer: on tiny corpora written here, and on the real ones if present."""

import time
from pathlib import Path

import pytest

from footprint.evaluation import geo
from footprint.place import Gazetteer, Geocoder

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "geo"

GEOWEBNEWS = """<?xml version="1.0" ?>
<articles>
  <article file="7">
    <title>t</title><link>l</link><text>Karachi, Pakistan. Russian envoy in Lahore.</text>
    <toponyms>
      <toponym><extractedName>Karachi</extractedName><type>Literal</type>
        <geonamesID>1174872</geonamesID><latitude>24.8608</latitude>
        <longitude>67.0104</longitude></toponym>
      <toponym><extractedName>Pakistan</extractedName><type>Literal</type>
        <geonamesID>1168579</geonamesID><latitude>30.0</latitude>
        <longitude>70.0</longitude></toponym>
      <toponym><extractedName>Russian</extractedName><type>Non_Literal_Modifier</type>
        <geonamesID>2017370</geonamesID><latitude>60.0</latitude>
        <longitude>100.0</longitude></toponym>
      <toponym><extractedName>Lahore</extractedName><type>Literal</type>
        <geonamesID/><latitude>31.5497</latitude><longitude>74.3436</longitude></toponym>
      <toponym><extractedName>envoy</extractedName><type>Non_Lit_Expression</type></toponym>
    </toponyms>
  </article>
</articles>
"""

LGL = """<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="42">
    <text><![CDATA[Paris police in Texas.]]></text>
    <toponyms>
      <toponym><start>0</start><end>5</end><phrase>Paris</phrase>
        <gaztag geonameid="4717560"><name>Paris</name><lat>33.66094</lat><lon>-95.55551</lon>
        </gaztag></toponym>
      <toponym><start>16</start><end>21</end><phrase>Texas</phrase>
        <gaztag geonameid="4736286"><name>Texas</name><lat>31.25044</lat><lon>-99.25061</lon>
        </gaztag></toponym>
      <toponym><start>0</start><end>5</end><phrase>Nowhere</phrase></toponym>
    </toponyms>
  </article>
</articles>
"""


@pytest.fixture(scope="module")
def geocoder() -> Geocoder:
    return Geocoder(Gazetteer.load())


def test_geowebnews_loader_keeps_toponyms_with_coordinates(tmp_path):
    path = tmp_path / "gwn.xml"
    path.write_text(GEOWEBNEWS, "utf-8")
    (article,) = geo.load(path, "GeoWebNews")
    assert article.doc == "7"
    assert [t.name for t in article.toponyms] == ["Karachi", "Pakistan", "Russian", "Lahore"]
    assert article.toponyms[3].geonameid is None
    assert article.toponyms[2].kind == "Non_Literal_Modifier"


def test_lgl_loader_keeps_toponyms_with_a_gazetteer_entry(tmp_path):
    path = tmp_path / "lgl.xml"
    path.write_text(LGL, "utf-8")
    (article,) = geo.load(path, "LGL")
    assert article.doc == "42"
    assert [(t.name, t.geonameid) for t in article.toponyms] == [
        ("Paris", "4717560"),
        ("Texas", "4736286"),
    ]


def test_scores_on_a_tiny_geowebnews(tmp_path, geocoder):
    path = tmp_path / "gwn.xml"
    path.write_text(GEOWEBNEWS, "utf-8")
    found = geo.evaluate(path, "GeoWebNews", geocoder)
    assert (found["corpus"], found["articles"], found["toponyms"]) == ("GeoWebNews", 1, 4)
    assert found["resolved"] == 3  # "Russian" is a demonym: gold toponym, but no place
    assert found["acc161"] == 0.75
    # Karachi and Pakistan by GeoNames id, Lahore (no gold id) within EXACT_KM.
    assert found["exact"] == 0.75
    assert found["excluding_demonyms"]["acc161"] == 1.0
    assert found["median_km"] is not None and found["median_km"] < 10
    (error,) = found["errors"]
    assert error["name"] == "Russian" and error["ours"] is None and error["km"] is None
    assert set(found["by_type"]) == {"Literal", "Non_Literal_Modifier"}


def test_scores_on_a_tiny_lgl_use_document_context(tmp_path, geocoder):
    path = tmp_path / "lgl.xml"
    path.write_text(LGL, "utf-8")
    found = geo.evaluate(path, "LGL", geocoder)
    assert found["toponyms"] == 2 and found["resolved"] == 2
    assert found["acc161"] == 1.0  # Paris beside Texas is Paris, Texas
    assert found["exact"] == 1.0  # US states carry their GeoNames ids
    assert found["errors"] == []
    assert set(found) >= {
        "corpus",
        "articles",
        "toponyms",
        "resolved",
        "acc161",
        "exact",
        "mean_km",
        "median_km",
        "errors",
    }


def test_an_unknown_corpus_is_refused(tmp_path):
    with pytest.raises(ValueError):
        geo.load(tmp_path / "x.xml", "TR-News")


def test_real_corpora_score_above_floors_in_time(geocoder):
    paths = {"GeoWebNews": DATA / "GeoWebNews.xml", "LGL": DATA / "LGL.xml"}
    missing = [str(p) for p in paths.values() if not p.exists()]
    if missing:
        pytest.skip(f"geo evaluation data not found: {', '.join(missing)}")
    started = time.perf_counter()
    results = {name: geo.evaluate(path, name, geocoder) for name, path in paths.items()}
    assert time.perf_counter() - started < 120
    # Floors a little under the measured figures (GeoWebNews 0.66, LGL 0.79 Acc@161).
    assert results["GeoWebNews"]["toponyms"] == 2601
    assert results["GeoWebNews"]["acc161"] >= 0.63
    assert results["LGL"]["toponyms"] == 4462
    assert results["LGL"]["acc161"] >= 0.75
    for found in results.values():
        assert found["exact"] <= found["acc161"] + 0.05
