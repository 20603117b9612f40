"""One article -> its dated events, figures and background context, each citing a sentence."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from . import actors, dates, figures, words
from ..model import Article, Context, DateRef, Event, Extracted, Figure, Mention, Sentence, Source, When
from ..patterns import Programs
from ..settings import Settings
from ..read.text import fold, plain, quoted_sentences, sentences

_PATTERNS = Programs(__file__)      # compiled once, kept beside the bytecode (patterns.py)

REPORTING = _PATTERNS.compile(r"\b(?:said|says|told|announced|reported|stated|declared|confirmed|denied|added|wrote|urged|called"
                              r"|presented|briefed)\b")
CONTESTED = _PATTERNS.compile(r"\b(?:accus\w*|den(?:y|ied|ies)|alleg\w*|claim\w*|charg(?:ed|es)|reject\w*|blame\w*|"
                              r"ethnic cleansing|genocide|complicity|refut\w*)\b", re.IGNORECASE)
PLACE = _PATTERNS.compile(r"\b(?:in|to|at|near|into)\s+(?:the\s+(?:city|town|village|capital)\s+of\s+)?"
                          r"(?P<place>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*(?:,\s+[A-Z\w][\w’'-]*(?:\s+[\w’'-]+){0,2})*)")




def source_for(article: Article, sentence: Sentence, expression: str | None = None, part: str | None = None) -> Source:
    """The citation of a sentence (or of `part`, the start of it that states an item)."""
    return Source(seed=article.slug, outlet=article.outlet, url=article.url, published=article.published,
                  quote=fold(part) if part else sentence.quote, expression=expression, line=sentence.line)


def statement_text(sentence: str, ref: DateRef | None) -> str:
    """The sentence as an item's text: the date words taken out (the page shows the date)."""
    text = sentence
    if ref is not None:
        head, tail = text[:ref.start], text[ref.end:]
        if re.match(r"['’]s\b", tail) or re.search(r"['’]s$", text[ref.start:ref.end]):
            # "Following Friday's storm": "Following the storm"
            tail = re.sub(r"^['’]s\b", "", tail).lstrip()
            tail = ("the " if head.strip() else "The ") + tail
        tail = _DATE_ASIDE.sub(lambda m: "" if _all_date(m["inner"]) else m.group(0), tail, count=1)
        if re.match(r"\s*(?:[,.;:)]|$)", tail):     # "In late September, …": the words that led to the date go too
            head = _LEAD_IN.sub("", head)
        if re.search(r"\b(?:that|and|but|while|when|because|so|then)\s*$", head, re.IGNORECASE):
            tail = re.sub(r"^\s*,", "", tail)      # "Recall that on May 3, the army …": the comma was the date's
        text = head.rstrip() + ("" if re.match(r"\s*[,.;:]", tail) or not head.strip() else " ") + tail.lstrip()
        text = re.sub(r"\b(?:on|in|at|of|from|since|as of)\s*(?=[.,;:])", "", text)
        text = re.sub(r"\s+,", ",", text)
        text = re.sub(r",\s*,", ",", text)
        text = re.sub(r"^\s*,\s*", "", text)
        text = re.sub(r",\s*(?=[.;:])", "", text)
    dl = dates.DATELINE.match(text) or dates.PLACE_LINE.match(text)
    if dl:                       # "TBILISI, Sep 27 (EFE).- On Thursday, …": the dateline is not the statement
        text = text[dl.end():]
    text = plain(re.sub(r"^[\s,.;:–—-]+", "", text))
    text = re.sub(r"^shows?\b", "A photo shows", text)         # a caption whose date was its subject
    if text and text[0].islower():
        text = text[0].upper() + text[1:]
    return text


# What stays of a date's phrase once its words are taken out: "In" of "In late September", "At the end" of
# "At the end of September"; a date restated after it, in brackets or as a weekday ("Sept. 19, a Tuesday,").
_LEAD_IN = _PATTERNS.compile(r"\b(?i:in|by|on|at|of|from|since|as of|during|between|(?:at|by) the (?:end|start|beginning|middle)(?: of)?)\s*$")
_DATE_ASIDE = _PATTERNS.compile(rf"^\s*(?:\((?P<inner>[^()]{{1,30}})\)|,\s*an?\s+{words.WEEKDAY}(?=\s*[,.;:]))")


def _all_date(text: str | None) -> bool:
    """Whether `text` (what stood in brackets) is one date expression and nothing else; True for a weekday aside."""
    if text is None:
        return True
    found = dates.find(text.strip())
    return len(found) == 1 and found[0][1].group(0).strip() == text.strip().rstrip(".,")


def caption_place(sentence: str, ref: DateRef | None) -> str | None:
    head = sentence[:ref.start] if ref else sentence
    places = list(PLACE.finditer(head))
    if not places:
        return None
    place = places[-1].group("place").strip().rstrip(",")
    # drop a weekday left just before the date: "Lowtown, Upper Valley region, Freedonia, Wednesday"
    place = re.sub(rf",?\s*(?:on\s+)?{words.WEEKDAY}$", "", place).strip(", ")
    return place or None


def _slug(text: str, limit: int = 6) -> str:
    words = [w for w in re.findall(r"[a-z0-9]+", plain(text).lower())
             if w not in {"the", "a", "an", "of", "to", "in", "on", "and", "for", "its", "has", "had", "have", "was", "were", "is", "are", "that", "said"}]
    return "-".join(words[:limit]) or "item"


def _reference(article: Article, out: Extracted) -> tuple[date, When | None, When | None]:
    """The day the article counts from, its dateline's day and its date line's (`out.stated`, `out.opening` set)."""
    ref_day, dl_when, lead_when = article.published, None, None
    dl = dates.dateline(article.body, article.published)
    line = dates.first_date_line(article.body, article.published)
    out.stated = ("dateline", *dl) if dl else ("date line", *line) if line else None
    top = dates.DATELINE.match(article.body.lstrip()) or dates.PLACE_LINE.match(article.body.lstrip())
    out.opening = tuple(t for t in (top.group(0).strip() if top else None,) if t)
    if dl:
        out.dateline, dl_when = dl
        ref_day = date(*dl_when.lo)
    elif dates.date_line(article.body, article.published):
        # a page dated by a line of its own: its day is the reference day, and its first statement's day
        out.dateline, lead_when = dates.date_line(article.body, article.published)
        ref_day = date(*lead_when.lo)
    return ref_day, dl_when, lead_when


def extract(article: Article, settings: Settings) -> Extracted:
    out = Extracted(article)
    ref_day, dl_when, lead_when = _reference(article, out)
    seen_boilerplate: set[str] = set()
    previous: DateRef | None = None     # the date the text was last talking about (one sentence back)
    earlier: DateRef | None = None      # the last date the text talked about (`previous`, or further back)
    spoke: date | None = None           # the day the sentence before says someone spoke, if not the reference day
    counted_on: DateRef | None = None   # `previous`, unless a possessive's ("Yesterday's figure was …")
    anchor: date | None = None          # the day "a day later" counts from (`_anchor`)
    before: Sentence | None = None      # the sentence before
    known: list[Mention] = []    # who the article has named so far ("she" -> the last person named)
    headings, told = _day_headings(article.body, article.published), _Told(article.published)
    for s in sentences(article):
        if _repeated(s, seen_boilerplate):
            continue
        under = [day for at, day in headings if at < s.start]
        if under and under[-1] != ref_day:        # a live page's day heading: the day its entries count from
            ref_day, anchor, previous, earlier, counted_on = under[-1], None, None, None, None
        if s.caption and s.caption.get("number") and not s.boilerplate:
            out.captions = max(out.captions, s.caption["number"])
        _actors(out, article, s, known, settings.topic.places)
        refs = told.read(_dates(s.text, ref_day, article.published, anchor), s.text)
        if spoke is not None or _day_past(earlier, ref_day, _in_paragraph(previous, before, s)):   # "X promised on Monday …",
            refs = [r for r in refs if not _quoted_relative(s.text, r)]     # "signed on Friday. “Today we …”": whose day?
        main = _main_date(out, s, refs, dl_when, lead_when, _in_paragraph(previous or earlier, before, s))
        lead_when = None if not s.caption else lead_when
        quoted_on = _quoted_on(s, before, spoke) if spoke is not None and main is None else None
        _figures(out, article, s, refs, main, counted_on, known, settings, ref_day if headings else article.published,
                 earlier, quoted_on, told.dropped)
        more = _more_statements(s.text, refs, main) if not s.caption else []
        if main is not None:
            out.events.append(_event(article, s, main, settings, dict(more).get(main),
                                     _quote_end(s.text, main, [r for r, _ in more if r is not main])))
        elif not s.caption or not s.boilerplate:
            _context(out, article, s, refs, settings)
        out.events.extend(_event(article, s, r, settings, text) for r, text in more if r is not main)
        previous = main if main is not None and not main.planned else None
        # the day a count in the next sentence may be of: not a possessive's ("Yesterday's figure was 2,100.")
        counted_on = previous if previous is None or not re.match(r"['’]s\b", s.text[previous.end:]) else None
        earlier = previous or earlier
        # the day someone spoke, kept over the sentences after it that give no day of their own while they quote or
        # introduce a quotation (a release quoted paragraph by paragraph: its "today" is that day's, not the article's)
        spoke = _spoke(s.text, previous, ref_day) if main is not None or spoke is None \
            else spoke if _quoting(s, before) else None
        anchor, before = _anchor(previous, refs), s
    return out


