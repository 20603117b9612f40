"""Humanitarian, Sources, Who's who, Glossary, Timeline and Background: what the pages show, from the
real seeds and from composed ones; the chart's points against the published data."""
from __future__ import annotations

import json
import re
import shutil
import types
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import ROOT
from support import repo_settings
from explainer.pages import glossary
from explainer.build import build_site
from explainer.pages import queries
from explainer.settings import Settings


@pytest.fixture(scope="module")
def site():
    return build_site(ROOT, repo_settings())


class Chart(HTMLParser):
    """The arrivals chart's points and its accessible name, from the built HTML."""

    def __init__(self):
        super().__init__()
        self.points, self.svg, self.ids, self.text = [], None, set(), {}
        self._in = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
            if tag in ("title", "desc"):
                self._in = a["id"]
        if tag == "svg" and "explainer-chart__svg" in (a.get("class") or ""):
            self.svg = a
        if tag == "g" and a.get("data-as-of"):
            self.points.append(a)

    def handle_data(self, data):
        if self._in:
            self.text[self._in] = self.text.get(self._in, "") + data

    def handle_endtag(self, tag):
        if tag in ("title", "desc"):
            self._in = None


def test_chart_points_equal_the_published_data(built_site):
    chart = Chart()
    chart.feed((built_site / "humanitarian" / "index.html").read_text(encoding="utf-8"))
    figures = json.loads((built_site / "data" / "figures.json").read_text(encoding="utf-8"))["figures"]
    arrivals = [f for f in figures if f["metric"] == "arrivals" and f["as_of"]]
    assert arrivals, "the real seeds report arrivals"
    drawn = {fid: p for p in chart.points for fid in p["data-figures"].split()}
    assert set(drawn) == {f["id"] for f in arrivals}            # every dated arrivals figure is a point, nothing else
    for f in arrivals:
        p = drawn[f["id"]]
        assert (p["data-as-of"], float(p["data-value"]), p["data-qualifier"]) == (f["as_of"], float(f["value"]), f["qualifier"])
    kinds = {p["data-qualifier"]: p["class"] for p in chart.points}
    assert "chart-point--lower" in kinds["more than"] and "chart-point--exact" in kinds["exact"]


def test_chart_has_a_text_alternative(built_site):
    chart = Chart()
    chart.feed((built_site / "humanitarian" / "index.html").read_text(encoding="utf-8"))
    assert chart.svg["role"] == "img"
    title_id, desc_id = chart.svg["aria-labelledby"].split()
    assert chart.text[title_id].strip() and title_id in chart.ids
    desc = chart.text[desc_id]
    for p in chart.points:                        # every point is in the description, with its day
        value = float(p["data-value"])
        assert f"{int(value):,}" in desc
    assert "Population before the exodus" in desc


def test_chart_svg_has_no_inline_style_or_script(site):
    page = site.pages["humanitarian.md"]
    svg = page[page.index("<svg"):page.index("</svg>")]
    assert "<script" not in svg and "style=" not in svg and "<style" not in svg


def test_key_figures_take_the_latest_dated_value(project_copy):
    """A newer article's count replaces the key figure on the Humanitarian page and on Home."""
    (project_copy / "seeds" / "2023-10-05-example-later-count.md").write_text(
        "---\ntitle: Later count\noutlet: Example Wire\npublished: 2023-10-05\n---\n"
        "A total of 100,632 people had arrived in Armenia from Nagorno-Karabakh as of October 3, officials said.\n",
        encoding="utf-8")
    later = build_site(project_copy, repo_settings())
    assert queries.latest(later.figures, "arrivals").value == 100632
    key = later.pages["humanitarian.md"].split("## Key figures")[1].split("##")[0]
    assert "100\\,632** on 3 October 2023, according to [Example Wire](sources.md#2023-10-05-example-later-count)" in key
    from explainer.build import fill_markers
    assert "100\\,632" in fill_markers("<!-- explainer:arrivals -->", later)


def test_casualty_numbers_that_differ_stand_side_by_side(project_copy):
    for name, outlet, n in (("a", "Wire A", "200"), ("b", "Wire B", "213")):
        (project_copy / "seeds" / f"2023-10-02-{name}.md").write_text(
            f"---\ntitle: Toll {name}\noutlet: {outlet}\npublished: 2023-10-02\n---\n"
            f"On October 1, Karabakh officials said {n} Armenian soldiers had been killed in the offensive.\n",
            encoding="utf-8")
    page = build_site(project_copy, repo_settings()).pages["humanitarian.md"]
    row = next(line for line in page.splitlines() if "200" in line and "213" in line)
    assert "Armenian side" in row and "outlets differ" in row and "Wire A" in row and "Wire B" in row


def test_aid_by_donor_and_requests_for_help_on_real_seeds(site):
    """Five short columns (they fit a desktop's text column): the donor with who announced it, what for and
    to whom, the amount with the amount before and the source's conversion, the day, the sources."""
    page = site.pages["humanitarian.md"]
    aid = page.split("## Aid")[1].split("\n## ")[0]
    rows = [l for l in aid.splitlines() if l.startswith("| ") and "---" not in l][1:]
    assert rows and all(not l.startswith("| not named") for l in rows)   # every amount has its donor
    assert any("5 million EUR (was 2 million EUR; the source's conversion: \\$5\\.28 million)" in l for l in rows)  # both
    assert any(l.startswith("| Germany, announced by Annalena Baerbock | additional funding for the International ") for l in rows)
    requests = page.split("## Requests for help")[1]
    assert re.search(r"\| Armenia asked the European Union \|", requests)
    assert "20 million CHF" in requests                                 # an appeal carries its amount


