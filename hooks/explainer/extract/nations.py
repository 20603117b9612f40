"""The world's nations, every one alike (nations.tsv): nationality adjectives, the country each names,
and the plural naming its people. The engine's one list of countries; no event is special."""
from __future__ import annotations

from pathlib import Path

TABLE = Path(__file__).with_name("nations.tsv")


def _rows() -> list[list[str]]:
    lines = TABLE.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line and not line.startswith("#")][1:]    # after the header


# "German": "Germany", "U.S.": "United States"
NATIONS = {adjective: country for adjective, country, _ in _rows()}
# "Germans", "Filipinos": a nation's people, a noun that counts people
PEOPLES = tuple(people for _, _, people in _rows() if people)
ADJECTIVES = tuple(NATIONS)