def _quoted_on(s: Sentence, before: Sentence | None, spoke: date) -> date | str | None:
    """The day a count "as it stands" in a quoting sentence is as of: the day its speaker spoke (`spoke`, carried from
    the sentence that dated the speaking), when the sentence names no speaker of its own outside the quotation or
    names one by a pronoun ("…,” he said"); "unknown" when it names another ("…,” a spokeswoman told reporters")."""
    if not _quoting(s, before):
        return None
    said = [r for r in REPORTING.finditer(s.text) if dates._quotation(s.text, r.start()) is None]
    if not said or BY_PRONOUN.search(s.text):
        return spoke
    return "unknown"


BY_PRONOUN = _PATTERNS.compile(r"[”\"’]\s*,?\s*(?:(?:he|she|they|we)\s+(?:said|says|added|told\s+\w+|stated|wrote)"
                               r"|(?:said|added)\s+(?:he|she))\b", re.IGNORECASE)


def _quoting(s: Sentence, before: Sentence | None) -> bool:
    """Whether a sentence quotes or introduces a quotation: it opens with a quotation mark or ends with a colon, or
    the sentence before it in its paragraph ended inside a quotation ("“Today, the minister announced …. This funding
    will help …"), which this one goes on with."""
    return bool(QUOTING.search(s.text)) or (before is not None and before.block == s.block
                                            and dates._quotation(SINGLE_QUOTE.sub(_blank, before.text), len(before.text)) is not None)


SINGLE_QUOTE = _PATTERNS.compile(r"‘[^‘’“”\"]{1,80}’|‘(?=\d)")     # a term in single quotes, "the ‘90s": no open quotation


def _blank(m: re.Match) -> str:
    return " " * len(m.group(0))


def _day_headings(body: str, published: date) -> list[tuple[int, date]]:
    """A live page's day headings after its first line of text ("Tuesday 7 February" above that day's entries),
    with their offsets: none unless there are two or more (one heading is the page's own date line)."""
    found = []
    for m in re.finditer(r"^[^\n]*$", body, re.MULTILINE):
        line = dates.DATE_LINE.match(m.group(0))
        refs = dates.resolve(line.group("date"), published) if line else []
        if refs and refs[0].when.precision == "day" and date(*refs[0].when.lo) <= published:
            found.append((m.start(), date(*refs[0].when.lo)))
    return found if len(found) >= 2 else []


def _repeated(s: Sentence, seen: set[str]) -> bool:
    """Boilerplate (a caption, a footer) already read in this article."""
    if s.boilerplate:
        key = fold(s.text).lower()
        if key in seen:
            return True
        seen.add(key)
    return False


@dataclass
class _Told:
    """What the text has dated so far, that a later date without its year or day is read against."""
    published: date
    weekdays: dict[str, date] = field(default_factory=dict)   # "Thursday, June 15": the Thursday it named
    written: date | None = None     # the day the last dated sentence wrote out with its month and year
    dropped: bool = False           # the last sentence read had its dates left as unsure

    def read(self, refs: list[DateRef], text: str = "") -> list[DateRef]:
        """The sentence's dates, less those the text before makes unsure: a bare weekday near a day the text named with
        that weekday and a date ("halted on Thursday, June 15 … They also stopped on Thursday": which Thursday?); a day
        or month without a year, read in another year than the one the last dated sentence wrote out, though it would
        follow that day in its year ("On September 19-20, 2023, … On September 28, …" in 2024: which September 28?)."""
        self.dropped = any(self._other_weekday(r, text) or self._other_year(r) for r in refs)
        kept = [] if self.dropped else refs     # (not another date of the sentence in its place, and its counts none)
        for r in refs:
            named = WEEKDAY_NAMED.search(r.expression)
            if named and r.when.precision == "day" and re.search(r"\d", r.expression):
                self.weekdays[named.group(0).lower()] = date(*r.when.lo)
        written = [date(*r.when.lo) for r in kept if r.when.lo[0] > 0 and r.when.precision in ("day", "span", "month")
                   and MONTH_NAMED.search(r.expression) and dates.WRITTEN_YEAR.search(r.expression)]
        self.written = written[-1] if written else None if kept else self.written
        return kept

    def _other_weekday(self, r: DateRef, text: str = "") -> bool:
        named = WEEKDAY_NAMED.search(r.expression)
        if not named or r.when.precision != "day" or re.search(r"\d", r.expression) or named.group(0).lower() not in self.weekdays:
            return False
        day, other = date(*r.when.lo), self.weekdays[named.group(0).lower()]
        # (not when it is read ahead, by its tense, and the named one is past: "will meet again on Thursday")
        return 0 < abs((day - other).days) <= 14 and not (r.planned and other <= self.published)

    def _other_year(self, r: DateRef) -> bool:
        w = self.written
        if w is None or r.when.lo[0] <= 0 or r.when.lo[0] == w.year or r.anaphoric \
                or not MONTH_NAMED.search(r.expression) or dates.WRITTEN_YEAR.search(r.expression):
            return False
        # (within three months after it in that year, not after the article: the story goes on; a weekday beside it
        # says which year: "on Thursday, September 19")
        then = dates._safe_date(w.year, r.when.lo[1], r.when.lo[2] or 1) or date(w.year, r.when.lo[1], 28)
        return timedelta(0) <= then - w <= timedelta(days=92) and then <= self.published and not WEEKDAY_NAMED.search(r.expression)


WEEKDAY_NAMED = _PATTERNS.compile(rf"\b(?:{'|'.join(words.WEEKDAYS)})\b", re.IGNORECASE)
MONTH_NAMED = _PATTERNS.compile(rf"\b(?:{words.MONTH_IN_TEXT})\b")


def _dates(text: str, ref_day: date, published: date, anchor: date | None) -> list[DateRef]:
    """The sentence's date expressions, less those of a dateline it opens with ("HAVANA, SEPTEMBER 25 (Reuters) -").
    A date in a quotation of several sentences is kept only where its own sentence, with the words around the
    quotation, reads the same day, month or year ("“We will go on. Since September there have been 13 visits,” he
    said": the future of the sentence before read it as next September; read alone, it is the last)."""
    dl = dates.DATELINE.match(text)
    refs = [r for r in dates.resolve(text, ref_day, published, anchor=anchor) if not dl or r.start >= dl.end()]
    inner = quoted_sentences(text) if refs else []
    for start, end in {span for span in inner for r in refs if span[0] <= r.start < span[1]}:
        own = list(text)                    # the other sentences of the quotation blanked, their places kept
        for a, b in inner:
            if (a, b) != (start, end):
                own[a:b] = " " * (b - a)
        own = "".join(own)
        alone = {(r.start, r.when) for r in dates.resolve(own, ref_day, published, anchor=anchor)}
        refs = [r for r in refs if not start <= r.start < end or (r.start, r.when) in alone]
    return refs


# What counts back or forward from the day of speaking: "yesterday", "today", "tomorrow", "tonight", "five days ago".
# A sentence inside a quotation or introducing one: "It reads as follows:", "“Canada is deeply concerned …"
QUOTING = _PATTERNS.compile(r"^\s*[“\"‘]|:\s*$")
_FROM_SPEAKING = r"yesterday|today|tomorrow|tonight|last\s+night|this\s+(?:morning|afternoon|evening)|ago"
FROM_SPEAKING = _PATTERNS.compile(rf"\b(?:{_FROM_SPEAKING})\b", re.IGNORECASE)


