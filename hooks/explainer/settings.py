"""What the engine needs to know about the site: `extra.explainer` in mkdocs.yml (site plumbing only)
and the topic file it names (`topic.yml` by default: the event; see topic.py)."""
from __future__ import annotations

import re

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .errors import Problem, SeedError
from .topic import Topic, load_topic

KNOWN = ("seeds", "glossary", "repository", "topic")
# Keys that were here before the topic file: where they went.
MOVED = {"cutoff": "turning_point.date", "wording": "turning_point.what and chart", "labels": "measures",
         "topics": "topics"}


@dataclass(frozen=True)
class Settings:
    seeds: str = "seeds"
    glossary: str = "docs/glossary.md"        # the one list of abbreviations, added to every page
    repository: str | None = None             # https://github.com/OWNER/REPO: page actions, error reports
    topic: Topic = field(default_factory=Topic)   # the event: topic.yml

    @property
    def cutoff(self) -> date:
        return self.topic.cutoff

    @property
    def topics(self) -> dict[str, list[str]]:
        return self.topic.topics

    @property
    def labels(self) -> dict[str, str]:
        return self.topic.labels

    def extraction(self) -> tuple:
        """The settings extraction reads, as (name, value) pairs: what the cache keys an article's yield by.
        Every topic value an extractor reads must be here (the event's name, the chart and the key
        figures are read only by the pages)."""
        t = self.topic
        return (("cutoff", t.cutoff), ("topics", t.topics), ("labels", t.labels), ("sides", t.sides),
                ("places", t.places), ("measure_words", t.measure_words), ("measure_verbs", t.measure_verbs))


def settings_from(extra: dict | None, where: str = "mkdocs.yml", root: Path | None = None) -> Settings:
    """The settings in mkdocs.yml's `extra` (its file named `where`), with the topic file they name,
    relative to `root` (the folder of mkdocs.yml; the current one by default)."""
    raw = (extra or {}).get("explainer") or {}
    if not isinstance(raw, dict):
        raise SeedError([Problem(where, 0, "extra.explainer must be a mapping")])
    moved = sorted(set(raw) & set(MOVED))
    if moved:
        raise SeedError([Problem(where, 0, f"extra.explainer.{k}: moved to the topic file (topic.yml), as {MOVED[k]}")
                         for k in moved])
    unknown = set(raw) - set(KNOWN)
    if unknown:
        raise SeedError([Problem(where, 0, f"extra.explainer: unknown key(s) {', '.join(sorted(unknown))}; known: {', '.join(KNOWN)}")])
    kwargs: dict = {}
    if "seeds" in raw:
        kwargs["seeds"] = str(raw["seeds"])
    if "glossary" in raw:
        kwargs["glossary"] = str(raw["glossary"])
    if raw.get("repository"):
        repo = str(raw["repository"]).rstrip("/")
        if not re.match(r"https://[\w.-]+/[\w.-]+/[\w.-]+$", repo):
            raise SeedError([Problem(where, 0, f"extra.explainer.repository: {repo!r} is not https://HOST/OWNER/REPO")])
        kwargs["repository"] = repo
    shown = str(raw.get("topic") or "topic.yml")
    kwargs["topic"] = load_topic((root or Path(".")) / shown, shown)
    return Settings(**kwargs)
