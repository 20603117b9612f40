"""The topic's charted measure (`chart` in topic.yml) over time as a static, accessible SVG (no JavaScript).

The layout (scales, ticks, label placement) is computed here; the markup comes from a Jinja2
template (templates/arrivals.svg.j2) with autoescaping, so seed text (outlet names) can never
become markup. Colours come from CSS classes (docs/stylesheets/chart.css) that follow Material's
light and dark schemes; the SVG carries no inline style or script, so a strict CSP holds.

A corpus of hundreds of articles gives hundreds of counts, so the layout never assumes they fit:
a day's markers spread within the day, labels go where there is room (highest counts first, never
over another label or the reference line's) and the other points carry their count as a tooltip.
Past ALL_POINTS counts (thousands of articles), each day and kind of count is one mark, the day's
highest, so that the drawing grows with the days, not the articles; the table under it lists every count.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import jinja2

from .. import compiled
from ..model import Figure
from .common import SHOWN_CITATIONS

# Kinds of point: how the number relates to the real count.
EXACT, LOWER, APPROX = "exact", "lower", "approx"
KIND_OF = {"exact": EXACT, "more than": LOWER, "at least": LOWER}
LEGEND = {EXACT: "exact count", LOWER: "lower bound (“more than”, “at least”)", APPROX: "approximate or upper bound"}

WIDTH, HEIGHT = 640, 380
NARROW_WIDTH, NARROW_HEIGHT = 360, 440
MARGIN = {"left": 64, "right": 24, "top": 24, "bottom": 72}
LINE_H = 15                      # label line height in SVG units
LABEL_H = 2 * LINE_H + 4         # two lines per label and a gap
CHAR_W = 6.5                     # the width of a label's character, roughly, in SVG units
BOLD_W = 7.2                     # the same for the bold count ("more than 100,000")
TICK_W = 48                      # the room a day label on the x axis ("25 Sep") needs
TICK_W_YEAR = 76                 # the same with its year ("25 Sep 2023"), when the counts span years
DAY_SPREAD = 28                  # the widest the markers of one day spread side by side (less if days are narrower)
DESCRIBED = 12                   # up to this many points, the text alternative reads each one
ALL_POINTS = 120                 # up to this many counts, each is a mark; beyond, one mark per day and kind


@dataclass
class Point:
    day: date
    value: float
    qualifier: str
    kind: str
    count: str                   # "more than 100,000"
    sources: list[str]           # outlet names
    ids: list[str]               # figure ids in data/figures.json
    x: float = 0.0
    y: float = 0.0
    label_x: float = 0.0
    label_y: float = 0.0
    anchor: str = "start"
    labelled: bool = True        # False where points crowd: the count is then the point's tooltip
    shown_sources: str = ""      # the outlets as the label shows them
    when: str = ""               # the day as the label shows it: "28 Sep" ("28 Sep 2022" if the counts span years)
    of: int = 1                  # the counts of its day and kind it stands for (the highest of them), past ALL_POINTS

    @property
    def tooltip(self) -> str:
        highest = f" · the highest of {self.of} {LEGEND[self.kind].split(' (')[0]}s that day" if self.of > 1 else ""
        return f"{self.count} · {self.when} · {named(self.sources)}{highest}"

    @property
    def number(self) -> int | float:
        return num(self.value)


@dataclass
class Chart:
    title: str
    desc: str
    points: list[Point]
    reference: dict | None       # the reference line (the topic's `chart.reference`): value, y, label, sources
    counted: str = "Counts"      # the words before the counts in the description (the topic's `chart.counted`)
    x_ticks: list[tuple[float, str]] = field(default_factory=list)
    y_ticks: list[tuple[float, str]] = field(default_factory=list)
    legend: list[tuple[str, str, float, float]] = field(default_factory=list)   # kind, text, x, y
    width: int = WIDTH
    height: int = HEIGHT
    margin: dict = field(default_factory=lambda: dict(MARGIN))
    variant: str = "wide"

    @property
    def plot_bottom(self) -> float:
        return self.height - self.margin["bottom"]

    @property
    def plot_right(self) -> float:
        return self.width - self.margin["right"]


def _count(f: Figure, number_words) -> str:
    return number_words(f)


def points_from(figures: list[Figure], number_words, measure: str = "arrivals") -> list[Point]:
    """One point per day, value and kind of count of a measure; outlets reporting the same point are combined."""
    merged: dict[tuple, Point] = {}
    for f in figures:
        if f.metric != measure or not f.as_of or len(f.as_of) != 10:
            continue                                # a day's count: a month's or a year's is no point of the line
        kind = KIND_OF.get(f.qualifier, EXACT if f.qualifier == "exact" else APPROX)
        key = (f.as_of, f.value, kind)
        p = merged.get(key)
        if p is None:
            p = merged[key] = Point(date.fromisoformat(f.as_of), f.value, f.qualifier, kind,
                                    _count(f, number_words), [], [])
        p.ids.append(f.id)
        for s in f.sources:
            if s.outlet not in p.sources:
                p.sources.append(s.outlet)
    return sorted(merged.values(), key=lambda p: (p.day, p.value, p.kind))


def named(outlets: list[str], sep: str = "; ") -> str:
    """Outlets by name, the first SHOWN_CITATIONS of them and how many more (the table names them all)."""
    rest = len(outlets) - SHOWN_CITATIONS
    return sep.join(outlets[:SHOWN_CITATIONS]) + (f" and {rest:,} more" if rest > 0 else "")


def per_day(points: list[Point]) -> list[Point]:
    """One point per day and kind of count: the day's highest (an exact count, a lower bound, an
    approximate figure), standing for the others of its day and kind."""
    best: dict[tuple, Point] = {}
    counts: dict[tuple, int] = {}
    for p in points:
        key = (p.day, p.kind)
        counts[key] = counts.get(key, 0) + 1
        if key not in best or p.value > best[key].value:
            best[key] = p
    for key, p in best.items():
        p.of = counts[key]
    return sorted(best.values(), key=lambda p: (p.day, p.value, p.kind))


def drawn(figures: list[Figure], number_words, measure: str = "arrivals") -> tuple[list[Point], int]:
    """The points the chart draws (every count, or past ALL_POINTS the highest of each day and kind)
    and how many counts there are."""
    points = points_from(figures, number_words, measure)
    return (points, len(points)) if len(points) <= ALL_POINTS else (per_day(points), len(points))


def nice_step(span: float, target: int = 5) -> float:
    raw = span / max(target, 1)
    mag = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    for m in (1, 2, 2.5, 5, 10):
        if m * mag >= raw:
            return m * mag
    return 10 * mag


def num(v: float) -> int | float:
    return int(v) if float(v).is_integer() else v


def short(d: date) -> str:
    return f"{d.day} {d.strftime('%b')}"


def _room(top: float, bottom: float) -> int:
    """How many labels fit one above the other between `top` and `bottom` (as `_spread` places them)."""
    return int((bottom - top - LINE_H) // LABEL_H) + 1 if bottom - top >= LINE_H else 0


def _priority(p: Point) -> tuple:
    """Which label goes first where not all fit: the highest count, then the latest."""
    return -p.value, -p.day.toordinal(), p.kind


def _labelled(points: list[Point], top: float, bottom: float) -> list[Point]:
    """The points of one side that get a label: all of them if they fit; else as many as fit, the
    highest counts first, and first those whose labels need not move to clear the others."""
    room = _room(top, bottom)
    if len(points) <= room:
        return points
    order = sorted(points, key=_priority)
    chosen: list[Point] = []
    for p in order:
        if len(chosen) < room and all(abs(p.label_y - q.label_y) >= LABEL_H for q in chosen):
            chosen.append(p)
    chosen += [p for p in order if not any(p is q for q in chosen)][:room - len(chosen)]
    return chosen


Box = tuple[float, float, float, float]      # left, top, right, bottom


def _label_box(p: Point) -> Box:
    """Where a point's two-line label is drawn, roughly (from its anchor, baseline and text length)."""
    width = max(len(p.count) * BOLD_W + len(f" · {p.when}") * CHAR_W, len(p.shown_sources) * CHAR_W)
    x0 = p.label_x if p.anchor == "start" else p.label_x - width
    return x0, p.label_y - 12, x0 + width, p.label_y + LINE_H + 4


