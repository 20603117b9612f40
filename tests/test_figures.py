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


# Numbers in words: the whole number is read ("Twenty-five", not the "five" after the hyphen).
@pytest.mark.parametrize("sentence, value, unit, metric", [
    ("Twenty-five people were killed in the blast on Tuesday.", 25, "people", "killed"),
    ("Two hundred people were wounded.", 200, "people", "wounded"),
    ("Forty-two soldiers were killed.", 42, "people", "killed"),
    ("Yesterday two hundred and fifty refugees arrived.", 250, "people", "arrivals"),
    ("Since then one hundred thousand people fled.", 100_000, "people", "arrivals"),
    ("A dozen trucks crossed the bridge.", 12, "vehicles", "vehicles"),
    ("A hundred and twenty people fled.", 120, "people", "arrivals"),
    ("The bank gave five million euros in aid.", 5_000_000, "EUR", "aid"),
    ("There are 100 thousand displaced people in the region.", 100_000, "people", "people"),
])
def test_numbers_in_words(sentence, value, unit, metric):
    f = one(sentence)
    assert (f.value, f.unit, f.metric) == (value, unit, metric)


def test_vague_amount_kept_in_words():
    f = one("At most a few hundred persons remain in the town.")
    assert (f.value, f.words) == (300, "At most a few hundred persons")


def test_no_number_word_after_a_hyphen():
    assert find("The Alpha-Seven soldiers returned to base.") == []


def test_currency_word_with_a_look_alike_letter():
    """The pattern ignores case the Unicode way ("ſ" matches s, "ı" i): such a word is read or skipped, never a crash."""
    assert [(f.value, f.unit) for f in find("They gave 5 dollarſ each and 7 Swıss francs.")] == [(5, "USD")]


def test_change_and_conversion_kept_as_given():
    f = one("We will raise our funding from 2 to 5 million euros ($5.28 million), the minister said.")
    assert (f.value, f.previous, f.unit, f.converted) == (5_000_000, 2_000_000, "EUR", "$5.28 million")


@pytest.mark.parametrize("sentence, value, before", [
    ("The EU raised its aid from 500,000 to 2 million euros.", 2_000_000, 500_000),     # the low end is not scaled
    ("The EU raised its aid from 2 to 5 million euros.", 5_000_000, 2_000_000),         # it takes the high end's scale
    ("The EU raised its aid from 2 million to 5 billion euros.", 5_000_000_000, 2_000_000),   # it has its own
])
def test_the_low_end_of_a_change_has_its_own_scale(sentence, value, before):
    (f,) = find(sentence)
    assert (f.value, f.previous) == (value, before)


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
