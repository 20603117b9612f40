"""The open data beside the JSON: the CSV tables, the iCalendar file, the Data page's citation and
schema.org JSON-LD, and every page's sharing tags; each read back by the tool a reuser would use
(Python's `csv`, `icalendar`, `json`, `html.parser`)."""
from __future__ import annotations

import csv
import io
import json
import re
from datetime import date, datetime, timedelta, timezone
from html import unescape
from html.parser import HTMLParser

import icalendar
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from explainer import opendata
from explainer.build import DATA_FILES, build_site
from explainer.html import csp, meta
from explainer.model import Event, Figure, Source, When
from support import SITE_URL, repo_settings

NAME = "Nagorno-Karabakh, September 2023"


def joined(pieces) -> str:
    """A data file's text, from the pieces it is made in."""
    return "".join(pieces)


@pytest.fixture(scope="module")
def site():
    return build_site(ROOT, repo_settings(), site_url=SITE_URL, site_name=NAME)


def _source(quote: str = "It happened on 5 May 2031.", outlet: str = "Wire", url: str | None = "https://w.example/a",
            published: date = date(2031, 5, 6), seed: str = "2031-05-06-wire-a") -> Source:
    return Source(seed, outlet, url, published, quote, "on 5 May 2031", 3)


def _event(text: str = "It happened.", precision: str = "day", lo=(2031, 5, 5), hi=None, sources=None, **kw) -> Event:
    return Event(kw.pop("id", "2031-05-05-it-happened"), When(lo, hi or lo, precision), "timeline", text,
                 kw.pop("status", "done"), sources or [_source()], **kw)


def undo(cell: str) -> str:
    """What docs/data.md tells reusers: one leading apostrophe is always ours."""
    return cell[1:] if cell.startswith("'") else cell


# --- CSV -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["=1+1", "+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "\n=1", "  =1", "\uff1d1+1",
                                  "-0199-03", "'quoted", "=HYPERLINK(\"http://x\")"])
def test_a_cell_never_starts_a_formula(text):
    out = opendata.cell(text)
    assert out.startswith("'") and undo(out) == text


@pytest.mark.parametrize("value, out", [("-0199", "-0199"), ("-12.5", "-12.5"), ("2023-09-28", "2023-09-28"),
                                        (None, ""), (True, "true"), (False, "false"), (65035, "65035"), (2.5, "2.5"),
                                        ("plain text, with = inside", "plain text, with = inside")])
def test_numbers_dates_and_plain_text_stay_as_they_are(value, out):
    assert opendata.cell(value) == out


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_cell_can_be_read_back(text):
    out = opendata.cell(text)
    assert undo(out) == text
    if not opendata.NUMBER.fullmatch(out):
        assert out.startswith("'") or not out.lstrip().startswith(opendata.FORMULA)


def test_every_json_field_has_its_column_and_every_column_is_documented():
    f = Figure("f1", "aid", "aid", 5e6, "EUR", "between", "from 2 to 5 million euros", "2031-05-05", "sentence",
               [_source(), _source(outlet="Other", url=None)], value_max=6e6, previous=2e6, converted="$5.28 million",
               who="w", donor="d", announced_by="a", recipient="r", purpose="p", side="s", according_to="t",
               differs=True, corrected=[{"field": "figure", "was": "1", "now": "5", "why": "typo"}])
    rows = list(csv.DictReader(io.StringIO(joined(opendata.figures_csv([f])))))
    assert list(rows[0]) == list(opendata.FIGURE_COLUMNS) and len(rows) == 2
    assert all(rows[0][c] != "" for c in opendata.FIGURE_COLUMNS)           # every column filled from the JSON
    assert rows[0]["value"] == "5000000" and rows[0]["differs"] == "true" and rows[1]["source_outlet"] == "Other"
    assert json.loads(rows[0]["corrected"]) == f.corrected
    e = _event(caption={"number": 3, "place": "Fredville", "credit": "AP"}, claim=True,
               corrected=[{"field": "date", "was": "x", "now": "y", "why": "z"}])
    rows = list(csv.DictReader(io.StringIO(joined(opendata.timeline_csv([e])))))
    assert list(rows[0]) == list(opendata.TIMELINE_COLUMNS)
    assert all(rows[0][c] != "" for c in opendata.TIMELINE_COLUMNS if c != "end")
    for page in (ROOT / "docs/data.md", ROOT / "hooks/explainer/tools/templates/new/docs/data.md"):
        text = page.read_text(encoding="utf-8")
        assert not [c for c in {*opendata.TIMELINE_COLUMNS, *opendata.FIGURE_COLUMNS} if f"`{c}`" not in text], page


