"""Settings carry every path the library uses; only `Settings.from_env` reads the environment."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import footprint
from footprint.designations.userlists import import_list
from footprint.errors import FootprintError
from footprint.pipeline.processor import Processor
from footprint.place import Gazetteer
from footprint.settings import Settings, default_cache_dir

PACKAGE = Path(footprint.__file__).parent


def test_from_env_reads_every_path(tmp_path):
    env = {
        "FOOTPRINT_DB": "postgresql://db.example/footprint",
        "FOOTPRINT_MODEL": "some_model",
        "FOOTPRINT_LISTS_DIR": str(tmp_path / "lists"),
        "FOOTPRINT_CACHE_DIR": str(tmp_path / "cache"),
        "FOOTPRINT_SHARED": str(tmp_path / "shared"),
    }
    settings = Settings.from_env(env)
    assert settings.db == "postgresql://db.example/footprint" and settings.model == "some_model"
    assert settings.lists_dir == tmp_path / "lists"
    assert settings.cache_dir == tmp_path / "cache"
    assert settings.shared_dir == tmp_path / "shared"
    with pytest.raises(FootprintError, match="server URL"):
        settings.db_path  # noqa: B018
    assert Settings.from_env({"FOOTPRINT_DB": str(tmp_path / "fp.db")}).db_path == (
        tmp_path / "fp.db"
    )
    assert Settings.from_env({}).cache_dir == default_cache_dir()


def test_the_environment_reaches_settings_through_from_env_only(tmp_path, monkeypatch):
    monkeypatch.setenv("FOOTPRINT_LISTS_DIR", str(tmp_path / "from-env"))
    assert Settings.from_env().lists_dir == tmp_path / "from-env"
    assert Settings(db=tmp_path / "fp.db").lists_dir != tmp_path / "from-env"


def test_processor_from_settings_uses_the_paths_in_settings(tmp_path, monkeypatch):
    import footprint.nlp.pipeline

    lists = tmp_path / "my-lists"
    watch = tmp_path / "mine.csv"
    watch.write_text("name,aliases,type\nTehreek-e-Nizam,TeN,organization\n", "utf-8")
    import_list(watch, lists)
    loaded: dict[str, object] = {}
    real_load = Gazetteer.load

    def load(directory=None):
        loaded["cache_dir"] = directory
        return real_load()  # the developer's cached index: building one here takes seconds

    def build_pipeline(model):
        loaded["model"] = model
        return "the pipeline"

    monkeypatch.setattr(Gazetteer, "load", load)
    monkeypatch.setattr(footprint.nlp.pipeline, "build_pipeline", build_pipeline)
    settings = Settings(
        db=tmp_path / "fp.db", model="a-model", lists_dir=lists, cache_dir=tmp_path / "cache"
    )
    processor = Processor.from_settings(settings)
    assert loaded == {"cache_dir": tmp_path / "cache", "model": "a-model"}
    assert processor.nlp == "the pipeline"
    assert "Tehreek-e-Nizam" in {listing.name for listing in processor.screener.listings}
    elsewhere = Processor.from_settings(
        Settings(db=tmp_path / "fp.db", lists_dir=tmp_path / "empty")
    )
    assert "Tehreek-e-Nizam" not in {listing.name for listing in elsewhere.screener.listings}


# Any way of reading the process environment: os.environ, os.getenv, environ imported alone.
_READS_ENV = re.compile(r"\bos\.environ\b|\bgetenv\b|\bos\.environb\b|from os import[^\n]*environ")


def test_only_settings_reads_the_environment():
    readers = sorted(
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if _READS_ENV.search(path.read_text("utf-8"))
    )
    assert readers == ["settings.py"]
