"""The committed designation dataset: known facts, alias dates, and a reproducible rebuild."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from footprint.designations import Alias, Listing, load_listings
from footprint.designations.dataset import (
    LISTINGS_PATH,
    build,
    read_listings,
    shared_files,
    write_listings,
)

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "designations"
D = dt.date


@pytest.fixture(scope="module")
def by_id() -> dict[str, Listing]:
    return {x.id: x for x in load_listings()}


def alias_names(listing: Listing) -> set[str]:
    return {a.name.casefold() for a in listing.aliases}


def test_hamas(by_id: dict[str, Listing]) -> None:
    hamas = by_id["us-ofac:4695"]
    assert hamas.name == "HAMAS" and "FTO" in hamas.program.split(";")
    assert hamas.listed_on == D(1997, 10, 8)
    assert hamas.entity_type == "organization"


def test_lashkar_e_tayyiba(by_id: dict[str, Listing]) -> None:
    let = by_id["us-ofac:7140"]
    assert let.name == "LASHKAR E-TAYYIBA" and let.listed_on == D(2001, 12, 26)
    assert {"jamaat-ud-dawa", "milli muslim league", "tehreek-e-azadi-e-kashmir"} <= alias_names(
        let
    )
    un = by_id["un:QDe.118"]
    assert un.listed_on == D(2005, 5, 2) and un.program == "QDe"
    fto = by_id["us-fto:lashkar-e-tayyiba"]
    trf = next(a for a in fto.aliases if a.name == "The Resistance Front")
    assert trf.added == D(2025, 7, 18)
    assert fto.listed_on == D(2001, 12, 26)


def test_jaish_and_ttp(by_id: dict[str, Listing]) -> None:
    assert by_id["us-ofac:6935"].listed_on == D(2001, 12, 26)
    assert by_id["un:QDe.019"].listed_on == D(2001, 10, 17)
    assert by_id["us-ofac:12206"].listed_on == D(2010, 9, 1)
    assert by_id["un:QDe.132"].listed_on == D(2011, 7, 29)


def test_alias_dates_and_names_as_of(by_id: dict[str, Listing]) -> None:
    let = by_id["us-ofac:7140"]
    mml = next(a for a in let.aliases if a.name == "MILLI MUSLIM LEAGUE")
    assert mml.added == D(2018, 4, 4) and mml.quality == "strong"
    before = {n for n, _ in let.names(D(2018, 4, 3))}
    on = {n for n, _ in let.names(D(2018, 4, 4))}
    assert "MILLI MUSLIM LEAGUE" not in before and "MILLI MUSLIM LEAGUE" in on
    assert "MILLI MUSLIM LEAGUE PAKISTAN" not in before
    assert "JAMAAT-UD-DAWA" in before  # undated aliases are kept
    assert let.names()[0] == ("LASHKAR E-TAYYIBA", None)
    trf_2024 = {n for n, _ in by_id["us-fto:lashkar-e-tayyiba"].names(D(2024, 1, 1))}
    assert "The Resistance Front" not in trf_2024


def test_active() -> None:
    listing = Listing(
        id="user:x:1",
        list="x",
        program="watchlist",
        name="X",
        aliases=(Alias("Y", D(2010, 1, 1), "strong"),),
        listed_on=D(2005, 1, 1),
        delisted_on=D(2015, 1, 1),
        entity_type="organization",
        source="x.csv",
        source_date=None,
        remarks=None,
    )
    assert not listing.active(D(2004, 12, 31))
    assert listing.active(D(2005, 1, 1)) and listing.active(D(2014, 12, 31))
    assert not listing.active(D(2015, 1, 1)) and not listing.active(None)
    assert [n for n, _ in listing.names(D(2009, 1, 1))] == ["X"]


def test_hamas_active_as_of(by_id: dict[str, Listing]) -> None:
    hamas = by_id["us-ofac:4695"]
    assert not hamas.active(D(1997, 10, 7)) and hamas.active(D(1997, 10, 8))
    assert by_id["un:QDe.132"].active(D(2012, 1, 1))
    assert not by_id["un:QDe.132"].active(D(2011, 7, 28))


def test_round_trip(by_id: dict[str, Listing], tmp_path: Path) -> None:
    for listing in by_id.values():
        assert Listing.from_json(listing.to_json()) == listing
    sample = [by_id["us-ofac:7140"], by_id["un:QDe.118"]]
    out = tmp_path / "l.jsonl"
    write_listings(sample, out)
    assert read_listings(out) == sample
    assert load_listings(extra=[out], packaged=False) == sample


def test_scope_and_ids(by_id: dict[str, Listing]) -> None:
    lists = {x.list for x in by_id.values()}
    assert lists == {
        "US OFAC SDN",
        "UN Security Council 1267/1989/2253",
        "EU Regulation 2580/2001",
        "India MHA (UAPA)",
        "US State Dept FTO",
        "Canada Criminal Code listed entities",
    }
    for x in by_id.values():
        if x.list == "US OFAC SDN":
            assert set(x.program.split(";")) <= {"FTO", "SDGT"}
        if x.list.startswith("UN"):
            assert x.program in ("QDe", "QDi")
        assert x.entity_type in ("organization", "person", "other")
    assert LISTINGS_PATH.stat().st_size < 5_000_000


@pytest.mark.skipif(not SHARED.is_dir(), reason=f"{SHARED} absent: rebuild not checked")
def test_rebuild_reproduces_committed_file(tmp_path: Path) -> None:
    out = tmp_path / "listings.jsonl"
    write_listings(build(shared_files(SHARED)), out)
    assert out.read_bytes() == LISTINGS_PATH.read_bytes()
