"""The library API: the README's example runs as written, and the module's own doctest."""

import doctest
import os
import re

import pytest

import footprint
import footprint.api
from tests.conftest import ROOT

README = ROOT / "README.md"


def _readme_example() -> str:
    text = README.read_text(encoding="utf-8")
    blocks = re.findall(r"```pycon\n(.*?)```", text, flags=re.S)
    assert len(blocks) == 1, "the README holds one Python example"
    return blocks[0]


def test_the_readme_example_runs_as_written(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)  # the example ingests examples/corpus
    monkeypatch.setenv("FOOTPRINT_LISTS_DIR", str(tmp_path / "lists"))
    parser = doctest.DocTestParser()
    test = parser.get_doctest(_readme_example(), {"workdir": tmp_path}, "README", "README.md", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert runner.failures == 0 and runner.tries > 5


def test_the_api_modules_doctest():
    assert doctest.testmod(footprint.api).failed == 0


def test_the_package_names_the_api_without_loading_it():
    assert "analyze_text" in dir(footprint)
    # the package's list (kept there so that importing a submodule never loads the API) is
    # the API module's own
    assert set(footprint._API) == set(footprint.api.__all__)
    with pytest.raises(AttributeError):
        footprint.no_such_thing  # noqa: B018


def test_an_unreadable_text_is_an_error_naming_it():
    with pytest.raises(ValueError, match="empty-note"):
        footprint.analyze_text("", document_id="empty-note")


def test_a_missing_store_is_not_created(tmp_path):
    with pytest.raises(Exception, match="no such database"):
        footprint.open_store(tmp_path / "missing.db")
    assert not os.path.exists(tmp_path / "missing.db")
