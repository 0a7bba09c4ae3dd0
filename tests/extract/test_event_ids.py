"""Event ids stay unique when one sentence reports two events of one type."""

import html
import re

import pytest

from footprint.model import Document
from footprint.store import open_store
from tests.backends import store_target
from tests.conftest import SHARED

# A TimeBank story whose one sentence names a clinic bombing and an earlier attack: before
# event ids took the trigger's offset, both events got one id and the document was rejected.
TML = SHARED / "data" / "timex" / "TimeBank" / "CNN19980227.2130.0067.tml"


@pytest.mark.store
def test_two_attacks_in_one_sentence_get_two_ids_and_store(tmp_path):
    from footprint.pipeline.processor import Processor
    from footprint.settings import Settings

    if not TML.exists():
        pytest.skip(f"{TML} not found")
    raw = TML.read_text("utf-8")
    body = raw.split("<TEXT>", 1)[-1].split("</TEXT>", 1)[0]
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())
    document = Document(id="doc-tb", text=text, path=str(TML), published="1998-02-27")
    processor = Processor.from_settings(Settings(db=tmp_path / "fp.db"))  # with the gazetteer
    (result,) = processor.process([document])
    ids = [e.id for e in result.events]
    assert len(ids) == len(set(ids)) and len(ids) >= 3
    store = open_store(store_target(tmp_path / "fp.db"))
    store.write(result)  # raised IntegrityError (UNIQUE events.id) before
    assert len(store.events()) == len(ids)
    store.close()
