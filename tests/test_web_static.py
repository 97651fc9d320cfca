"""The page's files as shipped: no HTML-parsing sinks in our scripts, no inline script or style in the
page, and the vendored Cytoscape.js is the version web/package.json pins (after a bump: `npm ci && npm run
build` in web/)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from claimgraph.api.app import static_dir

ROOT = Path(__file__).resolve().parent.parent
SINKS = re.compile(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function")


def test_our_scripts_never_parse_html() -> None:
    scripts = sorted((static_dir() / "js").glob("*.js"))
    assert len(scripts) >= 8
    for path in scripts:
        hits = [m.group(0) for m in SINKS.finditer(path.read_text("utf-8"))]
        assert hits == [], f"{path.name} uses {hits}"


def test_page_has_no_inline_script_or_style() -> None:
    html = (static_dir() / "index.html").read_text("utf-8")
    assert re.findall(r"<script(?![^>]*\bsrc=)", html) == []
    assert "style=" not in html and "<style" not in html
    assert re.findall(r"\son[a-z]+=", html) == []


def test_vendored_cytoscape_matches_the_pinned_version() -> None:
    pinned = json.loads((ROOT / "web" / "package.json").read_text("utf-8"))["dependencies"]["cytoscape"]
    bundle = (static_dir() / "vendor" / "cytoscape.esm.min.js").read_text("utf-8")
    assert f'version="{pinned}"' in bundle
    assert (static_dir() / "vendor" / "cytoscape.LICENSE.txt").is_file()


def test_the_map_is_vendored_not_fetched() -> None:
    """The basemap and the map code ship in the package (web/build.mjs), so the map works offline."""
    vendor = static_dir() / "vendor"
    pinned = json.loads((ROOT / "web" / "package.json").read_text("utf-8"))["dependencies"]
    assert {"d3-geo", "topojson-client", "world-atlas"} <= set(pinned)
    topo = json.loads((vendor / "countries-110m.json").read_text("utf-8"))
    assert topo["type"] == "Topology" and len(topo["objects"]["countries"]["geometries"]) > 150
    bundle = (vendor / "geo.esm.min.js").read_text("utf-8")
    exported = re.search(r"export\s*\{([^}]*)\}", bundle)
    assert exported and len(exported.group(1).split(",")) == 5  # geoEqualEarth, geoGraticule10, geoPath, feature, mesh
    for name in ("d3-geo.LICENSE.txt", "topojson-client.LICENSE.txt", "world-atlas.LICENSE.txt"):
        assert (vendor / name).is_file()
    scripts = " ".join(p.read_text("utf-8") for p in (static_dir() / "js").glob("*.js"))
    assert re.findall(r"https?://(?!www\.w3\.org/2000/svg)", scripts) == []  # nothing from a CDN
