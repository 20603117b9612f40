"""The data files beside the JSON (format: docs/data.md), and what the Data page says about them.

- `timeline_csv`, `figures_csv`: the JSON records (data.py) flattened, one row per item and
  source, written by `csv`; no cell can start a spreadsheet formula (`cell`).
- Each data file is made a piece at a time, as data.py's are (`"".join` gives its text).
- `timeline_ics`: the timeline as iCalendar (RFC 5545, escaped and folded here as the icalendar
  library writes it, which the tests check byte for byte): one all-day event or span
  per item dated to a day, a span or a week; items dated only to a month, year, decade or
  century are left out (shown as a month-long or year-long event, they would be wrong dates).
- `citation`, `dataset_block`: the Data page's suggested citation and its schema.org `Dataset`
  JSON-LD, filled into `<!-- explainer:citation -->` and `<!-- explainer:dataset -->`.

Everything is computed from the data and `site_url`: no clock, so two builds give the same bytes.
"""
from __future__ import annotations

import calendar
import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import quote, urlsplit

from . import cache
from .data import event_record, figure_record, line
from .model import Event, Figure, Source
from .pages.common import SHOWN_QUOTES, day_label, esc, plural, when_label

LICENCE = "https://creativecommons.org/licenses/by/4.0/"
LICENCE_NAME = "CC BY 4.0"

# --- CSV -------------------------------------------------------------------------------------

# The JSON's fields in order: a nested object's keys get its name as a prefix (`photo_place`),
# each source its own row (`source_quote`), a list of corrections stays JSON in one cell.
SOURCE = ("source_seed", "source_outlet", "source_url", "source_published", "source_quote")
TIMELINE_COLUMNS = ("id", "start", "end", "precision", "section", "status", "text", "contested",
                    "photo_number", "photo_place", "photo_credit", "corrected", *SOURCE, "source_expression")
FIGURE_COLUMNS = ("id", "metric", "measure", "label", "value", "value_max", "previous", "unit", "qualifier", "words", "as_of",
                  "as_of_basis", "converted", "who", "side", "according_to", "donor", "announced_by", "recipient",
                  "purpose", "differs", "corrected", *SOURCE)

# What a spreadsheet may read as the start of a formula (OWASP's list, with the full-width signs
# some spreadsheets also accept), and the apostrophe itself, so that one leading apostrophe is
# always ours and can be taken off.
FORMULA = tuple("=+-@\t\r\n'") + tuple("\uff1d\uff0b\uff0d\uff20")
NUMBER = re.compile(r"-?\d+(?:\.\d+)?")     # a negative number or a BC year ("-0199"): a number, not a formula


def cell(value) -> str:
    """A CSV cell: JSON's true/false and numbers, empty for null, text with an apostrophe before
    anything a spreadsheet would run."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return json.dumps(value)
    text = str(value)
    if NUMBER.fullmatch(text):
        return text
    if text.startswith(FORMULA) or text.lstrip().startswith(FORMULA):
        return "'" + text
    return text


def flatten(record: dict) -> list[dict]:
    """One JSON record as CSV rows: one per source, the item's fields repeated on each."""
    item: dict = {}
    for key, value in record.items():
        if key == "sources":
            continue
        if isinstance(value, dict):
            item.update({f"{key}_{k}": v for k, v in value.items()})
        elif isinstance(value, list):
            item[key] = json.dumps(value, ensure_ascii=False)
        else:
            item[key] = value
    return [{**item, **{f"source_{k}": v for k, v in s.items()}} for s in record["sources"]] or [item]


PIECE = 1 << 16         # characters of a table given at once (at least: whole records)


