"""The site's one list of abbreviations (docs/glossary.md) and its use on every page.

The table in the glossary page is read here; `abbreviations()` gives Markdown's abbreviation
definitions (`*[UN]: United Nations`), which the build appends to every page so that Material
shows them as tooltips. `missing()` finds abbreviations that the articles use on the site but the
glossary lacks.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..errors import Problem
from ..patterns import Programs

_PATTERNS = Programs(__file__)      # compiled once, kept beside the bytecode (patterns.py)

ROW = _PATTERNS.compile(r"^\|\s*(?P<abbr>[A-Z][A-Za-z/&.]{1,11})\s*\|\s*(?P<full>[^|]+?)\s*\|\s*$")
NOT_ABBR = _PATTERNS.compile(r"^Written in capitals in the articles but not abbreviations:\s*(?P<words>.+?)\.?\s*$", re.M)
CAPS = _PATTERNS.compile(r"(?<![\w/])(?P<abbr>[A-Z]{2,}(?:/[A-Z]{2,})?)(?![\w/])")


def load(path: Path) -> tuple[dict[str, str], set[str]]:
    """abbreviation -> full form, and the capitalised words that are not abbreviations."""
    if not path.exists():
        return {}, set()
    text = path.read_text(encoding="utf-8")
    table = {m.group("abbr"): m.group("full") for line in text.splitlines() if (m := ROW.match(line))
             and m.group("abbr") != "Abbreviation"}
    plain = NOT_ABBR.search(text)
    words = {w.strip() for w in plain.group("words").split(",")} if plain else set()
    return table, words


def definitions(table: dict[str, str]) -> str:
    """Markdown abbreviation definitions, one per line, sorted; '' for an empty table."""
    if not table:
        return ""
    lines = [f"*[{abbr}]: {_attr_safe(full)}" for abbr, full in sorted(table.items())]
    return "\n\n" + "\n".join(lines) + "\n"


def _attr_safe(text: str) -> str:
    # Markdown's abbr extension puts the full form in a title attribute and escapes it itself;
    # a line break would end the definition.
    return " ".join(text.split())


def with_abbreviations(markdown: str, table: dict[str, str]) -> str:
    return markdown.rstrip("\n") + "\n" + definitions(table) if table else markdown


def missing(site, table: dict[str, str], ignore: set[str], where: str) -> list[Problem]:
    """Abbreviations in the quotes, titles and outlet names the site shows that the glossary lacks.
    An article's dateline is no abbreviation: its city in capitals ("FREDVILLE, Sept 30 (Wire) -")
    and the time zone of its date line ("September 27, 2023 - 14:28 XST") are left out."""
    first: dict[str, Problem] = {}
    top = {x.article.slug: datelines(x) for x in getattr(site, "extracted", [])}
    for item in [*site.events, *site.figures, *site.context]:
        for s in item.sources:
            for abbr in found(s.quote, top.get(s.seed, ())):
                if abbr not in table and abbr not in ignore and abbr not in first:
                    first[abbr] = Problem(f"seeds/{s.seed}.md", s.line, fix(abbr, where))
    for a in site.articles:
        for abbr in found(f"{a.title} {a.outlet}", ()):
            if abbr not in table and abbr not in ignore and abbr not in first:
                first[abbr] = Problem(a.path, 1, fix(abbr, where))
    return sorted(first.values(), key=lambda p: (p.path, p.line, p.message))


def fix(abbr: str, where: str) -> str:
    return (f"'{abbr}' is not in {where}: add a row '| {abbr} | <in full> |' to its table, or, if it is no "
            f"abbreviation, add it to the line 'Written in capitals in the articles but not abbreviations: …'")


def found(text: str, skip: tuple[str, ...]) -> list[str]:
    """The abbreviations in `text`, the article's datelines (`skip`) left out."""
    for line in skip:
        text = text.replace(line, " ")
    return [m.group("abbr") for m in CAPS.finditer(text)]


def datelines(x) -> tuple[str, ...]:
    """What opens an article and is no statement: its dateline or date line as the extraction read
    it (`Extracted.dateline`) and a dateline without a date ("FREDVILLE (Wire) -")."""
    return tuple(t for t in (x.dateline, *x.opening) if t)


_PATTERNS.save()
