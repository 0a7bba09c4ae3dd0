"""The writer drops the entities a write leaves unreferenced, and only those, testing just the
entities it touched (store/sql.py `_drop_orphans`): the store ends as the old sweep of the whole
entities table left it."""

from __future__ import annotations

UNREFERENCED = (
    "SELECT id FROM entities WHERE id NOT IN (SELECT entity_id FROM mentions) "
    "AND id NOT IN (SELECT subject_id FROM relations) "
    "AND id NOT IN (SELECT object_id FROM relations WHERE object_id IS NOT NULL) "
    "AND id NOT IN (SELECT entity_id FROM event_participants) "
    "AND id NOT IN (SELECT speaker_id FROM event_quotes WHERE speaker_id IS NOT NULL)"
)


def _entity_names(store) -> set[str]:
    return {row[0] for row in store._tuples("SELECT name FROM entities")}


def test_rewrite_drops_what_only_the_old_version_named(analyse, new_store):
    store = new_store()
    first = analyse("Tariq Durrani met Omar Rashid in Lahore on Monday.", "doc-a")
    other = analyse("Tariq Durrani spoke to reporters in Karachi.", "doc-b")
    store.write(first)
    store.write(other)
    assert {"Tariq Durrani", "Omar Rashid"} <= _entity_names(store)

    store.write(analyse("Nobody spoke to reporters on Monday.", "doc-a"))
    names = _entity_names(store)
    assert "Omar Rashid" not in names  # only the old doc-a named him
    assert "Tariq Durrani" in names  # doc-b still does
    assert store._tuples(UNREFERENCED) == []


def test_rewriting_the_same_result_keeps_its_entities(analyse, new_store):
    store = new_store()
    result = analyse("Tariq Durrani met Omar Rashid in Lahore on Monday.", "doc-a")
    store.write(result)
    before = _entity_names(store)
    store.write(result)
    assert _entity_names(store) == before
    assert store._tuples(UNREFERENCED) == []