def table(records: Iterable[dict], columns: tuple[str, ...]) -> Iterator[str]:
    """The records as CSV rows (`flatten`), about PIECE characters at a time."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="raise")   # a new JSON field needs its column
    writer.writeheader()
    for record in records:
        for row in flatten(record):
            writer.writerow({k: cell(v) for k, v in row.items()})
        if out.tell() >= PIECE:
            yield out.getvalue()
            out.seek(0)
            out.truncate()
    yield out.getvalue()


def timeline_csv(events: list[Event]) -> Iterator[str]:
    return table(map(event_record, events), TIMELINE_COLUMNS)


def figures_csv(figures: list[Figure]) -> Iterator[str]:
    return table(map(figure_record, figures), FIGURE_COLUMNS)


# --- iCalendar -------------------------------------------------------------------------------

IN_CALENDAR = ("day", "span", "week")      # month, year, decade, century: no day to put them on
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
SURROGATE = re.compile("[\ud800-\udfff]")   # a lone one (a YAML "\\ud800" escape) has no UTF-8 form
URI_SAFE = "!#$%&'()*+,/:;=?@[]~-._"         # RFC 3986's reserved and unreserved marks; all else %-encoded


def in_calendar(e: Event) -> bool:
    return e.when.precision in IN_CALENDAR and e.when.lo[0] >= 1 and e.when.hi[0] <= 9998


def calendar_text(text: str) -> str:
    """Text as iCalendar may carry it: line breaks as \\n, no other control character, U+FFFD for
    a lone surrogate."""
    return SURROGATE.sub("\ufffd", CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n")))


def one_line(text: str) -> str:
    return " ".join(calendar_text(text).split())


def uri(url: str) -> str:
    """A seed's address as a URI value: what is not allowed in one is %-encoded (never a line break)."""
    return quote(calendar_text(url).strip(), safe=URI_SAFE)


def uid_domain(site_url: str) -> str:
    """Where the UIDs are unique: the site's host and path (`example.github.io/next-event`)."""
    parts = urlsplit(site_url or "")
    return (parts.netloc + parts.path).rstrip("/") or "explainer.invalid"


def stamp(e: Event) -> datetime:
    """An event's DTSTAMP: midnight UTC of the latest publication day among its sources (from the
    data, not the clock: it changes when an article reports the item again)."""
    return datetime.combine(max(s.published for s in e.sources), datetime.min.time(), timezone.utc)


def summary(e: Event) -> str:
    lead = "Announced for later: " if e.status == "planned" else ""
    if e.caption:
        lead += "Photo" + (f", {e.caption['place']}" if e.caption.get("place") else "") + ": "
    return one_line(lead + e.text)


def _cited(s: Source) -> list[str]:
    lines = [f"“{one_line(s.quote)}” — {one_line(s.outlet)}, {day_label(s.published)}"]
    if s.expression:
        lines.append(f"Dated by “{one_line(s.expression)}”.")
    return lines + ([s.url.strip()] if s.url else [])


def description(e: Event) -> str:
    about = [when_label(e.when), plural(len({s.outlet for s in e.sources}), "outlet")]
    if e.claim:
        about.append("a claim, attributed as in the source")
    if e.caption and e.caption.get("credit"):
        about.append(f"photo credit: {e.caption['credit']}")
    about += [f"{c['field']} corrected by an editor: {c['why']}" for c in e.corrected]
    cited = e.sources[:1 + SHOWN_QUOTES]        # as on the pages: the first few, then how many more
    parts = [one_line(e.text), one_line(" · ".join(about))] + ["\n".join(_cited(s)) for s in cited]
    if len(e.sources) > len(cited):
        n = len(e.sources) - len(cited)
        parts.append(f"And {n} more {'article reports' if n == 1 else 'articles report'} it: "
                     "all are in the site's data/timeline.json.")
    return calendar_text("\n\n".join(parts))


def _text(value: str) -> str:
    """An RFC 5545 TEXT value (section 3.3.11): backslash, semicolon, comma and line breaks escaped."""
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


FOLD = 74        # octets of a content line before it is folded (RFC 5545 allows 75; icalendar writes 74)


def _fold(line: str) -> str:
    """A content line folded (RFC 5545, section 3.1): after at most FOLD octets, never inside a
    character's UTF-8 bytes nor right after a backslash (an escape stays whole), as icalendar folds it."""
    data = line.encode("utf-8")
    pieces, start = [], 0
    while len(data) - start > FOLD:
        end = start + FOLD
        while data[end] & 0xC0 == 0x80:             # inside a character
            end -= 1
        if data[end - 1] in b"\\^":                   # an escape (or a parameter's ^ escape) not split
            end -= 1
        pieces.append(data[start:end])
        start = end
    pieces.append(data[start:])
    return b"\r\n ".join(pieces).decode("utf-8")


def _lines(*lines: str) -> str:
    return "".join(_fold(line) + "\r\n" for line in lines)


def _day(d: date) -> str:
    return f"{d.year:04d}{d.month:02d}{d.day:02d}"