def _outlets(names: list[str], room: float) -> str:
    """The outlets as a label's line of at most `room` units: all of them, else how many and where
    they are listed, else how many, else nothing (the table below names them all)."""
    many = f"{len(names)} outlet{'' if len(names) == 1 else 's'}"
    for text in ("; ".join(names), f"{many}, listed in the table below", many):
        if len(text) * CHAR_W <= room:
            return text
    return ""


def _beside(p: Point, anchor: str, day: list[Point], left: float, right: float) -> None:
    """Put a point's label on one side of its day's markers (clear of them all), with as much of its
    outlets as fits between there and the plot's edge."""
    xs = [q.x for q in day]
    p.anchor = anchor
    p.label_x = min(xs) - 12 if anchor == "end" else max(xs) + 12
    p.shown_sources = _outlets(p.sources, right - p.label_x if anchor == "start" else p.label_x - left)


def _reference_box(ref: dict, left: float) -> Box:
    width = max(len(ref["label"]), len(ref["sources"])) * CHAR_W
    return left + 6, ref["y"] - 6 - LINE_H - 12, left + 6 + width, ref["y"] - 2


def _inside(box: Box, width: float) -> bool:
    return 0 <= box[0] and box[2] <= width


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _spread(labels: list[Point], top: float, bottom: float) -> None:
    """Move label positions apart vertically (in order) so that no two overlap; keep them in the plot."""
    labels.sort(key=lambda p: p.label_y)
    for a, b in zip(labels, labels[1:]):
        if b.label_y - a.label_y < LABEL_H:
            b.label_y = a.label_y + LABEL_H
    overflow = (labels[-1].label_y + LINE_H) - bottom if labels else 0
    if overflow > 0:
        for p in labels:
            p.label_y -= overflow
    floor = top
    for p in labels:
        p.label_y = max(p.label_y, floor)
        floor = p.label_y + LABEL_H


