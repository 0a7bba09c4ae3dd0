"""The web app's kept actor graphs (web/networks.py `Graphs`): served while young or while
another request rebuilds them, rebuilt after a merge or split. A real store, written through
the real pipeline."""

import time

import pytest

from footprint.analysis.filters import OccasionFilter
from footprint.store import open_store
from footprint.web import networks

pytestmark = pytest.mark.store

TEXTS = [
    "On May 3, 2024, Omar Farooq and Bilal Khan spoke at a rally in Karachi.",
    "On June 9, 2024, Bilal Khan and Sana Mir attended a seminar in Lahore.",
]


def _graph_before_a_write(store, analyse):
    """Graphs holding the graph of the first report, that graph, whether it was stale, and its
    names; the second report is written after it was built."""
    store.write(analyse(TEXTS[0], doc_id="one"))
    graphs = networks.Graphs()
    first, stale = graphs.graph(store, "all", OccasionFilter())
    names = {d["name"] for _, d in first.nodes(data=True)}
    store.write(analyse(TEXTS[1], doc_id="two"))
    return graphs, first, stale, names


def test_a_graph_is_served_while_rebuilt_and_rebuilt_after_a_judgement(db_target, analyse):
    store = open_store(db_target())
    try:
        graphs, first, stale, names = _graph_before_a_write(store, analyse)
        only = OccasionFilter()
        assert not stale and "Sana Mir" not in names
        # Young: served as it is, and said to be behind the store.
        again, stale = graphs.graph(store, "all", only)
        assert again is first and stale
        # Old, but another request is rebuilding it: still served, not waited for.
        key = ("all", only)
        graphs._graphs[key] = networks.Built(graphs._graphs[key].version, 0.0, first)
        graphs._building.add(key)
        again, stale = graphs.graph(store, "all", only)
        assert again is first and stale
        graphs._building.discard(key)
        # Old and no one rebuilding: this request rebuilds it.
        fresh, stale = graphs.graph(store, "all", only)
        assert fresh is not first and not stale
        assert "Sana Mir" in {d["name"] for _, d in fresh.nodes(data=True)}
        # A judgement changes what the graph means: never served from before it.
        names = {d["name"]: n for n, d in fresh.nodes(data=True)}
        store.add_judgement(names["Omar Farooq"], names["Bilal Khan"], "same")
        after, stale = graphs.graph(store, "all", only)
        assert after is not fresh and not stale
    finally:
        store.close()


def test_an_old_graph_is_rebuilt_off_the_request_with_a_store_of_its_own(db_target, analyse):
    target = db_target()
    store = open_store(target)
    graphs = networks.Graphs(str(target))
    try:
        store.write(analyse(TEXTS[0], doc_id="one"))
        only = OccasionFilter()
        first, stale = graphs.graph(store, "all", only)  # the first graph is waited for
        assert not stale
        store.write(analyse(TEXTS[1], doc_id="two"))
        key = ("all", only)
        graphs._graphs[key] = networks.Built(graphs._graphs[key].version, 0.0, first)
        # Old: answered at once from what there is, and rebuilt meanwhile.
        again, stale = graphs.graph(store, "all", only)
        assert again is first and stale
        graphs.settle()
        fresh, stale = graphs.graph(store, "all", only)
        assert fresh is not first and not stale
        assert "Sana Mir" in {d["name"] for _, d in fresh.nodes(data=True)}
    finally:
        graphs.close()
        store.close()


def test_requests_that_find_no_graph_wait_for_one_build(db_target, analyse, monkeypatch):
    import threading
    import time

    target = db_target()
    with open_store(target) as store:
        store.write(analyse(TEXTS[0], doc_id="one"))
    builds = []
    real = networks.build_network

    def slow_build(store, kind, only):
        builds.append(kind)
        time.sleep(0.3)  # long enough for every reader to arrive while it runs
        return real(store, kind, only)

    monkeypatch.setattr(networks, "build_network", slow_build)
    graphs = networks.Graphs()
    found = []

    def reader():
        with open_store(target) as own:  # each reader thread has its own store, as served
            found.append(graphs.graph(own, "all", OccasionFilter())[0])

    threads = [threading.Thread(target=reader) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert builds == ["all"] and len(found) == 4 and all(g is found[0] for g in found)


def test_answers_share_edges_without_changing_the_graph(db_target, analyse):
    store = open_store(db_target())
    try:
        for n, text in enumerate(TEXTS * 2):  # twice: each tie has more evidence than is shown
            store.write(analyse(text.replace("2024", str(2020 + n)), doc_id=f"doc{n}"))
        graphs = networks.Graphs()
        only = OccasionFilter()
        whole, stale = graphs.graph(store, "all", only)
        first = networks.answer(whole, stale, "all", only, None, None, 1, 100, evidence=1)
        again = networks.answer(whole, stale, "all", only, None, None, 1, 100, evidence=1)
        assert first == again and first["edges"]
        usual = networks.answer(whole, stale, "all", only, None, None, 1, 100)
        assert usual == networks.answer(whole, stale, "all", only, None, None, 1, 100)
        cut = False
        for edge in usual["edges"]:
            mine = whole.adj[edge["a"]][edge["b"]]["coappearance"]["evidence"]
            shown = edge["coappearance"]
            # The graph keeps every sentence, unlinked; the answer shows the first ones, linked.
            assert shown["evidence_total"] == len(mine) and all("href" not in e for e in mine)
            assert [{k: v for k, v in e.items() if k != "href"} for e in shown["evidence"]] == (
                mine[: networks.EVIDENCE_PER_EDGE]
            )
            assert all(e["href"].startswith("/documents/") for e in shown["evidence"])
            cut = cut or len(mine) > networks.EVIDENCE_PER_EDGE
        assert cut
    finally:
        store.close()


def test_a_graph_slow_to_build_is_answered_from_for_longer(db_target, analyse):
    store = open_store(db_target())
    try:
        graphs, first, _, _ = _graph_before_a_write(store, analyse)
        only = OccasionFilter()
        key = ("all", only)
        past_the_usual = time.monotonic() - networks.STALE_OK_S - 5
        # It took 3 s to build: it serves for 30 s, so at 20 s it is still answered from.
        graphs._graphs[key] = networks.Built(graphs._graphs[key].version, past_the_usual, first, 3.0)
        again, stale = graphs.graph(store, "all", only)
        assert again is first and stale and key not in graphs._building
        # Quick to build: past `STALE_OK_S` the request that finds it rebuilds it.
        graphs._graphs[key] = networks.Built(graphs._graphs[key].version, past_the_usual, first, 0.1)
        fresh, stale = graphs.graph(store, "all", only)
        assert fresh is not first and not stale
    finally:
        store.close()