def _spoke(text: str, main: DateRef | None, ref_day: date) -> date | None:
    """The day a sentence says someone spoke, when it is not the day the article counts from."""
    if main is None or main.when.precision != "day" or main.anaphoric or main.when.lo[0] <= 0:
        return None
    day = date(*main.when.lo)
    # the saying's verb right before the day: "the president promised on Monday that …" (not "The army attacked on
    # Monday, the ministry said")
    return day if day != ref_day and (dates.SAID_BEFORE_DATE.search(text, 0, main.start) or _said_after_day(text, main)) \
        else None


def _said_after_day(text: str, r: DateRef) -> bool:
    """The day opens what a speaker then says: "On Monday evening, the president said …", "On Monday the ministry said
    …", "The ministry on September 27 said …" (not "The army attacked on Monday, the ministry said": the day of what was
    done before it; nor "The shelling on Monday, the ministry said, killed 12": the shelling's)."""
    said = SAID_AFTER_DAY.match(text, r.end)
    return bool(said) and not (r.of_event or r.names) and not dates.PAST.search(text, 0, r.start) \
        and not dates.PAST.search(said["who"])


# The speaker and the saying right after the day (`_said_after_day`)
SAID_AFTER_DAY = _PATTERNS.compile(rf"(?:\s+(?:morning|afternoon|evening|night))?\s*,?\s*(?P<who>{dates._SPEAKER}){dates._SAYING}\b",
                                   re.IGNORECASE)


def _day_past(earlier: DateRef | None, ref_day: date, adjacent: DateRef | None = None) -> bool:
    """The sentence before, in the paragraph, was about a day before the article's, or the text last talked about one
    in the week before: a quotation after it may be of that day's speaking."""
    def past(r: DateRef | None) -> date | None:
        ok = r is not None and r.when.precision == "day" and r.basis == "text" and 0 < r.when.lo[0] and date(*r.when.lo) < ref_day
        return date(*r.when.lo) if ok else None
    return past(adjacent) is not None or (past(earlier) is not None and ref_day - past(earlier) <= timedelta(days=7))


def _quoted_relative(text: str, r: DateRef) -> bool:
    """"“Despite what happened five days ago, …,” the president said", right after a sentence that dates the speaking to
    another day than the article's: a day counted from the speaker's day, which this sentence does not give."""
    return bool(FROM_SPEAKING.search(r.expression)) and dates._quotation(text, r.start) is not None


def _anchor(previous: DateRef | None, refs: list[DateRef]) -> date | None:
    """The day the sentence before was about, which "the next day" counts from; none if that sentence
    told of several days ("seized it on April 3 and retook it on April 5. A day later, …": after which?), a planned one
    too ("signed a decree on Thursday to dissolve it from January 1. From the same day, …": which day?)."""
    days = {r.when.lo for r in refs if r.when.precision == "day" and not (r.limit or r.nested)}
    if previous and previous.when.precision == "day" and previous.when.lo[0] > 0 and len(days) <= 1:
        return date(*previous.when.lo)
    return None


def _unread(text: str, refs: list[DateRef]) -> bool:
    """Whether the sentence names a date (besides a dateline it opens with) that `dates.resolve` left unread
    as unsure ("this Wednesday" in a Thursday article); a bound it read ("until April") is not one."""
    return bool(_unread_words(text, refs))


def _unread_words(text: str, refs: list[DateRef]) -> list[str]:
    """The words of the dates `_unread` finds."""
    dl = dates.DATELINE.match(text)
    return [m.group(0) for _, m in dates.find(text) if m.start() >= (dl.end() if dl else 0) and not BOUND_WORD.match(m.group(0))
            and not any(r.start < m.end() and m.start() < r.end for r in refs)]


# A day counted from the day of writing or of speaking ("this weekend"), from another day ("the next day"), or named
# by its weekday: a count beside one left unread is of
# a day the sentence does not give, not of the day of writing.
FROM_NOW = _PATTERNS.compile(rf"\b(?:{_FROM_SPEAKING}|day\s+(?:before|after)|weekend|(?:next|following|previous|same)\s+day"
                             rf"|days?\s+(?:later|earlier)|{'|'.join(words.WEEKDAYS)})\b", re.IGNORECASE)


BOUND_WORD = _PATTERNS.compile(r"\s*(?:until|till|by|since|from|through|to)\b", re.IGNORECASE)   # "until April": never the day


def _actors(out: Extracted, article: Article, s: Sentence, known: list[Mention], places: tuple[str, ...] = ()) -> None:
    """The people and organisations a sentence names, and what it says someone asked for."""
    flat = " ".join(s.text.split())
    named = actors.people(flat, places) + actors.organisations(flat)
    known.extend(actors.mentioned(flat, known, named))
    out.mentions.extend((m, source_for(article, s)) for m in named)
    if not s.caption:
        asked = actors.request(flat, known)
        if asked:
            out.requests.append((asked, source_for(article, s)))


# A direct quotation (not a term in quotation marks): "“…,” said the spokeswoman", "She said: “…"
DIRECT_QUOTE = _PATTERNS.compile(r"^\W*[“\"]|[,.!?][”\"]\s*,?\s*(?:[\w’'.-]+\s+){0,6}?(?:said|says|added|told|stated|wrote|noted)\b"
                                  r"|:\s*[“\"]")


def _in_paragraph(earlier: DateRef | None, before: Sentence | None, s: Sentence) -> DateRef | None:
    """The day the text last talked about, while the sentence goes on in the paragraph of the one before it."""
    return earlier if before is not None and before.block == s.block else None


def _main_date(out: Extracted, s: Sentence, refs: list[DateRef], dl_when: When | None,
               lead_when: When | None = None, previous: DateRef | None = None) -> DateRef | None:
    """The date a sentence is about; a reporting verb with no date of its own takes the dateline's (not right after a
    sentence that opened with another day, in its paragraph, unless it quotes: "On September 19, tensions flared up
    again. The capital announced it was launching …" is that day's story, not the dateline's), and so does the first
    statement under a date line ("The minister presented …")."""
    main = dates.primary(refs)
    if main is not None and len(re.findall(r"[A-Za-z0-9]+", s.text[:main.start] + s.text[main.end:])) < 3:
        main = None       # a date line on its own ("Updated September 30, 2023"), not a statement
    # (not when the sentence gives a day the engine left unread: "…, this Wednesday" under a Thursday dateline)
    when = dl_when or lead_when
    told_of = previous is not None and previous.basis == "text" and previous.when.precision == "day" and previous.start <= 3 \
        and when is not None and previous.when.lo != when.lo and not DIRECT_QUOTE.search(s.text)
    if main is None and not s.caption and REPORTING.search(s.text) and when and not _unread(s.text, refs) \
            and not BEFORE_THEN.match(s.text) and not told_of:
        main = DateRef(expression=out.dateline, start=0, end=0, when=when, basis="dateline")
    return main


# A sentence that says it tells of an earlier time: "Earlier, the prime minister stated …", "Previously, …"
BEFORE_THEN = _PATTERNS.compile(r"\W*(?:earlier|previously|before that|prior to that|formerly)\b"
                                r"(?!\s+(?:in|on|this|today|that\s+day)\b)", re.IGNORECASE)       # (not "Earlier in the day")


def _event(article: Article, s: Sentence, main: DateRef, settings: Settings, text: str | None = None,
           end: int | None = None) -> Event:
    """An item dated by `main`; with `end`, it states and quotes only the sentence's start, up to there."""
    when = main.when
    section = "background" if _before(when, settings.cutoff) else "timeline"
    part = s.text[:end].rstrip(" ,;:—–-") if end else None
    text = text or statement_text(part or s.text, main if main.basis == "text" else None)
    caption = None
    if s.caption:
        caption = dict(s.caption)
        caption["place"] = caption_place(s.text, main)
    return Event(id=f"{when.start}-{_slug(text)}", when=when, section=section, text=text,
                 status="planned" if main.planned else "done",
                 sources=[source_for(article, s, main.expression, part)], caption=caption,
                 claim=bool(CONTESTED.search(s.text)))


_CLAUSE = _PATTERNS.compile(r"\s(?:since|after|before|when|while|which|who|whom|whose|where)\b|;|\s[—–(]", re.IGNORECASE)


