"""Casualties and claims travel from a news report to the CSV and GeoJSON exports."""

from __future__ import annotations

import csv
import json

import pytest

from footprint.export.exporters import writer
from footprint.export.selection import collect
from footprint.pipeline.corpus import ingest_corpus
from footprint.settings import Settings
from footprint.store import open_store

REPORT = {
    "id": "note-1",
    "published": "2023-06-07",
    "text": (
        "A roadside bomb exploded near an army truck in Turbat, Kech district, Balochistan, "
        "injuring three soldiers. The Balochistan Liberation Front claimed responsibility."
    ),
}


@pytest.fixture(scope="module")
def store(tmp_path_factory, shared_db_target):
    tmp = tmp_path_factory.mktemp("news")
    notes = tmp / "notes.jsonl"
    notes.write_text(json.dumps(REPORT) + "\n", "utf-8")
    path = shared_db_target(tmp / "fp.db")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("FOOTPRINT_LISTS_DIR", str(tmp / "lists"))
        s = open_store(path)
        ingest_corpus([notes], Settings.from_env({}).with_db(path), s)
    yield s
    s.close()


def test_csv_and_geojson_carry_casualties_and_claims(store, tmp_path):
    data = collect(store)
    writer("csv")(data, tmp_path / "tables")
    with (tmp_path / "tables" / "events.csv").open(encoding="utf-8") as f:
        (row,) = list(csv.DictReader(f))
    assert (row["type"], row["injured"], row["killed"], row["responsibility"]) == (
        "bombing",
        "3",
        "0",
        "claimed",
    )
    writer("geojson")(data, tmp_path / "out.geojson")
    (feature,) = json.loads((tmp_path / "out.geojson").read_text("utf-8"))["features"]
    assert feature["properties"]["injured"] == 3
    assert feature["properties"]["responsibility"] == "claimed"
