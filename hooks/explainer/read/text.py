"""From an article body to sentences: paragraphs, page furniture, gallery captions.

Every Sentence keeps its verbatim text and its offset in the body, so that quotes
can be checked against the article and errors can name a line.
"""
from __future__ import annotations

import re
from collections import Counter

import sentencex

from ..model import Article, Sentence
from ..patterns import Programs

_PATTERNS = Programs(__file__)      # compiled once, kept beside the bytecode (patterns.py)

# Lines that belong to the web page, not to the article: link lists, video promos, credits.
FURNITURE = _PATTERNS.compile(
    r"^\s*(?:related(?: article| story| stories)?:|read (?:more|also):|see also:|watch:|listen:|"
    r"original url:|source:|credit:|by \[|by [A-Z][\w.]*(?: [A-Z][\w.]*)*\s*$|<https?://|https?://|"
    r"\(with (?:newswires|agencies|wires)\)|with reporting by\b|this article was added by\b|"
    r"\*\*[^*]+\*\*\s*$)", re.IGNORECASE)
SENTENCE_END = _PATTERNS.compile(r"[.!?…][\"'”’)\]]*\s*\|?\s*$")
GALLERY_MARK = _PATTERNS.compile(r"(?<=\))\s*(\d{1,3}) of (\d{1,3})(?=\s|[A-Z]|$)")
CREDIT = _PATTERNS.compile(r"\(([^()]*(?:Photo|AP|AFP|Reuters|Getty|via)[^()]*)\)\s*\|?\s*$")
# A photo caption cut short, on the first line of a block: "September 12, 2023 shows the mayor …".
PHOTO_LINE = _PATTERNS.compile(r"\b\d{1,2}(?:,\s+|\s+[A-Z][a-z]+\.?\s+)(?:1[89]|20)\d\d,?\s+shows?\b")
FILE_PREFIX = _PATTERNS.compile(r"^\s*FILE\s*[-–—]?\s*")
INLINE_MD = _PATTERNS.compile(r"\*\*|__|\\(?=[!-/:-@\[-`{-~])")
MD_LINK = _PATTERNS.compile(r"\[([^\]]*)\]\([^)]*\)")


def plain(text: str) -> str:
    """Text for display: Markdown escapes, emphasis and link targets removed, white space folded."""
    text = MD_LINK.sub(r"\1", text)
    text = INLINE_MD.sub("", text)
    return " ".join(text.split())


def fold(text: str) -> str:
    return " ".join(text.split())


def blocks(body: str) -> list[tuple[int, str]]:
    """Paragraphs as (offset, text); a paragraph broken mid-sentence is joined to the next."""
    out: list[tuple[int, str]] = []
    for m in re.finditer(r"[^\n](?:.|\n(?!\s*\n))*", body):
        start, text = m.start(), m.group(0)
        if out:
            prev_start, prev = out[-1]
            if not SENTENCE_END.search(prev) and text.lstrip()[:1].islower() and len(prev.split()) > 8:
                out[-1] = (prev_start, body[prev_start:m.end()])
                continue
        out.append((start, text))
    return out


def is_furniture(text: str) -> bool:
    """Headings, credits and link lines: page furniture rather than the article's statements."""
    stripped = text.strip()
    if FURNITURE.match(stripped):
        return True
    if not SENTENCE_END.search(stripped) and len(stripped.split()) <= 20:
        return True   # a headline or subheading: no sentence end
    return False


def gallery_marks(body: str) -> list[re.Match]:
    """Markers "N of M" that close photo captions, if the body is a gallery (3+ in sequence)."""
    marks = list(GALLERY_MARK.finditer(body))
    if len(marks) < 3:
        return []
    total = Counter(int(m.group(2)) for m in marks).most_common(1)[0][0]
    marks = [m for m in marks if int(m.group(2)) == total]
    numbers = [int(m.group(1)) for m in marks]
    if numbers != sorted(numbers) or len(marks) < 3:
        return []
    return marks


def _pieces(body: str) -> list[tuple[int, str, dict | None]]:
    """The body's paragraphs as (offset, text, caption); in a gallery, each photo's caption apart,
    with its number and credit."""
    pieces: list[tuple[int, str, dict | None]] = []
    marks = gallery_marks(body)
    if marks:
        cuts = [0] + [m.end() for m in marks] + [len(body)]
        numbers = [int(m.group(1)) for m in marks]
        for i in range(len(cuts) - 1):
            chunk_start, chunk = cuts[i], body[cuts[i]:(marks[i].start() if i < len(marks) else cuts[i + 1])]
            paras = blocks(chunk)
            for j, (off, text) in enumerate(paras):
                is_caption = j == len(paras) - 1 and CREDIT.search(text)
                caption = None
                if is_caption:
                    credit = CREDIT.search(text)
                    caption = {"number": numbers[i] if i < len(numbers) else len(numbers) + 1,
                               "credit": plain(credit.group(1)).removesuffix(", File").strip(),
                               "photos": int(marks[0].group(2))}
                    text = text[:credit.start()]
                pieces.append((chunk_start + off, text, caption))
    else:
        pieces = [(off, text, None) for off, text in blocks(body)]
    return pieces


