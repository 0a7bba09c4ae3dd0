"""The export command: scopes (actor, country), bad input (exit 2, one line), atomic writes."""

from __future__ import annotations

import json

import pytest

from footprint.analysis.timeline import timeline
from footprint.export.atomic import atomic_dir, atomic_file
from footprint.export.selection import collect
from tests.conftest import SAMPLE
from tests.export.conftest import run_export


def test_actor_scope_is_the_actor_its_occasions_and_its_ties(db, store, hamas, tmp_path):
    result = run_export(db, "Hamas", "--format", "geojson", "-o", str(tmp_path / "h.geojson"))
    assert result.exit_code == 0, result.output
    data = collect(store, actor="Hamas")
    assert hamas in data.actors
    rows = {r["cluster"]: r for r in timeline(store, actor="Hamas")["events"]}
    assert set(data.events) == set(rows)
    # every occasion in scope is one Hamas took part in, or one of its people (rolled up as
    # its profile and timeline roll it up, each saying via whom)
    for e in data.events.values():
        took_part = any(
            p["actor"] == hamas and p["event"] == e["id"] for p in data.participations.values()
        )
        assert took_part or rows[e["id"]]["via"] is not None
    assert any(r["via"] for r in rows.values())
    tied = {r["object"] for r in data.relations.values() if r["subject"] == hamas}
    tied |= {r["subject"] for r in data.relations.values() if r["object"] == hamas}
    assert tied and tied <= set(data.actors)
    whole = collect(store)
    assert len(data.actors) < len(whole.actors)
    geo = json.loads((tmp_path / "h.geojson").read_text("utf-8"))
    assert {f["id"] for f in geo["features"]} <= set(data.events)


def test_country_scope_keeps_only_events_placed_there(db, store, tmp_path):
    data = collect(store, country="pk")
    assert data.events
    assert all((e["place"] or {}).get("country") == "PK" for e in data.events.values())
    in_events = {p["actor"] for p in data.participations.values()}
    assert set(data.actors) == in_events
    result = run_export(db, "--country", "PK", "--format", "csv", "-o", str(tmp_path / "pk"))
    assert result.exit_code == 0, result.output
    rows = (tmp_path / "pk" / "events.csv").read_text("utf-8").splitlines()
    assert len(rows) == 1 + len(data.events)


def test_sample_article_is_exported_when_present(exported, store):
    if not SAMPLE.exists():
        pytest.skip(f"reference article not found at {SAMPLE}")
    documents = store.documents()
    doc = next((d.id for d in documents if d.path == str(SAMPLE)), None) or next(
        (d.id for d in documents if (d.title or "").startswith("Hamas Expands")), None
    )
    assert doc is not None
    ftm = [json.loads(line) for line in exported["ftm"].read_text("utf-8").splitlines()]
    article = next(e for e in ftm if e["id"] == doc)
    assert article["schema"] == "Article"
    assert any(doc in e["properties"].get("proof", []) for e in ftm if e["schema"] == "Event")


@pytest.mark.parametrize(
    "args, message",
    [
        (["--format", "xml", "-o", "OUT"], "unknown export format"),
        (["Nobody Atall Xyz", "--format", "stix", "-o", "OUT"], "no actor named"),
        (["--format", "ftm"], "no output given"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(db, tmp_path, args, message):
    args = [str(tmp_path / "out") if a == "OUT" else a for a in args]
    result = run_export(db, *args)
    assert result.exit_code == 2
    assert message in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists()


def test_unwritable_path_is_exit_2(db, tmp_path):
    (tmp_path / "taken").mkdir()
    result = run_export(db, "--format", "ftm", "-o", str(tmp_path / "taken"))
    assert result.exit_code == 2 and "cannot write" in result.output
    (tmp_path / "file").write_text("x")
    result = run_export(db, "--format", "csv", "-o", str(tmp_path / "file"))
    assert result.exit_code == 2 and "cannot write" in result.output
    assert (tmp_path / "file").read_text() == "x"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file", "taken"]  # no temp files left


def test_writes_are_atomic(tmp_path):
    target = tmp_path / "out.json"
    target.write_text("old")
    with pytest.raises(RuntimeError), atomic_file(target) as handle:
        handle.write("half")
        raise RuntimeError("interrupted")
    assert target.read_text() == "old"
    folder = tmp_path / "tables"
    folder.mkdir()
    (folder / "a.csv").write_text("old")
    with pytest.raises(RuntimeError), atomic_dir(folder) as tmp:
        (tmp / "a.csv").write_text("half")
        raise RuntimeError("interrupted")
    assert (folder / "a.csv").read_text() == "old"
    with atomic_dir(folder) as tmp:
        (tmp / "b.csv").write_text("new")
    assert sorted(p.name for p in folder.iterdir()) == ["b.csv"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json", "tables"]


def test_an_empty_store_exports_empty_files(tmp_path, db_target):
    from footprint.store import open_store
    from tests.export.conftest import FORMATS

    db = db_target(tmp_path / "empty.db")
    open_store(db).close()
    for fmt, name in FORMATS.items():
        result = run_export(db, "--format", fmt, "-o", str(tmp_path / name))
        assert result.exit_code == 0, (fmt, result.output)
        assert (tmp_path / name).exists()
    geo = json.loads((tmp_path / FORMATS["geojson"]).read_text("utf-8"))
    assert geo == {"type": "FeatureCollection", "features": []}


def test_dash_writes_the_file_to_standard_output(db, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run_export(db, "--format", "geojson", "-o", "-")
    assert result.exit_code == 0, result.output
    geo = json.loads(result.stdout)
    assert geo["type"] == "FeatureCollection" and geo["features"]
    assert "wrote geojson to standard output" in result.stderr
    assert not (tmp_path / "-").exists()


def test_dash_is_refused_for_the_csv_folder(db, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run_export(db, "--format", "csv", "-o", "-")
    assert result.exit_code == 2 and "csv writes a folder" in result.output
    assert not (tmp_path / "-").exists()


def test_type_role_and_window_narrow_the_export(db, store):
    rallies = collect(store, types=frozenset({"rally"}))
    assert rallies.events and all(e["type"] == "rally" for e in rallies.events.values())
    assert len(rallies.actors) < len(collect(store).actors)
    in_actors = {p["actor"] for p in rallies.participations.values()}
    assert in_actors <= set(rallies.actors)
    hosted = collect(store, roles=frozenset({"host"}))
    assert hosted.events and all(
        any("host" in p["roles"] and p["event"] == e for p in hosted.participations.values())
        for e in hosted.events
    )
    bad = run_export(db, "--format", "geojson", "-o", "-", "--type", "picnic")
    assert bad.exit_code == 2 and "unknown event type picnic" in bad.output