def test_a_new_json_field_without_a_column_stops_the_build():
    with pytest.raises(ValueError):
        joined(opendata.table([{"id": "x", "sources": [], "new_field": 1}], ("id",)))


def test_a_table_made_in_pieces_is_the_same_table(monkeypatch):
    """A big table is given a piece at a time (written as it is made): cut anywhere, the same text."""
    events = [_event(text=f"It happened, {i} times.", id=f"2031-05-05-{i}") for i in range(40)]
    whole = joined(opendata.timeline_csv(events))
    monkeypatch.setattr(opendata, "PIECE", 100)
    pieces = list(opendata.timeline_csv(events))
    assert len(pieces) > 10 and "".join(pieces) == whole and whole.count(" times.") == 40


def _json(site, name, key):
    return json.loads(site.files[f"data/{name}.json"])[key]


@pytest.mark.parametrize("name, key", [("timeline", "events"), ("figures", "figures")])
def test_the_tables_hold_the_json_one_row_per_item_and_source(site, name, key):
    records = _json(site, name, key)
    rows = list(csv.DictReader(io.StringIO(site.files[f"data/{name}.csv"], newline="")))
    assert len(rows) == sum(len(r["sources"]) for r in records) > 10
    expected = [(r, s) for r in records for s in r["sources"]]
    for row, (record, source) in zip(rows, expected):
        assert undo(row["id"]) == record["id"]
        for k, v in record.items():
            if isinstance(v, str):
                assert undo(row[k]) == v, (k, row[k])
        for k, v in source.items():
            assert undo(row[f"source_{k}"]) == (v or ""), k
    assert site.files[f"data/{name}.csv"].startswith("id,")      # UTF-8 without a byte-order mark


def test_a_bc_year_stays_a_number(site):
    rows = list(csv.DictReader(io.StringIO(site.files["data/timeline.csv"])))
    bc = [r for r in rows if r["start"].startswith("-")]
    assert bc and all(opendata.NUMBER.fullmatch(r["start"]) for r in bc)
    assert all(r["id"].startswith("'-") for r in bc)            # an id starting with "-" is text: neutralised


# --- iCalendar -----------------------------------------------------------------------------------

def _events(ics: str) -> list:
    cal = icalendar.Calendar.from_ical(ics)
    return list(cal.walk("VEVENT"))


def test_the_calendar_parses_and_each_event_is_complete(site):
    ics = site.files["data/timeline.ics"]
    cal = icalendar.Calendar.from_ical(ics)
    assert str(cal["version"]) == "2.0" and cal["prodid"] and str(cal["method"]) == "PUBLISH"
    dated = [e for e in site.events if e.when.precision in ("day", "span", "week")]
    events = _events(ics)
    assert len(events) == len(dated) > 40
    for v, e in zip(events, dated):
        latest = max(s.published for s in e.sources)
        for prop in ("UID", "DTSTART", "DTEND", "DTSTAMP", "SUMMARY", "DESCRIPTION"):
            assert prop in v, (prop, e.id)
        assert str(v["uid"]) == f"{e.id}@example.github.io/karabakh-explainer"
        start, end = v.decoded("dtstart"), v.decoded("dtend")
        assert type(start) is date and type(end) is date                      # all-day, never a time
        assert (start, end) == (date(*e.when.lo), date(*e.when.hi) + timedelta(days=1))
        assert v.decoded("dtstamp") == datetime(latest.year, latest.month, latest.day, tzinfo=timezone.utc)
        assert e.text in str(v["summary"]) and e.sources[0].quote.split()[0] in str(v["description"])
        assert str(v["status"]) == ("TENTATIVE" if e.status == "planned" else "CONFIRMED")
        urls = [s.url for s in e.sources if s.url]
        assert str(v.get("url", "")) == (urls[0] if urls else "")
        assert all(u in str(v["description"]) for u in urls)
    assert len({str(v["uid"]) for v in events}) == len(events)
    assert ics.count("\r\n") == len(ics.splitlines())                       # CRLF line ends
    assert all(len(line.encode()) <= 75 for line in ics.split("\r\n"))      # folded


