"""The topic file (`topic.yml` beside mkdocs.yml): everything the engine knows about one event.

The engine itself knows no event: the event's name, the day that separates Background from
Timeline, the sides and the words that name them, the places the articles name, each measure's
label and which are key figures, the chart and Background's topics all come from this file. It is
loaded and validated like the seeds: the YAML is composed here so that every problem reads
`topic.yml:LINE: what is wrong`, all of them at once; an unknown key is an error that lists the
known ones. Without a topic (`Topic()`), the pages use the generic labels below and draw no chart.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from .errors import Problem, SeedError, half_character
from .model import METRICS, NOT_BY_VERBS, NOT_BY_WORDS

# Each measure's label on the pages and in data/figures.json when the topic gives none: no event's words.
DEFAULT_LABELS = {
    "arrivals": "People who had arrived (fled, crossed or registered)",
    "population": "Population before the event",
    "remaining": "People remaining",
    "killed": "Killed",
    "wounded": "Wounded",
    "missing": "Missing",
    "vehicles": "Vehicles",
    "aid": "Aid pledged or provided",
    "appeal": "Appeals for aid",
    "share": "Share",
    "people": "People (other counts)",
    "displaced": "Displaced people housed or registered, or a part of those who arrived",
    "affected": "People an aid plan or programme is to help",
    "detained": "Detained or arrested",
    "rescued": "Rescued",
    "buildings": "Buildings and homes (destroyed, damaged or built)",
    "other": "Amounts per person, family or period",
}
DEFAULT_KEY = ("killed", "wounded", "missing", "displaced")      # key figures when the topic marks none
# The measures with a table of their own on the Humanitarian page, where a chart can be drawn.
CHARTABLE = ("arrivals", "population", "remaining", "displaced", "affected", "detained", "rescued", "vehicles",
             "buildings")


@dataclass(frozen=True)
class Chart:
    measure: str                      # the measure drawn, by the day of each count
    title: str                        # the chart's title
    section: str                      # the heading of the Humanitarian page's section with the chart
    counted: str = "Counts"           # the words before the list of counts in the chart's text description
    reference: str | None = None      # a measure drawn as a dashed line (its latest figure)
    reference_label: str = "Reference"


@dataclass(frozen=True)
class Topic:
    name: str = ""
    description: str = ""
    cutoff: date = date.min                     # before it: Background; from it on: Timeline
    turning_point: str = "the turning point"    # what happened that day: "… of 19 September 2023"
    sides: tuple[tuple[str, str], ...] = ()     # (name, pattern of the words that name it)
    places: tuple[str, ...] = ()                # words that are never part of a person's name
    labels: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_LABELS))
    key: tuple[str, ...] = DEFAULT_KEY          # the key figures, in order
    # Each measure's own signals over the generic rules (extract/figures.py `Rules`): (measure, words), in order.
    measure_words: tuple[tuple[str, tuple[str, ...]], ...] = ()   # counted nouns: "3,000 evacuees"
    measure_verbs: tuple[tuple[str, tuple[str, ...]], ...] = ()   # verbs near the count: "12,000 people crossed into"
    chart: Chart | None = None
    topics: dict[str, list[str]] = field(default_factory=dict)   # Background's topics: keywords, lowercase


def word_pattern(words: list[str]) -> str:
    """The pattern for a side's words: a word as written ("Fredville"), or a prefix ending in * ("Freedonia*")."""
    return "|".join(rf"\b{re.escape(w[:-1])}\w*" if w.endswith("*") else rf"\b{re.escape(w)}\b" for w in words)


KEYS = {   # key: (required, what it holds)
    "name": True, "description": True, "turning_point": True, "sides": False, "places": False,
    "measures": False, "chart": False, "topics": False,
}
TURNING_POINT = {"date": True, "what": True}
SIDE = {"name": True, "words": True}
MEASURE = {"label": False, "key": False, "words": False, "verbs": False}
CHART = {"measure": True, "title": True, "section": True, "counted": False, "reference": False, "reference_label": False}
WORD = re.compile(r"[^\W\d_][\w’'. -]*\*?", re.UNICODE)


