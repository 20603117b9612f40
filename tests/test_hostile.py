"""A hostile seed builds strictly into pages that show its characters as text: nothing injected.

Every payload below carries `alert(`; the scan (tests/markup.py) fails on any element, attribute,
script URL, or script/style code that came from the seed, on every built HTML page, in the search
index, and checks the data files (JSON, and CSV / iCalendar files if the build publishes any).
"""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from conftest import mkdocs
from markup import scan
from support import copy_project

MARK = "alert("
TITLE = ("<script>alert('t')</script> [t](javascript:alert(1)) {{ config }} {% if 1 %}x{% endif %} **T** "
         "<img src=x onerror=alert(2)>")
OUTLET = "=HYPERLINK(\"http://x\") <b onmouseover=alert(3)>Outlet</b> ![o](javascript:alert(4)) {: onclick=alert(5) } :material-alert: &amp;"
URL = "https://example.org/a?q=<script>alert(6)</script>&x=\"onmouseover=alert(7)\"'><img/src=x/onerror=alert(8)>)](javascript:alert(19))"
NOTES = "<iframe src=javascript:alert(9)></iframe> [n](javascript:alert(10)) {{ 7*7 }} <!-- x --> ]]> `c` | a | b |"
BODY = [
    "On September 26, 2023, <script>alert(11)</script> officials said 5,000 people <img src=x onerror=alert(12)> "
    "crossed into Armenia [click](javascript:alert(13)) {{ config.extra }} {% include 'x' %}.",
    "By September 27, 2023, the number of refugees had reached 70,000 <svg onload=alert(14)> according to *officials* "
    "`code` ![i](javascript:alert(15)) <a href=\"javascript:alert(16)\">link</a>.",
    "The region had been <style>/*alert(20)*/body{display:none}</style> disputed since the 1990s "
    "{: .x onclick=\"alert(17)\" } :material-alert: [^1] <details open ontoggle=alert(18)>.",
    "On September 27, 2023, the exodus went on, said Anna Petrosyan, a spokeswoman for <b onclick=alert(21)>Health</b>, "
    "on Wednesday.",
]


def _yaml(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


HOSTILE = (f"---\ntitle: {_yaml(TITLE)}\noutlet: {_yaml(OUTLET)}\npublished: 2023-09-27\nurl: {_yaml(URL)}\n"
           f"notes: {_yaml(NOTES)}\n---\n" + "\n\n".join(BODY) + "\n")


def shown(s: str) -> str:
    return " ".join(s.split())


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    proj = copy_project(tmp_path_factory.mktemp("hostile"))
    (proj / "seeds" / "zz-hostile.md").write_text(HOSTILE, encoding="utf-8")
    r = mkdocs("build", "--strict", "-d", str(proj / "site"), cwd=proj)
    assert r.returncode == 0, r.stderr
    return proj / "site"


def test_no_markup_from_the_seed_on_any_page(hostile_site, built_site):
    clean_tags = set().union(*(scan(p.read_text(encoding="utf-8")).tags for p in built_site.rglob("*.html")))
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) >= 9
    for page in pages:
        s = scan(page.read_text(encoding="utf-8"), MARK)
        assert not s.bad, f"{page.relative_to(hostile_site)}: {s.bad[:5]}"
        assert s.tags <= clean_tags, f"{page.relative_to(hostile_site)}: new elements {s.tags - clean_tags}"
        for tag, name in s.pairs:
            assert not name.startswith("on"), (page, tag, name)


def test_seed_text_is_shown_as_the_same_characters(hostile_site):
    sources = scan((hostile_site / "sources" / "index.html").read_text(encoding="utf-8"), MARK)
    for field in (TITLE, OUTLET, NOTES, URL):
        assert shown(field) in sources.shown, field
    timeline = scan((hostile_site / "timeline" / "index.html").read_text(encoding="utf-8"), MARK).shown
    assert "<script>alert(11)</script> officials said 5,000 people <img src=x onerror=alert(12)>" in timeline
    assert "{{ config.extra }} {% include 'x' %}" in timeline
    background = scan((hostile_site / "background" / "index.html").read_text(encoding="utf-8"), MARK).shown
    assert "<style>/*alert(20)*/body{display:none}</style>" in background
    people = scan((hostile_site / "people" / "index.html").read_text(encoding="utf-8"), MARK).shown
    assert "Anna Petrosyan" in people and "a spokeswoman for <b onclick=alert(21)>Health</b>" in people


def test_links_keep_their_scheme(hostile_site):
    """The seed's URL lands in an href as an http(s) address; no javascript: link from its text."""
    html = (hostile_site / "sources" / "index.html").read_text(encoding="utf-8")
    hrefs = re.findall(r'href="([^"]*)"', html)
    assert not [h for h in hrefs if h.strip().lower().startswith(("javascript", "vbscript", "data:"))]
    from html import unescape
    assert URL in [unescape(h) for h in hrefs]


def test_head_title_and_meta(hostile_site):
    for page in sorted(hostile_site.rglob("*.html")):
        head = page.read_text(encoding="utf-8").split("</head>")[0]
        s = scan(head, MARK)
        assert not s.bad, (page, s.bad)
        assert s.tags <= {"meta", "title", "link", "script", "head", "html"}, (page, s.tags)


def test_search_index_holds_text_not_markup(hostile_site, built_site):
    clean = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    clean_tags = set().union(*(scan(d["text"]).tags | scan(d["title"]).tags for d in clean["docs"]))
    index = json.loads((hostile_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    seen = ""
    for doc in index["docs"]:
        for key in ("title", "text"):
            s = scan(doc[key], MARK)
            assert not s.bad, (doc["location"], s.bad)
            assert s.tags <= clean_tags, (doc["location"], s.tags - clean_tags)
            seen += " " + s.shown
    assert "<script>alert(11)</script>" in seen


def test_data_files(hostile_site):
    """JSON keeps the text as data; CSV cells cannot start a formula; iCalendar lines stay one property each."""
    files = sorted((hostile_site / "data").glob("*.*"))
    assert any(p.suffix == ".json" for p in files)
    found = False
    for p in files:
        text = p.read_text(encoding="utf-8")
        if p.suffix == ".json":
            found |= "<script>alert(11)</script>" in json.dumps(json.loads(text), ensure_ascii=False)
        elif p.suffix == ".csv":
            for row in csv.reader(io.StringIO(text)):
                for cell in row:
                    assert not (MARK in cell and cell[:1] in "=+-@\t\r"), (p.name, cell)
                    assert not (cell.startswith("=HYPERLINK")), (p.name, cell)
        elif p.suffix == ".ics":
            unfolded = re.sub(r"\r?\n[ \t]", "", text)
            for line in unfolded.splitlines():
                assert re.match(r"^[A-Z][A-Z0-9-]*(;[^:]*)?:", line), (p.name, line)
                name, _, value = line.partition(":")
                if name.split(";")[0] in ("SUMMARY", "DESCRIPTION", "LOCATION", "COMMENT"):
                    assert not re.search(r"(?<!\\)[,;]", value), (p.name, "unescaped , or ; in", line)
    assert found, "the seed's text did not reach the data files"
