"""Compiled patterns kept beside the bytecode (hooks/explainer/patterns.py): a pattern read back
from the file is the pattern `re.compile` gives, and a missing, foreign or damaged file changes nothing."""
from __future__ import annotations

import marshal
import os
import re
import shutil
import subprocess
import sys

import pytest

from support import ROOT
from explainer import patterns
from explainer.patterns import Programs

pytestmark = pytest.mark.skipif(patterns.FORMAT is None, reason="not CPython: patterns.compile is re.compile")

SAMPLES = [(r"\b(?P<d>[0-3]?\d)\s+(?P<m>(?i:sept?|october))\b(?!\s+\d)", 0),
           (r"(?<![\d,])(?P<n>\d{1,3}(?:[ ,.]\d{3})+|\d+)\s*(?:people|refugees)", re.IGNORECASE),
           (r"^\s*(?P<place>[A-ZÀ-Ý][\w'’-]+),\s+(?P<date>\w+ \d+)", re.MULTILINE | re.VERBOSE),
           (r"«([^»]*)»|“([^”]*)”", 0)]
TEXTS = ["FREDVILLE, Sept 27 — On 5 October, 12,500 refugees arrived; “more”, she said, «encore».",
         "ÉLAN, October 3 – 300 People left on 1 oct and 2,000,000 refugees on 31 Sept 2023."]


def same(a: re.Pattern, b: re.Pattern) -> None:
    assert (a.pattern, a.flags, a.groups, a.groupindex) == (b.pattern, b.flags, b.groups, b.groupindex)
    for text in TEXTS:
        assert [m.groupdict() or m.groups() for m in a.finditer(text)] == \
               [m.groupdict() or m.groups() for m in b.finditer(text)]
        assert [m.span() for m in a.finditer(text)] == [m.span() for m in b.finditer(text)]


def saved(tmp_path, write: bool = True) -> Programs:
    """Programs for a module `tmp_path/m.py`, the samples compiled and saved."""
    programs = Programs(str(tmp_path / "m.py"))
    for pattern, flags in SAMPLES:
        same(programs.compile(pattern, flags), re.compile(pattern, flags))
    programs.save()
    return programs


def test_a_pattern_read_back_is_the_one_re_compiles(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    saved(tmp_path)
    again = Programs(str(tmp_path / "m.py"))
    assert len(again.known) == len(SAMPLES)                      # read from the file, not compiled
    monkeypatch.setattr(patterns, "_program", lambda *_: pytest.fail("compiled again"))
    for pattern, flags in SAMPLES:
        same(again.compile(pattern, flags), re.compile(pattern, flags))
    again.save()                                                 # nothing new: the file is left as it was
    assert not list((tmp_path / "__pycache__").glob("*.patterns.*"))


def test_no_file_where_python_writes_no_bytecode(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    saved(tmp_path)
    assert not (tmp_path / "__pycache__").exists()


def test_an_edited_pattern_or_another_python_is_compiled_afresh(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    path = saved(tmp_path).path
    edited = Programs(str(tmp_path / "m.py"))
    same(edited.compile(SAMPLES[0][0] + "x", 0), re.compile(SAMPLES[0][0] + "x"))
    same(edited.compile(SAMPLES[1][0], 0), re.compile(SAMPLES[1][0]))              # other flags: another entry
    assert (SAMPLES[0][0] + "x", 0) not in edited.known and (SAMPLES[1][0], 0) not in edited.known
    monkeypatch.setattr(patterns, "FORMAT", (*patterns.FORMAT[:2], patterns.FORMAT[2] + 1, patterns.FORMAT[3]))
    assert Programs(str(tmp_path / "m.py")).known == {}                             # another engine's format
    assert path.exists()


@pytest.mark.parametrize("damage", ["bytes", "code"])
def test_a_damaged_file_changes_nothing(tmp_path, monkeypatch, damage):
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    path = saved(tmp_path).path
    stored = marshal.loads(path.read_bytes())
    if damage == "bytes":
        path.write_bytes(path.read_bytes()[:100])
    else:
        for key, (flags, code, groups, index, names) in stored["programs"].items():
            stored["programs"][key] = (flags, code[: len(code) // 2], groups, index, names)
        path.write_bytes(marshal.dumps(stored))
    again = Programs(str(tmp_path / "m.py"))
    for pattern, flags in SAMPLES:
        same(again.compile(pattern, flags), re.compile(pattern, flags))
    with pytest.raises(re.error):
        again.compile(r"(?P<x>a", 0)                             # re's own error for a pattern it refuses


def test_the_engines_stored_patterns_are_those_re_compiles(tmp_path):
    """A copy of the engine imported twice: the first import writes the patterns of every module that
    keeps them (the extractors, and merging, sentences and two pages' in the parent), the second
    reads them; each stored program is the one `re` makes of its pattern now."""
    shutil.copytree(ROOT / "hooks" / "explainer", tmp_path / "explainer", ignore=shutil.ignore_patterns("__pycache__"))
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {"PYTHONPATH": str(tmp_path)}
    for _ in range(2):
        subprocess.run([sys.executable, "-c", "import explainer.extract.article, explainer.published"], env=env, check=True)
    files = sorted(tmp_path.glob("explainer/**/__pycache__/*.patterns"))
    assert sorted(f"{f.parent.parent.name}/{f.name.split('.')[0]}" for f in files) == [
        "explainer/merge", "extract/actors", "extract/article", "extract/dates", "extract/figures",
        "pages/glossary", "pages/paging", "read/text"]
    for f in files:
        stored = marshal.loads(f.read_bytes())
        assert stored["format"] == patterns.FORMAT and len(stored["programs"]) >= 3
        for (pattern, flags), program in stored["programs"].items():
            assert program == patterns._program(pattern, flags), pattern[:80]
