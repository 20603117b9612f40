"""Date rules, each from sentences composed for the rule (not the seeds' text)."""
from __future__ import annotations

from datetime import date

import pytest

from support import repo_settings
from explainer.extract.dates import dateline, primary, resolve

SAT = date(2023, 9, 30)   # a Saturday
MON = date(2023, 9, 25)   # a Monday
THU = date(2023, 9, 28)   # a Thursday


def dated(sentence: str, ref: date) -> str | None:
    p = primary(resolve(sentence, ref))
    return p.when.key if p else None


@pytest.mark.parametrize("sentence, ref, want", [
    ("The council met on September 28 to vote.", SAT, "2023-09-28"),
    ("The council met on Sept. 27, 2023, to vote.", SAT, "2023-09-27"),
    ("The council met on 25 September 2023 to vote.", SAT, "2023-09-25"),
    ("The council met on Sep 27 to vote.", SAT, "2023-09-27"),
    ("The council met on 28.09.2023 to vote.", SAT, "2023-09-28"),
    ("Fighting raged on September 19-20 near the town.", SAT, "2023-09-19..2023-09-20"),
    ("The town was founded in the 1920s by settlers.", SAT, "1920..1929"),
    ("The war ended in 1994 with a truce.", SAT, "1994"),
    ("Monks have lived there since at least the 2nd century BC, scholars say.", SAT, "-0199..-0100"),
    ("Photographers gathered in Goris, Armenia, Wednesday, Sept. 27, 2023.", SAT, "2023-09-27"),
])
def test_absolute(sentence, ref, want):
    assert dated(sentence, ref) == want


@pytest.mark.parametrize("sentence, ref, want", [
    ("The mayor resigned on Thursday after a vote.", SAT, "2023-09-28"),          # two days before a Saturday
    ("The mayor resigned on Monday after a vote.", MON, "2023-09-25"),            # same day as a Monday article
    ("The mayor resigned late Tuesday after a vote.", SAT, "2023-09-26"),
    ("Shots were heard on Monday night in the capital.", SAT, "2023-09-25"),
    ("The mayor resigned yesterday after a vote.", SAT, "2023-09-29"),
    ("Crowds gathered over the weekend in the square.", THU, "2023-09-23..2023-09-24"),
    ("The agency will send a team this weekend to the border.", SAT, "2023-09-30..2023-10-01"),
    ("The agency will send a team this weekend to the border.", THU, "2023-09-30..2023-10-01"),
    ("The army advanced last week across the region.", SAT, "2023-09-18..2023-09-24"),
    ("The army advanced earlier this week across the region.", SAT, "2023-09-25..2023-09-29"),
    ("Prices rose last month in the capital.", SAT, "2023-08"),
    ("In December, the road was closed by protesters.", SAT, "2022-12"),           # the previous December
    ("In September, the road was closed by protesters.", SAT, "2023-09"),
    ("The ministry said on Monday that a soldier was killed a day earlier in a blast.", MON, "2023-09-24"),
])
def test_relative(sentence, ref, want):
    assert dated(sentence, ref) == want


def test_month_and_year_ends():
    # a Monday 1 January article: "on Friday" is in the previous year, "last month" is December
    jan1 = date(2024, 1, 1)
    assert dated("The talks collapsed on Friday in the capital.", jan1) == "2023-12-29"
    assert dated("The talks collapsed last month in the capital.", jan1) == "2023-12"
    assert dated("The talks collapsed yesterday in the capital.", date(2023, 10, 1)) == "2023-09-30"
    assert dated("The talks collapsed last week in the capital.", jan1) == "2023-12-25..2023-12-31"


def test_the_following_day_counts_from_the_date_just_mentioned():
    refs = resolve("Talks began on September 3 and ended the following day without a deal.", SAT)
    assert [r.when.key for r in refs] == ["2023-09-03", "2023-09-04"]
    assert primary(refs).when.key == "2023-09-04"


ANCHOR = date(2023, 9, 4)   # the day the previous sentence named (a Monday)


