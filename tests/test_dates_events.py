"""Dates of events written the ways other reports write them: each rule on sentences composed for it."""
from __future__ import annotations

from datetime import date

import pytest

from explainer.extract.dates import resolve
from test_dates import dated

WED = date(2023, 10, 4)    # a Wednesday
THU = date(2023, 9, 28)    # a Thursday


# --- a day of the month as an ordinal in words --------------------------------------------------

@pytest.mark.parametrize("sentence, want", [
    ("The storm that hit Vesta on the evening of the twenty-first of September flooded 40 homes.", "2023-09-21"),
    ("The dam broke on the third of August, 1998, after heavy rain.", "1998-08-03"),
    ("On Friday, the second of June, the mayor of Orlen resigned.", "2023-06-02"),
    ("The bridge at Kestrel reopened on the Thirtieth of September.", "2023-09-30"),
])
def test_an_ordinal_day_in_words_is_that_day(sentence, want):
    assert dated(sentence, WED) == want


def test_the_part_of_the_day_is_part_of_the_expression_and_a_possessive_month_has_no_day():
    (ref,) = resolve("The quake struck on the night of the fifth of September.", WED)
    assert ref.expression == "on the night of the fifth of September"
    # "the first of September's visitors" names no day (the month alone may still be read)
    assert dated("She was the first of September's visitors to Orlen.", WED) != "2023-09-01"


# --- "comes before": what it names lies ahead -----------------------------------------------------

@pytest.mark.parametrize("sentence, want", [
    # no future verb, and the date sits in a clause of its own: "comes weeks before" says it is ahead
    ("The pledge comes weeks before Norland hosts a donor conference, in Vesta from Oct. 19-21.",
     "2023-10-19..2023-10-21"),
    ("The decision comes just days ahead of talks in Orlen on October 12.", "2023-10-12"),
])
def test_what_a_statement_comes_before_is_ahead_and_planned(sentence, want):
    refs = resolve(sentence, THU)
    assert dated(sentence, THU) == want and refs[0].planned
    # "comes after" looks back; a past verb between "comes before" and the date makes the date that
    # verb's, not ahead (and no careful reading puts a 10 October just ahead into last year)
    assert dated("The decision comes after the storm in Vesta on September 21.", THU) == "2023-09-21"
    assert dated("The vote comes a week before the anniversary of the flood that struck on October 10.", WED) is None


# --- ", which struck … on <date>": the clause dates the event it describes ------------------------

def _events(tmp_path, published: str, *paragraphs: str) -> list[tuple[str, str, str]]:
    from explainer.extract.article import extract
    from explainer.read.seeds import load_seeds
    from explainer.settings import Settings
    tmp_path.mkdir(exist_ok=True)
    (tmp_path / "a.md").write_text(f"---\ntitle: T\noutlet: O\npublished: {published}\n---\n" + "\n\n".join(paragraphs) + "\n")
    (a,) = load_seeds(tmp_path)
    return [(e.when.key, e.status, e.text) for e in extract(a, Settings()).events]


def test_a_which_clause_dates_the_event_it_describes(tmp_path):
    got = _events(tmp_path, "2023-10-04",
                  "So far, more than 300 people have died after the strong storm, which struck Vesta on Friday 29 September.",
                  "Aid reached Orlen after the flood, which hit the valley on Monday, the agency said.")
    assert got == [("2023-09-29", "done", "The strong storm struck Vesta."),
                   ("2023-10-02", "done", "The flood hit the valley.")]
    # the clause of no event ("the army"), or of a plan, dates nothing
    assert _events(tmp_path / "b", "2023-10-04",
                   "The army, which entered the town on Monday, left it in ruins.",
                   "Talks began after the truce, which will start on Friday 6 October.") == []


# --- a photo caption cut short: "<day, year> shows …" on a line of its own --------------------------

def test_a_caption_line_cut_short_is_dated_by_its_day(tmp_path):
    got = _events(tmp_path, "2023-10-04",
                  "Storm in Vesta",
                  "October 2, 2023 shows rescuers carrying a child in Orlen  \nBy Staff Reporter",
                  "Rescuers worked through the night on Tuesday.")
    assert got == [("2023-10-02", "done", "A photo shows rescuers carrying a child in Orlen"),
                   ("2023-10-03", "done", "Rescuers worked through the night.")]
    # a heading with a year is still a heading
    assert _events(tmp_path / "b", "2023-10-04", "Top ten 2023 shows in Orlen", "The best of the year") == []


# --- a possessive date taken out of an item's text leaves "the" ------------------------------------

def test_a_possessive_date_taken_out_leaves_the(tmp_path):
    got = _events(tmp_path, "2023-10-04",
                  "Following Friday’s storm in Vesta, charities in Orlen launched appeals.",
                  "Monday's vote was delayed by the council of Orlen.")
    assert [text for _, _, text in got] == ["Following the storm in Vesta, charities in Orlen launched appeals.",
                                            "The vote was delayed by the council of Orlen."]


# --- what led to a date, or restates it, goes with it ------------------------------------------

def test_the_words_that_led_to_a_date_or_restate_it_go_with_it(tmp_path):
    got = _events(tmp_path, "2023-10-04",
                  "In late September, the road to Orlen was reopened.",
                  "At the end of September, the last convoy left Vesta.",
                  "Between Sept 19 and 21, at least 200 people were killed, the ombudsman said.",
                  "On Tuesday (Oct. 3), the agency delivered 50 tonnes of aid.",
                  "On Sept. 19, a Tuesday, the offensive began.",
                  "As of today, more than 3,000 people have left, the mayor said.")
    assert [text for _, _, text in got] == ["The road to Orlen was reopened.", "The last convoy left Vesta.",
                                            "At least 200 people were killed, the ombudsman said.",
                                            "The agency delivered 50 tonnes of aid.", "The offensive began.",
                                            "More than 3,000 people have left, the mayor said."]
    # words in brackets that are no date stay (the quote is the article's anyway)
    (got,) = _events(tmp_path / "b", "2023-10-04", "On Tuesday (local time), troops left Orlen.")
    assert "(local time)" in got[2] and "troops left Orlen" in got[2]