def _quote_end(text: str, main: DateRef, others: list[DateRef]) -> int | None:
    """Where the item dated by `main` stops being stated, when a clause after it names another dated
    thing ("… decided on Thursday to allocate … for the refugees, who came since last month's
    offensive"): the start of that clause, so the item quotes what it states. None: the whole sentence."""
    later = [r for r in others if r.start >= main.end and r.basis == "text"]
    if main.basis != "text" or not later:
        return None
    cuts = list(_CLAUSE.finditer(text, main.end, min(r.start for r in later)))
    if not cuts or len(re.findall(r"[A-Za-z]+", text[:cuts[-1].start()])) < 6:
        return None
    return cuts[-1].start()


def _more_statements(text: str, refs: list[DateRef], main: DateRef | None) -> list[tuple[DateRef, str]]:
    """Dates beside the sentence's main one that date statements of their own, with each statement's text:
    a date that names when a thing happened ("last week's detention", "Freedonia's 19 September
    operation"); what a trailing report reports ("… on September 19-20, the ministry announced on
    Wednesday"); a clause joined by ", and" ("on September 19, …, and the very next day, …"); and a
    planned day beside a done one ("signed a decree on Thursday … from January 1, 2024")."""
    out: list[tuple[DateRef, str]] = []
    for r in refs:
        if r is main or (main is not None and r.when == main.when):
            continue
        thing = _named_thing(text, r) or _event_clause(text, r)
        if thing:
            out.append((r, thing))
            continue
        if main is None or main.basis != "text" or main.planned or r.nested or r.limit or r.anaphoric:
            continue
        if reported := _reported(text, r, main):
            out.append((r, _part(text, r, reported)))
        elif joined := _coordinated(text, r, main):
            out += [(r, _part(text, r, joined)), (main, _part(text, main, _coordinated(text, main, r)))]
        elif r.planned and r.when.precision == "day" and not re.match(r"(?:by|until|till|through|before|after)\b",
                                                                        r.expression, re.IGNORECASE):
            out.append((r, statement_text(text, r)))
    return out


def _part(text: str, r: DateRef, span: tuple[int, int]) -> str:
    """The statement text of one part of a sentence (its date words taken out)."""
    a, b = span
    said = statement_text(text[a:b], replace(r, start=r.start - a, end=r.end - a))
    return said if re.search(r"[.!?]$", said) else said + "."


SUBORDINATE = _PATTERNS.compile(r"\b(?:since|after|following|in\s+the\s+wake\s+of|before|when|while|because|as|until|although"
                                r"|though|if|which|who|that)\b", re.IGNORECASE)
_CLAUSE_END = r"[,.;:()\"“”]|\b(?:that|which|who|whose|when|where|while|and|but|as|after|before|because|since|until|to)\b"
_PREPOSITION = r"of|in|on|at|against|near|over|between|across|during|for|amid|by|from|with"
_AUXILIARY = r"was|were|is|are|has|have|had|will|would|could|can|cannot|may|might|must|should|did|does|do|be|been"


def _named_thing(text: str, r: DateRef) -> str | None:
    """The thing a possessive date names: "last week's detention of officials", "Freedonia's 19 September
    military operation"; only a word for an event, within three words ("today's Sylvania" names none)."""
    before, after = text[:r.start], re.sub(r"^['’]s(?=\s)", "", text[r.end:])
    owner = re.search(r"\b(?P<owner>[A-Z][\w-]*['’]s)\s+$", before)
    own = bool(re.search(r"['’]s$", r.expression)) or len(after) < len(text) - r.end
    thing = _noun_phrase(after) if own or owner else None
    thing = f"{owner['owner']} {thing}" if thing and owner and not own else thing
    return thing[:1].upper() + thing[1:] if thing else None


_EVENT_HEAD = _PATTERNS.compile(rf"\b(?:the|a|an|this|that|its|their|[A-Z][\w-]*['’]s)\s+"
                                rf"(?:(?!(?:the|a|an|of|in|on|at|by|to|for|from|with|after|before)\b)[\w.’'-]+\s+){{0,3}}?"
                                rf"(?:{dates.EVENT})\s*$", re.IGNORECASE)


def _event_clause(text: str, r: DateRef) -> str | None:
    """"… after the storm, which struck the coast on 3 May.": the clause dates the event it describes,
    when its antecedent is a word for an event and its verb is in the past ("The storm struck the coast.")."""
    clause = next((m for m in dates.NESTED.finditer(text) if m.start() <= r.start < m.end()), None)
    if clause is None or r.planned or r.limit or r.anaphoric:
        return None
    head = _EVENT_HEAD.search(text, 0, clause.start())
    rest = re.match(r",\s+which\s+", text[clause.start():])
    if not head or not rest or not dates.PAST.match(text, clause.start() + rest.end()):
        return None
    a = clause.start() + rest.end()
    said = f"{head.group(0).strip()} {text[a:r.start]}"
    moved = replace(r, start=len(said), end=len(said) + r.end - r.start)
    said = statement_text(said + text[r.start:clause.end()].rstrip(" ."), moved)
    return said.rstrip(" ,;:") + "."


def _noun_phrase(after: str) -> str | None:
    """The event a date names, as written after it: its word for an event with up to two words before
    it ("military operation"), and one phrase after it ("detention of several officials")."""
    head = re.match(rf"\s*((?:[\w’'-]+\s+){{0,2}}?(?:{dates.EVENT}))\b", after, re.IGNORECASE)
    if not head:
        return None
    tail = re.match(rf"\s+(?:{_PREPOSITION})\s+(?:(?!{_CLAUSE_END}|(?:{_PREPOSITION}|{_AUXILIARY})\b)[^\s,.;:()\"“”]+\s*){{1,6}}",
                    after[head.end():], re.IGNORECASE)
    return plain(head.group(1) + (tail.group(0).rstrip() if tail else ""))


def _reported(text: str, r: DateRef, main: DateRef) -> tuple[int, int] | None:
    """"<what happened on r>, <who> said on <main>": the part before the report, when r is in its
    main clause (not "since Freedonia took control last week, …")."""
    cut = text.rfind(",", 0, main.start)
    end = text.find(",", main.end)
    if cut < r.end or not REPORTING.search(text[cut:end if end != -1 else len(text)]) or SUBORDINATE.search(text[:r.start]):
        return None
    return 0, cut


def _coordinated(text: str, r: DateRef, main: DateRef) -> tuple[int, int] | None:
    """"On September 19, A happened, and the very next day, B": the clause of r when the two are so joined."""
    lo, hi = sorted((r, main), key=lambda d: d.start)
    joint = re.search(r"(?:,\s+(?:and|but|while)|;)\s+", text[lo.end:hi.start])
    if not joint:
        return None
    cut = lo.end + joint.start()
    return (0, cut) if r is lo else (cut + len(joint.group(0)), len(text))


def _context(out: Extracted, article: Article, s: Sentence, refs: list[DateRef], settings: Settings) -> None:
    """An undated sentence on one of the settings' topics, as background context."""
    topic = _topic(s.text, settings)
    if topic and not any(r.when.precision == "day" for r in refs):
        out.context.append(Context(id=f"{_slug(topic, 4)}-{_slug(s.text)}", topic=topic,
                                   text=plain(s.text), sources=[source_for(article, s)]))


def _before(when: When, cutoff: date) -> bool:
    return when.hi < (cutoff.year, cutoff.month, cutoff.day)


def _topic(text: str, settings: Settings) -> str | None:
    low = text.lower()
    for topic, words in settings.topics.items():
        if any(w in low for w in words):
            return topic
    return None


@dataclass
class _In:
    """The sentence a figure is in: as written, with its whitespace made single spaces, and who was named so far."""
    text: str
    flat: str
    known: list[Mention]
    labels: dict[str, str]          # each measure's label (settings)
    sides: tuple = ()               # the topic's sides: (name, pattern)
    places: tuple = ()              # the topic's places

    def at(self, pos: int) -> int:
        return _flat_offset(self.text, pos)


def _who_label(f: figures.Found, s: _In) -> str | None:
    return f"{s.labels[f.metric]}: {f.who}" if f.who else None


def _donor(f: figures.Found, s: _In) -> str | None:
    return actors.donor(s.flat, s.at(f.start), s.known, s.places)


def _announcer(f: figures.Found, s: _In) -> str | None:
    """The person who announced the money, when the donor is their country or organisation."""
    return actors.announcer(s.flat, s.at(f.start), s.known, s.places)


def _purpose(f: figures.Found, s: _In) -> str | None:
    return actors.purpose(s.flat, s.at(f.start), s.at(f.end))


def _side(f: figures.Found, s: _In) -> str | None:
    return actors.side(f.who, s.flat, s.at(f.start), s.sides)


