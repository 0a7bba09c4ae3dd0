"""The on-disk index: built once, then read; a damaged or unwritable cache only costs a rebuild."""

import logging

import pytest

from footprint.place import Gazetteer, build, cache
from footprint.place.index import CITY, FORMAT, PlaceIndex, freeze
from footprint.settings import Settings, default_cache_dir


def tiny_index() -> PlaceIndex:
    index = PlaceIndex()
    row = index.add_row("Karachi", 24.8608, 67.0104, 11_624_219, CITY, "PK", "PK.05", 1174872)
    index.region_names["PK.05"] = "Sindh"
    index.primary = freeze({"karachi": [row]})
    return index


@pytest.fixture
def builds(monkeypatch):
    """Count builds, and make them instant (the real one takes seconds)."""
    calls = []

    def fake_build() -> PlaceIndex:
        calls.append(1)
        return tiny_index()

    monkeypatch.setattr(build, "build_index", fake_build)
    return calls


def test_first_use_builds_and_caches_then_reads(tmp_path, builds):
    first = Gazetteer.from_cache(tmp_path)
    assert builds == [1]
    assert cache.cache_path(tmp_path).exists()
    second = Gazetteer.from_cache(tmp_path)
    assert builds == [1]
    assert second.candidates("Karachi") == first.candidates("Karachi")
    assert second.candidates("Karachi")[0].admin1 == "Sindh"


@pytest.mark.parametrize(
    "damage",
    [
        lambda blob: b"not a gazetteer at all",
        lambda blob: blob[: len(blob) // 2],  # truncated by an interrupted copy
        lambda blob: blob[:-10] + bytes(10),  # corrupted body: checksum mismatch
        lambda blob: b"",
    ],
)
def test_a_corrupt_cache_is_rebuilt(tmp_path, builds, caplog, damage):
    Gazetteer.from_cache(tmp_path)
    path = cache.cache_path(tmp_path)
    path.write_bytes(damage(path.read_bytes()))
    with caplog.at_level(logging.WARNING, logger="footprint.place.cache"):
        gazetteer = Gazetteer.from_cache(tmp_path)
    assert builds == [1, 1]
    assert "rebuilding" in caplog.text
    assert gazetteer.candidates("Karachi")[0].country == "PK"
    cache.read_index(path)  # the rebuilt file is whole again


def test_an_unwritable_cache_directory_still_gives_a_gazetteer(tmp_path, builds, caplog):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    with caplog.at_level(logging.WARNING, logger="footprint.place.cache"):
        gazetteer = Gazetteer.from_cache(blocker / "cache")
    assert gazetteer.candidates("Karachi")[0].name == "Karachi"
    assert "could not cache" in caplog.text


def test_the_cache_directory_follows_the_settings(tmp_path):
    settings = Settings.from_env({"FOOTPRINT_CACHE_DIR": str(tmp_path)})
    assert settings.cache_dir == tmp_path
    assert cache.cache_path(settings.cache_dir).parent == tmp_path
    assert Settings.from_env({}).cache_dir == default_cache_dir()


def test_a_change_to_the_code_that_builds_the_index_changes_its_file(tmp_path, monkeypatch):
    code = tmp_path / "build.py"
    code.write_text("ROWS = 1\n")
    monkeypatch.setattr(cache, "CODE_FILES", (code,))
    before = cache.cache_path(tmp_path)
    assert cache.cache_path(tmp_path) == before  # stable while nothing changes
    code.write_text("ROWS = 2\n")
    assert cache.cache_path(tmp_path) != before


def test_an_index_of_another_format_is_refused():
    payload = tiny_index().to_payload()
    payload["format"] = FORMAT + 1
    with pytest.raises(ValueError):
        PlaceIndex.from_payload(payload)


def test_older_cache_files_are_removed(tmp_path, builds):
    stale = tmp_path / "gazetteer-0000000000000000.bin"
    stale.write_bytes(b"old")
    Gazetteer.from_cache(tmp_path)
    assert not stale.exists()


def test_the_real_index_survives_a_round_trip(tmp_path):
    index = Gazetteer.load().index
    path = tmp_path / "copy.bin"
    assert cache.write_index(path, index)
    copy = cache.read_index(path)
    assert len(copy) == len(index)
    assert copy.primary["karachi"] == index.primary["karachi"]
    assert copy.place(len(index) - 1) == index.place(len(index) - 1)
