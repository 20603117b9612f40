"""A hostile seed builds strictly into pages that show its characters as text: nothing injected.

Every payload below carries `alert(`; the scan (tests/markup.py) fails on any element, attribute,
script URL, or script/style code that came from the seed, on every built HTML page, in the search
index, and checks the data files (JSON, CSV: no formula; iCalendar: no property or event added).
The topic file's words (the event's name, the turning point) carry `prompt(` through the pages'
descriptions, sharing tags, the calendar's name and the Data page's JSON-LD.
"""
from __future__ import annotations

import csv
import io
import json
import re
from html import unescape
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
    "On September 26, 2023, a convoy of 40 buses left, officials said;\r\nEND:VEVENT\r\nBEGIN:VEVENT\nUID:evil\n"
    "ATTACH:https://evil.example/alert(22).exe\nX-INJECTED:yes, the convoy said.",
]
TOPIC_MARK = "prompt("
TOPIC_TEXT = '</script><script>prompt(31)</script> "q" & <b onmouseover=prompt(32)>x</b> {{ 7*7 }} -->'



def _yaml(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


HOSTILE = (f"---\ntitle: {_yaml(TITLE)}\noutlet: {_yaml(OUTLET)}\npublished: 2023-09-27\nurl: {_yaml(URL)}\n"
           f"notes: {_yaml(NOTES)}\n---\n" + "\n\n".join(BODY) + "\n")


def shown(s: str) -> str:
    return " ".join(s.split())


def hostile_topic(text: str) -> str:
    """This site's topic file with the event's name and the turning point's words replaced by TOPIC_TEXT."""
    text = re.sub(r"^name: .*$", lambda m: f"name: {_yaml(TOPIC_TEXT)}", text, count=1, flags=re.M)
    return re.sub(r"^(  what: ).*$", lambda m: m.group(1) + _yaml(TOPIC_TEXT), text, count=1, flags=re.M)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    proj = copy_project(tmp_path_factory.mktemp("hostile"))
    (proj / "seeds" / "zz-hostile.md").write_bytes(HOSTILE.encode("utf-8"))
    topic = proj / "topic.yml"
    topic.write_text(hostile_topic(topic.read_text(encoding="utf-8")), encoding="utf-8")
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
        for marker in (MARK, TOPIC_MARK):
            s = scan(head, marker)
            assert not s.bad, (page, s.bad)
            assert s.tags <= {"meta", "title", "link", "script", "head", "html"}, (page, s.tags)


def _metas(head: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for tag in re.findall(r"<meta\b[^>]*>", head):
        name = re.search(r'\s(?:name|property)="([^"]+)"', tag)
        content = re.search(r'\scontent="([^"]*)"', tag)
        if name and content:
            found.setdefault(name.group(1), []).append(unescape(content.group(1)))
    return found


def test_sharing_tags_hold_the_topic_text_as_text(hostile_site):
    """The turning point's words reach two pages' descriptions: every tag says them, escaped, once."""
    seen = 0
    for page in sorted(hostile_site.rglob("index.html")):
        metas = _metas(page.read_text(encoding="utf-8").split("</head>")[0])
        description = metas["description"]
        assert len(description) == 1, page
        for key in ("og:title", "og:description", "og:url", "og:site_name", "og:type", "twitter:card",
                    "twitter:title", "twitter:description"):
            assert len(metas.get(key, [])) == 1, (page, key)
        assert metas["og:description"] == metas["twitter:description"] == description, page
        seen += TOPIC_TEXT in description[0]
    assert seen >= 2


def test_topic_text_in_the_json_ld_and_the_calendar_is_data(hostile_site):
    html = (hostile_site / "data" / "index.html").read_text(encoding="utf-8")
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1 and "<" not in blocks[0]
    assert json.loads(blocks[0])["@graph"][0]["name"].startswith(TOPIC_TEXT)
    rest = scan(html.replace(blocks[0], ""), TOPIC_MARK)
    assert not rest.bad and TOPIC_TEXT in rest.shown         # the citation shows the name as characters
    import icalendar
    cal = icalendar.Calendar.from_ical((hostile_site / "data" / "timeline.ics").read_bytes())
    assert str(cal["x-wr-calname"]) == f"{TOPIC_TEXT}: timeline"


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
    assert {"timeline.json", "figures.json", "timeline.csv", "figures.csv", "timeline.ics"} <= {p.name for p in files}
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


def test_csv_cells_keep_the_seed_text_behind_an_apostrophe(hostile_site):
    with open(hostile_site / "data" / "timeline.csv", encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["source_seed"] == "zz-hostile"]
    assert len(rows) >= 4
    assert {r["source_outlet"] for r in rows} == {"'" + OUTLET}        # =HYPERLINK(…) is text, not a formula
    assert {r["source_url"] for r in rows} == {URL}
    for row in rows:
        for cell in row.values():
            assert not cell.lstrip().startswith(("=", "+", "@", "\t", "\r")), cell
            assert not cell.startswith("-") or re.fullmatch(r"-?\d+(\.\d+)?", cell), cell


def test_calendar_text_adds_no_event_and_no_property(hostile_site):
    import icalendar
    events = json.loads((hostile_site / "data" / "timeline.json").read_text(encoding="utf-8"))["events"]
    dated = [e for e in events if e["precision"] in ("day", "span", "week")]
    text = (hostile_site / "data" / "timeline.ics").read_bytes().decode("utf-8")
    cal = icalendar.Calendar.from_ical(text)
    vevents = list(cal.walk("VEVENT"))
    assert [str(v["uid"]).split("@")[0] for v in vevents] == [e["id"] for e in dated]
    assert text.count("BEGIN:VEVENT\r\n") == len(dated)
    allowed = {"UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION", "URL", "STATUS", "CATEGORIES", "TRANSP"}
    assert all(set(v) <= allowed for v in vevents)
    convoy = [v for v in vevents if "convoy of 40 buses" in str(v["summary"])]
    assert len(convoy) == 1
    summary = str(convoy[0]["summary"])
    assert "END:VEVENT BEGIN:VEVENT UID:evil ATTACH:https://evil.example/alert(22).exe X-INJECTED:yes" in summary
    hostile = [v for v in vevents if "<script>alert(11)</script>" in str(v["summary"])]
    assert len(hostile) == 1 and OUTLET in str(hostile[0]["description"]) and URL in str(hostile[0]["description"])
    assert str(hostile[0]["url"]).startswith("https://example.org/a?q=%3Cscript%3Ealert(6)%3C/script%3E&x=%22")