def vevent_lines(e: Event, domain: str) -> list[str]:
    """An event's content lines, unfolded, in icalendar's order (its canonical properties, then the
    others by name)."""
    lines = [f"SUMMARY:{_text(summary(e))}",
             f"DTSTART;VALUE=DATE:{_day(date(*e.when.lo))}",
             f"DTEND;VALUE=DATE:{_day(date(*e.when.hi) + timedelta(days=1))}",   # exclusive: the day after the last
             f"DTSTAMP:{_day(stamp(e))}T000000Z",
             f"UID:{_text(calendar_text(f'{e.id}@{domain}'))}",
             f"CATEGORIES:{_text(e.section)}",
             f"DESCRIPTION:{_text(description(e))}",
             f"STATUS:{'TENTATIVE' if e.status == 'planned' else 'CONFIRMED'}",
             "TRANSP:TRANSPARENT"]                                              # shown, never "busy"
    url = next((s.url for s in e.sources if s.url), None)
    return lines + ([f"URL:{uri(url)}"] if url else [])


def calendar_head(name: str, about: str) -> str:
    """The VCALENDAR with its own properties and no event."""
    described = [f"{key}:{_text(one_line(about))}" for key in ("DESCRIPTION", "X-WR-CALDESC")] if about else []
    named = [f"{key}:{_text(one_line(name))}" for key in ("NAME", "X-WR-CALNAME")]
    return _lines("BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//explainer site generator//timeline//EN",
                  "CALSCALE:GREGORIAN", "METHOD:PUBLISH", *described, *named, "END:VCALENDAR")


def event_block(e: Event, domain: str) -> str:
    """One VEVENT, BEGIN to END."""
    return _lines("BEGIN:VEVENT", *vevent_lines(e, domain), "END:VEVENT")


END = "END:VCALENDAR\r\n"


def assemble(head: str, blocks: Iterable[str]) -> Iterator[str]:
    """The events inside the calendar, where icalendar's `add_component` puts them: before its END."""
    yield head.removesuffix(END)
    yield from blocks
    yield END


def timeline_ics(events: list[Event], site_url: str = "", name: str = "Timeline", about: str = "") -> Iterator[str]:
    """The calendar: its name and description, then one VEVENT per item with a day, span or week."""
    domain = uid_domain(site_url)
    return assemble(calendar_head(name, about), (event_block(e, domain) for e in events if in_calendar(e)))


# The modules the calendar's text comes from (besides the data): part of its cache keys.
CALENDAR_CODE = (Path(__file__), Path(__file__).parent / "model.py", Path(__file__).parent / "pages" / "common.py")


def cached_ics(events: list[Event], folder: Path | None, site_url: str = "", name: str = "Timeline",
               about: str = "") -> Iterator[str]:
    """`timeline_ics`, with each event's VEVENT (and the calendar's head) kept in one entry beside
    the build cache (`folder`, None when off; beside it, since a build that reads an article again
    empties that folder) under a key of all it depends on: the event's record in the timeline's JSON
    (every field the calendar shows), the site's address and the code above. An event takes about
    0.1 ms to write: a rebuild pays only for the events that changed, and nothing when none did."""
    if folder is None:
        yield from timeline_ics(events, site_url, name, about)
        return
    code = cache.key(site_url, *(p.read_bytes() for p in CALENDAR_CODE))
    dated = [(cache.key(code, line(event_record(e))), e) for e in events if in_calendar(e)]
    head = cache.key(code, "head", name, about)
    here = folder.with_name(folder.name + "-calendar")
    old = cache.read(here, "calendar")
    old = old if isinstance(old, dict) else {}
    new = {k: old[k] for k in [head, *(k for k, _ in dated)] if k in old}
    if head not in new:
        new[head] = calendar_head(name, about)
    domain = uid_domain(site_url)
    new.update({k: event_block(e, domain) for k, e in dated if k not in new})
    if new.keys() != old.keys():
        cache.write(here, "calendar", new)
    yield from assemble(new[head], (new[k] for k, _ in dated))


# --- the Data page: citation and schema.org Dataset ----------------------------------------

