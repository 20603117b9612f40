"""A figure's "as of" day: the day its own clause names, from articles composed for each rule."""
from __future__ import annotations

import pytest

from support import repo_settings
from explainer.extract.article import extract
from explainer.read.seeds import load_seeds
from explainer.settings import Settings


def days(tmp_path, published: str, body: str) -> list[tuple[float, str | None]]:
    (tmp_path / "a.md").write_text(f"---\ntitle: T\noutlet: O\npublished: {published}\n---\n{body}\n", encoding="utf-8")
    (article,) = load_seeds(tmp_path)
    return [(f.value, f.as_of) for f in extract(article, repo_settings()).figures]


@pytest.mark.parametrize("published, body, want", [
    # "now", "so far": the count as it stands when written, not the day of the event it counts
    ("2023-09-29", "At least 48 people are now known to have died in the flood on Monday.", [(48, "2023-09-29")]),
    # ... unless the day is the day someone said it
    ("2023-09-30", "The ministry said on Thursday that 27,000 people have now arrived.", [(27000, "2023-09-28")]),
    ("2023-09-27", "By Monday, 5,000 people had fled so far.", [(5000, "2023-09-25")]),
    # a stated "as of" day
    ("2023-09-30", "A total of 27,412 people entered the country as of September 28.", [(27412, "2023-09-28")]),
    # "in the past 24 hours": counted up to the time of writing, not the day the sentence before was about
    ("2023-09-29", "Earlier on Tuesday, the ministry said 13,350 people had crossed. "
                   "In the past 24 hours, 28,120 people arrived, the government said.", [(13350, "2023-09-26"), (28120, "2023-09-29")]),
    # ... not hours counted back from another day
    ("2024-05-06", "In the last 48 hours before the truce took effect on Friday, 300 people were killed.", [(300, "2024-05-03")]),
])
def test_now_and_as_of(tmp_path, published, body, want):
    assert days(tmp_path, published, body) == want


@pytest.mark.parametrize("published, body, want", [
    # the count a rise is from has the day named right after it
    ("2024-05-06", "The death toll stood at 75 on Sunday, up from 56 on Saturday.", [(75, "2024-05-05"), (56, "2024-05-04")]),
    ("2024-05-06", "Some 1.1 million people were without water on Sunday, up from 850,000 a day earlier.",
     [(1_100_000, "2024-05-05"), (850_000, "2024-05-04")]),
    # a day right after the count, in its own clause, beats the day the sentence opens with
    ("2024-05-06", "Heavy rains began on April 29 and had forced more than 121,000 people from their homes by Sunday night.",
     [(121_000, "2024-05-05")]),
    # ... but not a day the count runs from
    ("2024-05-06", "On Friday, the government said 90,000 people have arrived since April 29.", [(90_000, "2024-05-03")]),
    # "since" a day not dated, in the present perfect, with no day of its own: as it stands when written
    ("2024-05-06", "Rescuers have saved more than 3,000 people since Thursday.", [(3000, "2024-05-06")]),
])
def test_the_day_right_after_a_count_and_a_count_since(tmp_path, published, body, want):
    assert days(tmp_path, published, body) == want


@pytest.mark.parametrize("published, body, want", [
    # the toll of a past event is not today's
    ("2024-05-06", "The 1994 war killed some 30,000 people.", [(30_000, None)]),
    ("2024-05-06", "The floods were the worst since 1998, when 3,000 people died across the region.", [(3000, "1998")]),
])
def test_the_toll_of_a_past_event_named_by_its_year(tmp_path, published, body, want):
    assert days(tmp_path, published, body) == want


def test_a_clause_joined_by_which_does_not_take_the_date_of_the_other(tmp_path):
    """"300,000 euros agreed last week, to which are added 2.2 million": the 2.2 million is of the day
    the sentence before names; "last week" is over, and no day."""
    got = days(tmp_path, "2023-09-27", "The bank announced on Tuesday, September 26, grants of 2.5 million euros. "
                                       "They include 300,000 euros agreed last week, to which are added 2.2 million euros of new loans.")
    assert got == [(2_500_000, "2023-09-26"), (300_000, None), (2_200_000, "2023-09-26")]


def test_a_count_in_a_clause_about_an_earlier_event_has_no_day_of_the_statement(tmp_path):
    got = days(tmp_path, "2023-10-04", "On 1 October, the court issued a warrant over the raids that killed 14 "
                                       "and wounded over 60 in the port.")
    assert got == [(14, None), (60, None)]


@pytest.mark.parametrize("published, body, want", [
    ("2023-10-09", "The agency will launch on Friday a plan asking for $50 million.", [(50_000_000, None)]),     # planned
    ("2023-10-05", "During the war of the early 1990s, some 30,000 people were killed.", [(30000, None)]),    # a past period
    ("2023-09-29", "Nearly 35,000 people have fled, according to the agency, since the army took the valley last week.",
     [(35000, "2023-09-29")]),                                                         # since then: the day of writing
    ("2023-10-19", "Over 20,000 residents who lived in the valley as of September 19 have fled.",
     [(20000, "2023-10-19")]),                                                        # the date describes the people
])
def test_a_day_the_figure_was_not_true_on_is_never_its_day(tmp_path, published, body, want):
    assert days(tmp_path, published, body) == want