def _spans(flat: str) -> list[tuple[int, int]]:
    """Where each of sentencex's sentences starts and ends, joined again where it cut after a clock time's "a.m." or
    "p.m." before the time zone that goes with it ("as of 7:00 a.m. Moscow time, …", "8 p.m. GMT")."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for seg in sentencex.segment("en", flat):
        start = flat.find(seg, pos)
        pos = start + len(seg)
        if spans and CLOCK_END.search(flat, 0, spans[-1][1]) and TIME_ZONE.match(flat, start):
            spans[-1] = (spans[-1][0], pos)
        else:
            spans.append((start, pos))
    return spans


# A quotation's words between its marks (to the paragraph's end when it goes on in the next one).
QUOTATION = _PATTERNS.compile(r"(?:“|(?<![\w,.])\")(?P<words>[^”\"]+)(?:[”\"]|$)")


def quoted_sentences(text: str) -> list[tuple[int, int]]:
    """Where each sentence of a quotation of several sentences starts and ends in `text` (one sentence
    for sentencex, which keeps a quotation whole: "“We are engaged. Since May there have been 13 visits. …,” he said.")."""
    spans: list[tuple[int, int]] = []
    for q in QUOTATION.finditer(text):
        inner: list[tuple[int, int]] = []
        for start, end in _spans(re.sub(r"\s", " ", q["words"])):
            part = q["words"][start:end]
            if inner and (len(part.split()) < 3 or CLOCK_END.search(q["words"], 0, inner[-1][1])):
                inner[-1] = (inner[-1][0], end)      # not a sentence: "… at 5 p.m. September 30,"
            else:
                inner.append((start, end))
        if len(inner) > 1:
            spans += [(q.start("words") + start, q.start("words") + end) for start, end in inner]
    return spans


CLOCK_END = _PATTERNS.compile(r"\d\s*[ap]\.m\.\s*$", re.IGNORECASE)
# "Moscow time", "local time", "GMT" (not the next sentence's "This time, …", "Each time …")
TIME_ZONE = _PATTERNS.compile(r"(?:(?!(?:This|That|Last|Next|Each|Every|Any|Some|One|Another|The|At|By|From|What|Other|Same|No"
                              r"|Half|Over|For|In|On|Our|Their|His|Her|Its|My|Your)\s)[A-Z][a-z]+\s+time\b"
                              r"(?=\s*[,;.)(]|\s+(?:on|in|and|at|when|the|today|yesterday|\d)\b"
                              r"|\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July"
                              r"|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.)\b)"
                              r"|local\s+time\b|(?:GMT|UTC|[A-Z]{1,3}[SD]?T)\b)")


def sentences(article: Article) -> list[Sentence]:
    """All statement sentences of an article, in order, with captions split for galleries."""
    body = article.body
    line_starts = [0] + [m.end() for m in re.finditer("\n", body)]

    def line_of(offset: int) -> int:
        lo, hi = 0, len(line_starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if line_starts[mid] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return article.body_line + lo

    pieces = _pieces(body)
    out: list[Sentence] = []
    for block_no, (offset, text, caption) in enumerate(pieces):
        if caption is None and is_furniture(text):
            text = text.split("\n", 1)[0]
            if not PHOTO_LINE.search(text):
                continue
        flat = re.sub(r"\s", " ", text)   # same length: a joined paragraph break is not a sentence end
        for seg_start, pos in _spans(flat):
            seg = text[seg_start:pos]
            stripped = seg.strip()
            if not stripped or len(stripped.split()) < 3 or is_furniture(stripped) and not caption \
                    and not PHOTO_LINE.search(stripped):
                continue
            lead = len(seg) - len(seg.lstrip())
            start = offset + seg_start + lead
            if caption:
                m = FILE_PREFIX.match(stripped)
                if m:   # "FILE - " is the archive's label, not part of the statement
                    stripped, start = stripped[m.end():], start + m.end()
            out.append(Sentence(text=stripped, start=start, line=line_of(start), block=block_no,
                                caption=dict(caption) if caption else None))
    counts = Counter(fold(s.text).lower() for s in out)
    for s in out:
        s.boilerplate = counts[fold(s.text).lower()] >= 3
    return out


_PATTERNS.save()