def _columns(points: list[Point], top: float, bottom: float, band: tuple[float, float] | None) -> list[tuple[list[Point], float, float]]:
    """Where one side's labels may go: the plot's height, or, around the reference line's label
    (`band`, from its top to its bottom), above it for the points above it and below it for the rest
    (all on one side of it when there is no room on the other)."""
    if band is None:
        return [(points, top, bottom)]
    up, down = (top, band[0] - 4), (band[1] + 12, bottom)        # clear of it (see _label_box)
    if not _room(*up) or not _room(*down):
        return [(points, *(down if not _room(*up) else up))]
    middle = (band[0] + band[1]) / 2
    above = [p for p in points if p.label_y + LINE_H / 2 < middle]
    return [(above, *up), ([p for p in points if p.label_y + LINE_H / 2 >= middle], *down)]


@dataclass
class Scale:
    """Where days and counts go in the plot: from the day before the first count to the day after the last."""
    first: date
    last: date
    years: bool                  # the counts span years: days are named with theirs ("28 Sep 2022")
    left: float
    right: float
    top: float
    bottom: float
    y_max: float
    y_step: float

    @property
    def days(self) -> int:
        return (self.last - self.first).days

    def x_of(self, d: date) -> float:
        return self.left + (self.right - self.left) * (d - self.first).days / self.days

    def y_of(self, v: float) -> float:
        return self.bottom - (self.bottom - self.top) * v / self.y_max

    def day_name(self, d: date) -> str:
        return f"{short(d)} {d.year}" if self.years else short(d)


