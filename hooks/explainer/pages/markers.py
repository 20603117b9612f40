"""What the markers of a written page (`<!-- explainer:NAME -->` in docs/index.md) become, from the data:

- a measure's name (`arrivals`, `killed`, …): its latest figure in a sentence, "**100,417**, reported by
  RFI on 30 September 2023", linked to the articles;
- `counts`: how many items, figures, articles and outlets the site is built from;
- `facts`, on a line of its own: the event at a glance, as list items: the topic's turning point and its
  day, the first and the latest count of the chart's measure (else of the first key measure), and the
  chart's reference figure (the population before). Nothing in it is written by hand but the topic file;
- `citation` and `dataset`, on the Data page: how to cite the data, and its schema.org JSON-LD (opendata.py).

`fill(name, site)` is None for a name it does not know (build.fill_markers reports it with its line).
"""
from __future__ import annotations

from .. import opendata
from ..model import METRICS
from .common import anchor_for, day_label, esc, figure_words, plural
from .queries import figure_anchor, latest

NOT_YET = "not reported in the articles yet"


def fill(name: str, site) -> str | None:
    if name in SPECIAL:
        return SPECIAL[name](site)
    figure = latest(site.figures, name)
    if figure is not None:
        return figure_words(figure)
    return NOT_YET if name in METRICS else None


def known() -> list[str]:
    return sorted(set(METRICS) | set(SPECIAL))


def counts(site) -> str:
    if not site.articles:
        return "no article yet"
    return (f"{plural(len(site.events), 'dated item')} and {plural(len(site.figures), 'figure')} from "
            f"{plural(len(site.articles), 'article')} by {plural(len({a.outlet for a in site.articles}), 'outlet')}")


def facts(site) -> str:
    """The event at a glance: one list item each for the turning point, the main measure and its reference."""
    topic = site.settings.topic
    measure = topic.chart.measure if topic.chart else next(iter(topic.key), None)
    lines = [_turning_point(site)]
    if measure:
        lines.append(f"- {esc(site.settings.labels[measure])}: {_first_and_latest(site, measure)}.")
    if topic.chart and topic.chart.reference:
        f = latest(site.figures, topic.chart.reference)
        lines.append(f"- {esc(site.settings.labels[topic.chart.reference])}: {_short(f) if f else NOT_YET}.")
    return "\n".join(lines)


def _turning_point(site) -> str:
    """"**8 May 2024:** the storm; the Timeline begins that day", linked to that day's
    entries where the Timeline has some (they cite the articles)."""
    topic, day = site.settings.topic, site.settings.cutoff
    that_day = next((e for e in site.events if e.section == "timeline" and e.when.precision == "day"
                     and e.when.start == day.isoformat()), None)
    link = f"timeline.md#{anchor_for(that_day.when)}" if that_day else "timeline.md"
    return f"- **{esc(day_label(day))}:** {esc(topic.turning_point)}; the [Timeline]({link}) begins that day."


def _first_and_latest(site, measure: str) -> str:
    """The latest figure of the measure and, from the turning point on, the first one."""
    last = latest(site.figures, measure)
    if last is None:
        return NOT_YET
    since = [f for f in site.figures if f.metric == measure and f.as_of and f.as_of >= site.settings.cutoff.isoformat()]
    first = min(since, key=lambda f: (f.as_of, f.qualifier != "exact", f.value, f.id), default=None)
    if first is None or first.as_of == last.as_of:
        return _short(last)
    return f"the latest count, {_short(last)}; the first, {_short(first)}"


def _short(f) -> str:
    """A figure in a sentence, its articles named when one or two, else "N outlets" linked to its row."""
    if len(f.sources) <= 2:
        return figure_words(f)
    return figure_words(f, cited=f"[{len({s.outlet for s in f.sources})} outlets](humanitarian.md#{figure_anchor(f)})")


# Markers that are no measure; `citation` and `dataset` are the Data page's (opendata.py).
SPECIAL = {"counts": counts, "facts": facts, "citation": opendata.citation, "dataset": opendata.dataset_block}