def test_every_source_card_links_to_existing_items(built_site, site):
    html = (built_site / "sources" / "index.html").read_text(encoding="utf-8")
    targets = {}
    for page in ("timeline", "background", "humanitarian"):
        ids = set(re.findall(r'id="([^"]+)"', (built_site / page / "index.html").read_text(encoding="utf-8")))
        targets[page] = ids
    for a in site.articles:
        card = html.split(f'id="{a.slug}"')[1].split("<h2")[0]
        count = int(re.search(r"Items on this site resting on it:</strong>\s*(\d+)", card).group(1))
        links = re.findall(r'href="\.\./(timeline|background|humanitarian)/#([^"]+)"', card)
        assert count == len(links) > 0, a.slug
        for page, anchor in links:
            assert anchor in targets[page], (a.slug, page, anchor)


def test_source_cards_link_their_items_by_page_and_day_past_a_size(site, monkeypatch):
    """The real seeds' cards repeat each item's sentence; past RESTATED_UP_TO bytes of that (thousands of
    articles), the same links, named by day (a figure by its words), one line per page."""
    from explainer.pages import sources
    from explainer.pages.common import esc
    full = sources.render(site)
    assert sources.restated(sources.citations(site)) <= sources.RESTATED_UP_TO
    assert "by page and day" not in full
    monkeypatch.setattr(sources, "RESTATED_UP_TO", 0)
    compact = sources.render(site)
    assert "by page and day: there are too many to repeat their sentences here" in compact
    links = re.compile(r"\]\(((?:timeline|background|humanitarian)\.md#[^)\s]+)\)")
    for a in site.articles:
        whole, short = (page.split(f"{{ #{a.slug} }}")[1].split("\n## ")[0] for page in (full, compact))
        assert sorted(links.findall(short)) == sorted(h for h, *_ in sources.citations(site)[a.slug]) \
            == sorted(links.findall(whole))
        lines = [line for line in short.splitlines() if line.startswith("    - ")]
        pages = [line[6:].split(":")[0] for line in lines]
        assert len(pages) == len(set(pages)) and set(pages) <= {"Timeline", "Background", "Humanitarian response"}
        for href, head, text in sources.citations(site)[a.slug]:
            assert f"]({href})" in short and (head == "Figure" or f"[{esc(head)}]({href})" in short)
            assert text[:40] not in short or head == "Figure"
    assert len(compact) < len(full) * 0.8


def test_sources_say_where_outlets_differ_and_how_the_site_is_made(site):
    page = site.pages["sources.md"]
    assert "## Where outlets differ" in page and "## How this site is made" in page
    differ = page.split("### Different numbers")[1].split("###")[0]
    assert "100\\,417" in differ and "more than 100\\,000" in differ
    assert "Statements no other outlet reports |" in page and re.search(r"\| RFE\\/RL \(\d+ statements?\) \| \[", page)


def test_every_abbreviation_used_is_in_the_glossary(site, built_site):
    assert glossary.missing(site, site.abbreviations, site.not_abbreviations, "docs/glossary.md") == []
    for abbr in ("ICJ", "ICC", "IFRC", "ICRC", "UNHCR", "USAID", "EU", "UN"):
        assert abbr in site.abbreviations
    # Material shows them as tooltips: every page that uses one marks it up
    for page in ("timeline", "humanitarian", "sources", "people"):
        html = (built_site / page / "index.html").read_text(encoding="utf-8")
        assert re.search(r'<abbr title="[^"]+">(?:UN|EU|USAID|ICJ|AFP)</abbr>', html), page


def test_glossary_reports_an_unknown_abbreviation_with_file_and_line(project_copy):
    (project_copy / "seeds" / "2023-10-02-x.md").write_text(
        "---\ntitle: T\noutlet: Wire\npublished: 2023-10-02\n---\nOn October 1, the CSTO said 3,000 people had arrived in Armenia.\n",
        encoding="utf-8")
    s = build_site(project_copy, repo_settings())
    problems = glossary.missing(s, s.abbreviations, s.not_abbreviations, "docs/glossary.md")
    assert [str(p) for p in problems] == [
        "seeds/2023-10-02-x.md:6: 'CSTO' is not in docs/glossary.md: add a row '| CSTO | <in full> |' to its table, "
        "or, if it is no abbreviation, add it to the line 'Written in capitals in the articles but not abbreviations: …'"]


def test_whos_who_names_roles_and_links_from_the_timeline(site, built_site):
    found, orgs = queries.who(site)
    by_name = {p.name: p for p in found}
    assert "Armenian Prime Minister" in by_name["Nikol Pashinyan"].roles
    assert "Nikol Pashinian" in by_name["Nikol Pashinyan"].spellings      # two spellings, one person
    assert "Kremlin spokesman" in by_name["Dmitry Peskov"].roles
    assert any(o.abbr == "USAID" for o in orgs)
    timeline = (built_site / "timeline" / "index.html").read_text(encoding="utf-8")
    ids = set(re.findall(r'id="([^"]+)"', (built_site / "people" / "index.html").read_text(encoding="utf-8")))
    linked = re.findall(r'href="\.\./people/#([^"]+)"', timeline)
    assert "p-nikol-pashinyan" in linked and set(linked) <= ids
    # and back: a person's entry lists the items that name them
    named = queries.naming(site, by_name["Nikol Pashinyan"])
    assert named and all("Pashin" in e.text for e in named)


def test_every_figure_sources_link_to_has_its_row(project_copy):
    """An appeal whose sentence is no request ("the appeal totals …") still has a row to link to."""
    (project_copy / "seeds" / "2023-10-02-appeal.md").write_text(
        "---\ntitle: Appeal\noutlet: Wire\npublished: 2023-10-02\n---\n"
        "The Red Cross appeal now totals 31 million Swiss francs, the organisation said on October 1.\n", encoding="utf-8")
    s = build_site(project_copy, repo_settings())
    page = s.pages["humanitarian.md"]
    for f in s.figures:
        assert f'<span id="fig-{f.id}">' in page, f.id