def test_month_year_decade_and_century_are_left_out(site):
    vague = [e for e in site.events if e.when.precision in ("month", "year", "decade", "century")]
    assert vague                                                            # the real seeds have some
    uids = {str(v["uid"]).split("@")[0] for v in _events(site.files["data/timeline.ics"])}
    assert not uids & {e.id for e in vague}


def test_uids_and_dtstamp_come_from_the_data_not_the_clock(site):
    again = build_site(ROOT, repo_settings(), site_url="https://other.example/x/")
    assert again.files["data/timeline.csv"] == site.files["data/timeline.csv"]
    uids = [str(v["uid"]) for v in _events(again.files["data/timeline.ics"])]
    assert uids and all(u.endswith("@other.example/x") for u in uids)
    assert opendata.uid_domain("") == "explainer.invalid"
    one = [_event(sources=[_source(published=date(2031, 5, 9)), _source(published=date(2031, 6, 1))]),
           _event(id="b", sources=[_source(published=date(2031, 5, 7))])]
    stamps = re.findall(r"DTSTAMP:(\S+)\r\n", joined(opendata.timeline_ics(one, "https://a.example/")))
    assert stamps == ["20310601T000000Z", "20310507T000000Z"]


def test_a_calendar_with_no_dated_item_is_still_a_calendar():
    cal = icalendar.Calendar.from_ical(joined(opendata.timeline_ics([_event(precision="month")], "https://a.example/")))
    assert not list(cal.walk("VEVENT")) and str(cal["x-wr-calname"]) == "Timeline"


def test_an_event_many_articles_report_cites_the_first_few_then_how_many_more():
    """As on the pages (pages/common.py SHOWN_QUOTES): 10,000 articles merge hundreds of sources into
    one item, and writing every quote made the calendar the build's slowest step."""
    many = [_source(outlet=f"Outlet {i}", quote=f"It happened, says report {i}.") for i in range(20)]
    text = str(_events(joined(opendata.timeline_ics([_event(sources=many)], "https://a.example/")))[0]["description"])
    shown = 1 + opendata.SHOWN_QUOTES
    assert [f"report {i}." in text for i in range(20)] == [True] * shown + [False] * (20 - shown)
    assert text.endswith(f"And {20 - shown} more articles report it: all are in the site's data/timeline.json.")
    one = str(_events(joined(opendata.timeline_ics([_event(sources=many[:shown + 1])], "https://a.example/")))[0]["description"])
    assert one.endswith("And 1 more article reports it: all are in the site's data/timeline.json.")


INJECT = ["\r\nBEGIN:VEVENT\r\nUID:evil\r\nEND:VEVENT", "\nATTACH:https://evil.example/x.exe", "a, b; c\\n d",
          "\x00\x07\x1b[31m", "x" * 200, "é" * 80 + "€", "lone \ud800 surrogate"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(st.sampled_from(INJECT), st.text(min_size=1)), outlet=st.one_of(st.sampled_from(INJECT), st.text()),
       url=st.one_of(st.sampled_from(INJECT), st.text()))
def test_no_text_can_add_a_property_or_an_event(text, outlet, url):
    events = [_event(text), _event(text="Other.", id="2031-05-05-other", sources=[_source(outlet=outlet, quote=text,
                                                                                        url="https://w.example/" + url)])]
    ics = joined(opendata.timeline_ics(events, "https://a.example/site/", name=text, about=outlet))
    parsed = _events(ics)
    assert [str(v["uid"]) for v in parsed] == ["2031-05-05-it-happened@a.example/site", "2031-05-05-other@a.example/site"]
    allowed = {"UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION", "URL", "STATUS", "CATEGORIES", "TRANSP"}
    assert all(set(v) <= allowed for v in parsed)
    assert str(parsed[0]["summary"]) == opendata.one_line(text)
    assert "\ufffd" in str(parsed[0]["summary"]) or not re.search("[\ud800-\udfff]", text)
    assert "\n" not in str(parsed[1]["url"]) and " " not in str(parsed[1]["url"])
    lines = re.sub(r"\r\n[ \t]", "", ics).split("\r\n")
    assert [line for line in lines if line.startswith("BEGIN:")] == ["BEGIN:VCALENDAR", "BEGIN:VEVENT", "BEGIN:VEVENT"]
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", ics)


