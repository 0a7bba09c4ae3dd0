"""The actor page's map (web/worldmap.py): its view holds every place, and maps of places in
one region share their view, so the projected outlines are made once for all of them."""

from __future__ import annotations

import random
import re

import pytest

from footprint.web import worldmap

WIDTH, HEIGHT = 900, 520


def _places(rng: random.Random, lat: float, lon: float, spread: float) -> list[dict]:
    return [
        {"name": f"p{i}", "lat": lat + rng.uniform(-spread, spread),
         "lon": lon + rng.uniform(-spread, spread), "events": rng.randint(1, 9)}
        for i in range(rng.randint(1, 6))
    ]


@pytest.mark.parametrize("seed", range(30))
def test_the_view_holds_every_place_with_a_margin_and_the_pictures_shape(seed):
    rng = random.Random(seed)
    spread = rng.choice([0.1, 2.0, 15.0, 60.0])
    places = _places(rng, rng.uniform(-60, 60), rng.uniform(-170, 170), spread)
    places = [{**p, "lat": max(-80.0, min(80.0, p["lat"]))} for p in places]
    west, south, east, north, kx = worldmap._view(places, WIDTH, HEIGHT)
    for p in places:
        assert west < p["lon"] < east and south < p["lat"] < north
    # The view has the picture's shape.
    assert (east - west) * kx / (north - south) == pytest.approx(WIDTH / HEIGHT, rel=1e-9)
    assert -85 <= south < north <= 85


def test_maps_of_one_region_share_their_view_and_outlines():
    rng = random.Random(1)
    maps = [_places(rng, 30.0, 70.0, 3.0) for _ in range(40)]
    views = {worldmap._view(p, WIDTH, HEIGHT) for p in maps}
    assert len(views) <= len(maps) // 2  # views snap to a grid; unsnapped, each had its own
    worldmap._outlines.cache_clear()
    svgs = [worldmap.map_svg(p, WIDTH, HEIGHT) for p in maps]
    info = worldmap._outlines.cache_info()
    assert info.misses == len(views) and info.hits == len(maps) - len(views)
    # Each map still draws its own places.
    for places, svg in zip(maps, svgs, strict=True):
        assert len(re.findall(r'<circle class="place"', svg)) == len(places)


@pytest.mark.parametrize(
    "where",
    [
        [(40.7, -74.0), (-33.9, 151.2)],  # New York and Sydney: no grid view is wide enough
        [(-18.1, 178.4), (-13.8, -171.8)],  # Fiji and Samoa, either side of the date line
        [(51.5, -0.1), (-36.8, 174.8), (21.3, -157.9)],
        [(84.5, 10.0), (78.2, 15.6)],  # near the pole the grid cannot keep a margin
    ],
)
def test_places_across_the_world_or_near_a_pole_stay_inside_the_view(where):
    places = [{"name": f"p{i}", "lat": lat, "lon": lon} for i, (lat, lon) in enumerate(where)]
    west, south, east, north, kx = worldmap._view(places, WIDTH, HEIGHT)
    for p in places:
        assert west <= p["lon"] <= east and south <= p["lat"] <= north
    assert (east - west) * kx / (north - south) == pytest.approx(WIDTH / HEIGHT, rel=1e-9)


def test_a_point_that_is_no_number_is_left_off_the_map():
    places = [{"name": "kept", "lat": 31.5, "lon": 74.3, "events": 2},
              {"name": "broken", "lat": float("nan"), "lon": 70.0, "events": 1}]
    svg = worldmap.map_svg(places, WIDTH, HEIGHT)
    assert svg.count('<circle class="place"') == 1 and "kept" in svg and "broken" not in svg
    assert "No placed occasions" in worldmap.map_svg(places[1:], WIDTH, HEIGHT)
