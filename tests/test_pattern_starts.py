"""Patterns that first check the characters a match can begin with (a lookahead that lets the regex
engine pass over other positions quickly) find exactly what the same patterns without it find."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings as hsettings, strategies as st

from conftest import ROOT
from explainer.extract import actors, dates, figures
from explainer.read.seeds import load_seeds
from explainer.read.text import sentences

# (pattern, its start check, what comes before the check in the pattern)
PATTERNS = {
    "amount": (figures.AMOUNT, figures.AMOUNT_START, ""),
    "request verb": (actors.REQUEST_VERB, actors.REQUEST_START, r"\b"),
    "future": (dates.FUTURE, dates.FUTURE_START, r"\b"),
}
TOKENS = ["more than", "about", "from", "between", "to", "and", "-", "$", "US$", "xUS$5", "\\$", "€", "5", "5,000",
          "12 000", "1.5", ".5", ",5", "million", "bn", "USD", "euros", "%", "percent", "people", "one", "ONE",
          "a hundred", "2023", "has asked", "Had Urged", "called on", "appealed to", "is seeking", "sought",
          "announced an urgent appeal", "launched a appeal", "will", "we'll", "'ll", "Shall", "plans to",
          "is due to", "are going to", "aims to", "upcoming", "NEXT", "x", "_", "é", "ſ", "ı", "İ", "K", "\n"]


def _plain(name: str) -> re.Pattern:
    pattern, start, before = PATTERNS[name]
    assert pattern.pattern.startswith(before + start)
    return re.compile(before + pattern.pattern[len(before + start):], pattern.flags)


def _matches(pattern: re.Pattern, text: str) -> list:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


@pytest.mark.parametrize("name", PATTERNS)
def test_the_start_check_changes_no_match(name):
    plain = _plain(name)

    @hsettings(max_examples=300, deadline=None)
    @given(st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=5)), max_size=12)
           .map(lambda ws: "".join(w + " " * (len(w) % 2) for w in ws)))
    def check(text):
        assert _matches(PATTERNS[name][0], text) == _matches(plain, text)

    check()


@pytest.mark.parametrize("name", PATTERNS)
def test_the_start_check_on_every_real_sentence(name):
    plain = _plain(name)
    found = 0
    for article in load_seeds(ROOT / "seeds"):
        for s in sentences(article):
            got = _matches(PATTERNS[name][0], s.text)
            assert got == _matches(plain, s.text), s.text
            found += len(got)
    assert found > 0
