"""Merging what several outlets report alike (engine only)."""
from __future__ import annotations

import os
import subprocess
import sys
from datetime import date

from conftest import ROOT
from explainer.merge import merge_events
from explainer.model import Event, Source, When

DAY = When((2023, 9, 25), (2023, 9, 25), "day")


def _event(seed: str, text: str, when: When = DAY) -> Event:
    return Event(id=seed, when=when, section="timeline", text=text, status="done",
                 sources=[Source(seed=seed, outlet=seed.title(), url=None, published=date(2023, 9, 26), quote=text)])


def test_the_same_fact_from_two_outlets_is_one_item_with_both_sources():
    out = merge_events([
        _event("reuters", "Azerbaijan launched an offensive in Nagorno-Karabakh and shelled Stepanakert."),
        _event("bbc", "Azerbaijan launched an offensive in Nagorno-Karabakh, shelling Stepanakert."),
        _event("rferl", "Armenia asked the UN Security Council for an emergency meeting."),
        _event("ap", "Azerbaijan launched an offensive in Nagorno-Karabakh and shelled Stepanakert.",
               When((2023, 9, 26), (2023, 9, 26), "day")),           # another day: another item
    ])
    assert [sorted(s.seed for s in e.sources) for e in out] == [["bbc", "reuters"], ["rferl"], ["ap"]]


# X shares three of its four words with A and with B, and A and B share too few to merge: X joins
# the first seen of the two. Before, the choice followed the order of X's words in a set, which
# changes with PYTHONHASHSEED.
_TIE = """
from datetime import date
from explainer.merge import merge_events
from explainer.model import Event, Source, When
d = When((2023, 9, 25), (2023, 9, 25), "day")
def ev(seed, text):
    return Event(seed, d, "timeline", text, "done", [Source(seed, seed, None, date(2023, 9, 26), text)])
out = merge_events([ev("a", "alpha bravo charlie echo"), ev("b", "bravo charlie delta foxtrot"),
                    ev("x", "alpha bravo charlie delta")])
print([sorted(s.seed for s in e.sources) for e in out])
"""


def test_a_tie_goes_to_the_first_seen_item_whatever_the_hash_seed():
    seen = set()
    for seed in ("0", "1", "2", "3", "7", "42"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT / "hooks")}
        r = subprocess.run([sys.executable, "-c", _TIE], env=env, capture_output=True, text=True, check=True)
        seen.add(r.stdout.strip())
    assert seen == {"[['a', 'x'], ['b']]"}