def _according_to(f: figures.Found, s: _In) -> str | None:
    return actors.resolve(actors.speaker(s.flat), s.known)


_FOR = r"\b(?:for|to)\s+(?:help\s+)?(?P<who>(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:of|for|and|the|[A-Z][\w’'-]*))*|the\s+refugees)"


def _recipient(f: figures.Found, s: _In) -> str | None:
    """For whom an amount is: "… package for Sylvania", else "funding for the ICRC from 2 to 5 million"."""
    m = re.search(_FOR, s.text[f.start:])
    if not m:
        clause = re.split(r"[.;:]\s", s.text[:f.start])[-1]
        m = list(re.finditer(_FOR, clause))[-1] if re.search(_FOR, clause) else None
    return re.sub(r"\s+(?:from|and)$", "", m.group("who").strip()) if m else None


_CASUALTY = {"label": _who_label, "side": _side, "according_to": _according_to}
# What each measure's figures are enriched with, beyond the number: field -> how it is found.
ENRICHMENTS = {
    "killed": _CASUALTY, "wounded": _CASUALTY, "missing": _CASUALTY,
    "aid": {"donor": _donor, "announced_by": _announcer, "purpose": _purpose, "recipient": _recipient},
    "appeal": {"donor": _donor, "announced_by": _announcer, "recipient": _recipient},
}


def _figures(out: Extracted, article: Article, s: Sentence, refs: list[DateRef], main: DateRef | None,
             previous: DateRef | None, known: list[Mention], settings: Settings, published: date,
             earlier: DateRef | None = None, quoted_on: date | None = None, dropped: bool = False) -> None:
    """The sentence's figures (`published`: the day it was published, a live page's entries on their heading's day;
    `quoted_on`: the day the speaker it quotes spoke, which a count "as it stands" is as of, not the article's;
    `dropped`: its dates were left unread as unsure, `_Told`)."""
    found = figures.find(s.text, figures.Rules.of(settings.topic.measure_words, settings.topic.measure_verbs))
    if not found:
        return
    labels = settings.labels
    where = _In(s.text, " ".join(s.text.split()), known, labels, settings.topic.sides, settings.topic.places)
    # (a day naming a thing, "after the November 30 vote", says nothing of the count's)
    unread = [u for u in _unread_words(s.text, refs) if FROM_NOW.search(u) or not re.match(r"the\s", u, re.IGNORECASE)]
    first, unsure = len(out.figures), "day" if dropped or any(FROM_NOW.search(u) for u in unread) else "other" if unread else ""
    for f in found:
        as_of, basis = _as_of(_Day(f, s.text, refs, main, previous, published, settings.cutoff, earlier, unsure))
        if basis == "publication" and quoted_on is not None:     # the day the quoted speaker spoke, or not known
            as_of, basis = (quoted_on.isoformat(), "context") if isinstance(quoted_on, date) else (None, "none")
        extra = {name: enrich(f, where) for name, enrich in ENRICHMENTS.get(f.metric, {}).items()}
        label = extra.pop("label", None) or labels[f.metric]
        fid = f"{f.metric}-{as_of or 'undated'}-{int(f.value) if f.value == int(f.value) else f.value}-{f.unit.lower()}"
        out.figures.append(Figure(
            id=fid, metric=f.metric, label=label, value=f.value, unit=f.unit, qualifier=f.qualifier,
            words=plain(f.words), as_of=as_of, as_of_basis=basis, sources=[source_for(article, s, None)],
            value_max=f.value_max, previous=f.previous, converted=f.converted, who=f.who, **extra))
    _same_side(out.figures[first:])


def _same_side(figs: list[Figure]) -> None:
    """"192 Freedonian soldiers killed and 511 soldiers wounded": the second count is of the same side."""
    for f in figs:
        if f.side is None and f.metric in ("killed", "wounded", "missing"):
            kin = [g for g in figs if g.side and (g.who or "").split()[-1:] == (f.who or "").split()[-1:]]
            if kin:
                f.side = kin[0].side


@dataclass
class _Day:
    """What a figure's "as of" day is chosen from: the figure, its sentence, the sentence's dates."""
    f: figures.Found
    text: str
    refs: list[DateRef]
    main: DateRef | None            # the day the sentence is about
    previous: DateRef | None        # the day the sentence before was about
    published: date
    cutoff: date = date.min         # the turning point: before it, Background
    earlier: DateRef | None = None  # the day the text last dated something (`previous`, or before it)
    unsure: str = ""                # the sentence names a date left unread as unsure: "day" (`FROM_NOW`), "other"


NOW = _PATTERNS.compile(r"\b(?:(?<!as it is )(?<!as it's )(?<!as they are )now|so far|to date|thus far|currently|at present"
                        r"|(?:in|over|during|within)\s+the\s+(?:past|last)\s+(?:24|twenty-four|48|forty-eight)\s+hours"
                        r"(?!\s+(?:before|after|until|since|to|of)\b))\b", re.IGNORECASE)
DEADLINE = r"\b(?:as of|as at|by|until|till)"                                    # "by Monday, 5,000 had fled so far"
# A clause set off by a comma and a relative pronoun (", to which are added 2 million euros").
REL_CLAUSE = _PATTERNS.compile(r",\s+(?:(?:to|in|of|for|during|after|by|under|according to)\s+)?(?:who|whom|whose|which)\b"
                               r"(?:[^,;:—–]|,(?=\d))*", re.IGNORECASE)
DESCRIBES = _PATTERNS.compile(r"^\s*(?:who|which|that)\b[^,;]*$", re.IGNORECASE)          # "100,000 who lived there as of …"
EVENT_CLAUSE = _PATTERNS.compile(r"\b(?:that|which)\s+(?:(?:had|has|have)\s+)?(?:killed|wounded|injured|left|claimed|displaced)\b"
                                 r"[^,;]{0,40}$", re.IGNORECASE)                        # "the strikes that killed 32"
PARTICIPLE = _PATTERNS.compile(r",\s+(?:killing|injuring|wounding|leaving|displacing)\b[^,;]{0,40}$", re.IGNORECASE)   # ", killing 12"
PERFECT = _PATTERNS.compile(r"\b(?:has|have)\s+(?:[a-z]+\s+)?(?:been\s+)?[a-z]+(?:ed|en|wn|ft|ld|ght)\b", re.IGNORECASE)
SINCE = _PATTERNS.compile(r"\bsince\b[^,;]*$", re.IGNORECASE)
HAD_DONE = _PATTERNS.compile(r"\bhad\s+(?:already\s+|now\s+)?(?:been\s+)?[a-z]+(?:ed|en|wn|ft|ld|ght)\b", re.IGNORECASE)


def _deadline(text: str, r: DateRef) -> bool:
    """A day a count was made by ("by Monday", "as of Monday"), in or just before the date's words."""
    return bool(re.search(DEADLINE + r"\s*$", text[:r.start], re.IGNORECASE)
                or re.match(DEADLINE + r"\b", r.expression, re.IGNORECASE))


def _clause(text: str, f: figures.Found) -> tuple[int, int]:
    """Where the clause around a figure starts and ends: the nearest commas or semicolons (not "40,000")."""
    cuts = [c.start() for c in re.finditer(r"[,;](?!\d)", text)]
    return max([c for c in cuts if c < f.start], default=0), min([c for c in cuts if c >= f.end], default=len(text))


def _apart(f: figures.Found, r: DateRef, text: str) -> bool:
    """A date in another clause than the figure: in a ", which …" clause the figure is not in (or the other
    way round), or in a clause that describes the people counted ("who lived there as of September 19")."""
    spans = [(m.start(), m.end()) for m in REL_CLAUSE.finditer(text)]
    def inside(pos: int):
        return next((sp for sp in spans if sp[0] <= pos < sp[1]), None)
    if r.end > r.start and inside(f.start) != inside(r.start):
        return True
    return r.start >= f.end and bool(DESCRIBES.match(text[f.end:r.start]))


def _stated(w: _Day):
    """"as of 8 a.m. on September 28" in the figure's sentence."""
    for r in w.refs:
        if (re.search(r"\bas of\b[^.;]{0,40}$", w.text[:r.start]) or r.expression.lower().startswith("as of")) \
                and r.when.precision == "day" and not _apart(w.f, r, w.text):
            return r.when.start, "sentence"
    return None


