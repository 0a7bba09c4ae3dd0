"""The command line against a PostgreSQL store: `--db postgresql://...` works like a file path.

Needs a server (FOOTPRINT_TEST_POSTGRES, see tests/backends.py); skips without one.
"""

import json

from typer.testing import CliRunner

from footprint.cli import app
from tests.backends import fresh_postgres_target
from tests.conftest import CORPUS

runner = CliRunner()


def test_ingest_then_profile_through_a_postgres_url():
    url = fresh_postgres_target()
    ingested = runner.invoke(app, ["ingest", str(CORPUS), "--db", url])
    assert ingested.exit_code == 0, ingested.output
    assert "10 document(s) stored" in ingested.stdout
    # The store is named by its redacted URL, never a mangled path.
    assert "Database: postgresql://" in ingested.stdout

    result = runner.invoke(app, ["profile", "Yusuf al-Qadi", "--db", url, "--json", "-"])
    assert result.exit_code == 0, result.output
    answer = json.loads(result.stdout)
    assert answer["actor"]["name"] in ("Yousef al-Qadi", "Yusuf al-Qadi")
    assert any(stop["place"]["name"] == "Lahore" for stop in answer["itinerary"] if stop["place"])


def test_database_url_from_the_environment():
    url = fresh_postgres_target()
    result = runner.invoke(app, ["sources", "rate", "example.com", "b"], env={"FOOTPRINT_DB": url})
    assert result.exit_code == 0, result.output
    listed = runner.invoke(app, ["sources", "list"], env={"FOOTPRINT_DB": url})
    assert listed.exit_code == 0 and "B  example.com" in listed.stdout
