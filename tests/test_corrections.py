"""Editors' corrections (corrections.yml): each kind on the real seeds, never silently stale, visible."""
from __future__ import annotations

import json
import os
import shutil

import pytest

from conftest import ROOT
from support import repo_settings
from explainer import corrections
from explainer.build import build_site
from explainer.errors import SeedError
from explainer.pages.common import esc

SEED = "2023-09-25-unnamed-outlet-thousands-flee-nagorno-karabakh.md"


@pytest.fixture
def project(tmp_path):
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    (tmp_path / "docs").mkdir()
    return tmp_path


def _build(project, yml: str):
    (project / "corrections.yml").write_text(yml, encoding="utf-8")
    return build_site(project, repo_settings(), use_cache=False)


def _records(site, name: str) -> list[dict]:
    return json.loads(site.files[f"data/{name}.json"])[name if name != "timeline" else "events"]


def _entry(quote: str, change: str, why: str = "An editor checked.") -> str:
    return f"- seed: {SEED}\n  quote: \"{quote}\"\n  {change}\n  why: {why}\n"


def test_a_date_set_moves_the_item_and_says_so(project):
    site = _build(project, _entry("two of its soldiers were killed", "date: 2023-09-25", "Reported on Monday."))
    (e,) = [e for e in _records(site, "timeline") if "two of its soldiers" in e["text"]]
    assert e["start"] == "2023-09-25" and e["corrected"] == [
        {"field": "date", "was": "2023-09-24", "now": "2023-09-25", "why": "Reported on Monday."}]
    page = site.pages["timeline.md"]
    assert "[date set by an editor](sources.md#corrections): Reported on Monday\\." in page
    assert f"the sentence quoting “two of its soldiers were killed”: {esc('date set to 2023-09-25')}" in site.pages["sources.md"]


def test_date_null_leaves_a_statement_undated(project):
    site = _build(project, _entry("backed by the Armenian military", "date: null"))
    assert not [e for e in _records(site, "timeline") for s in e["sources"]
                if s["seed"] == SEED[:-3] and "backed by the Armenian military" in s["quote"]]
    (c,) = [c for c in _records(site, "context") if "backed by the Armenian military" in c["text"]]
    assert c["topic"] == "Undated" and c["corrected"][0]["now"] is None
    assert f'id="{c["id"]}"' in site.pages["background.md"]


def test_hide_takes_an_item_off_pages_and_data(project):
    site = _build(project, _entry("Demonstrators demanding", "hide: true"))
    assert not [e for e in _records(site, "timeline") if "Demonstrators demanding" in e["text"]]
    assert "Demonstrators demanding Pashinyan" not in site.pages["timeline.md"]


def test_a_figure_corrected_keeps_what_it_was(project):
    site = _build(project, _entry("4,850 Nagorno-Karabakh residents", "figure: {value: 4900, qualifier: about}"))
    (f,) = [f for f in _records(site, "figures") if "4,850" in f["words"]]
    assert (f["value"], f["qualifier"]) == (4900, "about")
    assert f["corrected"][0]["was"] == {"value": 4850, "qualifier": "exact"}
    assert "number corrected by an editor" in site.pages["humanitarian.md"]


def test_stale_and_ambiguous_selectors_fail_with_their_line(project):
    yml = (_entry("no such words in this article", "hide: true")
           + f"- seed: not-a-seed.md\n  quote: x\n  hide: true\n  why: w\n"
           + _entry("4,850 Nagorno-Karabakh residents", "hide: true"))      # an event and a figure quote it
    with pytest.raises(SeedError) as err:
        _build(project, yml)
    text = str(err.value)
    assert "corrections.yml:1: matches no item" in text
    assert "corrections.yml:5: no article seeds/not-a-seed.md" in text
    assert "corrections.yml:9: matches 2 items" in text and "add kind:" in text