@pytest.mark.parametrize("sentence, want", [
    ("Fifteen days later, the offensive began.", "2023-09-19"),
    ("Talks had stalled twenty-one days earlier, the envoy said.", "2023-08-14"),
    ("Two weeks later, the road reopened to trucks.", "2023-09-18"),
    ("A hundred days earlier, the camp was built.", "2023-05-27"),   # later would pass the day of publication
    ("The bridge fell 3 days later, the army said.", "2023-09-07"),
])
def test_anaphors_count_in_words_or_digits_from_the_anchor(sentence, want):
    refs = resolve(sentence, SAT, anchor=ANCHOR)
    assert [r.when.key for r in refs] == [want] and refs[0].anaphoric


def test_an_anaphor_in_an_article_counts_from_the_previous_sentence(tmp_path):
    from explainer.extract.article import extract
    from explainer.read.seeds import load_seeds
    from explainer.settings import Settings
    (tmp_path / "a.md").write_text("---\ntitle: T\noutlet: O\npublished: 2023-09-30\n---\n"
                                   "The attack had been feared for months. Troops massed on the border on Monday, September 4. "
                                   "Fifteen days later, the offensive began.\n")
    (a,) = load_seeds(tmp_path)
    events = extract(a, repo_settings()).events
    assert [(e.when.key, e.sources[0].expression) for e in events] == [
        ("2023-09-04", "on Monday, September 4"), ("2023-09-19", "Fifteen days later")]


# One composed sentence per rule of the table: (sentence, reference day, the one date it holds).
RULE_EXAMPLES = {
    "iso": ("The decree was signed on 2023-09-28 in the capital.", SAT, "2023-09-28"),
    "dotted": ("The decree was signed on 28.09.2023 in the capital.", SAT, "2023-09-28"),
    "md_range": ("Fighting raged on September 19-20 near the town.", SAT, "2023-09-19..2023-09-20"),
    "dm_range": ("Fighting raged on 19-20 September near the town.", SAT, "2023-09-19..2023-09-20"),
    "md": ("The council met on Sept. 27, 2023, to vote.", SAT, "2023-09-27"),
    "dm": ("The council met on 25 September 2023 to vote.", SAT, "2023-09-25"),
    "dm_words": ("The dam burst on the night of the fourth of August, flooding the town.", SAT, "2023-08-04"),
    "month_year": ("The blockade began in December 2022 on the only road.", SAT, "2022-12"),
    "month": ("In December, the road was closed by protesters.", SAT, "2022-12"),
    "decade": ("The town was founded in the 1920s by settlers.", SAT, "1920..1929"),
    "century": ("The church was built in the 12th century by monks.", SAT, "1101..1200"),
    "year_range": ("The war lasted from 1988 to 1994 in the region.", SAT, "1988-01-01..1994-12-31"),
    "month_range": ("The road was closed from December 2022 to September 2023.", SAT, "2022-12-01..2023-09-30"),
    "year_span": ("The 1991-1994 war left the town in ruins.", SAT, "1991-01-01..1994-12-31"),
    "year": ("The war ended in 1994 with a truce.", SAT, "1994"),
    "weekday": ("The mayor resigned on Thursday after a vote.", SAT, "2023-09-28"),
    "nth_weekday": ("The mayor resigned on the last Friday of September after a vote.", SAT, "2023-09-29"),
    "rel_day": ("The mayor resigned yesterday after a vote.", SAT, "2023-09-29"),
    "rel_weekday": ("The mayor resigned yesterday, Friday, after a vote.", SAT, "2023-09-29"),
    "two_days": ("Protests were held yesterday and today near the parliament.", SAT, "2023-09-29..2023-09-30"),
    "month_dash": ("The districts were retaken during the September - November 2020 war.", SAT, "2020-09-01..2020-11-30"),
    "year_to": ("The town was rebuilt in 1995 to 1999 by its people.", SAT, "1995-01-01..1999-12-31"),
    "weekend": ("Crowds gathered over the weekend in the square.", THU, "2023-09-23..2023-09-24"),
    "week": ("The army advanced last week across the region.", SAT, "2023-09-18..2023-09-24"),
    "month_rel": ("Prices rose last month in the capital.", SAT, "2023-08"),
    "year_rel": ("Prices rose last year in the capital.", SAT, "2022"),
    "year_end": ("The rebels agreed to disband by the end of the year, officials said.", SAT, "2023-12-31"),
    "later": ("Fifteen days later, the offensive began.", SAT, "2023-09-19"),
    "ago": ("The bridge was opened two days ago by the mayor.", SAT, "2023-09-28"),
    "year_adj": ("The school was damaged during the 2010 floods in the valley.", SAT, "2010"),
    "year_subject": ("The 1994 war killed some 30,000 people.", SAT, "1994"),
    "the_next": ("The talks ended the following day without a deal.", SAT, "2023-09-05"),
}


