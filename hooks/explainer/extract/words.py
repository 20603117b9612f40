"""The words every extractor reads numbers and dates by: months, weekdays, numbers written out.

A number written in words is found by the pattern `NUMBER_WORDS` ("twenty-five", "two hundred and
fifty", "a dozen") and read by `number()`, which leaves the arithmetic to the number-parser library.
Vague amounts ("a few hundred") are kept with a round value and shown in the source's own words
(pages/common.py `number_words`).
"""
from __future__ import annotations

import re
from typing import Iterable

from number_parser import parse_number

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")   # date.weekday() order

# Month names as written in running text (capitalised) or in datelines (upper case).
_MON = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
        r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
MONTH = rf"(?:{_MON}|{_MON.upper()})\b\.?"          # upper case for datelines ("FREDVILLE, SEPTEMBER 25")
MONTH_IN_TEXT = _MON                                  # capitalised only ("in December", not "in DECEMBER")
WEEKDAY = "(?:" + "|".join(w.title() for w in WEEKDAYS) + ")"
# Names that hold a weekday and are no day of the week counted from the article: "the Good Friday Agreement",
# "Black Friday", "Super Tuesday", "Easter Sunday" (that year's Easter, not last Sunday).
NAMED_DAYS = ("Good", "Black", "Bloody", "Super", "Ash", "Holy", "Maundy", "Easter", "Palm", "Cyber", "Blue", "Great",
              "Whit", "Shrove", "Clean", "Orthodox")
NOT_NAMED = "".join(f"(?<!{w} )" for w in NAMED_DAYS)     # put before WEEKDAY: not the weekday of such a name

# Days of the month as ordinals in words ("the eighth of September"): index + 1 is the day.
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
            "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
            "eighteenth", "nineteenth", "twentieth") + tuple(f"twenty-{o}" for o in ("first", "second", "third",
            "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")) + ("thirtieth", "thirty-first")
ORDINAL = "(?:" + "|".join(sorted((o.replace("-", "[-\\s]") for o in ORDINALS), key=len, reverse=True)) + ")"

_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
          "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_UNIT = "(?:" + "|".join(sorted(_UNITS, key=len, reverse=True)) + ")"
_DIGIT_WORD = "(?:" + "|".join(_UNITS[:9]) + ")"
_TWO = rf"(?:(?:{'|'.join(_TENS)})(?:[-\s]{_DIGIT_WORD}\b)?|{_UNIT})"            # 1 to 99: "twenty-five"
_THREE = rf"(?:{_TWO}(?:\s+hundred(?:\s+(?:and\s+)?{_TWO})?)?)"                # 1 to 999: "two hundred and fifty"
# Amounts a library does not read, with the value they stand for.
OWN = {"a": 1, "an": 1, "a dozen": 12}
VAGUE = {"a few hundred": 300, "a few thousand": 3000}


def starting(firsts: Iterable[str]) -> str:
    """A class of one character: one of `firsts` (letters in either case, digits, signs) or any character
    beyond ASCII (case-insensitive matching may fold one of those to a listed letter). Written as the ASCII
    characters it refuses: a class up to U+10FFFF is slow to compile."""
    allowed = {ord(c) for f in firsts for c in (f.lower(), f.upper())}
    refused = [c for c in range(128) if c not in allowed]
    runs = [[refused[0], refused[0]]]
    for c in refused[1:]:
        if c == runs[-1][1] + 1:
            runs[-1][1] = c
        else:
            runs.append([c, c])
    return "[^" + "".join(f"\\x{a:02x}-\\x{b:02x}" for a, b in runs) + "]"


def may_start(firsts: Iterable[str]) -> str:
    """A lookahead that passes only where a match can start: at a character of `starting(firsts)`. Put
    before an alternation of words whose first characters are all in `firsts`, it changes no match, and
    lets the regex engine leave every other position after one test instead of trying each word there
    (tests/test_pattern_guards.py compares every guarded pattern with itself unguarded)."""
    return "(?=(?-i:" + starting(firsts) + "))"


def any_case(words: str, after: str = "") -> re.Pattern:
    """A quick pre-test for one of `words` ("day|week") in any case, then `after`: it finds at least what
    re.compile(f"(?:{words}){after}", re.IGNORECASE) finds. Its first character is a plain class
    (`starting`), which the regex engine scans for quickly; a case-insensitive pattern is tried at every
    position."""
    alts = words.split("|")
    return re.compile(starting({w[0] for w in alts}) + "(?i:(?:" + "|".join(w[1:] for w in alts) + ")" + after + ")")


def last_word(text: str) -> str | None:
    """For a pattern that ends with a word (in any case) and white space to the end, a quick test: the
    text's last word in lower case if the text ends with white space after it; None if that word has a
    letter beyond ASCII (case-insensitive matching may fold it to an ASCII word: ask the pattern); ""
    if no word ends the text so."""
    last = text.rsplit(None, 1)[-1:]
    if not last or not text[-1].isspace():
        return ""
    return last[0].lower() if last[0].isascii() else None


# A number written in words, 1 to 999,999 (millions are a scale: "five million euros"). Use it
# with re.IGNORECASE and word boundaries; bare "a" is not in it (`a` before a noun is not an amount), only
# before "million" or "billion".
# Each form starts with "a" or a number's word (one…nineteen, twenty…ninety): NUMBER_WORDS_START.
NUMBER_WORDS_START = "aotfsen"
NUMBER_WORDS = (may_start(NUMBER_WORDS_START) + rf"(?:a\s+few\s+(?:hundred|thousand)|a\s+dozen|a\s+hundred(?:\s+(?:and\s+)?{_TWO})?"
                rf"|(?:a|{_THREE})\s+thousand(?:\s+(?:and\s+)?{_THREE})?|{_THREE}"
                r"|a(?=\s+(?:million|billion)\b))")           # "a million": one, before its scale


def number(text: str) -> float | None:
    """A number in digits ("4,850", "12 000", "1.5") or words ("Twenty-five", "a hundred"); None if neither."""
    t = " ".join(text.lower().split())
    if t in OWN or t in VAGUE:
        return float(OWN.get(t) or VAGUE[t])
    try:
        return float(re.sub(r"[,\s\u00a0\u202f]", "", t))
    except ValueError:
        pass
    value = parse_number(re.sub(r"^an?\s+(?=hundred|thousand)", "one ", t), language="en")
    return float(value) if value is not None else None


def ordinal(text: str) -> int | None:
    """"eighth" -> 8, "Twenty-first" -> 21; None if the words are no day's ordinal."""
    t = "-".join(text.lower().split()).replace("--", "-")
    return ORDINALS.index(t) + 1 if t in ORDINALS else None


def month(text: str) -> int:
    """"Sept." -> 9."""
    return MONTHS[text.lower().rstrip(".")]