class _Check:
    """The problems found so far in one topic file, as `shown:LINE: what is wrong`."""

    def __init__(self, shown: str):
        self.shown, self.problems = shown, []
        self.key_of: dict[int, yaml.Node] = {}     # a value's key, whose line names a missing key's place

    def add(self, node, message: str) -> None:
        self.problems.append(Problem(self.shown, node.start_mark.line + 1 if node is not None else 1, message))

    def mapping(self, node, keys: dict[str, bool], where: str) -> dict:
        """A mapping's values by key (their nodes); unknown, repeated and missing keys are problems."""
        if not isinstance(node, yaml.MappingNode):
            self.add(node, f"{where} must be a mapping of {', '.join(keys)}")
            return {}
        out = {}
        for k, v in node.value:
            name = k.value if isinstance(k, yaml.ScalarNode) else str(k.value)
            if name in out:
                self.add(k, f"{where}: {name} is given twice")
            elif name not in keys:
                self.add(k, f"{where}: unknown key {name!r}; known: {', '.join(keys)}")
            out[name] = v
            self.key_of[id(v)] = k
        for name, required in keys.items():
            if required and name not in out:
                self.add(self.key_of.get(id(node), node), f"{where}: {name} is missing (required)")
        return out

    def text(self, node, where: str) -> str | None:
        if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:str" and node.value.strip():
            if why := half_character(node.value):
                self.add(node, f"{where}: {why}")
                return None
            return " ".join(node.value.split())
        self.add(node, f"{where}: give a text")
        return None

    def texts(self, node, where: str, pattern: re.Pattern | None = None) -> list[str]:
        """A list of texts (one text alone is a list of one)."""
        items = node.value if isinstance(node, yaml.SequenceNode) else [node]
        out = [t for t in (self.text(i, where) for i in items) if t is not None]
        for i, t in zip(items, out):
            if pattern is not None and not pattern.fullmatch(t):
                self.add(i, f"{where}: {t!r} is not a word or a prefix ending in *")
        if not out:
            self.add(node, f"{where}: give at least one word")
        return out

    def day(self, node, where: str) -> date | None:
        try:
            if isinstance(node, yaml.ScalarNode) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", node.value):
                return date.fromisoformat(node.value)
        except ValueError:
            pass
        self.add(node, f"{where}: {getattr(node, 'value', '')!r} is not a YYYY-MM-DD date")
        return None


def load_topic(path: Path, shown: str = "topic.yml") -> Topic:
    """The topic file at `path` (errors name it `shown`). Raises SeedError listing every problem."""
    check = _Check(shown)
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except FileNotFoundError:
        raise SeedError([Problem(shown, 0, "no topic file: write one (name, description, turning_point; "
                                           "see the repository's topic.yml) or name it in extra.explainer.topic")]) from None
    except (yaml.YAMLError, UnicodeDecodeError) as err:
        mark = getattr(err, "problem_mark", None)
        raise SeedError([Problem(shown, mark.line + 1 if mark else 1, f"not valid YAML: {getattr(err, 'problem', err)}")]) from None
    top = check.mapping(node, KEYS, "the topic")
    topic = _topic(top, check)
    if check.problems:
        raise SeedError(check.problems)
    return topic


def _topic(top: dict, check: _Check) -> Topic:
    kwargs: dict = {}
    for key in ("name", "description"):
        if key in top:
            kwargs[key] = check.text(top[key], key)
    if "turning_point" in top:
        tp = check.mapping(top["turning_point"], TURNING_POINT, "turning_point")
        kwargs["cutoff"] = check.day(tp["date"], "turning_point.date") if "date" in tp else None
        kwargs["turning_point"] = check.text(tp["what"], "turning_point.what") if "what" in tp else None
    if "sides" in top:
        kwargs["sides"] = _sides(top["sides"], check)
    if "places" in top:
        kwargs["places"] = tuple(check.texts(top["places"], "places", WORD))
    if "measures" in top:
        kwargs["labels"], kwargs["key"] = _measures(top["measures"], check)
        kwargs["measure_words"], kwargs["measure_verbs"] = _signals(top["measures"], check)
    if "chart" in top:
        kwargs["chart"] = _chart(top["chart"], check)
    if "topics" in top:
        kwargs["topics"] = _topics(top["topics"], check)
    return Topic(**{k: v for k, v in kwargs.items() if v is not None})