def test_every_rule_has_an_example():
    from explainer.extract import dates
    assert sorted(RULE_EXAMPLES) == sorted(dates.RULES)


@pytest.mark.parametrize("name", sorted(RULE_EXAMPLES))
def test_each_rule_on_its_example(name):
    from explainer.extract import dates
    sentence, ref, want = RULE_EXAMPLES[name]
    assert [n for n, _ in dates.find(sentence)] == [name]
    assert [r.when.key for r in resolve(sentence, ref, anchor=ANCHOR)] == [want]


def test_times_and_durations_are_not_dates():
    assert dated("A total of 500 people crossed as of 8 a.m. local time, officials said.", SAT) is None
    assert dated("The session opened at 20:17 with a minute of silence.", SAT) is None
    assert dated("After a 10-month blockade and a 24-hour blitz, six days of protests followed.", SAT) is None
    # four digits that a time zone or "hours" follows are a time of day, not a year
    assert dated("Turnout reached 41 percent by 1100 GMT, the election board said.", SAT) is None
    assert dated("Voting ran between 1000 and 1200 GMT in the capital.", SAT) is None
    assert dated("Turnout was 30 percent by 1500 (1100 GMT), the board said.", SAT) is None
    assert dated("Turnout was 30 percent by 1100 local (0700 GMT), the board said.", SAT) is None
    assert dated("The curfew was lifted after 1900 hours across the district.", SAT) is None
    assert dated("The town was founded in 1100 by monks from the valley.", SAT) == "1100"
    assert dated("In 2021 IT spending grew across the region.", SAT) == "2021"            # not a time zone
    assert dated("Since 2014 Russia time and again sent envoys to the talks.", SAT) == "2014"
    # "8 a.m. ... on September 28" is the 28th, never the 8th
    assert dated("A total of 500 people crossed as of 8 a.m. local time on September 28, officials said.", SAT) == "2023-09-28"


def test_planned_is_kept_as_planned():
    for sentence, want in [
        ("The government will hold a vote next week on the treaty.", "2023-10-02..2023-10-08"),
        ("The rebels agreed to disband by the end of the year, officials said.", "2023-12-31"),
        ("Troops are due to withdraw by 1 January 2024 under the deal.", "2024-01-01"),
    ]:
        p = primary(resolve(sentence, SAT))
        assert p.when.key == want and p.planned, sentence
    done_first = primary(resolve("The rebels agreed on Thursday to disband by the end of the year.", SAT))
    assert done_first.when.key == "2023-09-28" and not done_first.planned


def test_a_future_verb_in_another_clause_does_not_move_a_past_weekday():
    assert dated("On Sunday, the president pledged support, saying that France will send aid.", MON) == "2023-09-24"


def test_dates_in_relative_clauses_and_bounds_do_not_date_the_statement():
    assert dated("The envoy, who was dismissed in February, was detained at the border.", SAT) is None
    assert dated("The force, which was meant to stay through 2025, left the region.", SAT) is None
    assert dated("More than 900 trucks have crossed since last week, the spokesman said.", SAT) is None


def test_expression_is_kept():
    p = primary(resolve("The separatists agreed on Thursday to dissolve.", SAT))
    assert p.expression == "on Thursday"


def test_datelines():
    assert dateline("YEREVAN, SEPTEMBER 25 (Reuters) - Thousands fled.", SAT)[1].key == "2023-09-25"
    assert dateline("Tbilisi, Sep 27 (EFE).- Thousands fled.", SAT)[1].key == "2023-09-27"
    assert dateline("Thousands fled the region on Monday.", SAT) is None


# --- find()'s pre-tests change nothing --------------------------------------------------------
from hypothesis import given, settings as hsettings, strategies as st  # noqa: E402

