"""What the engine needs to know about the site, read from `extra.explainer` in mkdocs.yml."""
from __future__ import annotations

import re

from dataclasses import dataclass, field
from datetime import date

from .errors import Problem, SeedError

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


@dataclass(frozen=True)
class Settings:
    seeds: str = "seeds"
    glossary: str = "docs/glossary.md"        # the one list of abbreviations, added to every page
    repository: str | None = None             # https://github.com/OWNER/REPO: page actions, error reports
    cutoff: date = date(2023, 9, 19)          # the offensive: before it is Background, from it on is Timeline
    topics: dict[str, list[str]] = field(default_factory=lambda: dict(DEFAULT_TOPICS))
    wording: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_WORDING))


def settings_from(extra: dict | None, where: str = "mkdocs.yml") -> Settings:
    raw = (extra or {}).get("explainer") or {}
    if not isinstance(raw, dict):
        raise SeedError([Problem(where, 0, "extra.explainer must be a mapping")])
    known = {"seeds", "cutoff", "topics", "glossary", "repository", "wording"}
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
        kwargs["wording"] = _wording(raw["wording"], where)
    return Settings(**kwargs)


def _wording(raw: object, where: str) -> dict[str, str]:
    if not isinstance(raw, dict) or not all(isinstance(v, str) and v.strip() for v in raw.values()):
        raise SeedError([Problem(where, 0, "extra.explainer.wording: give each key a text")])
    unknown = set(raw) - set(DEFAULT_WORDING)
    if unknown:
        raise SeedError([Problem(where, 0, f"extra.explainer.wording: unknown key(s) {', '.join(sorted(map(str, unknown)))}; "
                                           f"known: {', '.join(DEFAULT_WORDING)}")])
    return {**DEFAULT_WORDING, **{k: v.strip() for k, v in raw.items()}}