def layout(points: list[Point], population: Figure | None, number_words, title: str,
           width: int = WIDTH, height: int = HEIGHT, variant: str = "wide", reference: str = "Reference",
           counted: str = "Counts", total: int | None = None) -> Chart:
    """Where everything goes in one drawing: axes, the reference line, markers, labels, legend."""
    legend_rows = 1 if variant == "wide" else 2
    margin = dict(MARGIN, bottom=MARGIN["bottom"] + (legend_rows - 1) * 22)
    chart = Chart(title=title, desc="", points=points, reference=None, counted=counted, width=width, height=height + (legend_rows - 1) * 22,
                  margin=margin, variant=variant)
    sc = _scale(chart, points, population)
    _axes(chart, sc)
    if population is not None:
        outlets = list(dict.fromkeys(s.outlet for s in population.sources))
        chart.reference = {"y": round(sc.y_of(population.value), 1),
                           "label": f"{reference}: {number_words(population)}",
                           "sources": _outlets(outlets, width - sc.left - 24),
                           "all_sources": "; ".join(outlets), "value": num(population.value)}
    same_day = _place_points(points, sc)
    _place_labels(points, same_day, sc, chart.reference, chart.width)
    _legend(chart, points)
    chart.desc = describe(points, chart.reference, counted, total)
    return chart


def _scale(chart: Chart, points: list[Point], population: Figure | None) -> Scale:
    first, last = min(p.day for p in points), max(p.day for p in points)
    top_value = max([p.value for p in points] + ([population.value] if population else []))
    y_step = nice_step(top_value * 1.1)
    y_max = math.ceil(top_value * 1.1 / y_step) * y_step or y_step      # (all counts 0: one step)
    return Scale(first - timedelta(days=1), last + timedelta(days=1), first.year != last.year,
                 chart.margin["left"], chart.plot_right, chart.margin["top"], chart.plot_bottom, y_max, y_step)