def _topics(node, check: _Check) -> dict[str, list[str]]:
    """Background's topics, in order: each a heading and the keywords (lowercase) of its sentences."""
    if not isinstance(node, yaml.MappingNode):
        check.add(node, "topics: give a mapping of each topic's heading to its keywords")
        return {}
    return {str(k.value): [w.lower() for w in check.texts(v, f"topics.{k.value}")] for k, v in node.value}


def _sides(node, check: _Check) -> tuple[tuple[str, str], ...]:
    if not isinstance(node, yaml.SequenceNode):
        check.add(node, "sides: give a list of sides, each with a name and its words")
        return ()
    out = []
    for item in node.value:
        side = check.mapping(item, SIDE, "sides")
        name = check.text(side["name"], "sides.name") if "name" in side else None
        words = check.texts(side["words"], f"sides.{name or '?'}.words", WORD) if "words" in side else []
        if name and words:
            out.append((name, word_pattern(words)))
    return tuple(out)


def _measures(node, check: _Check) -> tuple[dict[str, str], tuple[str, ...]]:
    labels, key = dict(DEFAULT_LABELS), []
    measures = check.mapping(node, {m: False for m in METRICS}, "measures")
    for name, value in measures.items():
        if name not in METRICS:
            continue
        m = check.mapping(value, MEASURE, f"measures.{name}")
        if "label" in m:
            labels[name] = check.text(m["label"], f"measures.{name}.label") or labels[name]
        if "key" in m:
            if not (isinstance(m["key"], yaml.ScalarNode) and m["key"].tag == "tag:yaml.org,2002:bool"):
                check.add(m["key"], f"measures.{name}.key: give true or false")
            elif m["key"].value.lower() in ("true", "yes", "on"):
                key.append(name)
    return labels, tuple(key) or DEFAULT_KEY


def _signals(node, check: _Check) -> tuple[tuple, tuple]:
    """Each measure's `words` (counted nouns) and `verbs` (near the count): words or phrases, or prefixes ending in
    *; a word signals one measure only; money and shares take neither, vehicles and buildings no verbs (their
    unit decides them). The keys themselves were checked by `_measures`."""
    out: dict[str, list] = {"words": [], "verbs": []}
    seen: dict[tuple[str, str], str] = {}
    for k, v in node.value if isinstance(node, yaml.MappingNode) else ():
        name = str(k.value)
        given = {str(i.value): j for i, j in v.value} if name in METRICS and isinstance(v, yaml.MappingNode) else {}
        for kind, refused in (("words", NOT_BY_WORDS), ("verbs", NOT_BY_VERBS)):
            if kind not in given:
                continue
            where = f"measures.{name}.{kind}"
            if name in refused:
                decided = "money or a share" if name in NOT_BY_WORDS else "vehicles or buildings"
                check.add(given[kind], f"{where}: {name} is decided by its unit ({decided}), not by {kind}")
                continue
            words = check.texts(given[kind], where, WORD)
            for word in words:
                other = seen.setdefault((kind, word.lower()), name)
                if other != name:
                    check.add(_item(given[kind], word), f"{where}: {word!r} already signals {other}; a word signals one measure")
            out[kind].append((name, tuple(words)))
    return tuple(out["words"]), tuple(out["verbs"])


def _item(node, text: str):
    """The item of a list (or the one value) that reads `text`."""
    items = node.value if isinstance(node, yaml.SequenceNode) else [node]
    return next((i for i in items if isinstance(i.value, str) and " ".join(i.value.split()) == text), node)


def _chart(node, check: _Check) -> Chart | None:
    c = check.mapping(node, CHART, "chart")
    values = {k: check.text(v, f"chart.{k}") for k, v in c.items() if k in CHART}
    for k in ("measure", "reference"):
        allowed = CHARTABLE if k == "measure" else METRICS
        if values.get(k) and values[k] not in allowed:
            check.add(c[k], f"chart.{k}: {values[k]!r} is not a measure that can be drawn; known: {', '.join(allowed)}")
            values[k] = None
    if not all(values.get(k) for k in ("measure", "title", "section")) or None in values.values():
        return None
    return Chart(**values)
