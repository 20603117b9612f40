"""One full strict MkDocs build, and what a reader finds in its HTML."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

from conftest import ROOT, mkdocs
from support import SITE_PATH, SITE_URL, repo_settings
from explainer.build import build_site

PAGES = {"index.html": "Nagorno-Karabakh, September 2023", "background/index.html": "Background",
         "timeline/index.html": "Timeline", "humanitarian/index.html": "Humanitarian response",
         "sources/index.html": "Sources", "data/index.html": "Data", "people/index.html": "Who's who",
         "glossary/index.html": "Glossary"}


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.srcs: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("href"):
            self.hrefs.append(a["href"])
        if tag in ("link", "script", "img", "source") and (a.get("src") or (tag == "link" and a.get("href"))):
            self.srcs.append(a.get("src") or a["href"])


def parse(path: Path) -> Links:
    p = Links()
    p.feed(path.read_text(encoding="utf-8"))
    return p


def test_pages_titles_and_nav(built_site):
    for page, title in PAGES.items():
        html = (built_site / page).read_text(encoding="utf-8")
        assert f"<h1" in html and title in re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1), page


def test_known_event_under_its_day(built_site):
    html = (built_site / "timeline/index.html").read_text(encoding="utf-8")
    day = html.index('id="d2023-09-27"')
    next_day = html.index('id="d2023-09-28"')
    assert day < html.index("Vardanian") < next_day




def broken_links(site: Path) -> list[str]:
    """Every internal href and src (Markdown or raw HTML) that points to no file or no anchor."""
    parsed = {p: parse(p) for p in site.rglob("*.html")}
    broken = []
    for page, links in parsed.items():
        for href in [*links.hrefs, *links.srcs]:
            if href.startswith(SITE_URL):
                href = SITE_PATH + href[len(SITE_URL):]
            if re.match(r"[a-z]+:", href) or href.startswith("//"):
                continue
            target, _, frag = href.partition("#")
            target = target.partition("?")[0]
            if target.startswith(SITE_PATH):      # the 404 page links from the site's root
                dest = site / target[len(SITE_PATH):]
            else:
                dest = (page.parent / target).resolve() if target else page
            if dest.is_dir():
                dest = dest / "index.html"
            if not dest.exists():
                broken.append(f"{page.relative_to(site)}: {href} (no such file)")
            elif frag and dest.suffix == ".html" and frag not in parsed[dest].ids:
                broken.append(f"{page.relative_to(site)}: {href} (no such anchor)")
    return broken


def test_every_internal_link_and_anchor_resolves(built_site):
    assert broken_links(built_site) == []


def test_link_check_catches_raw_html_links(project_copy, tmp_path):
    """MkDocs' own validation skips links written as raw HTML; ours does not."""
    page = project_copy / "docs" / "data.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n<a href="../nowhere/">x</a> <a href="#no-such-id">y</a>\n',
                    encoding="utf-8")
    r = mkdocs("build", "--strict", "-d", str(tmp_path / "out"), cwd=project_copy)
    assert r.returncode == 0, r.stderr              # MkDocs lets them through…
    assert sorted(broken_links(tmp_path / "out")) == [   # …the check does not
        "data/index.html: #no-such-id (no such anchor)", "data/index.html: ../nowhere/ (no such file)"]


def test_headings_are_in_order(built_site):
    """One h1 per page, and no level skipped on the way down (h2 -> h4)."""
    for page in built_site.rglob("index.html"):
        article = page.read_text(encoding="utf-8").split("<article", 1)[1].split("</article>", 1)[0]
        levels = [int(n) for n in re.findall(r"<h([1-6])\b", article)]
        assert levels and levels[0] == 1 and levels.count(1) == 1, page
        for a, b in zip(levels, levels[1:]):
            assert b <= a + 1, f"{page}: h{a} then h{b}"


def test_citations_point_to_source_cards(built_site):
    sources = parse(built_site / "sources/index.html").ids
    slugs = {p.stem for p in (ROOT / "seeds").glob("*.md")}
    assert slugs <= sources
    timeline = (built_site / "timeline/index.html").read_text(encoding="utf-8")
    cited = set(re.findall(r'href="\.\./sources/#([^"]+)"', timeline))
    assert cited and cited <= slugs


def test_home_key_figures_filled_and_cited(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert "explainer:" not in html
    assert "100,417" in html and "120,000" in html


def test_data_files_published(built_site):
    events = json.loads((built_site / "data/timeline.json").read_text())["events"]
    figures = json.loads((built_site / "data/figures.json").read_text())["figures"]
    assert len(events) > 40 and len(figures) > 8


def test_the_calendar_made_beside_the_pages_is_the_one_made_at_once(built_site):
    """The hooks have the calendar made in a forked process while MkDocs renders (build_site's `aside`)."""
    at_once = build_site(ROOT, repo_settings(), use_cache=False, site_url=SITE_URL).files["data/timeline.ics"]
    assert (built_site / "data/timeline.ics").read_bytes().decode("utf-8") == at_once


def test_no_third_party_assets(built_site):
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, page
        for src in re.findall(r'<(?:script|link)[^>]+(?:src|href)="(https?:[^"]+)"', html):
            if not src.startswith(SITE_URL):
                raise AssertionError(f"{page}: third-party asset {src}")


def test_nothing_written_into_docs(built_site):
    """Generated pages live in memory: after a build, docs/ holds none of them."""
    from explainer.build import build_site
    site = build_site(ROOT)
    assert not [p for p in {**site.pages, **site.files} if (ROOT / "docs" / p).exists()]


def test_bad_seed_fails_the_build_with_a_clear_message(project_copy, tmp_path):
    (project_copy / "seeds" / "zz-broken.md").write_text("---\ntitle: T\noutlet: O\npublished: 2023-02-30\n---\nText here.\n")
    (project_copy / "seeds" / "zz-nofm.md").write_text("Just text.\n")
    r = mkdocs("build", "--strict", "-d", str(tmp_path / "out"), cwd=project_copy)
    assert r.returncode != 0
    assert "seeds/zz-broken.md:4: 'published: 2023-02-30' is not a real date" in r.stderr
    assert "seeds/zz-nofm.md:1: no front matter" in r.stderr
    assert "Traceback" not in r.stderr
