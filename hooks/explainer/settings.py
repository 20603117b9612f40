"""What the engine needs to know about the site, read from `extra.explainer` in mkdocs.yml."""
from __future__ import annotations

import re

from dataclasses import dataclass, field, fields
from datetime import date

from .errors import Problem, SeedError
from .model import METRICS

DEFAULT_TOPICS = {
    "Status of the region": ["internationally recogni", "breakaway", "enclave", "de facto", "broke away", "separatist rule"],
    "Population": ["population", "populated", "inhabitants"],
    "The road and the Hakari bridge": ["lachin", "hakari", "only road", "only route", "corridor", "blockade"],
    "Russian peacekeepers": ["peacekeep"],
}

# The words the generated pages use for this event (extra.explainer.wording overrides any of them).
DEFAULT_WORDING = {
    "turning_point": "the Azerbaijani offensive",     # what happened on the cutoff day: "… of 19 September 2023"
    "arrivals": "Arrivals in Armenia",                # the Humanitarian page's section on the charted measure
    "chart": "Arrivals in Armenia from Nagorno-Karabakh",
    "reference_line": "Population before the exodus",
}

# Each measure's label on the pages and in data/figures.json (extra.explainer.labels overrides any).
DEFAULT_LABELS = {
    "arrivals": "People from Nagorno-Karabakh who had arrived in Armenia",
    "population": "Population of Nagorno-Karabakh before the exodus",
    "remaining": "People remaining in Nagorno-Karabakh",
    "killed": "Killed",
    "wounded": "Wounded",
    "missing": "Missing",
    "vehicles": "Vehicles that had crossed into Armenia",
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
# Settings only the build and the pages read; every other one changes what an article yields.
NOT_EXTRACTION = ("seeds", "glossary", "repository", "wording")


@dataclass(frozen=True)
class Settings:
    seeds: str = "seeds"
    glossary: str = "docs/glossary.md"        # the one list of abbreviations, added to every page
    repository: str | None = None             # https://github.com/OWNER/REPO: page actions, error reports
    cutoff: date = date(2023, 9, 19)          # the offensive: before it is Background, from it on is Timeline
    topics: dict[str, list[str]] = field(default_factory=lambda: dict(DEFAULT_TOPICS))
    wording: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_WORDING))
    labels: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_LABELS))

    def extraction(self) -> tuple:
        """The settings extraction reads, as (name, value) pairs: what the cache keys an article's yield by."""
        return tuple((f.name, getattr(self, f.name)) for f in fields(self) if f.name not in NOT_EXTRACTION)


def settings_from(extra: dict | None, where: str = "mkdocs.yml") -> Settings:
    raw = (extra or {}).get("explainer") or {}
    if not isinstance(raw, dict):
        raise SeedError([Problem(where, 0, "extra.explainer must be a mapping")])
    known = {"seeds", "cutoff", "topics", "glossary", "repository", "wording", "labels"}
    unknown = set(raw) - known
    if unknown:
        raise SeedError([Problem(where, 0, f"extra.explainer: unknown key(s) {', '.join(sorted(unknown))}; known: {', '.join(sorted(known))}")])
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
    if "cutoff" in raw:
        try:
            kwargs["cutoff"] = raw["cutoff"] if isinstance(raw["cutoff"], date) else date.fromisoformat(str(raw["cutoff"]))
        except ValueError:
            raise SeedError([Problem(where, 0, f"extra.explainer.cutoff: {raw['cutoff']!r} is not a YYYY-MM-DD date")]) from None
    if "topics" in raw:
        topics = raw["topics"]
        if not isinstance(topics, dict) or not all(isinstance(v, list) for v in topics.values()):
            raise SeedError([Problem(where, 0, "extra.explainer.topics: give each topic a list of words")])
        kwargs["topics"] = {str(k): [str(w).lower() for w in v] for k, v in topics.items()}
    if "wording" in raw:
        kwargs["wording"] = _texts("wording", raw["wording"], DEFAULT_WORDING, where)
    if "labels" in raw:
        kwargs["labels"] = _texts("labels", raw["labels"], DEFAULT_LABELS, where)
    return Settings(**kwargs)


def _texts(name: str, raw: object, defaults: dict[str, str], where: str) -> dict[str, str]:
    """A mapping of known keys to texts, over the defaults."""
    if not isinstance(raw, dict) or not all(isinstance(v, str) and v.strip() for v in raw.values()):
        raise SeedError([Problem(where, 0, f"extra.explainer.{name}: give each key a text")])
    unknown = set(raw) - set(defaults)
    if unknown:
        raise SeedError([Problem(where, 0, f"extra.explainer.{name}: unknown key(s) {', '.join(sorted(map(str, unknown)))}; "
                                           f"known: {', '.join(defaults)}")])
    return {**defaults, **{k: v.strip() for k, v in raw.items()}}
