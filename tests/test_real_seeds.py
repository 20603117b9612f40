"""The engine on the real seeds: what the site must say, checked without MkDocs."""
from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from explainer.build import build_site
from explainer.read.seeds import load_seeds
from explainer.settings import Settings
from explainer.read.text import fold
from support import ROOT, repo_settings

SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="module")
def site():
    return build_site(ROOT, repo_settings())


def test_seed_bodies_are_the_originals():
    """The article text is exactly as received; only a first-line ' date YYYY-MM-DD ' marker moved into front matter."""
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared/seeds not present")
    for a in load_seeds(ROOT / "seeds"):
        if not a.original:
            continue
        original = (SHARED / "seeds" / a.original).read_text(encoding="utf-8")
        marker = f" date {a.published.isoformat()} "
        assert a.body == original.removeprefix(marker), a.path


def test_every_quote_is_verbatim(site):
    bodies = {a.slug: fold(a.body) for a in load_seeds(ROOT / "seeds")}
    for item in [*site.events, *site.figures, *site.context]:
        for s in item.sources:
            assert fold(s.quote) in bodies[s.seed]


def test_gallery_captions_split_with_date_place_credit(site):
    photos = [e for e in site.events if e.caption]
    assert len(photos) >= 18
    for e in photos:
        assert e.caption["credit"] and e.when.precision == "day"
    places = {e.caption["place"] for e in photos}
    assert {"Goris, Syunik region, Armenia", "Stepanakert, Nagorno-Karabakh"} <= places
    # the gallery's repeated boilerplate is on no page more than once
    page = "\n".join(site.pages.values())
    assert page.count("tens of thousands of ethnic Armenians have flooded over its borders") <= 1


def test_several_outlets_one_item(site):
    un = [e for e in site.events if "send a mission to Nagorno" in e.text]
    assert len(un) == 1 and len(un[0].sources) == 2 and un[0].status == "planned"


def test_known_events_and_sections(site):
    by_text = {e.text: e for e in site.events}
    vardanian = next(e for t, e in by_text.items() if "Vardanian" in t)
    assert vardanian.when.key == "2023-09-27" and vardanian.section == "timeline"
    blockade = next(e for t, e in by_text.items() if "imposed a blockade" in t)
    assert blockade.when.key == "2022-12" and blockade.section == "background"


def test_figures_with_as_of(site):
    got = {(f.metric, f.value, f.as_of) for f in site.figures}
    assert ("arrivals", 65035, "2023-09-28") in got
    assert ("arrivals", 100417, "2023-09-30") in got
    assert ("killed", 192, "2023-09-27") in got
    pop = [f for f in site.figures if f.metric == "population" and f.value == 120000]
    assert len(pop) == 1 and len({s.seed for s in pop[0].sources}) >= 3


def test_contested_claims_stay_attributed(site):
    """"Ethnic cleansing" is Yerevan's accusation: never stated as fact, always with who says it."""
    items = [e for e in site.events if "ethnic cleansing" in e.text] + [c for c in site.context if "ethnic cleansing" in c.text]
    assert items
    for item in items:
        assert re.search(r"\b(accused|accuses|says|said|denied)\b", item.text), item.text
    assert all(e.claim for e in site.events if "ethnic cleansing" in e.text)


def test_data_is_stable(site):
    again = build_site(ROOT, repo_settings())
    assert again.files == site.files and again.pages == site.pages
    data = json.loads(site.files["data/timeline.json"])
    keys = [(e["start"], e["id"]) for e in data["events"]]
    assert len({e["id"] for e in data["events"]}) == len(keys)


def test_home_markers(site):
    from explainer.build import fill_markers
    from explainer.errors import SeedError
    filled = fill_markers("A: <!-- explainer:arrivals -->", site)
    assert "100\\,417" in filled and "sources.md#" in filled     # escaped Markdown for "100,417"
    empty = type(site)(site.settings, site.articles, site.extracted, site.events, [], site.context)
    assert "not reported in the articles yet" in fill_markers("<!-- explainer:arrivals -->", empty)
    with pytest.raises(SeedError, match="docs/index.md:2: no figure for marker 'arivals'"):
        fill_markers("x\n<!-- explainer:arivals -->", site)


def test_dateline_dates_reported_statements_and_leaves_the_text(tmp_path):
    from explainer.extract.article import extract
    (tmp_path / "a.md").write_text("---\ntitle: T\noutlet: O\npublished: 2023-09-29\n---\n"
                                   "TBILISI, Sep 27 (EFE).- Officials said the border would stay open to all traffic.\n")
    (a,) = load_seeds(tmp_path)
    (e,) = extract(a, repo_settings()).events
    assert e.when.key == "2023-09-27" and e.text.startswith("Officials said")
