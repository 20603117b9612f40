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


def _corpus(tmp_path, n: int = 40):
    import shutil
    from explainer.tools.synth import generate
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    generate(ROOT / "seeds", tmp_path / "seeds", n, seed=7)
    return tmp_path


def test_stored_plans_replay_the_same_merge_and_only_changed_groups_are_compared(tmp_path, monkeypatch):
    from explainer import build, merge
    root = _corpus(tmp_path)
    fresh = build.build_site(root, use_cache=False)
    build.build_site(root, use_cache=True)                      # stores the articles and the plans
    calls = []
    real_plan = merge._plan
    monkeypatch.setattr(merge, "_plan", lambda items: calls.append(len(items)) or real_plan(items))
    warm = build.build_site(root, use_cache=True)
    assert calls == []                                          # every group replayed
    assert {**warm.pages, **warm.files} == {**fresh.pages, **fresh.files}

    seed = sorted((root / "seeds").glob("*.md"))[-1]
    seed.write_text(seed.read_text(encoding="utf-8") + "\nOn 2 October 2023, 1,234 people reached Goris, officials said.\n",
                    encoding="utf-8")
    edited = build.build_site(root, use_cache=True)
    groups = len({(e.when, e.status) for x in edited.extracted for e in x.events}) + \
        len({c.topic for x in edited.extracted for c in x.context})
    assert 0 < len(calls) < groups / 4                          # the changed article's groups only
    again = build.build_site(root, use_cache=False)
    assert {**edited.pages, **edited.files} == {**again.pages, **again.files}


def test_a_plan_that_does_not_fit_its_group_is_not_used():
    from explainer import merge
    items = lambda: [_event("a", "alpha bravo charlie echo"), _event("b", "alpha bravo charlie echo"),  # noqa: E731
                     _event("c", "delta foxtrot golf hotel")]
    ids = ["a:0", "b:0", "c:0"]
    plans = merge.Plans()
    expected = [[s.seed for s in e.sources] for e in merge.merge_items(items(), lambda e: e.when, ids, plans)]
    assert expected == [["a", "b"], ["c"]] and len(plans.now) == 1
    (gid,) = plans.now
    for bad in ([(0, [])], [(0, [1]), (1, [2])], [(0, [1, 5]), (2, [])], "nonsense", [(0, None)], None,
                [(0.0, [1.0]), (2, [])], [(1, [0]), (2, [])], [(2, []), (0, [1])],
                [(False, [1]), (2, [])], [(0, [1, 1]), (2, [])]):
        again = merge.Plans(earlier={gid: bad})
        got = merge.merge_items(items(), lambda e: e.when, ids, again)
        assert [[s.seed for s in e.sources] for e in got] == expected, bad
        assert again.now[gid] == plans.now[gid]


def test_a_group_is_known_by_its_items_identities():
    from explainer import merge
    items = lambda: [_event("a", "alpha bravo charlie echo"), _event("b", "alpha bravo charlie echo")]  # noqa: E731
    one, other = merge.Plans(), merge.Plans()
    merge.merge_items(items(), lambda e: e.when, ["a:0", "b:0"], one)
    merge.merge_items(items(), lambda e: e.when, ["a:0", "b:1"], other)
    assert one.now.keys().isdisjoint(other.now.keys())