def test_a_correction_that_changes_nothing_is_reported_as_removable(project):
    site = _build(project, _entry("4,850 Nagorno-Karabakh residents", "figure: {value: 4850}"))
    assert [str(n) for n in site.notes] == ["corrections.yml:1: changes nothing now (figure is already {'value': 4850.0}): remove it"]


@pytest.mark.parametrize("yml, line, words", [
    ("- seed: x.md\n  quote: q\n  hide: true\n  why: w\n  colour: red\n", 5, "unknown key 'colour'"),
    ("- seed: x.md\n  quote: q\n  hide: true\n", 1, "'why' is required"),
    ("- seed: x.md\n  quote: q\n  hide: true\n  date: 2023\n  why: w\n", 1, "exactly one change"),
    ("- seed: x.md\n  quote: q\n  date: 2023-13-40\n  why: w\n", 3, "is not YYYY-MM-DD"),
    ("- seed: ../etc/passwd\n  quote: q\n  hide: true\n  why: w\n", 1, "is not a file name in seeds/"),
    ("- seed: x.md\n  quote: q\n  figure: {value: many}\n  why: w\n", 3, "give a number"),
    ("seed: x.md\n", 1, "must be a list"),
])
def test_bad_entries_name_their_line(tmp_path, yml, line, words):
    (tmp_path / "corrections.yml").write_text(yml, encoding="utf-8")
    with pytest.raises(SeedError) as err:
        corrections.load(tmp_path / "corrections.yml")
    assert any(p.line == line and words in p.message for p in err.value.problems), str(err.value)


def test_a_symlinked_corrections_file_is_refused(tmp_path):
    target = tmp_path / "elsewhere.yml"
    target.write_text("[]\n", encoding="utf-8")
    os.symlink(target, tmp_path / "corrections.yml")
    with pytest.raises(SeedError, match="symbolic link"):
        corrections.load(tmp_path / "corrections.yml")


def test_a_hostile_why_stays_text(project):
    why = "<script>alert(1)</script> **bold** [x](javascript:alert(1))"
    site = _build(project, _entry("two of its soldiers were killed", "date: 2023-09-25", json.dumps(why)))
    for page in (site.pages["timeline.md"], site.pages["sources.md"]):
        assert "<script>" not in page and "](javascript:" not in page
    (e,) = [e for e in _records(site, "timeline") if e.get("corrected")]
    assert e["corrected"][0]["why"] == why


def test_corrected_builds_are_identical_and_no_file_changes_nothing(project):
    yml = _entry("two of its soldiers were killed", "date: 2023-09-25") + _entry("Demonstrators demanding", "hide: true")
    first, second = _build(project, yml), _build(project, yml)
    assert {**first.pages, **first.files} == {**second.pages, **second.files}
    (project / "corrections.yml").unlink()
    plain = build_site(project, repo_settings(), use_cache=False)
    assert not plain.corrections and "No corrections so far." in plain.pages["sources.md"]
    assert all("corrected" not in line for line in plain.files["data/timeline.json"].splitlines())


RFE = "2023-09-28-rferl-thousands-more-pour-into-armenia.md"
AP = "2023-09-30-ap-photos-armenians-flee-nagorno-karabakh.md"
MT = "2023-09-30-moscow-times-nagorno-karabakh-empties.md"
RFI = "2023-09-30-rfi-nagorno-karabakh-almost-empty.md"


def _link(seed, quote, change, other_seed, other_quote, why="An editor read both."):
    return (f"- seed: {seed}\n  quote: \"{quote}\"\n  {change}:\n    seed: {other_seed}\n"
            f"    quote: \"{other_quote}\"\n  why: {why}\n")