@pytest.mark.parametrize("published, body, want", [
    # the present perfect is the count when written, not the day the sentence before was about
    ("2023-09-11", "Last Friday night, a flood hit the valley. More than 1,000 people have been killed and at least "
                   "another 900 injured.", [(1000, "2023-09-11"), (900, "2023-09-11")]),
    ("2023-09-11", "Last Friday night, a flood hit the valley. The army counted 1,000 dead.", [(1000, "2023-09-08")]),
    # ", killing N": the day of the clause it hangs on; of an event over before the article, its year or month; a toll
    # of a recent event's day is the toll known when written, not that day's (a toll given on the 27th is not the 25th's)
    ("2023-09-27", "A shell hit the market on Monday, killing 12 people.", [(12, None)]),
    ("2023-09-25", "A shell hit the market on Monday, killing 12 people.", [(12, "2023-09-25")]),
    ("2023-09-21", "It was the deadliest since 1960, when a quake struck the coast, killing at least 12,000.", [(12000, "1960")]),
    # "So far," opening the sentence
    ("2023-09-11", "The flood struck on Friday. So far, more than 2,000 people are known to have died.", [(2000, "2023-09-11")]),
])
def test_the_day_of_a_toll(tmp_path, published, body, want):
    assert days(tmp_path, published, body) == want




@pytest.mark.parametrize("published, body, want", [
    # a toll in the past tense after a sentence about a year or month before the turning point: that time's (of a
    # war that began then and went on for years?) or today's: none
    ("2023-09-23", "In 2020, fighting flared along the whole border. More than 4,000 people, including civilians, "
                   "were killed.", [(4000, None)]),
    ("2023-09-23", "The valley was shelled in March 2016. At least 90 people died.", [(90, None)]),
    ("2023-09-23", "Then a war erupted (1988-1994) between the two peoples. About 30,000 people were killed.",
     [(30000, None)]),
    ("2023-09-23", "In 2020, a war broke out between the two countries. The army won it with drones. More than 6,000 "
                   "people were killed.", [(6000, None)]),
    # ... not a count as it stands ("have been killed", "now"), after a state running since then, or of the present
    ("2023-09-23", "In 2020, a war broke out. More than 200 people have been killed.", [(200, "2023-09-23")]),
    ("2023-09-23", "In 2020, a war broke out. More than 200 people are now known to have died.", [(200, "2023-09-23")]),
    ("2023-09-23", "Since 2020, the army has held the pass. At least 20 soldiers were killed.", [(20, "2023-09-23")]),
    ("2023-09-23", "In 2020, a war broke out. About 120,000 people lived in the valley.", [(120000, "2023-09-23")]),
    # ... and after a sentence about a day, or about the time after the turning point, as before
    ("2023-09-23", "In 2020, a war broke out. On Tuesday, troops attacked the town from three sides. At least 200 people were killed.",
     [(200, "2023-09-19")]),
    ("2023-10-23", "The army seized the valley last month. At least 200 people were killed.", [(200, "2023-10-23")]),
])
def test_a_toll_after_a_sentence_about_the_background(tmp_path, published, body, want):
    assert days(tmp_path, published, body) == want


