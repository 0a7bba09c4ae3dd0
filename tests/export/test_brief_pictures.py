"""The brief's pictures read at a glance: data made up for each case, checked on the SVG emitted.

Timeline: month ticks, a date beside every mark, labels that wrap instead of being cut, a
broken axis when a background event lies years before the story. Network: labels that cover no
node and no other label, edges labelled with their role or occasion, a legend, the same
picture every time. Map: country names, a true scale, labels clear of circles."""

from __future__ import annotations

import html
import math
import re
import xml.etree.ElementTree as ET

import pytest

from footprint.export import brief_svg
from footprint.export.brief_timeline import date_text, day
from tests.export.svg_boxes import NS, boxes, collisions

# --- timeline --------------------------------------------------------------------------------


def occasion(label, start, end=None, background=False, designated=False):
    end = start if end is None else end
    return {
        "label": label,
        "date": {"start": start, "end": end, "precision": "day", "text": start},
        "background": background,
        "designated": designated,
    }


def _texts(svg: str, cls: str) -> list[str]:
    root = ET.fromstring(svg)
    return [
        " ".join("".join(t for t in el.itertext()).split())
        for el in root.iter(f"{NS}text")
        if cls in el.get("class", "").split()
    ]


def _lane_labels(svg: str) -> list[str]:
    """Each lane's label as drawn (its lines joined), without the lane's tooltip."""
    root = ET.fromstring(svg)
    out = []
    for el in root.iter(f"{NS}text"):
        if "event-label" in el.get("class", ""):
            out.append(" ".join(t.text or "" for t in el.iter(f"{NS}tspan")))
    return out


def _marks_x(svg: str) -> list[float]:
    return [float(m.group(1)) for m in re.finditer(r'class="event-mark day" cx="([\d.]+)"', svg)]


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [
        ("2024-03-03", "2024-03-03", "3 Mar 2024"),
        ("2024-03-01", "2024-03-31", "Mar 2024"),
        ("2023-01-01", "2023-12-31", "2023"),
        ("2023-09-01", "2023-12-31", "Sep – Dec 2023"),
        ("2023-11-11", "2023-11-20", "11 Nov – 20 Nov 2023"),
        ("2023-12-20", "2024-01-10", "20 Dec 2023 – 10 Jan 2024"),
        ("2024-05-03", None, "from 3 May 2024"),
        (None, "2019-12-31", "until 31 Dec 2019"),
    ],
)
def test_dates_are_written_as_people_write_them(start, end, text):
    assert date_text(day(start), day(end)) == text


def test_month_ticks_and_a_date_beside_every_mark():
    events = [
        occasion("rally in Porto", "2024-03-03"),
        {**occasion("march in Faro", "2024-04-01", "2024-04-30"), "designated": True},
        occasion("sit-in in Braga", "2024-05-20", ""),
    ]
    events[2]["date"]["end"] = None  # an open end
    svg = brief_svg.timeline_svg(events)
    ticks = _texts(svg, "tick")
    assert "Mar 2024" in ticks and "Apr" in ticks and "May" in ticks
    assert svg.count('class="tick-minor"') >= 3
    assert _texts(svg, "date-label") == ["3 Mar 2024", "Apr 2024", "from 20 May 2024"]
    assert 'class="open-end"' in svg


def test_a_single_day_still_names_its_month_on_the_axis():
    svg = brief_svg.timeline_svg([occasion("rally in Porto", "2024-03-17")])
    assert _texts(svg, "tick") == ["Mar 2024"]
    assert _texts(svg, "date-label") == ["17 Mar 2024"]


def test_long_labels_wrap_whole_and_keep_a_tooltip():
    label = "Conference of the Northern Lantern Society on harbour workers' rights in Porto"
    svg = brief_svg.timeline_svg([occasion(label, "2024-03-03")])
    (drawn,) = _lane_labels(svg)
    assert drawn == label  # every word, none cut at 28 characters
    lines = [html.unescape(t) for t in re.findall(r"<tspan[^>]*>([^<]*)</tspan>", svg)]
    assert len(lines) >= 2 and all(len(line) * 11 * 0.6 <= 250 for line in lines)
    assert f"<title>{label.replace(chr(39), '&#x27;')} — 3 Mar 2024" in svg
    endless = " ".join(["word"] * 200)
    svg = brief_svg.timeline_svg([occasion(endless, "2024-03-03")])
    (drawn,) = _lane_labels(svg)
    assert drawn.endswith("…") and len(re.findall(r"<tspan", svg)) == 3
    assert f"<title>{endless} — " in svg