def test_measure_labels_are_settings_and_reach_pages_and_data():
    from dataclasses import replace
    topic = repo_settings().topic
    labels = {**topic.labels, "arrivals": "People who reached the camps", "killed": "Dead"}
    s = build_site(ROOT, repo_settings(topic=replace(topic, labels=labels)), use_cache=False)
    figures = json.loads(s.files["data/figures.json"])["figures"]
    assert {f["label"] for f in figures if f["metric"] == "arrivals"} == {"People who reached the camps"}
    assert all(f["label"].startswith("Dead") for f in figures if f["metric"] == "killed")
    assert "People who reached the camps\\, by the day of the count\\." in s.pages["humanitarian.md"]      # escaped


def test_the_event_settings_moved_to_the_topic_file():
    from explainer.errors import SeedError
    from explainer.settings import settings_from
    for key in ("wording", "labels", "cutoff", "topics"):
        with pytest.raises(SeedError, match=f"extra.explainer.{key}: moved to the topic file"):
            settings_from({"explainer": {key: {}}}, root=ROOT)
    with pytest.raises(SeedError, match="unknown key.*colour.*known: seeds, glossary, repository, topic"):
        settings_from({"explainer": {"colour": "red"}}, root=ROOT)


def test_page_modules_do_not_import_each_other():
    """Pages share what they ask of the site through pages/queries.py and pages/common.py only."""
    import ast
    from explainer.build import PAGES
    names = {p.__name__.rsplit(".", 1)[1] for p in PAGES}
    for page in PAGES:
        tree = ast.parse(Path(page.__file__).read_text(encoding="utf-8"))
        imported = {a.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) for a in node.names}
        imported |= {(node.module or "").rsplit(".", 1)[-1] for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
        assert not imported & (names - {page.__name__.rsplit(".", 1)[1]}), page.__name__


def _composed_site(tmp_path, articles: dict[str, str]):
    """A site built from the given articles alone ({file stem: front matter's outlet and day, then text})."""
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    (tmp_path / "seeds").mkdir()
    for stem, text in articles.items():
        (tmp_path / "seeds" / f"{stem}.md").write_text(text, encoding="utf-8")
    return build_site(tmp_path, repo_settings(), use_cache=False)


_FLOODS = """---\ntitle: Floods\noutlet: Wire\npublished: 2023-10-02\n---
Norland is seeking aid from the European Union to help it cope with the floods.

Norland has asked the European Union for assistance to help it house the flood victims, the ministry said on Sunday.

Norland has asked the EU for tents and blankets, the ministry said in a statement.

Norland has also asked the UN to send a mission to assess the damage.

Norland's Interior Minister Arman Guliyev said the water was still rising.
"""
_DAMAGE = """---\ntitle: Damage\noutlet: Post\npublished: 2023-10-03\n---
Interior Minister Arman Guliev said on Monday that the dams had held.

Norland has asked the European Union for assistance to help it house the flood victims, the ministry said on Sunday.
"""


def test_one_request_told_in_several_sentences_is_one_row(tmp_path):
    """One article asks "the European Union" and "the EU" three times, once dated; another outlet
    reports the dated sentence: one row, dated, with each wording and both sources. Another
    addressee is another request."""
    s = _composed_site(tmp_path, {"2023-10-02-wire-floods": _FLOODS, "2023-10-03-post-damage": _DAMAGE})
    rows = [r for r in s.pages["humanitarian.md"].split("## Requests for help")[1].splitlines() if r.startswith("| [") or r.startswith("| reported")]
    assert len(rows) == 2, rows
    eu, un = rows
    assert eu.startswith("| [1 Oct 2023]") and "| Norland asked the European Union |" in eu
    assert "“for assistance to help it house the flood victims” · “aid to help it cope with the floods” · “for tents and blankets”" in eu
    assert "[Wire](sources.md#2023-10-02-wire-floods) and [Post](sources.md#2023-10-03-post-damage) |" in eu
    assert un.startswith("| reported 2 Oct 2023 | Norland asked the UN |")


def test_a_surname_spelt_two_ways_is_one_person(tmp_path):
    key = queries._person_key
    for a, b in (("Nikol Pashinyan", "Nikol Pashinian"), ("Ilham Aliyev", "Ilham Aliev"), ("Ali Hassanov", "Ali Hasanov"),
                 ("Volodymyr Zelenskyy", "Volodymyr Zelensky"), ("Volodymyr Zelenskiy", "Volodymyr Zelensky"),
                 ("Nazeli Baghdasaryan", "Nazeli Baghdasarian"), ("Hikmet Hajiyev", "Hikmet Hajiev")):
        assert key(a) == key(b), (a, b)
    for a, b in (("Hayk Baghdasaryan", "Vahram Baghdasaryan"), ("Nikol Pashinyan", "Nikol Pashinov"),
                 ("Anna Petrova", "Anna Petrov"), ("Ruben Vardanyan", "Ruben Vartanyan"), ("Arman Gevorgyan", "Arman A. Gevorgyan")):
        assert key(a) != key(b), (a, b)
    people, _ = queries.who(_composed_site(tmp_path, {"2023-10-02-wire-floods": _FLOODS, "2023-10-03-post-damage": _DAMAGE}))
    assert [sorted(p.spellings) for p in people] == [["Arman Guliev", "Arman Guliyev"]]


def test_a_name_is_found_where_it_starts_and_ends_a_word():
    """Who's who's "Named in": one reading of the statements for every name, as a search per name finds it."""
    from types import SimpleNamespace as Event
    texts = ["Nikol Pashinyan said so.", "Pashinyan's office said so.", "Anti-Pashinyan protests grew.",
             "Pashinyanism is no name.", "Ter-Petrosyan spoke; Petrosyan too.", "Levon Ter-Petrosyan spoke.",
             "Ter-Petrosyan-led rally.", "Premier Nikol spoke to Nikolai.", "Lenarčič visited; Janez Lenarčič too.",
             "(Pashinyan) and _Pashinyan_ and Pashinyan2", "'Abd al-Aziz met O'Neil.", "Ilham Aliyev", "Aliyev"]
    events = [Event(text=t) for t in texts]
    names = {"Nikol Pashinyan", "Pashinyan", "Ter-Petrosyan", "Levon Ter-Petrosyan", "Petrosyan", "Nikol",
             "Lenarčič", "Janez Lenarčič", "'Abd al-Aziz", "O'Neil", "Ilham Aliyev", "Aliyev", "Nobody"}
    found = queries._named(events, names)
    for name in names:
        rx = re.compile(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])")
        assert found.get(name, set()) == {i for i, t in enumerate(texts) if rx.search(t)}, name
    assert found["Pashinyan"] == {0, 1, 9} and found["Petrosyan"] == {4} and found["Nikol"] == {0, 7}
    assert found["'Abd al-Aziz"] == {10} and found["O'Neil"] == {10} and "Nobody" not in found