def _right_after(w: _Day):
    """A day named right after the count, in its clause ("up from 56 on Saturday", "850,000 a day earlier", "forced
    121,000 people from their homes by Sunday night"): the day that count was true, whatever the sentence's day.
    Not a day something runs from or to ("100,000 people since September 19")."""
    for r in w.refs:
        between = w.text[w.f.end:r.start]
        if r.start >= w.f.end and NEAR_AFTER.fullmatch(between) and r.when.precision == "day" and not r.planned \
                and not r.limit and not SINCE_FROM.match(r.expression) and not THE_DAY.match(r.expression):
            return r.when.start, "sentence"
    return None


# "Almost 2,000 servicemen were deployed at the time": a count of a time told of before, which no rule gives a day, is
# not of the day of writing (not "at the time of writing")
AT_THE_TIME = _PATTERNS.compile(r"\bat\s+(?:the|that)\s+time\b(?!\s+of\b)", re.IGNORECASE)


def _at_the_time(w: _Day):
    """(Not in a clause of its own: "3,000 live in the town, which was not on the front line at the time".)"""
    at = AT_THE_TIME.search(w.text)
    aside = at and any(n.start() < at.start() < n.end() for n in dates.NESTED.finditer(w.text))
    return (None, "none") if at and not aside and not _as_it_stands(w) else None


def _over_span(w: _Day):
    """A count over a span the sentence gives from its start to its end ("From May 2021 until March 2022, 3,000 people
    left"): no one day."""
    over = any(r.limit and (dates.SPAN_START_BEFORE.search(w.text, 0, r.start) or (
        r.expression.lower().startswith("from") and dates.SPAN_END_AFTER.match(w.text, r.end))) for r in w.refs)
    return (None, "none") if over else None


# "died in the September 25 explosion", "the 25 September blast": a day naming a thing (not "on the previous day")
THE_DAY = _PATTERNS.compile(r"(?:(?:in|of|on|at|from)\s+)?the\s+(?:[A-Z][a-z]+\.?\s+\d|\d{1,2}\s+[A-Z])")


def _released_on(w: _Day):
    """"218 died in the September 25 explosion, according to figures released by investigators on Friday": a count
    given on a day the sentence names is as of that day, not of the event it counts."""
    for r in w.refs:
        if r.when.precision == "day" and not r.planned and not r.limit and r is not w.main and r.start > w.f.end \
                and GIVEN_BEFORE.search(w.text, max(0, r.start - 60), r.start) \
                and ATTRIBUTED.search(w.text, w.f.end, r.start) \
                and (w.main is None or r.when.lo >= w.main.when.lo):
            return r.when.start, "sentence"
    return None


ATTRIBUTED = _PATTERNS.compile(r",|\baccording to\b", re.IGNORECASE)     # "…, according to figures released on Friday"


# "the death toll from the blast at the depot on Monday has risen to 68": a day inside the words that name a toll's
# event is the event's; when the toll had risen to 68, the sentence does not say (not "the toll on Monday rose to 20")
TOLL_OF = _PATTERNS.compile(r"\btoll\s+(?:from|in|of)\s", re.IGNORECASE)
TOLL_UP_TO = _PATTERNS.compile(r"\b(?:to|until|till|as\s+of|by)\s+$", re.IGNORECASE)


def _toll_event_day(w: _Day):
    m = w.main
    if m is None or m.end > w.f.start:
        return None
    toll = TOLL_OF.search(w.text, 0, m.end)         # (its words may begin with the date's: "from Monday's blast")
    if not toll or re.search(r"[,;]", w.text[toll.end():m.start]) or TOLL_UP_TO.search(w.text, 0, m.start) \
            or re.match(r"\s+alone\b", w.text[m.end:]):
        return None                                 # "the toll in the 24 hours to Tuesday", "on Tuesday alone": its day
    return None, "none"


# A count's giving, right before its day: "said on Friday", "figures released by investigators on Friday"
GIVEN_BEFORE = _PATTERNS.compile(r"\b(?:said|says|reported|announced|released|published|confirmed|stated|told|updated|revealed"
                                 r"|disclosed)\s+"
                                 r"(?:[\w’'-]+\s+){0,4}?$")


def _compared_then(w: _Day):
    """"up from 56 the week before", "compared with 40 the previous month": the count compared with was true
    on a day the sentence does not give (one it gives is `_right_after`'s), not the sentence's day."""
    if COMPARED_WITH.search(w.text, 0, w.f.start) and THEN_AFTER.match(w.text, w.f.end):
        return None, "none"
    return None


COMPARED_WITH = _PATTERNS.compile(r"\b(?:(?:up|down)\s+from|compared\s+(?:with|to)|against)\s+(?:(?:about|around|some|nearly|just)\s+)?$",
                                  re.IGNORECASE)
THEN_AFTER = _PATTERNS.compile(r"\s*(?:[a-z]+\s+)?(?:(?:the|a|one)\s+(?:(?:previous|prior|preceding)\s+)?(?:day|week|month|year|weekend)\b"
                               r"(?:\s+(?:before|earlier|prior))?|(?:earlier|previously|before)(?=\s*(?:[,.;:)]|$)))", re.IGNORECASE)


NEAR_AFTER = _PATTERNS.compile(r"\s*(?:[\w’'-]+\s+){0,3}?", re.IGNORECASE)       # at most three words, no comma
SINCE_FROM = _PATTERNS.compile(r"(?:since|from|starting|beginning)\b", re.IGNORECASE)


def _now(w: _Day):
    """"At least 170 people are now known to have died … on Monday": a count as it stands when written
    (unless the sentence's day is the day someone said it: "said on Thursday that 65,000 have now arrived")."""
    lo, hi = _clause(w.text, w.f)
    said = w.main is not None and REPORTING.search(w.text[max(0, w.main.start - 25):w.main.end + 25])
    now = (NOW.search(w.text[lo:hi]) or NOW.match(w.text.lstrip(" \"“‘'("))      # "So far, more than 2,000 …"
           # "have saved 3,000 since Thursday", in a sentence with no day of its own (else that is the day it was said)
           or (w.main is None and SINCE.search(w.text[lo:hi]) and PERFECT.search(w.text, lo, hi)))
    if now and not said and not any(_deadline(w.text, r) for r in w.refs):
        return w.published.isoformat(), "publication"
    return None


def _in_event_clause(w: _Day):
    """"the strikes that killed 32": the day of that event, only if its own clause names it; "a shell hit the
    market on Monday, killing 12", "the worst since 1998, when 3,000 died": the day of the clause it hangs on."""
    lo, _ = _clause(w.text, w.f)
    if PARTICIPLE.search(w.text[:w.f.start]) or _when_clause(w):
        m = w.main
        usable = m is not None and _event_day(m, w.published) and not _apart(w.f, m, w.text)
        return (m.when.start, "sentence") if usable else (None, "none")
    m = EVENT_CLAUSE.search(w.text[lo:w.f.start])
    if not m:
        return None
    own = [r for r in w.refs if r.start >= lo + m.start() and _event_day(r, w.published)]
    return (own[0].when.start, "sentence") if own else (None, "none")


def _when_clause(w: _Day) -> bool:
    """"the worst since 1998, when 3,000 people died": the count is of the time just named."""
    m = w.main
    return m is not None and m.end <= w.f.start and bool(WHEN_AFTER.fullmatch(w.text, m.end, w.f.start))


WHEN_AFTER = _PATTERNS.compile(r"\s*,?\s+when\b[^,;]{0,60}", re.IGNORECASE)


def _event_day(r: DateRef, published: date) -> bool:
    """When a past event's toll was true: its day, or the month or year of an event over before the
    article ("the 1960 earthquake, killing at least 12,000": as of 1960)."""
    if r.planned:
        return False
    return r.when.precision == "day" or (r.when.precision in ("month", "year")
                                         and r.when.hi < (published.year, published.month, published.day))


