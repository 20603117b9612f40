"""The engine's shape, as the README describes it: a folder per stage, short functions."""
from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

HOOKS = ROOT / "hooks"
LONGEST = 60


def _functions(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            yield node


def test_no_function_under_hooks_is_longer_than_60_lines():
    long = [f"{p.relative_to(ROOT)}:{f.lineno}: {f.name} has {f.end_lineno - f.lineno + 1} lines"
            for p in sorted(HOOKS.rglob("*.py")) for f in _functions(p) if f.end_lineno - f.lineno + 1 > LONGEST]
    assert not long, "\n".join(long)


def test_the_stages_are_folders():
    """Where an article is read, items extracted, pages written, the finished HTML changed, and the tools."""
    engine = HOOKS / "explainer"
    for part in ("read/seeds.py", "read/text.py", "extract/dates.py", "extract/figures.py", "extract/actors.py",
                 "extract/article.py", "extract/words.py", "merge.py", "pages/timeline.py", "data.py",
                 "html/csp.py", "tools/cli.py", "build.py"):
        assert (engine / part).is_file(), part
    assert not list((HOOKS).glob("*.py"))[1:], "hooks/ holds site_hooks.py only; the engine is in hooks/explainer/"