@pytest.mark.parametrize("published, body, want", [
    # a count with no day of its own: the day the sentence before was about ...
    ("2023-09-29", "On Tuesday, the ministry gave new figures. Some 13,350 people had crossed into the country.",
     [(13350, "2023-09-26")]),
    # ... unless it runs from an event its own clause names and the article came more than a week later: no day
    ("2023-10-26", "On September 28, the governor signed an order closing the ministries. Over 40,000 "
                   "people left the valley after the army took full control.", [(40000, None)]),
    # ... within the week, the day before it
    ("2023-09-26", "On Sunday, the road to the border was opened. About 1,000 people crossed the border after the "
                   "opening of the road.", [(1000, "2023-09-24")]),
    ("2023-09-29", "On Tuesday, the ministry gave new figures. Some 13,350 people had crossed, it said after the briefing.",
     [(13350, "2023-09-26")]),
    # a count in the present perfect that runs from a day its sentence names after it ("since …") is as it stands when
    # written, not as of that day
    ("2023-09-20", "At least 27 people have been killed since the army launched its operation on Tuesday (Sept 19).",
     [(27, "2023-09-20")]),
    ("2023-09-20", "At least 27 people have been killed and another 200 wounded since the army launched its operation on "
                   "Tuesday.", [(27, "2023-09-20"), (200, "2023-09-20")]),
    # ... not a day it was said or stood at, nor another verb's perfect
    ("2023-09-30", "On Friday, the government confirmed that more than 90,000 people have taken refuge in the country.",
     [(90000, "2023-09-29")]),
    ("2023-09-29", "By 14:00 on September 28, 70,500 people have already left the valley.", [(70500, "2023-09-28")]),
    ("2023-10-20", "The government decided on Thursday to allocate 30 billion drams to families who have fled.",
     [(30_000_000_000, "2023-10-19")]),
    ("2023-09-29", "Five soldiers whose families have fled were killed on Monday.", [(5, None)]),
    # a count given on a day the sentence names ("figures released … on Friday") is as of that day, not of the event
    # it counts ("the September 25 explosion")
    ("2023-12-23", "At least 210 people died in the September 25 explosion at the depot, according to figures released "
                   "by investigators on Friday.", [(210, "2023-12-22")]),
    ("2023-09-29", "The ministry said on Thursday that 40 people were wounded in the shelling of the town.",
     [(40, "2023-09-28")]),
    # ... not a day something else was announced, before the count's own (a toll of a day before the article's, none)
    ("2023-09-27", "Twelve soldiers were killed in fighting on Monday, after the rebels announced a ceasefire on Saturday.",
     [(12, None)]),
    ("2023-09-28", "Fighting on Wednesday killed 20 soldiers, breaking a truce both sides announced on Sunday.",
     [(20, None)]),
    # ... and "on the previous day" is a day like any other
    ("2023-09-25", "The ministry said on Sunday that 75 people had died, up from 56 on the previous day.",
     [(75, "2023-09-24"), (56, "2023-09-23")]),
    # ... and a toll of a day before the article's is not that day's, unless given or standing then (the toll given
    # on the 26th is not the 25th's)
    ("2023-09-26", "The authorities said at least 20 people were killed when a depot blew up on Monday.", [(20, None)]),
    ("2023-09-26", "The authorities said on Monday that at least 20 people were killed when a depot blew up.",
     [(20, "2023-09-25")]),
    ("2023-09-26", "The authorities on Monday said at least 20 people were killed when a depot blew up.", [(20, "2023-09-25")]),
    ("2023-09-26", "The death toll from the blast rose to 20 on Monday.", [(20, "2023-09-25")]),
    ("2023-10-05", "The September 25 explosion at the depot killed more than 170 people and injured 200.",
     [(170, None), (200, None)]),
    ("2023-10-05", "On September 25, the explosion killed 20 people.", [(20, None)]),
    ("2023-09-20", "Yesterday’s attack reportedly killed close to 100 people and injured hundreds.", [(100, None)]),
    # ... nor one of long ago, told by its day
    ("2023-10-05", "On 5 June 2021, the explosion killed 20 people.", [(20, "2021-06-05")]),
    # a possessive day in the sentence before ("Yesterday's figure was …") is not the day of the next count
    ("2023-09-28", "Some 17,153 people used the shelters provided by the government. Yesterday's figure was 8,036. "
                   "Some 988 people were sheltered in the north.", [(17153, "2023-09-28"), (988, "2023-09-28")]),
])
def test_the_day_a_count_is_of_among_the_days_around_it(tmp_path, published, body, want):
    assert days(tmp_path, published, body) == want


@pytest.mark.parametrize("body, want", [
    ("A similar storm hit Vesta in 1961, killing at least 4,000 people.", [(4000, "1961")]),
    ("The dam burst in March 2019, killing 310 people.", [(310, "2019-03")]),
    ("The dam is to open in 2031, helping 310 people.", [(310, None)]),
])
def test_the_toll_of_a_past_event_dated_by_year_or_month_is_as_of_that_year_or_month(tmp_path, body, want):
    assert days(tmp_path, "2023-10-02", body) == want


def test_a_month_or_year_as_of_reads_as_itself():
    from explainer.pages.common import short_day
    assert (short_day("1961"), short_day("2019-03"), short_day("2019-03-05")) == ("1961", "March 2019", "5 Mar 2019")


def test_a_count_announced_on_a_day_set_off_by_commas_keeps_that_day(tmp_path):
    assert days(tmp_path, "2024-04-18", "The ministry's toll of 312 dead, announced on Sunday, is expected to rise.") \
        == [(312, "2024-04-14")]


@pytest.mark.parametrize("published, body, want", [
    # a count compared with, on a day the sentence does not give: not the sentence's day
    ("2024-05-06", "The toll rose to 75 on Sunday, up from 56 the week before.", [(75, "2024-05-05"), (56, None)]),
    ("2024-05-06", "Arrivals reached 9,000 on Sunday, up from 4,000 the previous week.", [(9000, "2024-05-05"), (4000, None)]),
    ("2024-05-06", "The toll rose to 75 on Sunday, up from 56 a week earlier.", [(75, "2024-05-05"), (56, "2024-04-28")]),
    ("2024-05-06", "The toll reached 120 on Sunday, up from 80 earlier in the day.", [(120, "2024-05-05"), (80, "2024-05-05")]),
    # a toll of a past famine or drought is that year's, not the article's
    ("2024-05-06", "During the 2011 famine, about 260,000 people died.", [(260000, None)]),
    ("2024-05-06", "In the 1991-92 drought, some 300,000 people died.", [(300000, None)]),
])
def test_a_count_of_another_time(tmp_path, published, body, want):
    assert days(tmp_path, published, body) == want