def test_anchors_of_names_keep_their_letters():
    assert queries._slug("p", "Janez Lenarčič") == "p-janez-lenarcic"
    assert queries._slug("o", "Médecins Sans Frontières") == "o-medecins-sans-frontieres"
    a, b = queries._slug("p", "Анна Петрова"), queries._slug("p", "Иван Петров")
    assert a != b and a.startswith("p-") and len(a) > 5


# --- Timeline and Background: each statement once, its date words marked, the days at a glance ---

from html import unescape

from markup import scan
from explainer.model import Context, Event, Source, When
from explainer.pages import common, timeline

ENTRY = re.compile(r'<h[34] class="entry" id="([^"]+)"')


def _article(built_site, page: str) -> str:
    return (built_site / page / "index.html").read_text(encoding="utf-8").split("<article", 1)[1].split("</article>", 1)[0]


def _entries(html: str) -> dict[str, str]:
    """Each item's HTML, by the id of its search heading: from that heading to the next heading."""
    chunks = re.split(r"(?=<h[1-6][\s>])", html)
    return {m.group(1): chunk for chunk in chunks if (m := ENTRY.match(chunk))}


from explainer.read.text import plain  # noqa: E402


def _shown(html: str) -> str:
    return scan(html).shown


def _items(site, page: str):
    if page == "timeline":
        return [e for e in site.events if e.section == "timeline"]
    return [e for e in site.events if e.section == "background"] + list(site.context)


@pytest.mark.parametrize("page", ["timeline", "background"])
def test_nothing_lost_every_quote_source_and_how_dated_is_on_the_page(built_site, site, page):
    """Every item of the page has its section (or its photo group's), and in it every outlet's
    sentence (once where two outlets use the same words), a link to every source card, and how each
    source dated it."""
    entries = _entries(_article(built_site, page))
    items = _items(site, page)
    assert items
    for item in items:
        section = entries.get(item.id) or next(html for html in entries.values() if f'id="{item.id}"' in html)
        shown = _shown(section)
        for s in item.sources:
            assert plain(s.quote) in shown, (item.id, s.quote)      # as the article shows it: its escapes are no words
            assert f'href="../sources/#{s.seed}"' in section, (item.id, s.seed)
            if s.expression:
                assert f"dated by “{' '.join(s.expression.split())}”" in shown, (item.id, s.expression)


@pytest.mark.parametrize("page", ["timeline", "background"])
def test_each_statement_once_as_a_quote_with_its_date_words_marked(built_site, site, page):
    """The first source's sentence is shown once, in a blockquote, with the words that dated it in a
    <mark>; the item's reworded text (its sentence without the date words) is not shown besides."""
    article = _article(built_site, page)
    entries, shown_page = _entries(article), _shown(article.split('id="at-a-glance"')[-1].split("</ul>", 1)[-1])
    marked = 0
    for item in _items(site, page):
        first = item.sources[0]
        quote = plain(first.quote)
        assert shown_page.count(quote) == sum(plain(s.quote) == quote for i in _items(site, page)
                                              for s in i.sources[:1]), quote        # once per item that rests on it
        if item.text not in quote:
            assert item.text not in shown_page, item.text
        section = entries.get(item.id)
        if section is None:                 # a caption in its day's photo group
            continue
        assert "<blockquote>" in section
        if first.expression and first.expression in quote:
            mark = re.search(r'<mark class="entry-when">(.*?)</mark>', section)
            assert mark and _shown(mark.group(1)) == " ".join(first.expression.split()), item.id
            marked += 1
    assert marked >= (20 if page == "timeline" else 5)


def test_no_doubled_opening_quote(built_site):
    for page in ("timeline", "background", "people"):
        shown = _shown(_article(built_site, page))
        assert not re.search(r"[“\"][“\"]", shown), page
    assert "“We are categorically" not in _shown(_article(built_site, "background"))
    assert "\"We are categorically" in _shown(_article(built_site, "background"))


def test_a_days_photo_captions_are_one_group(built_site, site):
    """The real seeds' 18 captions: a day with two or more is one group ("3 photos"), its captions behind
    a disclosure, each keeping its anchor; a day with one shows it as an entry."""
    article = _article(built_site, "timeline")
    entries = _entries(article)
    captions = [e for e in site.events if e.section == "timeline" and e.caption]
    assert len(captions) >= 10
    by_day = {}
    for e in captions:
        by_day.setdefault(e.when, []).append(e)
    for when, photos in by_day.items():
        if len(photos) == 1:
            assert photos[0].id in entries and "Photo — " in _shown(entries[photos[0].id])
            continue
        group = entries[f"photos-{common.anchor_for(when)}"]
        assert re.search(rf'<summary>{len(photos)} photos\b', group), when
        assert group.count("<details") == 1 + sum(len(p.sources) > 1 for p in photos)
        for p in photos:
            assert p.id not in entries and f'id="{p.id}"' in group.split("<summary>", 1)[1]
    assert "<summary>3 photos: Yerevan, Armenia</summary>" in article
    top = [i for i in entries if not i.startswith("photos-")]
    assert len(entries) < len([e for e in site.events if e.section == "timeline"]) - 8
    assert len(top) + sum(len(p) for p in by_day.values() if len(p) > 1) == len(
        [e for e in site.events if e.section == "timeline"])


