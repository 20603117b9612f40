"""The pull-request summary: what a change does to the published data."""
from __future__ import annotations

import json
import shutil

from conftest import ROOT
from support import repo_settings
from explainer.build import export
from explainer.tools.diff import report
from explainer.settings import Settings


def data_of(root, out):
    export(root, out, {}, settings=repo_settings())
    return out / "docs" / "data"


def test_a_new_article_shows_as_new_items_and_figures(project_copy, tmp_path):
    base = data_of(ROOT, tmp_path / "base")
    (project_copy / "seeds" / "2023-10-05-wire-later.md").write_text(
        "---\ntitle: Later\noutlet: Wire <b>X</b>\npublished: 2023-10-05\n---\n"
        "On October 3, officials said 100,632 people had arrived in Armenia from Nagorno-Karabakh | [link](javascript:x).\n",
        encoding="utf-8")
    head = data_of(project_copy, tmp_path / "head")
    text = report(base, head)
    assert "### Timeline and background items: 1 new, 0 changed, 0 removed" in text
    assert "### Figures: 1 new" in text
    assert "2023\\-10\\-03" in text and "100,632 people" in text
    # seed text cannot break the table or add markup
    assert "<b>" not in text and "](javascript" not in text and "\\|" in text


def test_no_change_says_so(tmp_path):
    base = data_of(ROOT, tmp_path / "a")
    assert "the published data is the same" in report(base, base)


def test_a_changed_figure_shows_before_and_after(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    fig = {"id": "x", "label": "Arrivals", "words": "65,035 people", "as_of": "2023-09-28", "sources": [{"outlet": "O"}]}
    (a / "figures.json").write_text(json.dumps({"figures": [fig]}))
    (b / "figures.json").write_text(json.dumps({"figures": [{**fig, "as_of": "2023-09-29"}]}))
    text = report(a, b)
    assert "0 new, 1 changed, 0 removed" in text and "| before |" in text and "| as_of |" in text.replace("as\\_of", "as_of")


# --- editors' corrections: added and removed, with their effect ----------------------------------

SEED = "2023-09-25-unnamed-outlet-thousands-flee-nagorno-karabakh.md"
CORRECTIONS = (
    f"- seed: {SEED}\n  quote: \"two of its soldiers were killed\"\n  date: 2023-09-25\n  why: Reported <b>on</b> Monday.\n"
    f"- seed: {SEED}\n  quote: \"4,850 Nagorno-Karabakh residents\"\n  figure: {{value: 4900, qualifier: about}}\n"
    f"  why: The agency's own count.\n"
    f"- seed: {SEED}\n  quote: \"Demonstrators demanding\"\n  hide: true\n  why: Not about the exodus.\n")


def test_corrections_added_and_removed_show_with_their_effect(project_copy, tmp_path):
    base = data_of(ROOT, tmp_path / "base")
    (project_copy / "corrections.yml").write_text(CORRECTIONS, encoding="utf-8")
    head = data_of(project_copy, tmp_path / "head")
    text = report(base, head)
    assert "### Corrections by editors: 2 added, 0 removed" in text
    added = text.split("### Corrections by editors")[1]
    assert "| date set by an editor: 2023\\-09\\-24 → 2023\\-09\\-25 | 2023\\-09\\-25: " in added
    assert "two of its soldiers" in added and "| Reported &lt;b&gt;on&lt;/b&gt; Monday\\. |" in added
    assert "figure set by an editor: qualifier exact, value 4,850 → qualifier about, value 4,900" in added
    assert "<b>" not in text
    # the hidden item is an item removed; the dated one moved (its id has its date)
    timeline = text.split("### Timeline")[1].split("### Figures")[0]
    assert "**Removed (an item an editor hides shows here" in timeline and "Demonstrators demanding" in timeline
    # the other way round: the corrections removed, each with what comes back
    back = report(head, base)
    assert "### Corrections by editors: 0 added, 2 removed" in back
    assert "date no longer set by an editor: back to 2023\\-09\\-24 \\(was set to 2023\\-09\\-25\\)" in back
    # a correction in both is neither added nor removed
    assert "Corrections by editors" not in report(head, head)


def test_a_correction_told_by_its_note_not_its_item(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    src = [{"outlet": "O", "seed": "s", "quote": "q"}]
    note = {"field": "date", "was": "2031-04-02", "now": None, "why": "No day is given."}
    ctx = {"id": "c1", "topic": "Undated", "text": "Officials met.", "sources": src, "corrected": [note]}
    (a / "context.json").write_text(json.dumps({"context": [{**ctx, "corrected": []}]}))
    (b / "context.json").write_text(json.dumps({"context": [ctx]}))
    text = report(a, b)
    assert "### Context statements (undated): 0 new, 1 changed, 0 removed" in text
    assert "| date set by an editor: 2031\\-04\\-02 → undated | Officials met\\. | No day is given\\. |" in text
    (a / "context.json").write_text(json.dumps({"context": [{**ctx, "text": "Officials met again."}]}))
    assert "Corrections by editors" not in report(a, b)
