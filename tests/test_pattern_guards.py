"""The extractors' speed-ups change no match: a pattern's guards (`words.may_start`, a lookahead that lets
the regex engine skip the positions where no match can start) and the cheap tests run before a costly
pattern (`figures._may_state`, `actors.TWO_NAMES`, `actors.ORG_HEAD`) are compared with the patterns
alone, on the real seeds' sentences, the corpus's if present, and generated text."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings as hsettings, strategies as st

from conftest import ROOT
from explainer import merge
from explainer.extract import actors, article, dates, figures, words
from explainer.read.seeds import load_seeds
from explainer.read.text import sentences

GUARD = re.compile(r"\(\?=\(\?-i:\[\^(?:\\x[0-9a-f]{2}-\\x[0-9a-f]{2})+\]\)\)")
MODULES = (words, dates, figures, actors, article, merge)


def _guarded() -> dict[str, re.Pattern]:
    """Every compiled pattern of the extractors and of merging that holds a guard, by name."""
    found = {f"{m.__name__.rsplit('.', 1)[-1]}.{k}": v for m in MODULES for k, v in vars(m).items() if isinstance(v, re.Pattern)}
    found.update({f"dates.RULES[{k}]": r.pattern for k, r in dates.RULES.items()})
    found["figures.converts()"] = figures.converts()
    return {k: v for k, v in found.items() if GUARD.search(v.pattern)}


def _unguarded(p: re.Pattern) -> re.Pattern:
    return re.compile(GUARD.sub("", p.pattern), p.flags)


def _texts() -> list[str]:
    out = []
    for folder in (ROOT / "seeds", ROOT.parent / "shared" / "corpus" / "seeds"):
        if folder.is_dir():
            out += [s.text for a in load_seeds(folder, label=folder.name) for s in sentences(a)]
    return out + [t.upper() for t in out[:200]] + [t.lower() for t in out[:200]]


TEXTS = _texts()
GUARDED = _guarded()
_WORDS = ["about", "ABOUT", "more than", "over", "upwards of", "in excess of", "close to", "just under", "roughly",
          "some", "from", "between", "two", "Twenty-five", "eight", "Nine", "eleven", "NINETY-NINE", "eighteen thousand",
          "a few hundred", "a dozen", "thousand", "one hundred and five", "days", "weeks ago", "later", "$", "€", "US$",
          "EUR", "12", "4,850", "1.5 million", "12 500", "per cent", "%", "ſome", "İn", "ıs", "K", "ﬁve", "\u00a0", "-",
          ",", "(", ")"]
_TEXT = st.lists(st.one_of(st.sampled_from(_WORDS), st.text(max_size=6)), max_size=14).map(" ".join)


def _matches(p: re.Pattern, text: str) -> list:
    return [(m.span(), m.groups()) for m in p.finditer(text)]


def test_the_guarded_patterns_are_found():
    assert {"figures.AMOUNT", "figures.converts()", "merge.SPELLED", "dates.RULES[ago]", "dates.RULES[later]"} <= set(GUARDED)
    assert len(TEXTS) > 100


@pytest.mark.parametrize("name", sorted(GUARDED))
def test_a_guard_changes_no_match_on_real_sentences(name):
    p = GUARDED[name]
    bare = _unguarded(p)
    assert bare.pattern != p.pattern
    for text in TEXTS:
        assert _matches(p, text) == _matches(bare, text), text


@pytest.mark.parametrize("name", sorted(GUARDED))
def test_a_guard_changes_no_match_on_generated_text(name):
    p = GUARDED[name]
    bare = _unguarded(p)

    @hsettings(max_examples=200, deadline=None)
    @given(_TEXT)
    def check(text):
        assert _matches(p, text) == _matches(bare, text)

    check()


_HEADS = ["the number of refugees", "the death toll", "whose number", "refugees in Fredville", "has now", "risen to",
          "stands at", "stood at", "is", "WAS", "İs", "ıs", "totals", "exceeded", "to", "at", "\u00a0", "\n", "", "."]


@hsettings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_HEADS), st.text(max_size=4)), max_size=8).map(" ".join),
       st.sampled_from(["", " ", "  ", "\n", " \n", "\u00a0"]))
def test_the_state_pretest_refuses_only_what_number_of_cannot_match(head, end):
    text = head + end
    assert figures._may_state(text) or figures.NUMBER_OF.search(text) is None


@hsettings(max_examples=200, deadline=None)
@given(st.from_regex(figures.NUMBER_OF))
def test_every_match_of_number_of_passes_its_pretest(text):
    assert figures._may_state(text)


@hsettings(max_examples=300, deadline=None)
@given(_TEXT, st.sampled_from(["", "(", " ( ", "(\n", "\u00a0(", "(x"]))
def test_the_conversion_pretest_refuses_only_what_the_pattern_cannot_match(text, end):
    assert figures._a_conversion(text + end) == bool(figures.converts().search(text + end))


def test_the_conversion_pretest_on_real_sentences():
    for text in TEXTS:
        for m in figures.AMOUNT.finditer(text):
            before = text[max(0, m.start() - 40):m.start()]
            assert figures._a_conversion(before) == bool(figures.converts().search(before)), before


def test_the_state_pretest_on_real_sentences():
    for text in TEXTS:
        for m in figures.AMOUNT.finditer(text):
            head = text[:m.start()]
            assert figures._may_state(head) or figures.NUMBER_OF.search(head) is None, head


_ACTORS = ["Prime Minister", "prime minister", "Nikol Pashinyan", "Ion Rusu", "Jean-Pierre", "Škorić", "Dvořák’s", "J.",
           "spokesman", "spokeswoman for", "the", "a", "former", "ethnic Armenian", "South African", "Kremlin",
           "Dmitry Peskov", "International Committee", "of the Red Cross", "(ICRC)", "Ministry", "of", "for", "and",
           "Security Council", "said", ",", ".", ";", "UN", "Mp", "MP", "İlham", "ÉLYSÉE", "Ωmega", "\u00a0", "\n"]
_PRETESTS = {"ROLE_NAME": (actors.ROLE_NAME, actors.TWO_NAMES), "NAME_ROLE": (actors.NAME_ROLE, actors.TWO_NAMES),
             "ORG": (actors.ORG, actors.ORG_HEAD)}


@pytest.mark.parametrize("name", sorted(_PRETESTS))
def test_every_match_of_an_actors_pattern_passes_its_pretest(name):
    pattern, pretest = _PRETESTS[name]
    for text in TEXTS:
        assert pretest.search(text) or not pattern.search(text), text

    @hsettings(max_examples=300, deadline=None)
    @given(st.lists(st.one_of(st.sampled_from(_ACTORS), st.text(max_size=5)), max_size=10).map(" ".join))
    def check(text):
        assert pretest.search(text) or not pattern.search(text)

    check()


_ENDS = ["the earthquake", "war", "the 2020 WAR", "(talks", "ceasefire", "cease-fire", "flare-ups", "an increase from",
         "rise FROM", "fröm", "İncrease from", "and", "from", "x", "warfare", "\u00a0"]
_HEAD = st.lists(st.one_of(st.sampled_from(_ENDS), st.text(max_size=4)), max_size=6).map(" ".join)
_END = st.sampled_from(["", " ", "  ", "\n", " \n", "\u00a0", ","])


@hsettings(max_examples=300, deadline=None)
@given(_HEAD, _END)
def test_a_word_for_an_event_before_a_date_is_found_as_by_the_whole_pattern(head, end):
    whole = re.search(rf"\b(?:{dates.EVENT})\s+$", head + end, re.IGNORECASE)
    assert dates._after_event_word(head + end) == bool(whole)


@hsettings(max_examples=300, deadline=None)
@given(_HEAD, _END)
def test_the_last_word_pretest_refuses_only_what_change_from_cannot_match(head, end):
    text = head + end
    assert figures.last_word(text) in ("from", None) or not figures.CHANGE_FROM.search(text)


# What each pre-test must find at least: the words as its rules' patterns hold them, in any case.
_IN_ANY_CASE = {"rel_day": "yesterday|today|tomorrow|tonight", "week": "week", "month_word": "month", "year_word": "year",
                "day_or_week": "day|week", "days_later": r"(?:day|week)s?\s*(?:earlier|later|before|after)",
                "ago": r"\sago\b", "ordinal_of": r"(?:st|nd|rd|th)\s+of\b"}


@pytest.mark.parametrize("name", sorted(_IN_ANY_CASE))
def test_a_pretest_in_any_case_finds_at_least_what_the_words_do(name):
    whole = re.compile(_IN_ANY_CASE[name], re.IGNORECASE)

    @hsettings(max_examples=200, deadline=None)
    @given(st.lists(st.one_of(st.sampled_from(["TODAY", "yeſterday", "WeeK", "mOnth", "YEAR", "dAy", "AGO", "1ST of",
                                              "2nd OF", "İ", "K", "ſt of", "two days later", "a WEEK before", "Nagorno",
                                              "three weeks ago", "dayſ after"]), st.text(max_size=4)), max_size=6).map(" ".join))
    def check(text):
        assert dates._NEEDS[name].search(text) or not whole.search(text)

    check()
    for text in TEXTS:
        assert dates._NEEDS[name].search(text) or not whole.search(text)


_DIGITS_AS_WRITTEN = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s+(thousand|million|billion)\b)?", re.I)


@hsettings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(["12", "1,234", "12,34", "1,234,567", "3.5", "a1", ".5", ",7", "1.2.3", "٣", "１２",
                                           "million", "Thousand", "billion", "-", " "]), st.text(max_size=4)),
                max_size=10).map("".join))
def test_merging_reads_numbers_as_the_pattern_as_written(text):
    assert _matches(merge.DIGITS, text) == _matches(_DIGITS_AS_WRITTEN, text)


def test_merging_reads_numbers_as_the_pattern_as_written_on_real_sentences():
    for text in TEXTS:
        assert _matches(merge.DIGITS, text) == _matches(_DIGITS_AS_WRITTEN, text), text


@hsettings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(["tens of thousands", "Hundreds", "THOUSANDS", "dozens", "millions-strong",
                                           "thouſands", "hundreds_", "5millions", "éthousands", "a dozen"]),
                          st.text(max_size=4)), max_size=8).map(" ".join))
def test_vague_amounts_are_looked_for_wherever_the_pattern_finds_them(text):
    assert not merge.VAGUE.search(text) or not text.isascii() or merge.VAGUE_HINT.search(text.lower())