def test_other_outlets_are_one_click_away(built_site, site):
    entries = _entries(_article(built_site, "timeline"))
    several = [e for e in site.events if e.section == "timeline" and len({s.outlet for s in e.sources}) > 1]
    assert several
    for e in several:
        section = entries[e.id]
        before, details = section.split("<details", 1)
        assert _shown(before).count("—") == 1                                  # one source line outside
        assert all(f"sources/#{s.seed}" in details for s in e.sources[1:])
        assert "Also reported by" in details.split("</summary>")[0]


def test_search_index_has_a_section_per_item(built_site, site):
    """Material's search index makes a section of each heading: each item is one, at its anchor, so
    that a word only its quote holds ("weekend", the words that dated it) leads to the item."""
    docs = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    by_location = {d["location"]: d for d in docs}
    for e in site.events:
        page = "timeline" if e.section == "timeline" else "background"
        doc = by_location.get(f"{page}/#{e.id}") or next(
            d for loc, d in by_location.items() if loc.startswith(f"{page}/#photos-") and e.sources[0].quote[:40] in d["text"])
        assert " ".join(e.sources[0].quote.split())[:60] in unescape(doc["text"])
    weekend = next(e for e in site.events if "over the weekend" in e.sources[0].quote)
    assert "weekend" not in weekend.text
    assert "weekend" in by_location[f"timeline/#{weekend.id}"]["text"]
    assert by_location[f"timeline/#{weekend.id}"]["title"] == common.when_label(weekend.when)
    toc = (built_site / "timeline" / "index.html").read_text(encoding="utf-8").split('class="md-nav md-nav--secondary"')[1]
    assert weekend.id not in toc.split("</nav>")[0]                             # not in the table of contents


def test_background_headings_name_the_right_century(built_site):
    html = _article(built_site, "background")
    headings = [_shown(h) for h in re.findall(r"<h3[^>]*>(.*?)</h3>", html, re.S)]
    assert "2nd century BC" in " ".join(headings).replace("¶", "")
    assert "1st century BC" not in html


@pytest.mark.parametrize("lo, hi, precision, label", [
    ((-199, 1, 1), (-100, 12, 31), "century", "2nd century BC"),     # 200 BC .. 101 BC
    ((-99, 1, 1), (0, 12, 31), "century", "1st century BC"),          # 100 BC .. 1 BC
    ((1, 1, 1), (100, 12, 31), "century", "1st century"),
    ((101, 1, 1), (200, 12, 31), "century", "2nd century"),
    ((1101, 1, 1), (1200, 12, 31), "century", "12th century"),
    ((1901, 1, 1), (2000, 12, 31), "century", "20th century"),
    ((2001, 1, 1), (2100, 12, 31), "century", "21st century"),
    ((-1099, 1, 1), (-1000, 12, 31), "century", "11th century BC"),
    ((-1199, 1, 1), (-1100, 12, 31), "century", "12th century BC"),
    ((0, 1, 1), (0, 12, 31), "year", "1 BC"),
    ((-1, 1, 1), (-1, 12, 31), "year", "2 BC"),
    ((1, 1, 1), (1, 12, 31), "year", "1"),
    ((-9, 1, 1), (5, 12, 31), "span", "10 BC–AD 5"),
    ((-9, 1, 1), (-1, 12, 31), "span", "10 BC–2 BC"),
    ((1988, 1, 1), (1994, 12, 31), "span", "1988–1994"),
    ((0, 3, 1), (0, 3, 31), "month", "March 1 BC"),
    ((-5, 3, 4), (-5, 3, 4), "day", "4 March 6 BC"),
    ((1920, 1, 1), (1929, 12, 31), "decade", "The 1920s"),
    ((2023, 9, 19), (2023, 9, 19), "day", "Tuesday 19 September 2023"),
])
def test_when_label_at_the_boundaries_of_eras_and_centuries(lo, hi, precision, label):
    assert common.when_label(When(lo, hi, precision)) == label


def _src(quote: str, expression: str | None, outlet: str = "Wire", seed: str = "2023-09-30-wire") -> Source:
    from datetime import date
    return Source(seed, outlet, None, date(2023, 9, 30), quote, expression)


def test_date_words_are_found_as_whole_words_across_white_space():
    assert common.date_words("Officials said on\nMonday that", "on Monday") == (15, 24)
    assert common.date_words("The Mayor spoke in May.", "May") == (19, 22)            # not inside "Mayor"
    assert common.date_words("YEREVAN — Officials said it.", "Sept. 28") is None       # a dateline's words
    assert common.date_words("x", None) is None and common.date_words("x", " ") is None
    assert common.how_dated(_src("Officials said it.", "Sept. 28")) == "dated by “Sept\\. 28” elsewhere in the article"
    assert common.how_dated(_src("On Sept. 28 it was said.", "Sept. 28")) == "dated by “Sept\\. 28”"


def test_marked_quote_escapes_every_part_of_a_hostile_sentence():
    q = "<b onclick=alert(1)>On Monday</b>, [x](javascript:alert(2)) said {{ config }} *on Monday*."
    out = common.marked_quote(_src(q, "On Monday"))
    assert out.count('<mark class="entry-when">') == 1 and out.count("</mark>") == 1
    rest = out.replace('<mark class="entry-when">', "").replace("</mark>", "")
    assert "<" not in rest and ">" not in rest and "[x]" not in rest and "{{" not in rest
    assert 'entry-when">On Monday</mark>' in out                                   # the first, whole words
    assert common.marked_quote(_src('"We are here," he said on Monday.', "on Monday")).startswith("&quot;We are")
    assert common.marked_quote(_src("He said on Monday.", "on Monday")).startswith("“He said")


def test_clip_cuts_at_a_word_and_stays_verbatim():
    text = "The Armenian government said that 4,850 Nagorno-Karabakh residents had crossed into Armenia by noon."
    short = timeline.clip(text, 60)
    assert short.endswith("…") and len(short) <= 61 and text.startswith(short[:-1])
    assert text[len(short) - 1] == " "                                             # cut before a word
    assert timeline.clip("Short words.", 60) == "Short words."
    assert timeline.clip("Unbreakable" * 10, 20) == ("Unbreakable" * 10)[:20] + "…"


