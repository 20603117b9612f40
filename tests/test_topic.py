"""The topic file: the engine knows no event, the topic file is validated like seeds, and a build
with another topic's words uses them."""
from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from support import MINIMAL_TOPIC, ROOT, repo_settings
from explainer.build import build_site
from explainer.errors import SeedError
from explainer.topic import Chart, load_topic

# This site's event: its places, parties and people. None may appear in the engine.
THIS_EVENT = re.compile(r"Armenia|Azerbaij|Azeri|Karabakh|Artsakh|Yerevan|\bBaku\b|Stepanakert|Khankendi|\bGoris\b|"
                        r"Kornidzor|Lachin|Hakari|Pashin[iy]an|Aliyev|Vardan[iy]an|Shahramanyan|Russian peacekeep|"
                        r"(?<!\|)\bexodus\b(?!\|)|Nagorno", re.IGNORECASE)
# ("…|exodus|…" in a pattern is the English word for any people's flight, not this event's name.)
# The world's nations, every one alike: the one file allowed to name them.
EXEMPT = {Path("hooks/explainer/extract/nations.tsv")}


def test_nothing_under_hooks_names_this_event():
    found = []
    for path in sorted((ROOT / "hooks").rglob("*")):
        rel = path.relative_to(ROOT)
        if not path.is_file() or "__pycache__" in path.parts or rel in EXEMPT:
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if THIS_EVENT.search(line):
                found.append(f"{rel}:{n}: {line.strip()[:100]}")
    assert not found, "the engine names this event:\n" + "\n".join(found)


GOOD = MINIMAL_TOPIC


def problems(tmp_path: Path, text: str) -> list[str]:
    (tmp_path / "topic.yml").write_text(text, encoding="utf-8")
    with pytest.raises(SeedError) as err:
        load_topic(tmp_path / "topic.yml")
    return str(err.value).splitlines()


def test_a_short_topic_file_is_enough(tmp_path):
    (tmp_path / "topic.yml").write_text(GOOD, encoding="utf-8")
    t = load_topic(tmp_path / "topic.yml")
    assert (t.name, t.cutoff, t.turning_point, t.chart, t.sides) == ("The flood in Avalon", date(2031, 4, 2), "the flood", None, ())
    assert t.labels["killed"] == "Killed" and t.key == ("killed", "wounded", "missing", "displaced")


def test_every_problem_with_its_line(tmp_path):
    text = GOOD.replace("2031-04-02", "2031-13-02") + """\
sides:
  - name: Upstream
    words: []
  - name: Downstream
    words: [Lowtown, "9 bad"]
colour: blue
measures:
  deaths: {label: Dead}
  killed: {label: Dead, key: maybe}
chart:
  measure: aid
  title: Aid
"""
    assert problems(tmp_path, text) == [
        "topic.yml:4: turning_point.date: '2031-13-02' is not a YYYY-MM-DD date",
        "topic.yml:8: sides.Upstream.words: give at least one word",
        "topic.yml:10: sides.Downstream.words: '9 bad' is not a word or a prefix ending in *",
        "topic.yml:11: the topic: unknown key 'colour'; known: name, description, turning_point, sides, places, "
        "measures, chart, topics",
        "topic.yml:13: measures: unknown key 'deaths'; known: arrivals, population, remaining, killed, wounded, missing, "
        "vehicles, aid, appeal, share, people, displaced, affected, detained, rescued, buildings, other",
        "topic.yml:14: measures.killed.key: give true or false",
        "topic.yml:15: chart: section is missing (required)",
        "topic.yml:16: chart.measure: 'aid' is not a measure that can be drawn; known: arrivals, population, remaining, "
        "displaced, affected, detained, rescued, vehicles, buildings",
    ]


