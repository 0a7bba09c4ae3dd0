"""Short reports written for the web tests, with invented names, and a watchlist that lists one
of their groups, so that a store built from them has actors, occasions reported twice,
relations, a listed group, a claimed front, and a document full of script payloads."""

from __future__ import annotations

import json
from pathlib import Path

WATCHLIST = (
    "name,aliases,type,listed_on,note\n"
    "Crimson Hand Brigade,CHB,organization,2019-05-01,invented for footprint's web tests\n"
)

REPORTS = [
    {
        "id": "karachi-rally",
        "title": "Harbour Workers Union rally in Karachi",
        "published": "2024-03-02",
        "url": "https://harbour-post.example/karachi-rally",
        "text": (
            "Harbour Workers Union rally in Karachi\n\n"
            "On March 1, 2024, the Harbour Workers Union held a rally in Karachi. "
            "Tariq Baloch, head of the Harbour Workers Union, spoke at the rally. "
            "Nadia Rahman, a senior leader of the Coastal Justice Front, addressed the rally "
            "via video link, according to the organisers."
        ),
    },
    {
        "id": "karachi-rally-wire",
        "title": "Dockworkers march in Karachi",
        "published": "2024-03-03",
        "url": "https://dock-wire.example/march",
        "author": "Wire Desk",
        "text": (
            "Dockworkers march in Karachi\n\n"
            "Thousands of dockworkers joined a rally organised by the Harbour Workers Union in "
            "Karachi on March 1, 2024. Tariq Baloch spoke at the rally and demanded higher wages."
        ),
    },
    {
        "id": "lahore-conference",
        "title": "Coastal Justice Front conference in Lahore",
        "published": "2024-04-13",
        "text": (
            "Coastal Justice Front conference in Lahore\n\n"
            "On April 12, 2024, the Coastal Justice Front hosted a conference in Lahore. "
            "Nadia Rahman spoke at the conference. Tariq Baloch attended the conference. "
            "Police said the Coastal Justice Front is a front of the Crimson Hand Brigade."
        ),
    },
    {
        "id": "quetta-meeting",
        "title": "Meeting in Quetta",
        "published": "2024-06-03",
        "text": (
            "Meeting in Quetta\n\n"
            "On June 2, 2024, Omar Siddiqui, a spokesman for the Crimson Hand Brigade, met "
            "Nadia Rahman in Quetta."
        ),
    },
]

# Script in every place a report can carry it: the text, the title, the author, the address.
XSS_REPORT = {
    "id": "hostile-report",
    "title": '<script>window.pwned=1</script>"><svg onload=window.pwned=2>',
    "author": "<img src=x onerror=window.pwned=3>",
    "url": "javascript:window.pwned=4",
    "published": "2024-05-06",
    "text": (
        "Rally in Quetta <script>window.pwned=5</script>\n\n"
        'On May 5, 2024, the People\'s Reform Movement held a rally in Quetta. "><svg '
        "onload=window.pwned=6> Its chairman, Sami Ullah Khan, spoke at the rally. "
        '<img src=x onerror="window.pwned=7"> Read <a href="javascript:window.pwned=8">more</a>.'
    ),
}

# Names a hostile source could give an actor (written into the store with the hostile report).
XSS_NAMES = {
    "person": '"><svg onload=window.pwned=9> Khan',
    "organization": "<img src=x onerror=window.pwned=10> Movement",
    "event": "rally <script>window.pwned=11</script>",
}


def write_inputs(folder: Path) -> tuple[Path, Path]:
    """The reports as one JSONL file and the watchlist as a CSV, in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    reports = folder / "reports.jsonl"
    reports.write_text("".join(json.dumps(r) + "\n" for r in REPORTS), "utf-8")
    watchlist = folder / "web-test-watchlist.csv"
    watchlist.write_text(WATCHLIST, "utf-8")
    return reports, watchlist
