"""The engine's one error type: problems an editor can fix, each naming a file and line."""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class SeedError(Exception):
    """One or more problems in `seeds/`; str() lists them all, one per line."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))


# What a YAML escape in quotes such as "\\ud800" can put in a text: half of a UTF-16 pair, which no
# page or data file can be written with.
HALF_CHARACTER = re.compile("[\ud800-\udfff]")


def half_character(text: str) -> str | None:
    """The problem with a text holding half a character, or None."""
    m = HALF_CHARACTER.search(text)
    if m is None:
        return None
    return (f"an escape in quotes, \\u{ord(m.group()):04x}, is half of a character (UTF-16 surrogate), "
            "which no page can show: type the character itself")