def test_a_background_event_years_earlier_breaks_the_axis():
    story = [
        occasion("rally in Porto", "2024-03-03"),
        occasion("march in Faro", "2024-03-20"),
        occasion("meeting in Braga", "2024-04-18"),
        occasion("protest in Evora", "2024-05-09"),
    ]
    past = occasion("founding congress", "2009-06-01", background=True)
    svg = brief_svg.timeline_svg([past, *story])
    assert 'class="axis-break"' in svg and "years of no occasions left out" in svg
    xs = _marks_x(svg)
    plot = 900 - 250 - 24
    # The story's four occasions spread over most of the plot, not a strip at its end.
    assert max(xs[1:]) - min(xs[1:]) > 0.4 * plot
    assert "2009" in " ".join(_texts(svg, "tick")) and "Mar 2024" in _texts(svg, "tick")
    assert 'class="lane background"' in svg
    # One run of dates: no break.
    assert 'class="axis-break"' not in brief_svg.timeline_svg(story)


def test_timeline_escapes_article_text():
    svg = brief_svg.timeline_svg([occasion("<script>alert(1)</script> rally", "2024-03-03")])
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    ET.fromstring(svg)  # well-formed


# --- network ---------------------------------------------------------------------------------


def actor(i, name, kind="person", **extra):
    return {"id": f"ent-{i:02d}", "name": name, "type": kind, "marks": [], **extra}


def crowd(n=36):
    """Many actors with long names, tied densely: where labels would pile up."""
    names = [
        "Abdul Rahman bin Khalid al-Harbi",
        "Northern Lantern Society",
        "Mirela Dobos",
        "Harbour Relief Trust for the Families of Sailors",
        "Ivo Brandt",
        "Greta Lund",
        "Committee for the Defence of the Coast",
        "Henrik Aalto",
        "Tomas Verlaine",
    ]
    actors = [
        actor(
            i,
            f"{names[i % len(names)]} {i}",
            "organization" if i % 3 == 0 else "person",
            designated=i % 5 == 0,
            marks=["linked_person"] if i % 7 == 0 else [],
        )
        for i in range(n)
    ]
    edges = []
    for i in range(n):
        for j in (i + 1, i + 2, i + 5):
            if j < n:
                a, b = actors[i], actors[j]
                if j == i + 5:
                    kind = {
                        "kinds": ["affiliation"],
                        "affiliation": [
                            {
                                "subject": a["id"],
                                "object": b["id"],
                                "predicate": "front_of",
                                "role": "charity arm",
                                "what": "is a front of (charity arm)",
                            }
                        ],
                    }
                else:
                    kind = {
                        "kinds": ["coappearance"],
                        "coappearance": {"events": ["evt-1"], "count": 1, "evidence": []},
                    }
                edges.append(
                    {
                        "a": a["id"],
                        "b": b["id"],
                        "a_name": a["name"],
                        "b_name": b["name"],
                        "weight": 1,
                        **kind,
                    }
                )
    return actors, edges


def test_no_network_label_covers_a_node_or_another_label():
    actors, edges = crowd()
    svg = brief_svg.network_svg(
        actors, edges, [actors[0]["id"]], occasions={"evt-1": "rally in Porto"}
    )
    assert collisions(svg) == []
    labels, marks = boxes(svg)
    assert len(marks) == len(actors)
    # Every actor keeps its whole name on the picture (none cut, none dropped here).
    drawn = set(_texts(svg, "node-label"))
    assert drawn == {a["name"] for a in actors}


