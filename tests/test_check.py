"""`make check` (python -m explainer check) fails on what fails CI, each problem with its fix; a
dateline is no abbreviation."""
from __future__ import annotations

import os
import subprocess
import sys
from datetime import date

from support import repo_settings
from explainer.build import build_site
from explainer.model import Article, Extracted
from explainer.pages import glossary

FREDVILLE = ("---\ntitle: Arrivals go on\noutlet: Wire\npublished: 2023-10-02\n---\n"
             "FREDVILLE, Oct 2 (Wire) - On October 1, officials said 3,000 people had arrived in Armenia.\n")
QXZ = ("---\ntitle: More arrivals\noutlet: Paper\npublished: 2023-10-02\n---\n"
       "On October 1, the QXZ said 2,000 people had crossed into Armenia.\n")


def check(root):
    return subprocess.run([sys.executable, "-m", "explainer", "--root", str(root), "check"], capture_output=True,
                          text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(root / "hooks"), "EXPLAINER_CACHE": "0"})


def test_a_datelines_city_in_capitals_is_no_abbreviation(project_copy):
    (project_copy / "seeds" / "2023-10-02-wire-fredville.md").write_text(FREDVILLE, encoding="utf-8")
    s = build_site(project_copy, repo_settings(), use_cache=False)
    assert any("FREDVILLE" in src.quote for i in s.events for src in i.sources)       # the quote holds it
    assert glossary.missing(s, s.abbreviations, s.not_abbreviations, "docs/glossary.md") == []


def _article(body: str) -> Extracted:
    from explainer.extract.article import extract
    return extract(Article("2023-10-02-x", "seeds/2023-10-02-x.md", "T", "O", date(2023, 10, 2), None, "article",
                           None, body, 6), repo_settings())


def test_the_datelines_found_and_left_out():
    # a dateline without a date, read at the top of the body
    x = _article("LOWTOWN (Wire) - The QXZ said more had come.\n")
    assert glossary.found(x.article.body, glossary.datelines(x)) == ["QXZ"]
    # a date line with its time zone, as the extraction read it
    x = _article("October 2, 2023 - 14:28 XST\n\nThe QXZ said more had come.\n")
    assert glossary.found("October 2, 2023 - 14:28 XST The QXZ said", glossary.datelines(x)) == ["QXZ"]
    # the same capitals elsewhere than the dateline are abbreviations
    assert glossary.found("The XST and the LOWTOWN office", glossary.datelines(x)) == ["XST", "LOWTOWN"]


def test_check_is_ok_on_the_repository(project_copy):
    r = check(project_copy)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("ok: ")


def test_check_fails_on_what_fails_ci_with_the_fix(project_copy):
    (project_copy / "seeds" / "2023-10-02-paper-more.md").write_text(QXZ, encoding="utf-8")
    (project_copy / "corrections.yml").write_text(
        "- seed: 2023-10-02-paper-more.md\n  quote: the QXZ said\n  kind: event\n  date: 2023-10-01\n"
        "  why: The agency spoke on Sunday.\n", encoding="utf-8")
    index = project_copy / "docs" / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\n<!-- explainer:nosuch -->\n", encoding="utf-8")
    r = check(project_copy)
    assert r.returncode == 1 and "ok:" not in r.stdout and "Traceback" not in r.stderr
    assert ("seeds/2023-10-02-paper-more.md:6: 'QXZ' is not in docs/glossary.md: add a row '| QXZ | <in full> |'"
            in r.stderr)
    assert "corrections.yml:1: changes nothing now" in r.stderr and "remove it" in r.stderr
    assert "docs/index.md:" in r.stderr and "no figure for marker 'nosuch'" in r.stderr
    assert "3 problem(s) found. The strict build and the tests (CI) stop on each" in r.stderr
