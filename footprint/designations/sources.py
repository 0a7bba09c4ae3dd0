"""Readers for designation lists, one per format; each returns ``list[Listing]``.

Every reader raises ``ValueError("<file>: <reason>")`` on input it cannot read. Dates are taken
only from the fields named in each reader's docstring; where a source gives none, they stay
``None``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from footprint.designations.records import Alias, Listing

OFAC_LIST = "US OFAC SDN"
OFAC_TERROR_PROGRAMS = ("FTO", "SDGT")
UN_LIST = "UN Security Council 1267/1989/2253"
EU_LIST = "EU Regulation 2580/2001"
INDIA_LIST = "India MHA (UAPA)"
FTO_LIST = "US State Dept FTO"
CANADA_LIST = "Canada Criminal Code listed entities"

_MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
_MONTHS = {m: i for i, m in enumerate(_MONTH_NAMES, start=1)}


def _fail(path: Path | str, reason: str) -> ValueError:
    return ValueError(f"{Path(path).name}: {reason}")


def norm_key(name: str) -> str:
    """A loose comparison key: case, accents, apostrophes, hyphens and spacing folded."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"[’‘`´']", "", text)
    text = re.sub(r"[^0-9a-z]+", " ", text)
    return " ".join(text.split())


def _read_text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise _fail(path, f"cannot read ({exc.strerror or exc})") from exc
    if not raw.strip():
        raise _fail(path, "empty file")
    if b"\x00" in raw[:4096]:
        raise _fail(path, "binary file")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def date_in_name(path: Path) -> dt.date | None:
    m = re.search(r"(\d{4})-(\d{2})-(\d{2})", path.name)
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _iso(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def _dedupe(primary: str, aliases: Iterable[Alias]) -> tuple[Alias, ...]:
    """Aliases in order, without repeats or the primary name (the first, dated one wins)."""
    seen = {primary.strip().casefold()}
    out: list[Alias] = []
    for alias in aliases:
        key = alias.name.strip().casefold()
        if not key or key in seen:
            continue
        seen.add(key)
        out.append(alias)
    return tuple(out)


# --- OFAC legacy CSV -------------------------------------------------------------------------

_OFAC_NULL = "-0-"
_WEAK_AKA = re.compile(r"\b[afn]\.k\.a\. '((?:[^']|'(?![;.,]|\s|$))+)'")
_OFAC_TYPES = {"individual": "person", "": "organization", "vessel": "other", "aircraft": "other"}


def _ofac_cell(value: str) -> str:
    value = value.strip()
    return "" if value == _OFAC_NULL else value


def _csv_rows(path: Path) -> list[list[str]]:
    text = _read_text(path)
    try:
        return [row for row in csv.reader(io.StringIO(text)) if any(c.strip() for c in row)]
    except csv.Error as exc:
        raise _fail(path, f"not a CSV file ({exc})") from exc


def read_ofac(sdn_csv: Path, alt_csv: Path | None = None) -> list[Listing]:
    """OFAC SDN legacy CSV (no header) + optional alt-names CSV; terrorism programs only.

    Columns: ent_num, name, type, programs ("FTO] [SDGT"), ..., remarks (12 in all). Weak
    a.k.a.s are the quoted names in the remarks; strong ones come from the alt file. Neither
    file gives listing or alias dates (build() adds them from the FTO table and curated.tsv).
    """
    sdn_csv = Path(sdn_csv)
    alts: dict[str, list[tuple[int, str, str]]] = {}
    if alt_csv is not None:
        alt_csv = Path(alt_csv)
        for n, row in enumerate(_csv_rows(alt_csv), start=1):
            if len(row) == 1 and row[0].strip() in ("\x1a", ""):
                continue
            if len(row) < 4 or not row[0].strip().isdigit() or not row[1].strip().isdigit():
                raise _fail(alt_csv, f"line {n}: not an OFAC alt-name row (ent_num, alt_num, ...)")
            alts.setdefault(row[0].strip(), []).append(
                (int(row[1]), _ofac_cell(row[2]).lower(), _ofac_cell(row[3]))
            )
    source_date = date_in_name(sdn_csv)
    out: list[Listing] = []
    for n, row in enumerate(_csv_rows(sdn_csv), start=1):
        if len(row) == 1 and row[0].strip() in ("\x1a", ""):
            continue  # DOS end-of-file marker
        if len(row) < 12 or not row[0].strip().isdigit():
            raise _fail(sdn_csv, f"line {n}: not an OFAC SDN row (12 columns, ent_num first)")
        programs = [p.strip() for p in _ofac_cell(row[3]).strip("[] ").split("] [") if p.strip()]
        terror = [p for p in OFAC_TERROR_PROGRAMS if p in programs]
        if not terror:
            continue
        ent = row[0].strip()
        name = _ofac_cell(row[1])
        remarks = _ofac_cell(row[11]) or None
        others = [p for p in programs if p not in terror]
        if others:
            remarks = f"{remarks} " if remarks else ""
            remarks += f"[other OFAC programs: {', '.join(others)}]"
        aliases = [
            Alias(alt_name, None, "strong")
            for _alt_num, _kind, alt_name in sorted(alts.get(ent, []))
            if alt_name
        ]
        aliases += [Alias(m, None, "weak") for m in _WEAK_AKA.findall(_ofac_cell(row[11]))]
        out.append(
            Listing(
                id=f"us-ofac:{ent}",
                list=OFAC_LIST,
                program=";".join(terror),
                name=name,
                aliases=_dedupe(name, aliases),
                listed_on=None,
                delisted_on=None,
                entity_type=_OFAC_TYPES.get(_ofac_cell(row[2]).lower(), "other"),
                source=sdn_csv.name,
                source_date=source_date,
                remarks=remarks,
            )
        )
    if not out and not any(len(r) >= 12 for r in _csv_rows(sdn_csv)):
        raise _fail(sdn_csv, "no OFAC SDN rows")
    return out


def ofac_alt_numbers(alt_csv: Path) -> dict[tuple[str, str], int]:
    """(ent_num, alias name) → alt_num, for ordering aliases by when OFAC numbered them."""
    out: dict[tuple[str, str], int] = {}
    for row in _csv_rows(Path(alt_csv)):
        if len(row) >= 4 and row[0].strip().isdigit() and row[1].strip().isdigit():
            out[(row[0].strip(), _ofac_cell(row[3]))] = int(row[1])
    return out


# --- UN consolidated list XML ----------------------------------------------------------------


def _text(el: ET.Element | None) -> str:
    return " ".join((el.text or "").split()) if el is not None else ""


_UN_NAME_PARTS = ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")


def read_un_xml(path: Path | str) -> list[Listing]:
    """UN consolidated list: the ISIL (Da'esh) & Al-Qaida (1267) entries, QDe.* and QDi.*.

    LISTED_ON gives the listing date; the XML has no per-alias dates, so aliases stay undated.
    The source date is the root's ``dateGenerated``.
    """
    path = Path(path)
    try:
        root = ET.fromstring(_read_text(path).encode("utf-8"))
    except ET.ParseError as exc:
        raise _fail(path, f"not XML ({exc})") from exc
    if root.tag != "CONSOLIDATED_LIST":
        raise _fail(path, f"root element is {root.tag}, not CONSOLIDATED_LIST")
    source_date = _iso(root.get("dateGenerated"))
    out: list[Listing] = []
    for kind, tag, alias_tag in (
        ("person", "INDIVIDUALS/INDIVIDUAL", "INDIVIDUAL_ALIAS"),
        ("organization", "ENTITIES/ENTITY", "ENTITY_ALIAS"),
    ):
        for el in root.findall(tag):
            ref = _text(el.find("REFERENCE_NUMBER"))
            if not ref.startswith("QD"):
                continue
            parts = [_text(el.find(t)) for t in _UN_NAME_PARTS]
            name = " ".join(p for p in parts if p)
            if not name:
                raise _fail(path, f"{ref}: no name")
            aliases: list[Alias] = []
            for a in el.findall(alias_tag):
                alias_name = _text(a.find("ALIAS_NAME"))
                quality = "weak" if _text(a.find("QUALITY")).lower() == "low" else "strong"
                if alias_name:
                    aliases.append(Alias(alias_name, None, quality))
            original = _text(el.find("NAME_ORIGINAL_SCRIPT"))
            if original:
                aliases.append(Alias(original, None, "strong"))
            notes = []
            nationality = [_text(v) for v in el.findall("NATIONALITY/VALUE") if _text(v)]
            if nationality:
                notes.append("nationality " + ", ".join(nationality))
            comments = _text(el.find("COMMENTS1"))
            if comments:
                notes.append(comments)
            out.append(
                Listing(
                    id=f"un:{ref}",
                    list=UN_LIST,
                    program=ref.split(".")[0],
                    name=name,
                    aliases=_dedupe(name, aliases),
                    listed_on=_iso(_text(el.find("LISTED_ON"))),
                    delisted_on=None,
                    entity_type=kind,
                    source=path.name,
                    source_date=source_date,
                    remarks="; ".join(notes) or None,
                )
            )
    return out


# --- EU list under Regulation 2580/2001 (OpenSanctions CSV) -----------------------------------


def read_eu_csv(path: Path | str) -> list[Listing]:
    """EU terrorist list (Regulation 2580/2001) as a CSV with a header (recordId, annex, schema,
    name, alias, ...). ``startDate`` gives the listing date where filled (it is empty in the
    shipped file); aliases are ``;``-separated and undated."""
    path = Path(path)
    reader = csv.DictReader(io.StringIO(_read_text(path)))
    need = {"recordId", "schema", "name", "alias"}
    if not reader.fieldnames or not need <= set(reader.fieldnames):
        missing = ", ".join(sorted(need - set(reader.fieldnames or [])))
        raise _fail(path, f"missing columns: {missing}")
    out: list[Listing] = []
    for n, row in enumerate(reader, start=2):
        name = (row.get("name") or "").strip()
        if not name:
            raise _fail(path, f"line {n}: no name")
        annex = (row.get("annex") or "").strip()
        rid = (row.get("recordId") or str(n)).strip()
        aliases = [Alias(a.strip(), None, "strong") for a in (row.get("alias") or "").split(";")]
        aliases += [Alias(a.strip(), None, "weak") for a in (row.get("weakAlias") or "").split(";")]
        aliases += [
            Alias(a.strip(), None, "strong") for a in (row.get("previousName") or "").split(";")
        ]
        notes = [
            f"{label} {row[key].strip()}"
            for key, label in (
                ("nationality", "nationality"),
                ("birthDate", "born"),
                ("birthPlace", "in"),
                ("notes", "note:"),
            )
            if (row.get(key) or "").strip()
        ]
        schema = (row.get("schema") or "").strip()
        out.append(
            Listing(
                id=f"eu:{annex}-{rid}" if annex else f"eu:{rid}",
                list=EU_LIST,
                program=(row.get("programKey") or "EU-TERR").strip(),
                name=name,
                aliases=_dedupe(name, aliases),
                listed_on=_iso(row.get("startDate")),
                delisted_on=_iso(row.get("endDate")),
                entity_type=_schema_type(schema),
                source=path.name,
                source_date=date_in_name(path),
                remarks="; ".join(notes) or None,
            )
        )
    return out


def _schema_type(schema: str) -> str:
    if schema == "Person":
        return "person"
    if schema in ("Organization", "LegalEntity", "Company", "PublicBody"):
        return "organization"
    return "other"


# --- YAML (India MHA, US State FTO lookups) ---------------------------------------------------


def _load_yaml(path: Path) -> Any:
    try:
        import yaml
    except ImportError as exc:  # pragma: no cover - pyyaml is a dependency
        raise _fail(path, "reading YAML needs the pyyaml package") from exc
    try:
        return yaml.safe_load(_read_text(path))
    except yaml.YAMLError as exc:
        raise _fail(path, f"not YAML ({str(exc).splitlines()[0]})") from exc


def _lookup_options(path: Path, data: Any) -> list[dict[str, Any]]:
    try:
        options = data["lookups"]["names"]["options"]
    except (KeyError, TypeError) as exc:
        raise _fail(path, "no lookups.names.options section") from exc
    if not isinstance(options, list):
        raise _fail(path, "lookups.names.options is not a list")
    return [o for o in options if isinstance(o, dict)]


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    return [str(value).strip()] if str(value).strip() else []


def read_india_yaml(path: Path | str) -> list[Listing]:
    """India MHA banned organisations (OpenSanctions crawler YAML, ``lookups.names``): each
    entity's ``main_name`` is ``;``/``/``-separated names (the first is primary); a
    ``related_name`` (political or armed wing) named in the same schedule entry is listed as
    its own record. The file gives no dates."""
    path = Path(path)
    data = _load_yaml(path)
    out: list[Listing] = []
    for option in _lookup_options(path, data):
        listed_text = "; ".join(_as_list(option.get("match")))
        for ent in option.get("entities") or []:
            if not isinstance(ent, dict) or not ent.get("main_name"):
                continue
            names = [
                n.strip()
                for part in str(ent["main_name"]).split(";")
                for n in part.split("/")
                if n.strip()
            ]
            notes = _as_list(ent.get("notes"))
            groups = [(names, notes)]
            related = _as_list(ent.get("related_name"))
            if related:
                rel_names = [n.strip() for r in related for n in r.split(";") if n.strip()]
                relation = str(ent.get("relationship") or "related organisation")
                groups.append((rel_names, [f"{relation} of {names[0]}"]))
            for group_names, group_notes in groups:
                primary = group_names[0]
                remarks = "; ".join([*group_notes, f"schedule entry: {listed_text}"])
                out.append(
                    Listing(
                        id=f"in-mha:{len(out) + 1}",
                        list=INDIA_LIST,
                        program="UAPA",
                        name=primary,
                        aliases=_dedupe(
                            primary, (Alias(n, None, "strong") for n in group_names[1:])
                        ),
                        listed_on=None,
                        delisted_on=None,
                        entity_type="organization",
                        source=path.name,
                        source_date=None,
                        remarks=remarks,
                    )
                )
    if not out:
        raise _fail(path, "no banned organisations found")
    return out


_AMENDMENT = re.compile(r"^(?P<names>.+?)\s+Amendments?\s*\((?P<date>[A-Za-z]+ \d{1,2}, \d{4})\)$")


def _us_date(text: str) -> dt.date | None:
    m = re.fullmatch(r"([A-Za-z]+) (\d{1,2}), (\d{4})", text.strip())
    if not m or m[1].lower() not in _MONTHS:
        return None
    return dt.date(int(m[3]), _MONTHS[m[1].lower()], int(m[2]))


def fto_amendments(match: str) -> list[tuple[str, dt.date, str]]:
    """(alias name, date, segment text) for each "X, Y and Z Amendments (Month D, YYYY)"."""
    out: list[tuple[str, dt.date, str]] = []
    for segment in re.split(r"\s*—\s*", match)[1:]:
        m = _AMENDMENT.match(segment.strip())
        date = _us_date(m["date"]) if m else None
        if not m or date is None:
            continue
        for name in re.split(r",\s*(?:and\s+)?|\s+and\s+", m["names"]):
            if name.strip():
                out.append((name.strip(), date, segment.strip()))
    return out


def _slug(name: str) -> str:
    return norm_key(name).replace(" ", "-")


def read_fto_lookups(path: Path | str) -> list[Listing]:
    """US State Dept FTO table name lookups (OpenSanctions crawler YAML): one listing per
    ``name_clean`` with its ``alias`` and ``name_former`` names. An alias named in an
    "... Amendment (Month D, YYYY)" segment of the table row gets that date as ``added``."""
    path = Path(path)
    data = _load_yaml(path)
    merged: dict[str, tuple[str, list[Alias]]] = {}
    for option in _lookup_options(path, data):
        match = " ".join(_as_list(option.get("match")))
        dated = {norm_key(n): (d, seg) for n, d, seg in fto_amendments(match)}
        for ent in option.get("names") or []:
            if not isinstance(ent, dict) or not ent.get("name_clean"):
                continue
            primary = str(ent["name_clean"]).strip()
            names = _as_list(ent.get("alias")) + _as_list(ent.get("name_former"))
            aliases = []
            for n in names:
                date, seg = dated.get(norm_key(n), (None, ""))
                basis = f"US State Dept FTO list: {seg}" if date else None
                aliases.append(Alias(n, date, "strong", basis))
            key = _slug(primary)
            old = merged.get(key, (primary, []))[1]
            # A later row for the same organisation may repeat aliases without dates: keep
            # the dated ones first so that deduplication keeps the date.
            combined = sorted([*old, *aliases], key=lambda a: a.added is None)
            merged[key] = (primary, combined)
    if not merged:
        raise _fail(path, "no FTO names found")
    return [
        Listing(
            id=f"us-fto:{key}",
            list=FTO_LIST,
            program="FTO",
            name=primary,
            aliases=_dedupe(primary, aliases),
            listed_on=None,
            delisted_on=None,
            entity_type="organization",
            source=path.name,
            source_date=None,
            remarks=None,
        )
        for key, (primary, aliases) in merged.items()
    ]


# --- MISP galaxy (only where it says which government lists the entries) ----------------------


def read_misp_galaxy(path: Path | str) -> list[Listing]:
    """A MISP galaxy whose own name/description says its entries are Canada's Criminal Code
    listed terrorist entities. ``meta.published`` (the Public Safety Canada feed's date of the
    listing) gives the listing date; ``meta.summary`` gives the other names. Any other galaxy
    is not an official list and is refused."""
    path = Path(path)
    data = _load_json(path)
    if not isinstance(data, dict) or not isinstance(data.get("values"), list):
        raise _fail(path, "not a MISP galaxy (no values list)")
    label = f"{data.get('name', '')} {data.get('description', '')}".lower()
    if "canada" not in label or "listed" not in label:
        raise _fail(path, "this galaxy does not say which government lists its entries")
    out: list[Listing] = []
    for value in data["values"]:
        meta = value.get("meta") or {}
        name = str(value.get("value") or "").strip()
        if not name:
            continue
        summary = str(meta.get("summary") or "").strip()
        aliases = [Alias(a, None, "strong") for a in _split_summary(summary)]
        listed = _iso(meta.get("published"))
        updated = _iso(meta.get("updated"))
        content = str(meta.get("content") or "")
        out.append(
            Listing(
                id=f"ca-listed:{meta.get('id') or value.get('uuid')}",
                list=CANADA_LIST,
                program="Criminal Code s. 83.05",
                name=name,
                aliases=_dedupe(name, aliases),
                listed_on=listed,
                delisted_on=None,
                entity_type=_guess_person(content),
                source=path.name,
                source_date=updated,
                remarks=None,
            )
        )
    return out


def _split_summary(summary: str) -> list[str]:
    if not summary or summary.upper() == "N/A":
        return []
    parts = summary.split(";") if ";" in summary else summary.split(",")
    out = []
    for part in parts:
        part = re.sub(r"^\s*(and|also known as)\s+", "", part.strip()).strip(" .")
        if part and part.upper() != "N/A":
            out.append(part)
    return out


def _guess_person(content: str) -> str:
    """The Canadian entries are groups except a few individuals, whose description has a
    sentence starting "He"/"His" near its start."""
    if re.search(r"(?:^|[.;]\s+)(?:He|His)\s", content[:600]):
        return "person"
    return "organization"


# --- FollowTheMoney / OpenSanctions ------------------------------------------------------------


def _load_json(path: Path) -> Any:
    text = _read_text(path)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise _fail(path, f"not JSON ({exc.msg} at line {exc.lineno})") from exc


def _json_records(path: Path) -> list[dict[str, Any]]:
    text = _read_text(path).strip()
    if text.startswith("["):
        data = _load_json(path)
        records = data if isinstance(data, list) else []
    else:
        records = []
        for n, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise _fail(path, f"line {n}: not JSON ({exc.msg})") from exc
    if not all(isinstance(r, dict) for r in records):
        raise _fail(path, "entities must be JSON objects")
    return records


_FTM_TYPES = {"Person", "Organization", "LegalEntity", "Company", "PublicBody"}
# The FtM topics by which a file says an entity is on a list. Anything else an FtM file holds
# (footprint's own export, an Aleph collection, OpenSanctions' PEPs and persons of interest)
# names people and groups, not listings, and must not be screened as LISTED.
LISTED_TOPICS = frozenset(
    {
        "sanction",
        "sanction.linked",
        "sanction.counter",
        "crime.terror",
        "wanted",
        "debarment",
        "export.control",
    }
)


@dataclass(frozen=True)
class FtmListings:
    """What an FtM file gives: the listings, and how many entities it holds that it does not
    mark as listed (no listing topic, no Sanction entity), which were left out."""

    listings: list[Listing]
    unlisted: int


def read_ftm_json(path: Path | str) -> list[Listing]:
    """The listings of an FtM file (see `read_ftm_entities`)."""
    return read_ftm_entities(path).listings


def read_ftm_entities(path: Path | str) -> FtmListings:
    """OpenSanctions / FollowTheMoney entities (JSON lines or a JSON array). Person,
    Organization, LegalEntity and Company entities that the file marks as listed (a topic in
    `LISTED_TOPICS`, or a Sanction entity pointing at them) become listings (``name``,
    ``alias``, ``weakAlias``, ``previousName``); the others are counted, not listed. A Sanction
    entity gives its ``listingDate``/``startDate``, ``endDate`` and ``program``. The list name
    is the entity's first ``datasets`` entry, else the file name."""
    path = Path(path)
    records = _json_records(path)
    if not records:
        raise _fail(path, "no entities")
    sanctions: dict[str, dict[str, Any]] = {}
    for rec in records:
        if rec.get("schema") == "Sanction":
            props = rec.get("properties") or {}
            if not isinstance(props, dict):
                raise _fail(path, f"entity without properties: {str(rec)[:60]}")
            for target in _as_list(props.get("entity")):
                sanctions[target] = props
    out: list[Listing] = []
    unlisted = 0
    stem = path.name.split(".")[0]
    for rec in records:
        schema = rec.get("schema")
        if schema not in _FTM_TYPES:
            continue
        if "id" not in rec or not isinstance(rec.get("properties"), dict):
            raise _fail(path, f"entity without id or properties: {str(rec)[:60]}")
        props = rec["properties"]
        names = _as_list(props.get("name"))
        if not names:
            raise _fail(path, f"entity {rec['id']} has no name")
        topics = set(_as_list(props.get("topics")))
        if not topics & LISTED_TOPICS and str(rec["id"]) not in sanctions:
            unlisted += 1
            continue
        aliases = [Alias(n, None, "strong") for n in names[1:]]
        aliases += [Alias(n, None, "strong") for n in _as_list(props.get("alias"))]
        aliases += [Alias(n, None, "strong") for n in _as_list(props.get("previousName"))]
        aliases += [Alias(n, None, "weak") for n in _as_list(props.get("weakAlias"))]
        sanction = sanctions.get(str(rec["id"]), {})
        listed = _first_date(sanction.get("listingDate")) or _first_date(sanction.get("startDate"))
        datasets = _as_list(rec.get("datasets"))
        notes = _as_list(props.get("notes")) + [
            f"nationality {', '.join(_as_list(props.get('nationality')))}"
        ] * bool(props.get("nationality"))
        out.append(
            Listing(
                id=f"ftm:{rec['id']}",
                list=datasets[0] if datasets else stem,
                program=";".join(_as_list(sanction.get("program"))) or "watchlist",
                name=names[0],
                aliases=_dedupe(names[0], aliases),
                listed_on=listed,
                delisted_on=_first_date(sanction.get("endDate")),
                entity_type=_schema_type(str(schema)),
                source=path.name,
                source_date=_iso(rec.get("last_change") or rec.get("last_seen")),
                remarks="; ".join(notes) or None,
            )
        )
    return FtmListings(out, unlisted)


def _first_date(value: Any) -> dt.date | None:
    for v in _as_list(value):
        d = _iso(v)
        if d:
            return d
    return None


# --- user watchlists ------------------------------------------------------------------------

_TYPE_WORDS = {
    "person": "person",
    "individual": "person",
    "people": "person",
    "organization": "organization",
    "organisation": "organization",
    "org": "organization",
    "entity": "organization",
    "group": "organization",
}


# A name longer than this is not a name but text a broken row swallowed (an unclosed quote
# takes the rest of the file into one cell); the longest names on the official lists are
# under 200 characters.
MAX_NAME = 300
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
BAD_ROWS_SHOWN = 10


def _name_problem(what: str, value: str) -> str | None:
    """Why `value` cannot be a listed name, or None."""
    if "\n" in value or "\r" in value:
        return f"{what} spans several lines (an unclosed quote?)"
    if _CONTROL.search(value):
        return f"{what} holds a control character"
    if len(value) > MAX_NAME:
        return f"{what} is {len(value)} characters long (at most {MAX_NAME})"
    return None


def _csv_watchlist_rows(path: Path) -> list[tuple[str, dict[str, str]]]:
    """The rows of a CSV watchlist as (where, {column: cell}), where = "line N" (the line the
    row starts on). A file that is not well-formed CSV, or a row with more cells than the
    header has columns, is refused whole."""
    reader = csv.reader(io.StringIO(_read_text(path)), strict=True)
    rows: list[tuple[str, dict[str, str]]] = []
    problems: list[str] = []
    start = 1
    try:
        header = [c.strip().lower() for c in next(reader, [])]
        if "name" not in header:
            raise _fail(path, "a CSV watchlist needs a header with a 'name' column")
        twice = sorted({c for c in header if c and header.count(c) > 1})
        if twice:
            raise _fail(path, f"line 1: the header names {', '.join(twice)} more than once")
        start = reader.line_num + 1
        for cells in reader:
            where, start = f"line {start}", reader.line_num + 1
            if not any(c.strip() for c in cells):
                continue
            if len(cells) > len(header):
                problems.append(f"{where}: {len(cells)} cells, the header has {len(header)}")
                continue
            rows.append((where, {k: v for k, v in zip(header, cells, strict=False) if k}))
    except csv.Error as exc:
        raise _fail(path, f"line {start}: not well-formed CSV ({exc}); nothing imported") from exc
    _refuse(path, problems)
    return rows


def _refuse(path: Path, problems: list[str]) -> None:
    """Refuse the whole file when any row is bad: an import replaces the list of the same
    name, so a partial one would drop entries without a word."""
    if not problems:
        return
    shown = "; ".join(problems[:BAD_ROWS_SHOWN])
    more = len(problems) - BAD_ROWS_SHOWN
    raise _fail(
        path,
        f"{len(problems)} bad row(s), nothing imported: {shown}"
        + (f"; and {more} more" if more > 0 else ""),
    )


def read_watchlist(path: Path | str) -> list[Listing]:
    """A user's watchlist: CSV with a header (name, aliases separated by ``;``, type,
    listed_on, note) or YAML (a list of {name, aliases, type, listed_on, note}). Every row is
    checked (a name of sane length on one line, aliases likewise, a YYYY-MM-DD listed_on); a
    file with any bad row is refused with the line (CSV) or entry (YAML) of each."""
    path = Path(path)
    rows: list[tuple[str, dict[str, Any]]]
    if path.suffix.lower() in (".yml", ".yaml"):
        data = _load_yaml(path)
        if not isinstance(data, list) or not all(isinstance(d, dict) for d in data):
            raise _fail(path, "a YAML watchlist must be a list of {name, aliases, ...} entries")
        rows = [(f"entry {n}", d) for n, d in enumerate(data, start=1)]
    else:
        rows = _csv_watchlist_rows(path)
    out: list[Listing] = []
    problems: list[str] = []
    for n, (where, row) in enumerate(rows, start=1):
        raw_name = row.get("name")
        if isinstance(raw_name, list | dict):
            problems.append(f"{where}: the name is not text")
            continue
        name = str(raw_name or "").strip()
        raw_aliases = row.get("aliases")
        alias_names = (
            _as_list(raw_aliases)
            if isinstance(raw_aliases, list)
            else [a.strip() for a in str(raw_aliases or "").split(";")]
        )
        listed_raw = row.get("listed_on")
        listed = _iso(listed_raw)
        found = [
            "no name" if not name else _name_problem("the name", name),
            *(_name_problem(f"alias {a[:40]!r}", a) for a in alias_names),
            f"listed_on {str(listed_raw)[:40]!r} is not a YYYY-MM-DD date"
            if listed_raw not in (None, "") and listed is None
            else None,
        ]
        if any(found):
            problems.extend(f"{where}: {p}" for p in found if p)
            continue
        kind = _TYPE_WORDS.get(str(row.get("type") or "").strip().lower(), "other")
        out.append(
            Listing(
                id=f"user:{path.name}:{n}",
                list=path.stem,
                program="watchlist",
                name=name,
                aliases=_dedupe(name, (Alias(a, None, "strong") for a in alias_names)),
                listed_on=listed,
                delisted_on=None,
                entity_type=kind,
                source=path.name,
                source_date=None,
                remarks=str(row.get("note") or "").strip() or None,
            )
        )
    _refuse(path, problems)
    return out


# --- detection ------------------------------------------------------------------------------


def detect_kind(path: Path) -> str:
    """One of: ofac-sdn, ofac-alt, un-xml, eu-csv, india-yaml, fto-yaml, misp-galaxy, ftm,
    watchlist."""
    path = Path(path)
    suffix = path.suffix.lower()
    head = _read_text(path)[:4096]
    if suffix == ".xml" or head.lstrip().startswith("<"):
        return "un-xml"
    if suffix in (".yml", ".yaml"):
        if re.search(r"^prefix:\s*in-mha\b", head, re.M):
            return "india-yaml"
        if re.search(r"^prefix:\s*us-dos-fto\b", head, re.M):
            return "fto-yaml"
        return "watchlist"
    if suffix in (".json", ".jsonl", ".ndjson") or head.lstrip()[:1] in ("{", "["):
        if '"values"' in head and '"uuid"' in head and '"category"' in head:
            return "misp-galaxy"
        return "ftm"
    first = next(csv.reader(io.StringIO(head.splitlines()[0] if head else "")), [])
    cells = [c.strip() for c in first]
    if "celex" in cells or "programKey" in cells:
        return "eu-csv"
    if cells and cells[0].isdigit():
        if len(cells) >= 12:
            return "ofac-sdn"
        if len(cells) >= 4 and cells[1].isdigit():
            return "ofac-alt"
    if "name" in [c.lower() for c in cells]:
        return "watchlist"
    raise _fail(path, "unrecognised list format")


def detect_and_read(path: Path | str) -> list[Listing]:
    path = Path(path)
    kind = detect_kind(path)
    if kind == "ofac-sdn":
        return read_ofac(path, None)
    if kind == "ofac-alt":
        raise _fail(path, "an OFAC alt-names file is read together with its SDN file")
    readers = {
        "un-xml": read_un_xml,
        "eu-csv": read_eu_csv,
        "india-yaml": read_india_yaml,
        "fto-yaml": read_fto_lookups,
        "misp-galaxy": read_misp_galaxy,
        "ftm": read_ftm_json,
        "watchlist": read_watchlist,
    }
    return readers[kind](path)
