"""Figure rules, from sentences composed for each rule."""
from __future__ import annotations

import re

import pytest

from explainer.extract.figures import find


def one(sentence: str):
    found = find(sentence)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("sentence, value, unit, qualifier, metric", [
    ("Officials said 65,035 people had arrived in the country.", 65035, "people", "exact", "arrivals"),
    ("Officials said 100 000 refugees had been registered.", 100000, "people", "exact", "arrivals"),
    ("More than 20,000 vehicles have crossed the bridge.", 20000, "vehicles", "more than", "vehicles"),
    ("Some 42,500 residents have fled the valley.", 42500, "people", "about", "arrivals"),
    ("At most a few hundred persons remain in the town.", 300, "people", "at most", "remaining"),
    ("The ministry said two of its soldiers were killed.", 2, "people", "exact", "killed"),
    ("She announced a $11.5 million aid package for the region.", 11_500_000, "USD", "exact", "aid"),
    ("The federation launched an emergency appeal for 20 million Swiss Francs.", 20_000_000, "CHF", "exact", "appeal"),
    ("The valley had a population of around 120,000 before the war.", 120000, "people", "about", "population"),
    ("Between 50 and 1,000 people are missing after the blast.", 50, "people", "between", "missing"),
    ("About 12% of the arrivals are children.", 12, "percent", "about", "share"),
])
def test_figures(sentence, value, unit, qualifier, metric):
    f = one(sentence)
    assert (f.value, f.unit, f.qualifier, f.metric) == (value, unit, qualifier, metric)


def test_change_and_conversion_kept_as_given():
    f = one("We will raise our funding from 2 to 5 million euros ($5.28 million), the minister said.")
    assert (f.value, f.previous, f.unit, f.converted) == (5_000_000, 2_000_000, "EUR", "$5.28 million")


def test_range_kept_as_range():
    f = one("Between 50 and 1,000 people are missing.")
    assert (f.value, f.value_max) == (50, 1000)


def test_shared_verb_and_side():
    a, b = find("The army said 192 Azerbaijani soldiers and one civilian had been killed in the fighting.")
    assert (a.value, a.metric, a.who) == (192, "killed", "Azerbaijani soldiers")
    assert (b.value, b.metric, b.who) == (1, "killed", "civilian")


@pytest.mark.parametrize("sentence", [
    "The war ended in 1994 after six years.",
    "Photo 3 of 20 shows the square at 8 a.m. on the day.",
    "After a 10-month blockade, a 24-hour blitz followed.",
    "Armenia and Azerbaijan have fought two wars over the region.",
])
def test_not_figures(sentence):
    assert find(sentence) == []


# --- the pre-test changes nothing ---------------------------------------------------------------
from hypothesis import given, settings as hsettings, strategies as st  # noqa: E402

from explainer.extract import figures  # noqa: E402

_WORDS = ["more than", "about", "from", "between", "to", "and", "-", "$", "US$", "€", "5", "5,000", "12 000", "1.5",
          "million", "bn", "m", "USD", "euros", "%", "percent", "people", "refugees", "soldiers", "vehicles",
          "one", "ONE", "Ten", "often", "someone", "a dozen", "a few hundred", "twenty", "population of", "2023",
          "ſ", "ı", "K", "١٢", "\u00a0", "(about $5m)", "km", "year"]


@hsettings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_WORDS), st.text(max_size=6)), max_size=14).map(" ".join))
def test_find_pretest_skips_only_sentences_without_an_amount(sentence):
    assert figures.find(sentence) == figures._find(sentence)


@hsettings(max_examples=300, deadline=None)
@given(st.from_regex(figures.AMOUNT, fullmatch=True))
def test_every_amount_passes_the_pretest(text):
    assert figures.HAS_DIGIT.search(text) or figures.HAS_NUMBER_WORD.search(text)


def test_every_number_word_passes_the_pretest():
    """Each number word AMOUNT knows, in any case (the sampled examples above may miss one)."""
    for word in figures.WORDS:
        for text in (f"{word} people", f"{word.upper()} people", f"{word.title()} people"):
            assert figures.AMOUNT.search(text) and figures.find(text) == figures._find(text), text
            assert figures.HAS_NUMBER_WORD.search(text), text