def _statement(w: _Day):
    """The day the sentence is about, if in the figure's clause; a plan names no day yet; a period over
    before the article ("in the 1990s", "last week") has no day; one still running is the day of writing."""
    m = w.main
    if m is None or (_apart(w.f, m, w.text) and not _carried(w, m)):
        return None
    if m.end <= w.f.start and FROM_COUNT.search(w.text, 0, m.start) and TO_COUNT.fullmatch(w.text, m.end, w.f.start):
        return None, "none"         # "rose from 28,000 on Tuesday to 50,000": Tuesday's is the count it rose from
    if m.planned or _joined_after(w, m):
        return None, "none"
    if m.when.precision == "day":
        if m.start > w.f.end and SINCE.search(w.text, w.f.end, m.start):
            if _perfect(w):
                return w.published.isoformat(), "publication"   # "30 have been killed since the army attacked on Tuesday"
            if HAD_DONE.search(w.text, w.f.end, m.start):
                return None, "none"     # "said 70,000 had entered since the road opened on Sunday": as of the saying
        closing = CLOSING_SAYING.search(w.text, w.f.end)
        if m.start > w.f.end and w.f.metric in FLIGHT and AFTER_THE.search(w.text, w.f.end, m.start) \
                and not (closing and closing.start() <= m.start):
            return None, "none"         # "100,000 fled after the offensive on September 19": the day it set off
        return m.when.start, "sentence"
    since = SINCE.search(w.text[:m.start]) or m.expression.lower().startswith("since")
    if since or m.when.hi >= (w.published.year, w.published.month, w.published.day):
        return w.published.isoformat(), "publication"
    return None, "none"


def _opening_deadline(text: str, r: DateRef) -> bool:
    """"By October 1, the agency had registered 84,956 refugees, who had come in 21,000 vehicles": a deadline opening
    the sentence holds for all its counts, those of its clauses too."""
    return _deadline(text, r) and len(text[:r.start].split()) <= 1 and bool(re.match(r"\s*,", text[r.end:]))


def _carried(w: _Day, r: DateRef) -> bool:
    """An opening deadline carried into a clause told as done, with no time of its own ("…, who had arrived in 21,000
    vehicles"; not "…, whose population is 120,000", "… 500 people are still missing")."""
    lo, hi = _clause(w.text, w.f)
    own = w.text[lo:hi]
    return _opening_deadline(w.text, r) and bool(dates.PAST.search(own) or HAD_DONE.search(own)) \
        and not PRESENT.search(own) and not NOW.search(own) and not re.search(r"\bbefore\b", own)


FLIGHT = ("arrivals", "displaced")       # the measures of people who fled


# "the toll was 5,000, and on Monday 20 more died": the day is of the clause joined after the count's
JOINED = _PATTERNS.compile(r"(?:,\s+(?:and|but|while|whereas)|;)\s", re.IGNORECASE)


def _joined_after(w: _Day, m: DateRef) -> bool:
    """The sentence's day is in a clause of its own joined after the count's (`JOINED`), not the day a closing saying
    gives ("…, and 200 were wounded, the ministry said on Tuesday"), nor that of a predicate sharing the count's
    subject ("killed 12 civilians, and wounded 30 others on Monday")."""
    joint = JOINED.search(w.text, w.f.end, m.start) if m.start >= w.f.end else None
    closing = CLOSING_SAYING.search(w.text, joint.end()) if joint else None
    return bool(joint) and not (closing and closing.start() <= m.start) and not SHARED_VERB.match(w.text, joint.end())


# "…, the ministry said on Tuesday." ending the sentence; "and wounded 30 others": the count's subject's other count
CLOSING_SAYING = _PATTERNS.compile(r",\s+(?:[\w’'-]+\s+){1,5}?(?:said|says|reported|announced|confirmed|stated|told\s+\w+)"
                                   r"\s+(?:on\s+|late\s+|early\s+)?[^,;]{0,30}[.!?\"”]*$", re.IGNORECASE)
SHARED_VERB = _PATTERNS.compile(r"(?:killed|wounded|injured|displaced|left)\s+(?:about\s+|some\s+|more\s+than\s+|over\s+|at\s+least\s+)?"
                                r"(?:\d|(?:[a-z]+\s+)?(?:others|more|people|civilians)\b)", re.IGNORECASE)


FROM_COUNT = _PATTERNS.compile(r"\bfrom\s+(?:about\s+|some\s+|around\s+|nearly\s+)?\d[\d,.]*(?:\s+[a-z]+){0,2}\s+$", re.IGNORECASE)
TO_COUNT = _PATTERNS.compile(r"[^,;]{0,20}?\bto\s+(?:about\s+|some\s+|around\s+|nearly\s+|more\s+than\s+|over\s+)?",
                             re.IGNORECASE)
_NAMED_SIDES = r"(?-i:[A-Z])[\w-]*['’]s"                     # "Freedonia's (offensive)": opens an event as "the" does
AFTER_THE = _PATTERNS.compile(rf"\b(?:after|following|in\s+the\s+wake\s+of)\s+(?:the|its|their|a|an|{_NAMED_SIDES})\s", re.IGNORECASE)


def _perfect(w: _Day) -> bool:
    """Whether the count's verb is in the present perfect ("30 have been killed since …", "2,000 people have fled"):
    the count as it stands when written."""
    lo, hi = _clause(w.text, w.f)
    perfect = PERFECT.search(w.text, lo, hi)
    return bool(perfect) and (perfect.start() >= w.f.end or bool(re.search(r"\d", w.text[lo:perfect.start()])))


def _sentence_before(w: _Day):
    """A sentence with no day of its own for the figure: the day the sentence before was about (not for a
    count in the present perfect, "2,000 people have been killed", nor one that describes in the present, "Freedonia,
    which has a population of 3 million": that is the count when written)."""
    if w.previous is None or w.previous.when.precision != "day" or _perfect(w) or _present(w) or _running(w):
        return None
    if AT_CLOCK.search(w.text):
        return None, "none"     # "As of 6 am, 3,400 had crossed": 6 am of which day? Not said
    if _anchored(w) and w.published - date(*w.previous.when.lo) > timedelta(days=7):
        return None, "none"
    return w.previous.when.start, "context"


def _running(w: _Day) -> bool:
    """Whether the count runs since a time ("and another 200 wounded since the army launched …"): as it stands."""
    _, hi = _clause(w.text, w.f)
    return bool(RUNNING_SINCE.search(w.text, w.f.end, hi))


RUNNING_SINCE = _PATTERNS.compile(r"\bsince\b(?!\s+(?:the\s+)?(?:midnight|dawn|morning|noon|daybreak|\d))", re.IGNORECASE)


# A count's clause that describes in the present ("Freedonia, which has a population of …"); not "The number is
# 100,625" after the day it was given, nor "to which is added …"
PRESENT_NOW = _PATTERNS.compile(r"\b(?:which|that|who)\s+(?:has|have)\s+a\s+population\b", re.IGNORECASE)


# A sentence opening with a count's time of day and no day of its own: "As of 5 am", "By 8 p.m.", "As of 1600 GMT" (not
# "By midnight that night")
AT_CLOCK = _PATTERNS.compile(r"^\W*(?:as\s+of|as\s+at|by|until)\s+(?:\d{1,2}(?:[:.]\d\d)?\s*(?:a\.?m\b\.?|p\.?m\b\.?)"
                             r"|\d{1,2}:\d\d\b|\d{4}\s*(?:GMT|UTC)\b|noon\b|midnight\b|midday\b)"
                             r"(?![^,]*\b(?:that|the\s+same)\s+(?:day|night|evening|morning)\b|\s+on\b)", re.IGNORECASE)


def _present(w: _Day) -> bool:
    lo, hi = _clause(w.text, w.f)
    return bool(PRESENT_NOW.search(w.text, lo, hi))


# "… left the valley after the army took control", "since the offensive": the count runs from an event its own clause
# names; told more than a week after the day the sentence before was about, it need not be of that day.
ANCHORED = _PATTERNS.compile(rf"\b(?:after|since|following)\s+(?:the|its|their|his|her|a|an|{_NAMED_SIDES})\s", re.IGNORECASE)


def _anchored(w: _Day) -> bool:
    _, hi = _clause(w.text, w.f)
    return bool(ANCHORED.search(w.text, w.f.end, hi))


def _said_earlier(w: _Day):
    """"Authorities had earlier said the blast claimed 68 lives", "Initially, outlets quoted a toll of 125": a count
    given before, on a day the sentence does not name: not as of writing, nor of the sentence before (unless its
    clause tells how things stand: "As the ministry had reported, 2,000 people remain in shelters")."""
    return (None, "none") if SAID_EARLIER.search(w.text, 0, w.f.start) \
        and not (AS_REPORTED.match(w.text) and _as_it_stands(w)) else None


AS_REPORTED = _PATTERNS.compile(r"\W*As\s+[^,]{1,60}?\b(?:had\s+)?(?:reported|said|announced|stated)\s*,", re.IGNORECASE)