from explainer.extract import dates  # noqa: E402

_WORDS = ["on", "On", "since", "late", "the", "of", "last", "this", "next", "earlier this", "a", "two", "days", "weeks",
          "week", "WEEK", "weekend", "month", "year", "years", "century", "21st", "day", "later", "earlier", "before",
          "after", "yesterday", "Today", "TONIGHT", "the day before yesterday", "Monday", "Thursday's", "night",
          "September", "Sept.", "SEPTEMBER", "sep", "May", "June", "Dec", "28", "1st", "2023", "1990s", "2023-09-28",
          "28.09.2023", "-", "–", "to", "and", ",", ".", "from", "between", "ſ", "ı", "İ", "K", "１２", "٢٠٢٣", "\u00a0",
          # one phrase for each pattern, so that every pattern's match is tried
          "from 2020 to 2023", "between 1990 and 2000", "Sept. 27, 2023", "25-27 September", "September 25–27",
          "in the early 1990s", "since the 19th century", "on Thursday night", "two days later", "the following day",
          "last weekend", "earlier this month", "by the end of the year", "Fifteen days later", "twenty-one weeks earlier", "in March", "March 2023", "on 1.10.2023", "1.9.2023",
          "1991-1994", "in 1992-93", "(1988–1994)", "war", "1500-2000 people", "The 2007 earthquake", "killed"]
_TEXT = st.lists(st.one_of(st.sampled_from(_WORDS), st.text(max_size=6)), max_size=14).map(" ".join)


def _every_pattern(sentence: str) -> list[tuple[str, int, int]]:
    """find() as it was before the pre-tests: every pattern on every sentence."""
    found = [(name, m) for name, rule in dates.RULES.items() for m in rule.pattern.finditer(sentence) if m.group(0).strip()]
    found.sort(key=lambda nm: (-(nm[1].end() - nm[1].start()), nm[1].start()))
    taken, keep = [], []
    for name, m in found:
        if not any(m.start() < e and s < m.end() for s, e in taken):
            taken.append((m.start(), m.end()))
            keep.append((name, m.start(), m.end()))
    return sorted(keep, key=lambda k: k[1])


@hsettings(max_examples=300, deadline=None)
@given(_TEXT)
def test_find_pretests_skip_only_patterns_that_cannot_match(sentence):
    assert [(name, m.start(), m.end()) for name, m in dates.find(sentence)] == _every_pattern(sentence)


def test_find_pretests_on_the_real_seeds():
    from pathlib import Path
    from explainer.read.seeds import load_seeds
    from explainer.read.text import sentences
    root = Path(__file__).resolve().parents[1]
    checked = 0
    for article in load_seeds(root / "seeds", label="seeds"):
        for s in sentences(article):
            assert [(n, m.start(), m.end()) for n, m in dates.find(s.text)] == _every_pattern(s.text), s.text
            checked += 1
    assert checked > 100


@pytest.mark.parametrize("name", list(dates.RULES))
def test_every_match_of_a_pattern_passes_its_pretests(name):
    """Strings made from the pattern itself (hypothesis' from_regex) all pass the rule's pre-tests."""
    pattern, needs = dates.RULES[name].pattern, dates.RULES[name].needs

    @hsettings(max_examples=100, deadline=None)
    @given(st.from_regex(pattern, fullmatch=True))
    def check(text):
        assert all(dates._NEEDS[n].search(text) for n in needs), (text, needs)

    check()


@pytest.mark.parametrize("sentence, want", [
    # from one month to another: the first month's first day to the last one's last day
    ("He headed the government between November 2022 and February 2023.", ["2022-11-01..2023-02-28"]),
    ("The corridor was closed from mid-June 2023 until late September 2023.", ["2023-06-01..2023-09-30"]),
    ("Prices rose from March to May 2023.", ["2023-03-01..2023-05-31"]),
    # a first month without its year that would come after the second: which year? none
    ("Prices rose from November to February 2023.", []),
    ("He served from May 2023 to May 2023.", []),
])
def test_a_span_of_months(sentence, want):
    assert [r.when.key for r in resolve(sentence, SAT)] == want