# --- the Data page and every page's head ---------------------------------------------------------

def test_coverage_is_an_interval_from_the_data():
    assert opendata.coverage(["2023-09-19", "1920", "2023", None, "2023-10-05"]) == "1920/2023"
    assert opendata.coverage(["-0199", "-0100", "1994"]) == "-0199/1994"
    assert opendata.coverage(["2023-09", "2023-09-15"]) == "2023-09/2023-09"          # September ends on the 30th
    assert opendata.coverage(["2024-02", "2024-02-28", "2023-02-01"]) == "2023-02-01/2024-02"
    assert opendata.coverage(["2023-12-31", "2023"]) == "2023/2023"
    assert opendata.coverage([]) is None


def test_citation_and_dataset_name_every_file(site):
    assert "data as of 30 September 2023" in opendata.citation(site) and "CC BY 4.0" in opendata.citation(site)
    graph = opendata.dataset(site)["@graph"]
    assert [n["distribution"]["contentUrl"] for n in graph] == [SITE_URL + p for p in
                                                                 [f for f, *_ in opendata.FILES]]
    assert {f for f, *_ in opendata.FILES} == set(DATA_FILES)
    by = {n["@id"].removeprefix(SITE_URL): n for n in graph}
    days = [e for e in site.events if e.when.precision in ("day", "span", "week")]
    assert by["data/timeline.ics"]["temporalCoverage"] == f"{min(e.when.start for e in days)}/{max(e.when.end or e.when.start for e in days)}"
    assert by["data/timeline.json"]["temporalCoverage"].startswith("-0199/")
    assert by["data/figures.csv"]["temporalCoverage"] == opendata.coverage(f.as_of for f in site.figures)
    assert "temporalCoverage" not in by["data/context.json"]
    assert all(n["license"] == opendata.LICENCE and n["@type"] == "Dataset" for n in graph)