SAID_EARLIER = _PATTERNS.compile(r"\b(?:had\s+(?:earlier\s+|previously\s+|initially\s+|first\s+)?(?:said|reported|announced|put|given"
                                 r"|estimated|stated|claimed)|(?:earlier|previously|initially|at\s+first)\s+(?:said|reported"
                                 r"|announced|put|gave|estimated|stated|claimed|quoted))\b|^\W*(?:initially|at\s+first|earlier|previously),",
                                 re.IGNORECASE)


def _unsure_day(w: _Day):
    """A sentence that names a date left unread as unsure: its counts are not of the day the sentence before was
    about ("…, the ministry said the day before"), nor of the day of writing when that date counts from a day or names
    a weekday (a quoted "yesterday" from a speaker's day the text does not give), nor when it tells what was or will
    be ("The 2020 war ended on November 10, by which time 6,500 had been killed"); "in the past week … has reached
    100,417" is still as of writing."""
    if w.unsure and (w.unsure == "day" or _sentence_before(w) is not None or not _as_it_stands(w)):
        return None, "none"
    return None


def _as_it_stands(w: _Day) -> bool:
    """The count's clause tells how things stand (present perfect or present: "has reached 100,417", "are
    sheltered"), not what was or will be ("had been killed", "will be eligible")."""
    lo, hi = _clause(w.text, w.f)
    return bool(PERFECT.search(w.text, lo, hi) or PRESENT.search(w.text, lo, hi))


PRESENT = _PATTERNS.compile(r"\b(?:is|are|remains?|stands?|totals?|exceeds?|reaches)\b", re.IGNORECASE)


def _toll_before(w: _Day):
    """"In 2015, a war broke out. … More than 4,000 people were killed.", "It was fought from 1988 to 1994. It
    displaced a million people.": a toll or a flight told in the past tense, with no day
    of its own, after the text last dated something before the turning point may be that time's toll, or today's:
    none (not the day of writing, nor that year: "In 1975, fighting broke out. Some 9,000 were killed" is a toll
    of the war that began then and ended years later)."""
    e = w.earlier
    open_ended = (e.limit or SINCE_FROM.match(e.expression)) and e.when.precision != "span" if e else False
    if e is None or w.f.metric not in TOLD_BEFORE or not _before(e.when, w.cutoff) or open_ended \
            or NOW.search(w.text) or PERFECT.search(w.text) \
            or not (dates.PAST.search(w.text, w.f.end) or DID_TO.search(w.text, 0, w.f.start)):
        return None
    return None, "none"


# "The war killed around 30,000 people", "displaced more than 100,000": the past verb before the count
DID_TO = _PATTERNS.compile(r"\b(?:killed|wounded|injured|displaced|claimed\s+the\s+lives\s+of)\s+(?:(?:about|around|some|nearly"
                           r"|almost|roughly|more\s+than|over|at\s+least|an\s+estimated)\s+)?$", re.IGNORECASE)


# What `_toll_before` reads: the killed, hurt and missing, and those who fled (not "since 2020, …": a count from then on,
# but "from 1988 to 1994": a time over before the turning point)
TOLD_BEFORE = (*figures.CASUALTIES, *FLIGHT)


def _flight_it_caused(w: _Day):
    """"On September 19, violence erupted, forcing 100,000 people to flee", "…, triggering a flight of 100,000": a
    flight an event set off went on for days after it: not as of the event's day, nor of the day of writing."""
    lo, _ = _clause(w.text, w.f)
    if w.f.metric in FLIGHT and CAUSING.match(w.text, lo):
        return None, "none"
    return None


CAUSING = _PATTERNS.compile(r"[,;]?\s*(?:forcing|driving|prompting|causing|triggering|sparking|sending|leading|displacing)\b"
                            r"(?!\s+(?:the\s+)?(?:total|number|toll|tally|count)\b)", re.IGNORECASE)


# The day a figure was true or announced: the first of these that names one.
AS_OF_RULES = (_stated, _right_after, _compared_then, _over_span, _now, _flight_it_caused, _in_event_clause,
               _released_on, _toll_event_day, _statement, _said_earlier, _unsure_day,
               _sentence_before,
               _toll_before, _at_the_time,
               lambda w: (w.published.isoformat(), "publication"))


def _as_of(w: _Day) -> tuple[str | None, str]:
    """The figure's "as of" day (None if the article gives none) and how it was found."""
    day, basis = next(day for day in (rule(w) for rule in AS_OF_RULES) if day is not None)
    if basis == "sentence" and _toll_given_later(w, day):
        given = _given_on(w, day)
        return (given, "sentence") if given else (None, "none")
    return day, basis


def _given_on(w: _Day, day: str) -> str | None:
    """The day a toll of an earlier day was given, where its own attribution says so: a closing saying ("… left 20 dead
    on Monday, the authorities said on Tuesday.") or one that opens the count ("said on Monday that two soldiers were
    killed a day earlier"); not another clause's ("…, and the president vowed on Tuesday to respond")."""
    closing = CLOSING_SAYING.search(w.text, w.f.end)
    for r in w.refs:
        if r.when.precision != "day" or not day < r.when.start <= w.published.isoformat() or r.planned:
            continue
        said = SAID_NEAR.search(w.text, max(0, r.start - 60), r.start)
        if said and ((closing and closing.start() <= said.start() and r.start > w.f.end)
                     or (r.end <= w.f.start and OPENS_COUNT.match(w.text, r.end))):
            return r.when.start
    return None


OPENS_COUNT = _PATTERNS.compile(r"\s*(?:,\s*)?that\b", re.IGNORECASE)       # "said on Monday that …"


def _toll_given_later(w: _Day, day: str) -> bool:
    """"The explosion on September 25 killed 170 people", "Yesterday's attack killed close to 100" in a later article:
    the toll of a recent event, known when the text was written, not on the event's day (a toll given on the 26th is
    not the 25th's). Not a day the count was given ("the ministry said on Tuesday that 20 were killed"), nor a toll
    told as it stood then ("the death toll rose to 68 on Tuesday"), nor one of long ago ("the 1960 earthquake")."""
    if w.f.metric not in figures.CASUALTIES or len(day) != 10 or TOLL_TOLD.search(w.text):
        return False
    when = date.fromisoformat(day)
    r = next((r for r in w.refs if r.when.start == day), None)
    if r is None or not timedelta(0) < w.published - when <= timedelta(days=92):
        return False
    lo, hi = _clause(w.text, w.f)
    by = _deadline(w.text, r) and not PRESENT.search(w.text, lo, hi)       # (not "…, and 500 are still missing")
    said = SAID_NEAR.search(w.text, max(0, r.start - 60), r.start) or _said_after_day(w.text, r) or by \
        or FIGURES_OF.match(w.text, r.end) or UP_TO_DAY.search(w.text, max(0, r.start - 12), r.start)
    return not said


# A count's giving just before its day: "said on Tuesday", "told reporters on Tuesday", "in a statement on Monday",
# "the ministry's update on Monday" (not "said 20 civilians were killed on Sunday": the killing's day); or after it:
# "Monday's figures"
SAID_NEAR = _PATTERNS.compile(rf"\b(?:{dates._SAYING}|released|published|updated|statement|update|report|bulletin|briefing"
                              r"|figures)"
                              r"(?:\s+(?!\d)[A-Za-z’'.-]+){0,2}\s+$", re.IGNORECASE)
UP_TO_DAY = _PATTERNS.compile(r"\b(?:through|up\s+to)\s+$", re.IGNORECASE)      # "through Monday, 40 deaths" (not "from Friday …")
FIGURES_OF = _PATTERNS.compile(r"(?:['’]s)?\s+(?:figures|data|update|report|count|bulletin|statement|briefing)\b", re.IGNORECASE)


# The words of a toll told as it stood on a day: "the toll rose to 68 on Tuesday", "the number of dead reached 20",
# "in the last 48 hours before the truce took effect on Friday, 300 were killed"
TOLL_TOLD = _PATTERNS.compile(r"\b(?:toll|number\s+of|total\s+of|rose|risen|climbed|reached|stood|jumped|increased"
                              r"|so\s+far|as\s+of|by\s+then|up\s+from|down\s+from|compared|in\s+the\s+(?:last|past|first)"
                              r"|hours\s+(?:before|to|until))\b", re.IGNORECASE)      # (… or over a time up to the day)


def _flat_offset(text: str, pos: int) -> int:
    """An offset in `text` as an offset in the same text with its whitespace runs made single spaces."""
    return len(" ".join(text[:pos].split())) + (1 if pos and text[pos - 1].isspace() and text[:pos].strip() else 0)


_PATTERNS.save()