FILES = (   # file, format, name, what it holds
    ("data/timeline.json", "application/json", "timeline (JSON)", "every dated item on the Background and Timeline pages"),
    ("data/timeline.csv", "text/csv", "timeline (CSV)", "the same items as a table, one row per item and source"),
    ("data/timeline.ics", "text/calendar", "timeline (iCalendar)", "the items dated to a day, a span or a week, as calendar events"),
    ("data/figures.json", "application/json", "figures (JSON)", "every figure on the Humanitarian response page"),
    ("data/figures.csv", "text/csv", "figures (CSV)", "the same figures as a table, one row per figure and source"),
    ("data/context.json", "application/json", "context (JSON)", "the undated context statements on the Background page"),
)


def _span(d: str) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    """The first and last day of an ISO date, month or year ("-0199" is 200 BC), as (y, m, d) tuples."""
    sign, rest = (-1, d[1:]) if d.startswith("-") else (1, d)
    y, m, day = (int(x) for x in (rest.split("-") + ["0", "0"])[:3])
    y *= sign
    if not m:
        return (y, 1, 1), (y, 12, 31)
    return (y, m, day or 1), (y, m, day or calendar.monthrange(y, m)[1])


def coverage(days) -> str | None:
    """An ISO 8601 interval from the earliest to the latest of ISO dates, months or years
    ("1920/2023-10-05"); a month or year ends on its last day ("2023" ends after "2023-10-05")."""
    days = [d for d in days if d]
    if not days:
        return None
    first = min(days, key=lambda d: (_span(d)[0], len(d)))
    last = max(days, key=lambda d: (_span(d)[1], -len(d)))
    return f"{first}/{last}"


def coverages(site) -> dict[str, str | None]:
    """Each file's temporal coverage, from the dates it holds (context statements hold none)."""
    timeline = coverage(x for e in site.events for x in (e.when.start, e.when.end))
    calendar = coverage(x for e in site.events if in_calendar(e) for x in (e.when.start, e.when.end))
    figures = coverage(f.as_of for f in site.figures)
    return {"data/timeline.json": timeline, "data/timeline.csv": timeline, "data/timeline.ics": calendar,
            "data/figures.json": figures, "data/figures.csv": figures, "data/context.json": None}


def latest_article(site) -> date | None:
    return max((a.published for a in site.articles), default=None)


def base_url(site_url: str) -> str:
    return site_url if not site_url or site_url.endswith("/") else site_url + "/"


def citation(site) -> str:
    """The suggested citation, in Markdown: a quoted paragraph."""
    name, topic, latest = site.site_name or site.settings.topic.name, site.settings.topic, latest_article(site)
    version = f"data as of {day_label(latest)} (the latest article)" if latest else "no article yet"
    base = base_url(site.site_url)
    where = f"[{esc(base)}data/]({uri(base)}data/)" if base else "the Data page of the site"
    return (f"> {esc(one_line(name))}, *{esc(one_line(topic.name))}: timeline and figures* (data set), {version}, "
            f"{where}, {LICENCE_NAME}, accessed DAY MONTH YEAR.")


def dataset(site) -> dict:
    """schema.org `Dataset` nodes, one per data file, as JSON-LD."""
    base, latest, covered, topic = base_url(site.site_url), latest_article(site), coverages(site), site.settings.topic
    site_name = one_line(site.site_name or topic.name)
    graph = []
    for path, media, name, what in FILES:
        node = {
            "@type": "Dataset", "name": f"{one_line(topic.name)}: {name}",
            "description": f"{what[0].upper()}{what[1:]}, from the explainer site {site_name}: "
                           f"{one_line(topic.description)} Built from news articles; every entry quotes and cites "
                           "the article it rests on.",
            "encodingFormat": media, "license": LICENCE, "isAccessibleForFree": True, "creditText": site_name,
            "isPartOf": {"@type": "WebSite", "name": site_name, **({"url": base} if base else {})},
        }
        if covered[path]:
            node["temporalCoverage"] = covered[path]
        if latest:
            node["dateModified"] = latest.isoformat()
        if base:
            node |= {"@id": base + path, "url": base + "data/",
                     "distribution": {"@type": "DataDownload", "encodingFormat": media, "contentUrl": base + path}}
        graph.append(node)
    return {"@context": "https://schema.org", "@graph": graph}


def dataset_block(site) -> str:
    """The JSON-LD as a raw HTML block: a data script (never run, so the CSP leaves it unhashed),
    with <, > and & written as JSON escapes so that no text can end the element."""
    text = json.dumps(dataset(site), ensure_ascii=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">{text}</script>'