def test_not_same_as_keeps_apart_two_items_the_engine_merged(project):
    merged = [e for e in _records(build_site(project, repo_settings(), use_cache=False), "timeline")
              if {s["seed"] for s in e["sources"]} == {RFE[:-3], SEED[:-3]} and e["start"] == "1994"]
    assert merged, "the seeds' 1994 statements are one item before the correction"
    site = _build(project, _link(RFE, "initially came under the control", "not_same_as", SEED, "backed by the Armenian military"))
    items = [e for e in _records(site, "timeline") if e["start"] == "1994"]
    assert sorted(len(e["sources"]) for e in items) == [1, 1]
    assert all(e["corrected"][0]["field"] == "not_same_as" for e in items)
    assert "kept apart by an editor" in site.pages["background.md"]


def test_same_as_makes_one_item_of_two(project):
    quote_a, quote_b = "Armenia has asked the UN's highest court", "The International Federation of Red Cross"
    site = _build(project, _link(MT, quote_a, "same_as", MT, quote_b, "One request, told twice."))
    (joined,) = [e for e in _records(site, "timeline") if any(quote_b in s["quote"] for s in e["sources"])]
    assert any(quote_a in s["quote"] for s in joined["sources"]) and joined["corrected"][0]["field"] == "same_as"
    assert not [e for e in _records(site, "timeline") if e["id"] != joined["id"] and any(quote_a in s["quote"] for s in e["sources"])]


def test_a_link_that_changes_nothing_is_removable(project):
    site = _build(project, _link(RFE, "initially came under the control", "same_as", SEED, "backed by the Armenian military"))
    assert [n.message for n in site.notes] == ["changes nothing now (the items are already one): remove it"]


def test_a_role_set_by_an_editor(project):
    site = _build(project, f"- seed: {SEED}\n  quote: \"Armenian Prime Minister Nikol Pashinyan\"\n  person: Pashinyan\n"
                           "  role: Prime Minister of Armenia\n  why: The article's own words, shortened.\n")
    page = site.pages["people.md"]
    assert "Prime Minister of Armenia — " in page and "[role set by an editor](sources.md#corrections)" in page


def test_explain_shows_the_corrections_of_an_article(project, capsys):
    import shutil as sh
    from explainer.tools import cli
    sh.copy(ROOT / "topic.yml", project / "topic.yml")
    sh.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    (project / "corrections.yml").write_text(_entry("two of its soldiers were killed", "date: 2023-09-25", "Monday.")
                                             + _entry("no such words", "hide: true"), encoding="utf-8")
    cli.cmd_explain(project, f"seeds/{SEED}")
    out = capsys.readouterr().out
    assert "corrections.yml:1: date -> 2023-09-25  why: Monday." in out
    assert "corrections.yml:5: matches no item of seeds/" in out


def test_a_casualty_figures_side_and_source_set_by_an_editor(project):
    yml = (f"- seed: {RFE}\n  quote: \"one civilian had been killed\"\n  number: 1\n  side: Freedonian side\n"
           "  why: The side whose losses the ministry reported.\n"
           f"- seed: {RFE}\n  quote: \"Another 511 soldiers were wounded\"\n  according_to: the health ministry\n"
           "  why: Its own bulletin.\n")
    site = _build(project, yml)
    by_value = {f["value"]: f for f in _records(site, "figures") if f["metric"] in ("killed", "wounded")}
    assert by_value[1]["side"] == "Freedonian side" and by_value[1]["corrected"][0]["was"] is None
    assert by_value[511]["according_to"] == "the health ministry"
    page = site.pages["humanitarian.md"]
    assert "[side set by an editor](sources.md#corrections)" in page and "[source set by an editor]" in page


def test_half_a_character_escaped_in_quotes_is_an_editors_error(tmp_path):
    """A "\\ud800" escape in a correction's why: (shown to readers) is reported on its line."""
    (tmp_path / "corrections.yml").write_text(
        '- seed: 2023-09-30-x.md\n  quote: The council met\n  why: "A typo \\ud800"\n  hide: true\n', encoding="utf-8")
    with pytest.raises(SeedError) as err:
        corrections.load(tmp_path / "corrections.yml")
    (msg,) = str(err.value).splitlines()
    assert msg.startswith("corrections.yml:3: why:") and "half of a character" in msg
