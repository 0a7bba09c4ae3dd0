"""`footprint screen --file` (many names, with what else is known about each) and `footprint
lists list|remove` (which lists are in use, and taking one away)."""

import json

from typer.testing import CliRunner

from footprint.cli import app
from footprint.designations.batch import Query, QueryError, listed_birth_years, read_queries

runner = CliRunner()


def _env(tmp_path):
    return {"FOOTPRINT_LISTS_DIR": str(tmp_path / "lists")}


def test_queries_are_read_from_csv_with_bad_rows_named(tmp_path):
    path = tmp_path / "names.csv"
    path.write_text(
        "name,type,birth_date,country\n"
        "Lashkar-e-Taiba,organization,,Pakistan\n"
        ",person,,\n"
        "Someone,alien,,\n"
        "Ahmed Q,person,19x1,\n",
        "utf-8",
    )
    read = list(read_queries(path))
    assert read[0] == Query(2, "Lashkar-e-Taiba", "organization", None, None, "Pakistan")
    assert [(q.line, q.reason.split()[0]) for q in read[1:]] == [
        (3, "no"),
        (4, "type"),
        (5, "birth_date"),
    ]
    assert all(isinstance(q, QueryError) for q in read[1:])


def test_birth_years_are_read_from_a_listings_remarks():
    assert listed_birth_years("DOB 10 Dec 1948; POB Egypt") == {"1948"}
    assert listed_birth_years("born in 1950 in Lahore; b. 1951") == {"1950", "1951"}
    assert listed_birth_years("Listed in 2001 under resolution 1267") == set()


def test_screen_file_gives_one_result_per_name_and_names_bad_lines(tmp_path):
    path = tmp_path / "names.jsonl"
    path.write_text(
        json.dumps({"name": "Lashkar-e-Taiba", "type": "organization"})
        + "\n{not json\n"
        + json.dumps({"name": "Zzyzx Qwertyuiop"})
        + "\n",
        "utf-8",
    )
    out = tmp_path / "out.json"
    result = runner.invoke(
        app, ["screen", "--file", str(path), "--json", str(out)], env=_env(tmp_path)
    )
    assert result.exit_code == 1  # a bad line
    assert f"{path}:2: invalid JSON" in result.output.replace("\n", "")
    answer = json.loads(out.read_text("utf-8"))
    first, unknown = answer["results"]
    assert first["query"]["name"] == "Lashkar-e-Taiba"
    best = first["candidates"][0]
    assert best["asserted"] and best["list"] and best["listed_on"] and best["explanation"]
    assert unknown["candidates"] == []


def test_a_different_birth_year_stops_a_match_being_asserted(tmp_path):
    from footprint.designations.batch import screen_query
    from footprint.designations.dataset import load_listings
    from footprint.designations.matching import Screener

    screener = Screener(load_listings())
    listed = next(
        x for x in screener.listings if x.entity_type == "person" and listed_birth_years(x.remarks)
    )
    year = sorted(listed_birth_years(listed.remarks))[0]
    same = screen_query(screener, Query(1, listed.name, "person", year), threshold=0.0)
    other = screen_query(screener, Query(1, listed.name, "person", str(int(year) + 30)), 0.0)
    agree = next(c for c in same["candidates"] if c["listing_id"] == listed.id)
    differ = next(c for c in other["candidates"] if c["listing_id"] == listed.id)
    assert "birth year agrees" in agree["explanation"]
    assert "birth year differs" in differ["explanation"] and not differ["asserted"]
    assert differ["score"] < agree["score"]


def test_lists_list_and_remove(tmp_path):
    env = _env(tmp_path)
    watch = tmp_path / "mine.csv"
    watch.write_text("name,aliases,type\nTehreek-e-Nizam,TeN,organization\n", "utf-8")
    assert runner.invoke(app, ["lists", "import", str(watch)], env=env).exit_code == 0
    listed = tmp_path / "lists.json"
    result = runner.invoke(app, ["lists", "list", "--json", str(listed)], env=env)
    assert result.exit_code == 0, result.output
    names = {x["name"]: x for x in json.loads(listed.read_text("utf-8"))["lists"]}
    assert names["packaged"]["entries"] > 100 and names["mine"]["entries"] == 1
    removed = runner.invoke(app, ["lists", "remove", "mine"], env=env)
    assert removed.exit_code == 0, removed.output
    again = runner.invoke(app, ["lists", "remove", "mine"], env=env)
    assert again.exit_code == 1 and "no list named 'mine'" in again.output
    assert runner.invoke(app, ["lists", "remove", "packaged"], env=env).exit_code == 1
    assert runner.invoke(app, ["lists", "remove", "../x"], env=env).exit_code == 1


def test_an_agreeing_birth_year_never_asserts_a_weak_match():
    import dataclasses

    from footprint.designations.batch import _with_birth
    from footprint.designations.dataset import load_listings
    from footprint.designations.matching import Match

    listing = next(x for x in load_listings() if listed_birth_years(x.remarks))
    year = sorted(listed_birth_years(listing.remarks))[0]
    weak = Match(listing, listing.name, None, 0.48, False, "a weak match")
    agreed = _with_birth(weak, year)
    assert agreed.score > weak.score and "birth year agrees" in agreed.explanation
    assert not agreed.asserted
    strong = dataclasses.replace(weak, score=0.95, asserted=True)
    assert _with_birth(strong, year).asserted