def test_network_edges_are_labelled_with_role_or_occasion():
    a, b, c = (
        actor(1, "Open Hands Trust", "organization"),
        actor(2, "Green Brigade", "organization"),
        actor(3, "Amal Haddad"),
    )
    edges = [
        {
            "a": a["id"],
            "b": b["id"],
            "a_name": a["name"],
            "b_name": b["name"],
            "weight": 1,
            "kinds": ["affiliation"],
            "affiliation": [
                {
                    "subject": a["id"],
                    "object": b["id"],
                    "predicate": "front_of",
                    "role": "political wing",
                    "what": "is a front of (political wing)",
                }
            ],
        },
        {
            "a": a["id"],
            "b": c["id"],
            "a_name": a["name"],
            "b_name": c["name"],
            "weight": 1,
            "kinds": ["coappearance"],
            "coappearance": {
                "events": ["evt-9"],
                "count": 1,
                "evidence": [
                    {"actor": a["id"], "role": "host"},
                    {"actor": c["id"], "role": "speaker"},
                ],
            },
        },
    ]
    svg = brief_svg.network_svg([a, b, c], edges, occasions={"evt-9": "rally in Lahore"})
    assert sorted(_texts(svg, "edge-label")) == ["political wing", "rally in Lahore"]
    # The tooltip tells who did what, with the roles.
    assert "Open Hands Trust is a front of (political wing) Green Brigade" in svg
    assert "Amal Haddad (speaker) and Open Hands Trust (host) at rally in Lahore" in svg
    assert 'stroke-dasharray="5,3"' in svg  # the relation drawn dashed


def test_network_legend_explains_shapes_colours_and_lines():
    svg = brief_svg.network_svg([actor(1, "Amal Haddad")], [])
    legend = svg[svg.index('<g class="legend">') :]
    for words in (
        "person",
        "organisation",
        "the brief&#x27;s actor",
        "designated (listed / alias)",
        "claimed front / linked by the text",
        "same occasion",
        "relation (labelled with the role)",
        "acts for the actor",
    ):
        assert words in legend, words


def test_network_picture_is_the_same_every_time():
    actors, edges = crowd(20)
    assert brief_svg.network_svg(actors, edges) == brief_svg.network_svg(actors, edges)


# --- map -------------------------------------------------------------------------------------


def place(name, lat, lon, events=1, **extra):
    return {"name": name, "lat": lat, "lon": lon, "events": events, "country": "PK", **extra}


def test_no_map_label_covers_a_circle_or_another_label():
    # Seven places within a degree of each other, long names: the labels must move apart.
    places = [
        place("Rawalpindi Cantonment Board Area", 33.6, 73.05, 4, designated=True),
        place("Islamabad Capital Territory", 33.7, 73.1, 3),
        place("Murree Hills Station", 33.9, 73.4, 2),
        place("Taxila Archaeological Site", 33.75, 72.8),
        place("Wah Cantonment", 33.8, 72.7),
        place("Attock Khurd", 33.9, 72.3),
        place("Lahore", 31.55, 74.34, 2),
    ]
    svg = brief_svg.map_svg(places)
    assert collisions(svg) == []
    drawn = _texts(svg, "place-label")
    assert "Rawalpindi Cantonment Board Area (4)" in drawn and len(drawn) == len(places)


def test_map_names_countries_when_the_outlines_are_installed():
    if brief_svg.outline_file() is None:
        pytest.skip("Natural Earth outlines not installed")
    svg = brief_svg.map_svg([place("Lahore", 31.55, 74.34), place("Kabul", 34.53, 69.17)])
    names = _texts(svg, "country-label")
    assert "PAKISTAN" in names and "AFGHANISTAN" in names
    assert collisions(svg) == []


def test_the_scale_bar_measures_the_map():
    lat = 31.5
    svg = brief_svg.map_svg([place("West", lat, 70.0), place("East", lat, 75.0)])
    circles = [float(x) for x in re.findall(r'class="place" cx="([\d.]+)"', svg)]
    km = 5 * 111.32 * math.cos(math.radians(lat))  # along the parallel, both on it
    km_per_px = km / abs(circles[0] - circles[1])
    bar = re.search(r'class="scale-bar"><path d="M[\d.]+,[\d.]+ v5 h([\d.]+)', svg)
    label = re.search(r'class="scale-bar">.*?<text[^>]*>([\d,]+) km</text>', svg)
    assert bar and label
    bar_km = float(label.group(1).replace(",", ""))
    assert bar_km / float(bar.group(1)) == pytest.approx(km_per_px, rel=0.01)
    assert bar_km in {m * 10**p for m in (1, 2, 5) for p in range(0, 5)}


def test_map_escapes_place_names():
    svg = brief_svg.map_svg([place('<img src=x onerror="alert(1)">', 31.5, 74.3)])
    assert "<img" not in svg and "&lt;img" in svg
    ET.fromstring(svg)