def test_the_licence_is_the_one_mkdocs_yml_states():
    copyright_line = re.search(r"^copyright: (.+)$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M).group(1)
    assert opendata.LICENCE_NAME in copyright_line


def test_json_ld_cannot_be_closed_by_its_text(site):
    class Hostile:
        pass
    h = Hostile()
    h.__dict__ = {**site.__dict__, "site_name": "</script><script>alert(1)</script> & <!--"}
    block = opendata.dataset_block(h)
    body = block.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert "<" not in body and ">" not in body and "&" not in body
    assert json.loads(body)["@graph"][0]["isPartOf"]["name"] == h.site_name


CARD = meta.Card(title='Who\'s <b>who</b> "x"', description='A "quoted" <script>alert(1)</script> & more',
                 url="https://a.example/site/people/", site_name="Site & co")
PAGE = ('<html><head><meta charset="utf-8"><meta name="description" content="A "quoted" <script>alert(1)</script> '
        '& more"><title>t</title></head><body><p>x</p></body></html>')


def _metas(page: str) -> dict[str, str]:
    found: dict[str, str] = {}

    class P(HTMLParser):
        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            if tag == "meta" and (a.get("property") or a.get("name")):
                key = a.get("property") or a.get("name")
                assert key not in found, f"{key} twice"
                found[key] = a.get("content")
    P().feed(page.split("</head>")[0])
    return found


def test_sharing_tags_are_escaped_and_complete():
    out = meta.social(PAGE, CARD)
    tags = _metas(out)
    assert tags["og:title"] == tags["twitter:title"] == "Who's who \"x\" - Site & co"
    assert tags["og:description"] == tags["twitter:description"] == tags["description"] == CARD.description
    assert tags["og:url"] == CARD.url and tags["og:site_name"] == "Site & co" and tags["og:type"] == "article"
    assert tags["twitter:card"] == "summary"
    assert "<script>" not in out.split("</head>")[0] and out.endswith("<body><p>x</p></body></html>")
    assert meta.social(out, CARD) .count('property="og:title"') == 1                 # never twice


def test_home_page_and_no_site_url():
    tags = _metas(meta.social(PAGE, meta.Card("Home", "d", None, "Site", home=True)))
    assert tags["og:type"] == "website" and tags["og:title"] == "Site" and "og:url" not in tags
    assert meta.social("<p>no head</p>", CARD) == "<p>no head</p>"


def _pages(built):
    return sorted(built.rglob("*.html"))


def test_every_built_page_has_its_sharing_tags_and_one_canonical_link(built_site):
    for page in _pages(built_site):
        html = page.read_text(encoding="utf-8")
        if page.name == "404.html":
            continue
        tags = _metas(html)
        canonical = re.findall(r'<link rel="canonical" href="([^"]+)">', html)
        assert len(canonical) == 1, page
        assert tags["og:url"] == unescape(canonical[0]), page
        assert tags["og:description"] == tags["description"] == tags["twitter:description"], page
        assert tags["og:site_name"] == NAME and tags["twitter:card"] == "summary", page
        assert unescape(re.search(r"<title>([^<]+)</title>", html).group(1)) == tags["og:title"], page


def test_built_data_files_open_in_their_tools(built_site):
    for path in DATA_FILES:
        assert (built_site / path).is_file(), path
    with open(built_site / "data/timeline.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    events = json.loads((built_site / "data/timeline.json").read_text(encoding="utf-8"))["events"]
    assert {undo(r["id"]) for r in rows} == {e["id"] for e in events}
    cal = icalendar.Calendar.from_ical((built_site / "data/timeline.ics").read_bytes())
    assert len(list(cal.walk("VEVENT"))) == sum(e["precision"] in ("day", "span", "week") for e in events)


def test_data_page_json_ld_parses_and_is_not_hashed_as_a_script(built_site):
    html = (built_site / "data" / "index.html").read_text(encoding="utf-8")
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    graph = json.loads(blocks[0])["@graph"]
    assert {n["distribution"]["contentUrl"].removeprefix(SITE_URL) for n in graph} == set(DATA_FILES)
    for n in graph:
        assert n["name"] and n["description"] and n["encodingFormat"] and n["license"]
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    assert csp.sha256(blocks[0]) not in policy
    assert "DAY MONTH YEAR" in html and "data as of" in html           # the citation, filled in


def test_the_calendar_is_cached_under_everything_it_depends_on(tmp_path, monkeypatch):
    folder = tmp_path / "explainer"
    one, two = [_event()], [_event(), _event(text="Again.", id="2031-05-05-again")]
    first = joined(opendata.cached_ics(one, folder, "https://a.example/"))
    assert first == joined(opendata.timeline_ics(one, "https://a.example/"))
    assert not folder.exists() and (tmp_path / "explainer-calendar").is_dir()      # beside the articles' cache
    block = opendata.event_block
    monkeypatch.setattr(opendata, "event_block", lambda *a: pytest.fail("not taken from the cache"))
    monkeypatch.setattr(opendata, "calendar_head", lambda *a: pytest.fail("not taken from the cache"))
    assert joined(opendata.cached_ics(one, folder, "https://a.example/")) == first
    monkeypatch.undo()
    expected = joined(opendata.timeline_ics(two, "https://a.example/"))
    made = []
    monkeypatch.setattr(opendata, "event_block", lambda e, d: made.append(e.id) or block(e, d))
    assert joined(opendata.cached_ics(two, folder, "https://a.example/")) == expected
    assert made == ["2031-05-05-again"]                                       # only the new event is written
    monkeypatch.undo()
    changed = [_event(text="Changed.")]                                      # the same item (id), changed
    for events, url, name in ((changed, "https://a.example/", "Timeline"), (one, "https://a.example/", "Other"),
                              (one, "https://b.example/", "Timeline")):
        expected = joined(opendata.timeline_ics(events, url, name))
        assert joined(opendata.cached_ics(events, folder, url, name)) == expected != first
    assert joined(opendata.cached_ics(one, None, "https://a.example/")) == first


def test_a_change_of_the_calendar_code_is_a_new_key(tmp_path, monkeypatch):
    code = tmp_path / "code.py"
    code.write_text("one", encoding="utf-8")
    monkeypatch.setattr(opendata, "CALENDAR_CODE", (code,))
    events = [_event()]
    joined(opendata.cached_ics(events, tmp_path / "c", "https://a.example/"))
    code.write_text("two", encoding="utf-8")
    monkeypatch.setattr(opendata, "event_block", lambda *a: "BEGIN:VEVENT\r\nmade again\r\nEND:VEVENT\r\n")
    assert "made again" in joined(opendata.cached_ics(events, tmp_path / "c", "https://a.example/"))


def _icalendar_event(e, domain: str):
    """The reference: the same event as the icalendar library writes it (the engine wrote its events
    with it until it took 35 s of a 10,000-article build; opendata.py writes them itself)."""
    v = icalendar.Event()
    v.add("uid", opendata.calendar_text(f"{e.id}@{domain}"))
    v.add("dtstamp", opendata.stamp(e))
    v.add("dtstart", date(*e.when.lo))
    v.add("dtend", date(*e.when.hi) + timedelta(days=1))
    v.add("summary", opendata.summary(e))
    v.add("description", opendata.description(e))
    url = next((s.url for s in e.sources if s.url), None)
    if url:
        v.add("url", opendata.uri(url))
    v.add("status", "TENTATIVE" if e.status == "planned" else "CONFIRMED")
    v.add("categories", [e.section])
    v.add("transp", "TRANSPARENT")
    return v


def test_each_event_is_what_icalendar_writes(site):
    """Byte for byte: the same properties, order, escapes and folding as the library's."""
    dated = [e for e in site.events if opendata.in_calendar(e)]
    assert len(dated) > 40
    for e in dated:
        assert opendata.event_block(e, "example.github.io/k") == _icalendar_event(e, "example.github.io/k").to_ical().decode()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(st.sampled_from(INJECT), st.text(min_size=1)), outlet=st.one_of(st.sampled_from(INJECT), st.text()),
       url=st.one_of(st.sampled_from(INJECT), st.text()), fill=st.integers(0, 80))
def test_any_event_is_what_icalendar_writes(text, outlet, url, fill):
    """Whatever the text (escapes, multi-byte characters and backslashes where a line folds), except
    a backslash before N, which icalendar reads as an escaped line break: ours keeps it as written."""
    text = "x" * fill + text
    e = _event(text, sources=[_source(outlet=outlet, quote=text, url="https://w.example/" + url)])
    ours = opendata.event_block(e, "a.example/site")
    if "\\N" not in text + outlet:
        assert ours == _icalendar_event(e, "a.example/site").to_ical().decode()
    assert [str(v["summary"]) for v in _events(joined(opendata.assemble(opendata.calendar_head("N", ""), [ours])))] == [
        opendata.summary(e)]


def test_the_calendars_own_text_is_escaped_too():
    """Its name and description are TEXT (RFC 7986): escaped as the events' text is (icalendar writes
    NAME and the X-WR- names as they are)."""
    head = opendata.calendar_head("Floods, 2031; a timeline", "What happened, day by day")
    assert "NAME:Floods\\, 2031\\; a timeline\r\n" in head and "X-WR-CALNAME:Floods\\, 2031\\; a timeline\r\n" in head
    assert "DESCRIPTION:What happened\\, day by day\r\n" in head and "X-WR-CALDESC:What happened\\, day by day\r\n" in head
    cal = icalendar.Calendar.from_ical(head)
    assert str(cal["description"]) == "What happened, day by day" and str(cal["prodid"]).startswith("-//explainer")
    assert opendata.calendar_head("T", "") == ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//explainer site generator//"
                                             "timeline//EN\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nNAME:T\r\n"
                                             "X-WR-CALNAME:T\r\nEND:VCALENDAR\r\n")

# The generic measures any explainer's data is read by (`metric`), with the names of the aliases it may use.
GENERIC_METRICS = {"killed", "wounded", "injured", "missing", "displaced", "arrivals", "rescued", "affected", "population",
                   "remaining", "detained", "vehicles", "buildings", "aid", "appeal", "other"}


@pytest.mark.parametrize("measure", __import__("explainer.model", fromlist=["METRICS"]).METRICS)
def test_every_measure_is_published_as_a_generic_metric_and_kept_as_its_own(measure):
    from explainer.data import figure_record
    f = Figure(id=f"{measure}-2023-09-28-5-people", metric=measure, label="L", value=5, unit="people", qualifier="exact",
               words="5 people", as_of="2023-09-28", as_of_basis="sentence",
               sources=[Source(seed="s", outlet="O", url=None, published=date(2023, 9, 28), quote="q")])
    record = figure_record(f)
    assert record["metric"] in GENERIC_METRICS and record["measure"] == measure
    assert (record["metric"] == "other") == (measure in ("people", "share", "other"))