def test_required_keys_and_bad_yaml(tmp_path):
    assert problems(tmp_path, "name: X\nturning_point:\n  date: 2031-04-02\n") == [
        "topic.yml:1: the topic: description is missing (required)",
        "topic.yml:2: turning_point: what is missing (required)",
    ]
    assert problems(tmp_path, GOOD + "name: again\n") == ["topic.yml:6: the topic: name is given twice"]
    assert problems(tmp_path, GOOD + "places: [a, [b\n")[0].startswith("topic.yml:7: not valid YAML")
    assert problems(tmp_path, "") == ["topic.yml:1: the topic must be a mapping of name, description, turning_point, "
                                      "sides, places, measures, chart, topics"]
    with pytest.raises(SeedError, match=r"^missing\.yml:0: no topic file"):
        load_topic(tmp_path / "missing.yml", "missing.yml")


def test_the_build_names_the_topic_file_and_its_line(project_copy):
    from conftest import mkdocs
    (project_copy / "topic.yml").write_text(GOOD + "colour: blue\n", encoding="utf-8")
    r = mkdocs("build", "--strict", "-d", str(project_copy / "out"), cwd=project_copy)
    assert r.returncode == 1 and "topic.yml:6: the topic: unknown key 'colour'" in r.stderr and "Traceback" not in r.stderr


def test_a_build_with_another_topic_uses_its_words():
    """Another event's words on the same articles: no page or data label keeps this event's."""
    old = repo_settings().topic
    labels = {**old.labels, "arrivals": "People who reached the dry land", "population": "Residents of the valley",
              "remaining": "People still in the valley", "vehicles": "Boats that crossed"}
    topic = replace(old, name="The flood in Avalon", turning_point="the flood", cutoff=date(2023, 9, 21), sides=(),
                    places=(), labels=labels, key=("arrivals", "killed"), topics={"Population": ["population"]},
                    chart=Chart("arrivals", "People reaching the dry land", "Reaching the dry land", "Landings counted",
                                "population", "Residents before the flood"))
    s = build_site(ROOT, repo_settings(topic=topic), use_cache=False)
    for path in ("timeline.md", "background.md"):
        assert "the flood of 21 September 2023" in s.pages[path], path
    h = s.pages["humanitarian.md"]
    assert "## Reaching the dry land" in h and "People reaching the dry land" in h and "Landings counted: " in h
    assert "Residents before the flood: " in h and "The dashed line is the residents before the flood." in h
    assert "- People who reached the dry land: **" in h.split("## Key figures")[1].split("\n## ")[0]
    figures = json.loads(s.files["data/figures.json"])["figures"]
    assert {f["label"] for f in figures if f["metric"] == "arrivals"} == {"People who reached the dry land"}
    assert not any(f.get("side") for f in figures)                 # no sides in this topic: "not stated"
    old_words = [old.turning_point, old.chart.title, old.chart.section, old.chart.counted,
                 old.chart.reference_label, *(old.labels[m] for m in old.key), *(name for name, _ in old.sides),
                 *(t for t in old.topics if t != "Population")]
    texts = {**{p: own_words(t) for p, t in s.pages.items()}, "figures.json labels": "\n".join(f["label"] for f in figures)}
    for where, text in texts.items():
        for word in old_words:
            assert word not in text, (where, word)


def own_words(page: str) -> str:
    """What a generated page says in its own words, not the articles': its description, headings and
    introduction, key figures, the chart's title, description and caption, and the tables' second
    column (a casualty's side)."""
    lines = page.split("\n")
    intro = page.split("\n## ")[0]
    keys = page.split("## Key figures")[1].split("\n## ")[0] if "## Key figures" in page else ""
    chart = " ".join(re.findall(r"<(?:title|desc|figcaption)[^>]*>([^<]*)<", page))
    cells = [line.split("|")[2] for line in lines if line.startswith("|") and line.count("|") > 3]
    return "\n".join([intro, keys, chart, *(line for line in lines if line.startswith("#")), *cells])


def test_half_a_character_escaped_in_quotes_is_an_editors_error(tmp_path):
    """A "\\ud800" escape in the topic file is reported on its line, not written into the calendar as "�"."""
    text = GOOD.replace("name: The flood in Avalon", 'name: "The flood \\ud800"')
    assert text != GOOD
    (msg,) = problems(tmp_path, text)
    assert msg.startswith("topic.yml:1: name:") and "half of a character" in msg