def _event(day: int, text: str, outlets: int = 1, caption: dict | None = None, i: int = 0) -> Event:
    from datetime import date, timedelta
    d = date(2023, 9, 1) + timedelta(days=day)
    sources = [_src(f"{text} on {d}.", None, outlet=f"Outlet {k}", seed=f"s{k}") for k in range(outlets)]
    return Event(f"e{day}-{i}", When((d.year, d.month, d.day), (d.year, d.month, d.day), "day"), "timeline", text,
                 "done", sources, caption)


def test_glance_one_line_a_day_with_the_best_corroborated_words(site):
    events = [_event(0, "A photo of a crowd", 3, caption={"credit": "X"}), _event(0, "A minor remark", 1, i=1),
              _event(0, "The ministers met and agreed on a ceasefire along the whole front line today", 2, i=2),
              _event(1, "Only this", 1)]
    lines = [l for l in timeline.glance(events) if l.startswith("- ")]
    assert lines == ["- [Fri 1 Sep](#d2023-09-01) · 3 entries: The ministers met and agreed on a ceasefire along "
                     "the whole…",
                     "- [Sat 2 Sep](#d2023-09-02) · 1 entry: Only this"]
    real = [e for e in site.events if e.section == "timeline"]
    real_lines = [l for l in timeline.glance(real) if l.startswith("- ")]
    assert len(real_lines) == len({e.when for e in real}) <= timeline.GLANCE_LINES


def test_glance_by_week_when_there_are_too_many_days():
    """At 1,000 articles (`python -m explainer synth 1000`: 144 dates over eight weeks) the overview
    is one line a week; beyond GLANCE_LINES weeks, a month."""
    many = [_event(d, f"Thing number {d} happened", 1 + d % 3) for d in range(60)]
    lines = [l for l in timeline.glance(many) if l.startswith("- ")]
    assert len(lines) == 10 and lines[0].startswith("- [Week of 28 Aug](#d2023-09-01) · 3 entries: Thing number 2 happened")
    assert all("Week of" in l for l in lines)
    years = [_event(d * 7, f"Thing {d}", 1) for d in range(30)]
    months = [l for l in timeline.glance(years) if l.startswith("- ")]
    assert 5 <= len(months) <= 8 and months[0].startswith("- [September 2023](#d2023-09-01)")
    assert timeline.glance(many[:1]) == []


def test_each_generated_page_describes_its_content(site):
    """The description (search engines' and sharing cards' summary) says what the page holds, with its
    counts, not only what kind of page it is."""
    said = {path: re.search(r'(?m)^description: "(.*)"$', md).group(1) for path, md in site.pages.items()
            if "-" not in path}
    assert "45 entries from 5 outlets up to 8 October 2023" in said["timeline.md"]
    assert "(8 dated items)" in said["background.md"] and "(20 statements)" in said["background.md"]
    assert all(re.search(r"\d+ \w+", d) for d in said.values()), said


# --- issue 20: what a reader met (Markdown escapes, plain days, Home's facts) --------------------

_ESCAPED = r"""---
title: Appeal
outlet: Wire
published: 2023-10-02
---
The Norland Red Cross on Sunday announced an emergency appeal for 20 million Swiss Francs (\$22 million) to help the \*flood\* victims of C:\\floods, \<b\>now\</b\> \q.
"""


def test_an_articles_markdown_escapes_are_not_shown(tmp_path, built_site):
    """A seed is Markdown: "(\\$22 million)" reads "($22 million)" in every quote and wording (Timeline,
    Requests for help), as its text already does; an escaped backslash is one backslash, a backslash
    before a letter stays, and escaped HTML is text, never markup. The real seeds' case too."""
    from conftest import mkdocs
    from markup import scan
    from support import copy_project
    project = copy_project(tmp_path)
    (project / "seeds" / "2023-10-02-wire-appeal.md").write_text(_ESCAPED, encoding="utf-8")
    r = mkdocs("build", "--strict", "-d", str(project / "site"), cwd=project)
    assert r.returncode == 0, r.stderr
    words = "20 million Swiss Francs ($22 million) to help the *flood* victims of C:\\floods, <b>now</b> \\q"
    for page in ("timeline", "humanitarian"):
        s = scan((project / "site" / page / "index.html").read_text(encoding="utf-8"), "alert(")
        assert words in s.shown, page
        assert "b" not in s.tags, page                              # escaped HTML is text
        assert "\\$" not in s.shown and "\\*" not in s.shown, page
    for page in ("timeline", "humanitarian", "sources", "people"):
        shown = scan((built_site / page / "index.html").read_text(encoding="utf-8"), "alert(").shown
        assert "\\$" not in shown, page
    assert "Swiss Francs ($22 million)" in scan((built_site / "humanitarian" / "index.html").read_text(encoding="utf-8"), "").shown


def _figure(as_of, basis, *published, value=100417.0, outlets=None):
    from datetime import date
    from explainer.model import Figure, Source
    outlets = outlets or [f"Outlet {i}" for i in range(len(published))]
    return Figure(id="f", metric="arrivals", label="Arrivals", value=value, unit="people", qualifier="exact",
                  words="100,417 people", as_of=as_of, as_of_basis=basis,
                  sources=[Source(f"seed-{i}", o, None, date.fromisoformat(p), "q") for i, (o, p) in enumerate(zip(outlets, published))])


