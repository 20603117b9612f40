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
    export(root, out, settings=repo_settings())
    return out / "data"


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