def _axes(chart: Chart, sc: Scale) -> None:
    """Day labels, as many as fit side by side; counts at round steps."""
    ticks = min(8, max(2, int((sc.right - sc.left) // (TICK_W_YEAR if sc.years else TICK_W))))
    step_days = max(1, math.ceil(sc.days / ticks))
    d = sc.first + timedelta(days=1)
    while d < sc.last:
        chart.x_ticks.append((round(sc.x_of(d), 1), sc.day_name(d)))
        d += timedelta(days=step_days)
    v = 0.0
    while v <= sc.y_max + 1e-9:
        chart.y_ticks.append((round(sc.y_of(v), 1), f"{int(v):,}"))
        v += sc.y_step


def _place_points(points: list[Point], sc: Scale) -> dict[date, list[Point]]:
    """Each marker where its day and count are (one day's side by side, within the day); its label
    beside it, towards the middle. Returns the points by day."""
    same_day: dict[date, list[Point]] = {}
    for p in points:
        same_day.setdefault(p.day, []).append(p)
    day_width = min(DAY_SPREAD, (sc.right - sc.left) / sc.days)
    for group in same_day.values():
        gap = min(14, day_width / max(len(group) - 1, 1))
        for i, p in enumerate(group):
            p.x = round(sc.x_of(p.day) + (i - (len(group) - 1) / 2) * gap, 1)
    middle = (sc.left + sc.right) / 2
    for p in points:
        p.y = round(sc.y_of(p.value), 1)
        p.when = sc.day_name(p.day)
        _beside(p, "end" if sc.x_of(p.day) > middle else "start", same_day[p.day], sc.left, sc.right)
        p.label_y = p.y - LINE_H / 2
    return same_day


def _place_labels(points: list[Point], same_day: dict[date, list[Point]], sc: Scale, ref: dict | None,
                  width: float) -> None:
    """Which points keep a label, and where: as many as fit on each side (never where the reference
    line's label is), none off the drawing's edges or over another (the highest counts keep theirs)."""
    band = _reference_box(ref, sc.left)[1::2] if ref else None
    for side in ("start", "end"):
        for column, lo, hi in _columns([p for p in points if p.anchor == side], sc.top + LINE_H, sc.bottom - LINE_H, band):
            shown = _labelled(column, lo, hi)
            for p in column:
                p.labelled = any(p is q for q in shown)
            _spread(shown, lo, hi)
    for p in points:
        p.label_y = round(p.label_y, 1)
    taken: list[Box] = []
    for p in sorted((p for p in points if p.labelled), key=_priority):
        if not _inside(_label_box(p), width):       # to the marker's other side, if it fits there
            _beside(p, "start" if p.anchor == "end" else "end", same_day[p.day], sc.left, sc.right)
        box = _label_box(p)
        if not _inside(box, width) or any(_overlaps(box, other) for other in taken):
            p.labelled = False
        else:
            taken.append(box)


def _legend(chart: Chart, points: list[Point]) -> None:
    kinds = [k for k in (EXACT, LOWER, APPROX) if any(p.kind == k for p in points)]
    for i, k in enumerate(kinds):
        if chart.variant == "wide":
            chart.legend.append((k, LEGEND[k], chart.margin["left"] + i * 200, chart.height - 18))
        else:
            chart.legend.append((k, LEGEND[k], 12, chart.height - 18 - (len(kinds) - 1 - i) * 22))


def describe(points: list[Point], ref: dict | None, counted: str = "Counts", total: int | None = None) -> str:
    """The chart in words, for screen readers: every point, in order; when there are more than
    DESCRIBED, how many, over which days, and the highest (the table below reads every one); when
    the points are the highest of each day and kind (`total` counts in all), so."""
    def day(d: date) -> str:
        return f"{d.day} {d.strftime('%B %Y')}"

    def said(p: Point) -> str:
        return f"{p.count} as of {day(p.day)} ({named(p.sources, ', ')})"

    if total and total > len(points):
        top = max(points, key=lambda p: (p.value, p.day))
        first, last = min(p.day for p in points), max(p.day for p in points)
        text = (f"{counted}: {total:,} counts from {day(first)} to {day(last)}, drawn as the highest of each day and "
                f"kind ({len(points)} marks); the highest, {said(top)}. The table below lists every count.")
    elif len(points) <= DESCRIBED:
        text = f"{counted}: " + "; ".join(said(p) for p in points) + "."
    else:
        top = max(points, key=lambda p: (p.value, p.day))
        first, last = min(p.day for p in points), max(p.day for p in points)
        text = (f"{counted}: {len(points)} counts from {day(first)} to {day(last)}; "
                f"the highest, {said(top)}. The table below lists every count.")
    if ref:
        text += f" Reference line: {ref['label']} ({ref['all_sources']})."
    return text


def template() -> jinja2.Template:
    """The chart's template, compiled: about 35 ms the first time, then read back from beside the engine's
    bytecode (compiled.py: Jinja's own bytecode cache, which checks the template's text) in under 1 ms."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
                             autoescape=True, undefined=jinja2.StrictUndefined,
                             trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=False)
    return compiled.keep(env, Path(__file__).parent / "__pycache__").get_template("arrivals.svg.j2")


def arrivals_svg(figures: list[Figure], number_words, population: Figure | None = None,
                 title: str = "Arrivals", reference: str = "Reference", measure: str = "arrivals",
                 counted: str = "Counts", compiled: jinja2.Template | None = None) -> str | None:
    """The chart as one block of HTML (a <figure> holding the <svg>), or None without dated counts of the
    measure. `population`: the reference line's figure, labelled `reference`; `compiled`: `template()`."""
    if not points_from(figures, number_words, measure):
        return None
    # Two drawings of the same data: one for wide screens, one narrow enough for a phone (CSS shows one).
    charts = []
    for variant, size in (("wide", (WIDTH, HEIGHT)), ("narrow", (NARROW_WIDTH, NARROW_HEIGHT))):
        points, total = drawn(figures, number_words, measure)          # fresh points: layout places them
        charts.append(layout(points, population, number_words, title, *size, variant, reference, counted, total))
    crowded = any(not p.labelled for c in charts for p in c.points)
    line = reference[:1].lower() + reference[1:] if reference[1:2].islower() else reference
    html = (compiled or template()).render(charts=charts, title=title, LINE_H=LINE_H, crowded=crowded,
                                                         line=line if population is not None else None,
                                                         total=f"{total:,}" if total > len(points) else None)
    # Markdown ends a raw HTML block at a blank line: keep the markup on consecutive lines.
    return "\n".join(line for line in html.splitlines() if line.strip())