@pytest.mark.parametrize("as_of, basis, published, table, prose", [
    ("2023-09-30", "sentence", ["2023-10-01"], "30 Sep 2023",
     "**100\\,417** on 30 September 2023, according to [RFI](sources.md#seed-0)"),
    ("2023-09-29", "context", ["2023-10-01"], "29 Sep 2023",
     "**100\\,417** on 29 September 2023, according to [RFI](sources.md#seed-0)"),
    ("2023-09-30", "publication", ["2023-09-30"], "reported 30 Sep 2023",
     "**100\\,417**, reported by [RFI](sources.md#seed-0) on 30 September 2023"),
    ("2023-09-25", "publication", ["2023-09-25", "2023-09-30"], "reported 25 Sep 2023",
     "**100\\,417**, reported by [RFI](sources.md#seed-0) and [AP](sources.md#seed-1), the first on 25 September 2023"),
    ("2019-03", "sentence", ["2023-09-30"], "March 2019", "**100\\,417** in March 2019, according to [RFI](sources.md#seed-0)"),
    ("1960", "sentence", ["2023-09-30"], "1960", "**100\\,417** in 1960, according to [RFI](sources.md#seed-0)"),
    (None, "none", ["2023-09-30"], "day not given",
     "**100\\,417** on a day the articles do not give, according to [RFI](sources.md#seed-0)"),
])
def test_a_figures_day_in_plain_words(as_of, basis, published, table, prose):
    """"on 30 September 2023, according to RFI", never "(as of 30 Sep 2023 (publication date); …)": how the
    day was found is said in plain words ("reported on" is the article's own day), with no nested brackets."""
    from explainer.pages.common import as_of_text, figure_words
    f = _figure(as_of, basis, *published, outlets=["RFI", "AP"][:len(published)])
    assert as_of_text(f) == table
    assert figure_words(f) == prose


def test_key_figures_read_plainly_on_every_page(site, built_site):
    """No internal words ("publication date", "preceding sentence") and no brackets inside brackets where
    the pages give a figure's day: Home, Humanitarian response (key figures and every table)."""
    from markup import scan
    for page in ("index.html", "humanitarian/index.html"):
        shown = scan((built_site / page).read_text(encoding="utf-8"), "").shown
        for jargon in ("publication date", "preceding sentence", "(as of", "date not given"):
            assert jargon not in shown, (page, jargon)
        assert not re.search(r"\([^()]*\([^()]*\)[^()]*\(", shown.replace("(AFP)", "").replace("(AP photos)", "")), page
    key = site.pages["humanitarian.md"].split("## Key figures")[1].split("\n## ")[0]
    assert "**100\\,417**, reported by [RFI](sources.md#2023-09-30-rfi-nagorno-karabakh-almost-empty) on 30 September 2023" in key


def test_home_gives_the_facts_at_a_glance_from_the_data(project_copy):
    """Home's `facts` marker: the topic's turning point and its day (linked to that day on the Timeline),
    the latest and the first count of the chart's measure, the population before; a newer article moves
    the latest count; without a chart, the first key measure."""
    from dataclasses import replace
    from explainer.build import fill_markers
    site = build_site(project_copy, repo_settings())
    facts = fill_markers("<!-- explainer:facts -->", site).splitlines()
    assert facts[0] == "- **19 September 2023:** the Azerbaijani offensive; the [Timeline](timeline.md#d2023-09-19) begins that day."
    assert facts[1].startswith("- People from Nagorno\\-Karabakh who had arrived in Armenia: the latest count, **100\\,417**, "
                               "reported by [RFI]")
    assert "; the first, **4\\,850** on 25 September 2023, according to [Unnamed outlet \\(AP photos\\)]" in facts[1]
    assert facts[2].startswith("- Population of Nagorno\\-Karabakh before the exodus: **about 120\\,000**, reported by "
                               "[4 outlets](humanitarian.md#fig-population-")
    (project_copy / "seeds" / "2023-10-05-example-later-count.md").write_text(
        "---\ntitle: Later count\noutlet: Example Wire\npublished: 2023-10-05\n---\n"
        "A total of 100,632 people had arrived in Armenia from Nagorno-Karabakh as of October 3, officials said.\n",
        encoding="utf-8")
    later = build_site(project_copy, repo_settings())
    assert "the latest count, **100\\,632** on 3 October 2023, according to [Example Wire]" in fill_markers("<!-- explainer:facts -->", later)
    topic = replace(later.settings.topic, chart=None, key=("vehicles",), turning_point="the offensive")
    facts = fill_markers("<!-- explainer:facts -->", replace(later, settings=replace(later.settings, topic=topic))).splitlines()
    assert len(facts) == 2 and facts[0].endswith(" the offensive; the [Timeline](timeline.md#d2023-09-19) begins that day.")
    assert facts[1].startswith("- Vehicles that had crossed into Armenia: **more than 20\\,000**")
    home = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    template = (ROOT / "hooks/explainer/tools/templates/new/docs/index.md").read_text(encoding="utf-8")
    for page in (home, template):          # the facts come first, before the written introduction
        assert page.split("\n# ", 1)[1].split("\n\n")[1].startswith("<!-- explainer:facts -->") or \
            "\n\n<!-- explainer:facts -->\n" in page.split("\n## ", 1)[0]


@pytest.mark.parametrize("value, shown", [(5e6, "5 million EUR"), (1.32e9, "1.32 billion EUR"), (11.5e6, "11.5 million EUR"),
                                          (120e9, "120 billion EUR"), (250_000, "250,000 EUR"), (1_234_567, "1,234,567 EUR")])
def test_amounts_of_money_read_as_said(value, shown):
    """"5 million EUR", not "5,000,000 EUR" (narrower cells too); an amount not round stays in digits."""
    from explainer.pages.common import money
    assert money(value, "EUR") == shown


def test_casualties_intro_names_sides_and_sources_only_where_there_are_some(site):
    """An event with no sides (an earthquake) and no one named for its tolls: "By day, as the articles
    report them:", not "By side and day … with who gives each number"."""
    from dataclasses import replace as _replace
    from explainer.pages import humanitarian
    figures = [_replace(f, side=None, according_to=None) for f in site.figures]
    bare = types.SimpleNamespace(**{**vars(site), "figures": figures,
                                    "settings": _replace(site.settings, topic=_replace(site.settings.topic, sides=()))})
    intro = humanitarian.casualties(bare)[2]
    assert intro.startswith("By day, as the articles report them:") and "who gives" not in intro
    assert humanitarian.casualties(site)[2].startswith("By side and day, as the articles report them, with who gives")


# --- How much of one item a page shows (issue 21) -------------------------------------------------

