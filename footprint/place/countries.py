"""Countries as a user names them: an ISO code or a name, checked against the gazetteer's own
country list, so every `--country` option means the same and a typo is an error, not an empty
answer."""

from __future__ import annotations

import difflib
import functools
from collections import defaultdict

from footprint.errors import FootprintError


def _country_key(name: str) -> str:
    from footprint.place.names import name_key

    key = name_key(name)
    return key[4:] if key.startswith("the ") else key


@functools.cache
def _countries() -> tuple[dict[str, set[str]], dict[str, str]]:
    """(name key -> country codes, code -> name) over the gazetteer's countries: ISO-2 and
    ISO-3 codes, GeoNames names and footprint's own aliases ("UK", "Burma", "Congo")."""
    from footprint.place import sources

    codes: dict[str, set[str]] = defaultdict(set)
    names: dict[str, str] = {}
    for code, row in sources.countries().items():
        names[code] = str(row["name"])
        for written in (code, str(row.get("iso3") or ""), str(row["name"])):
            if written:
                codes[_country_key(written)].add(code)
    for alias in sources.aliases():
        if alias.kind == "country" and alias.country in names:
            for written in (*alias.aliases, alias.display_name):
                if written:
                    codes[_country_key(written)].add(alias.country)
    return dict(codes), names


def country_code(value: str) -> str:
    """The ISO-2 code of a country given by code (PK, PAK) or name (Pakistan, the UK), any case.

    Raises FootprintError for a name the gazetteer does not know as a country, or one that
    names two ("Congo"), with the nearest country names."""
    codes, names = _countries()
    found = codes.get(_country_key(value), set())
    if len(found) == 1:
        return next(iter(found))
    if found:
        which = " or ".join(f"{c} ({names[c]})" for c in sorted(found))
        raise FootprintError(f"country {value!r} is ambiguous: {which}; give the ISO code")
    near = difflib.get_close_matches(value.title(), sorted(names.values()), n=3, cutoff=0.7)
    hint = f"; did you mean: {', '.join(near)}?" if near else ""
    raise FootprintError(
        f"unknown country {value!r}: give an ISO code (e.g. PK) or a country name "
        f"(e.g. Pakistan){hint}"
    )
