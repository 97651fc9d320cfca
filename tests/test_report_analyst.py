"""The analyst brief (Markdown and HTML, with figures) and the analysis commands of the CLI."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from _analysis_helpers import make_seed_store, make_year_store
from claimgraph.errors import UsageError
from claimgraph.report import write_brief
from claimgraph.store import Store

CITE = re.compile(r"\[doc_[0-9a-f]+:\d+-\d+\]\(#src-doc_[0-9a-f]+\)")


@pytest.fixture()
def seed_db(tmp_path: Path) -> Path:
    return make_seed_store(tmp_path / "seed.db")


def _section(md: str, title: str) -> str:
    start = md.index(f"## {title}\n")
    nxt = md.find("\n## ", start + 3)
    return md[start : nxt if nxt > 0 else len(md)]


def test_markdown_brief_cites_every_finding(seed_db: Path, tmp_path: Path) -> None:
    with Store(seed_db, readonly=True) as store:
        md = write_brief(store, figures_dir=tmp_path / "out")
    for title in ("Headline findings", "Converging pairs", "Brokers", "Timeline", "Figures", "Actors"):
        assert f"## {title}\n" in md
    headline = _section(md, "Headline findings")
    first = headline.splitlines()[2]
    assert "Islamic State Khorasan Province and Lashkar-e-Taiba" in first
    assert "Single-source finding" in first
    for section in ("Headline findings", "Converging pairs", "Brokers", "Timeline"):
        for line in _section(md, section).splitlines():
            if line.startswith(("- ", "  - ")):
                assert CITE.search(line), line  # every finding and every piece of evidence is cited
    pairs = _section(md, "Converging pairs")
    assert "(hedged, anonymous)" in pairs and "via Inter-Services Intelligence" in pairs
    for name in ("network.png", "network.svg", "scores.png", "scores.svg"):
        path = tmp_path / "out" / name
        assert path.stat().st_size > 1000
    assert "](network.png)" in md and "](scores.png)" in md


def test_html_brief_escapes_evidence_and_links_figures(seed_db: Path, tmp_path: Path) -> None:
    with Store(seed_db, readonly=True) as store:
        page = write_brief(store, fmt="html", figures_dir=tmp_path)
    assert page.startswith("<!doctype html>")
    assert "<script>" not in page and "&lt;script&gt;" in page  # the seed text carries a script tag
    assert '<img src="network.png"' in page
    assert "<h2>Headline findings</h2>" in page


def test_brief_is_deterministic_and_works_without_figures(seed_db: Path) -> None:
    with Store(seed_db, readonly=True) as store:
        one, two = write_brief(store), write_brief(store)
    assert one == two and "## Figures" not in one


def test_unknown_format(seed_db: Path) -> None:
    with Store(seed_db, readonly=True) as store, pytest.raises(UsageError, match="md, html"):
        write_brief(store, fmt="pdf")


def test_year_brief_shows_rising_pair_and_hostile_pair(tmp_path: Path) -> None:
    db = make_year_store(tmp_path / "y.db")
    with Store(db, readonly=True) as store:
        md = write_brief(store)
    assert "**Alpha Front and Beta Brigade**" in _section(
        md, "Headline findings"
    ) or "**Beta Brigade and Alpha Front**" in _section(md, "Headline findings")
    hostile = _section(md, "Hostile pairs (not converging)")
    assert "Gamma Legion" in hostile and "Delta Movement" in hostile
    assert "Single-source" not in _section(md, "Headline findings").splitlines()[2]


# -- CLI --------------------------------------------------------------------------------------------------


def _app():
    from claimgraph.cli import app

    return app


def test_cli_convergence_brokers_changes(seed_db: Path) -> None:
    runner = CliRunner()
    app = _app()
    res = runner.invoke(app, ["convergence", "--db", str(seed_db)])
    assert res.exit_code == 0, res.output
    assert res.output.startswith("1. Islamic State Khorasan Province ↔ Lashkar-e-Taiba")
    assert "shared_sponsor via Inter-Services Intelligence" in res.output
    res = runner.invoke(app, ["convergence", "--db", str(seed_db), "--json", "--all", "--window", "30d"])
    rows = [json.loads(line) for line in res.output.splitlines()]
    assert rows[0]["signals"][0]["evidence"][0]["doc_id"].startswith("doc_")
    assert any(not r["converging"] for r in rows)
    res = runner.invoke(app, ["brokers", "--db", str(seed_db), "--json"])
    assert "Mir Shafiq Mengal" in {json.loads(line)["actor"]["name"] for line in res.output.splitlines()}
    res = runner.invoke(app, ["changes", "--since", "2025-09-01", "--db", str(seed_db)])
    assert res.exit_code == 0 and "new actors (7)" in res.output  # all but BLA and ISKP (the March attack)
    assert "+ Baloch Liberation Army" not in res.output


def test_cli_bad_window_and_date(seed_db: Path) -> None:
    runner = CliRunner()
    res = runner.invoke(_app(), ["convergence", "--db", str(seed_db), "--window", "soon"])
    assert isinstance(res.exception, UsageError) and "90d" in res.exception.message
    res = runner.invoke(_app(), ["changes", "--since", "2025-13-45", "--db", str(seed_db)])
    assert isinstance(res.exception, UsageError) and "YYYY-MM-DD" in res.exception.message


def test_cli_report_html_writes_figures_beside_it(seed_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "brief" / "brief.html"
    out.parent.mkdir()
    res = CliRunner().invoke(_app(), ["report", "--db", str(seed_db), "--format", "html", "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert out.read_text("utf-8").startswith("<!doctype html>")
    assert (out.parent / "network.svg").exists() and (out.parent / "scores.png").exists()


def test_the_brief_ends_with_its_sources_and_html_citations_link_to_them(seed_db: Path) -> None:
    from claimgraph.report import write_brief

    with Store(seed_db, readonly=True) as store:
        md = write_brief(store)
        html = write_brief(store, fmt="html")
    sources = md.split("## Sources", 1)[1]
    cited = set(re.findall(r"\[(doc_[0-9a-f]+):\d+-\d+\]", md.split("## Sources", 1)[0]))
    assert cited and all(f"**{d}**" in sources for d in cited)
    for d in cited:
        assert f'<li id="src-{d}">' in html and f'href="#src-{d}"' in html