from explainer.pages import chart  # noqa: E402

CAPS = ("SHOWN_QUOTES", "SHOWN_CITATIONS", "SHOWN_ITEMS", "SHOWN_NUMBERS")


def _most(site) -> dict[str, int]:
    """The most one item lists of what each cap limits: other articles' sentences, articles cited,
    items naming a person or statements only one outlet makes, numbers for one measure and day."""
    found, orgs = queries.who(site)
    alone: dict[str, int] = {}
    for e in site.events:
        if len({s.outlet for s in e.sources}) == 1 and not e.caption:
            alone[e.sources[0].outlet] = alone.get(e.sources[0].outlet, 0) + 1
    groups: dict[tuple, list] = {}
    for f in site.figures:
        if f.as_of and f.metric != "population":
            groups.setdefault((f.metric, f.side or "", f.unit, f.as_of), []).append(f)
    return {"SHOWN_QUOTES": max(len(i.sources) - 1 for i in [*site.events, *site.context]),
            "SHOWN_CITATIONS": max([len(s) for p in found for s in p.roles.values()] + [len(o.sources) for o in orgs]
                                   + [len(f.sources) for f in site.figures]),
            "SHOWN_ITEMS": max([len(queries.naming(site, p)) for p in found] + list(alone.values())),
            "SHOWN_NUMBERS": max(len(g) for g in groups.values())}


def test_the_real_seeds_show_everything_no_item_reaches_a_cap(site):
    """The caps cut only what thousands of articles give. Should the seeds grow past one, raise the cap
    (pages/common.py) rather than change the real site."""
    for name, n in _most(site).items():
        assert 0 < n <= getattr(common, name), (name, n)
    assert len(chart.points_from(site.figures, common.number_words, site.settings.topic.chart.measure)) <= chart.ALL_POINTS
    for path, page in site.pages.items():
        assert not re.search(r"and [\d,]+ more (?:article|item|number|statement)s?: all are", page, re.I), path
        assert "The articles give" not in page


def test_past_a_cap_an_item_shows_its_first_few_then_how_many_more_and_where_all_are(project_copy, site):
    """The real seeds with the caps lowered, built strictly (every link, to the data files too, resolves):
    each list shows its first few and then says how many more and where all of them are."""
    from conftest import mkdocs
    from test_site_build import broken_links
    low = {"SHOWN_QUOTES": 0, "SHOWN_CITATIONS": 1, "SHOWN_ITEMS": 2, "SHOWN_NUMBERS": 1}
    code = project_copy / "hooks" / "explainer" / "pages" / "common.py"
    text = code.read_text(encoding="utf-8")
    for name, n in low.items():
        text, done = re.subn(rf"(?m)^{name} = \d+", f"{name} = {n}", text)
        assert done == 1, name
    code.write_text(text, encoding="utf-8")
    r = mkdocs("build", "--strict", "-d", str(project_copy / "site"), cwd=project_copy)
    assert r.returncode == 0, r.stderr[-3000:]
    assert broken_links(project_copy / "site") == []

    def shown(page: str) -> str:
        return " ".join(_shown(_article(project_copy / "site", page)).split())
    found, _ = queries.who(site)
    people = shown("people")
    pashinyan = next(p for p in found if p.name == "Nikol Pashinyan")
    n = len(pashinyan.roles["Armenian Prime Minister"])
    assert n > 1 and f"Armenian Prime Minister — {pashinyan.roles['Armenian Prime Minister'][0].outlet}" in people
    assert f"; and {n - 1} more article{'s' if n > 2 else ''}: all are on the Sources page" in people
    named = len(queries.naming(site, pashinyan))
    assert f"and {named - 2} more items: all are in the data files (data/timeline.json)" in people
    timeline = shown("timeline")
    several = [e for e in site.events if e.section == "timeline" and len(e.sources) > 1]
    assert several and timeline.count(": all are in the data files (data/timeline.json).") == len(several)
    for e in several:                                      # no other article's sentence, only how many
        assert all(plain(s.quote) not in timeline for s in e.sources[1:] if s.quote != e.sources[0].quote)
    assert re.search(r"\d+ numbers from [^;]+; the 1 most reported: ", shown("sources"))
    assert "; and 1 more number: all are in the data files (data/figures.json)" in shown("sources")
    assert re.search(r"and \d+ more statements?: all are in the data files \(data/timeline.json\)", shown("sources"))
    f = max(site.figures, key=lambda f: len(f.sources))
    assert f" and {len(f.sources) - 1} more articles: all are on the Sources page" in shown("humanitarian")


def test_a_day_of_hundreds_of_photos_is_groups_a_split_page_can_cut_between():
    """Each caption is shown (and keeps its anchor), in groups of PHOTO_GROUP, so that no block of the
    page grows with the photos of one day."""
    from datetime import date as day_of
    from explainer.pages import paging
    when = When((2023, 9, 28), (2023, 9, 28), "day")
    photos = [Event(f"p{i}", when, "timeline", f"A photo {i}", "done",
                    [Source(f"s{i}", "Wire", None, day_of(2023, 9, 28), f"A caption of photo {i} " + "c" * 300)],
                    caption={"place": "Yerevan"}) for i in range(2 * common.PHOTO_GROUP + 7)]
    md = "# Timeline\n\nIntro.\n\n" + "\n".join(common.by_date(photos))
    groups = re.findall(r'id="photos-(d2023-09-28(?:-\d)?)"', md)
    assert groups == ["d2023-09-28", "d2023-09-28-2", "d2023-09-28-3"]
    assert re.findall(r'"(\d+) photos: Yerevan"', md) == [str(common.PHOTO_GROUP)] * 2 + ["7"]
    out, where = paging.paginate({"timeline.md": md}, limit=len(md.encode()) // 2)
    assert len(out) >= 3 and all(p.count("<div") == p.count("</div>") for p in out.values())
    for i in range(len(photos)):
        assert f"A caption of photo {i} " in out[where[("timeline.md", f"p{i}")]]
