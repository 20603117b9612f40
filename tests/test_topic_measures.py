"""A topic's own signals for its measures (topic.yml's `measures.<m>.words` and `.verbs`): they extend the
generic rules for that build only, validated with their lines, and are part of the cache key."""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from explainer.build import build_site
from explainer.errors import SeedError
from explainer.extract import figures
from explainer.extract.article import extract
from explainer.model import Article
from explainer.settings import Settings
from explainer.topic import load_topic
from support import MINIMAL_TOPIC, ROOT

HEAD = MINIMAL_TOPIC
MEASURES = HEAD + """\
measures:
  displaced:
    label: People housed in the camps
    words: [evacuees, "homeless famil*"]
    verbs: [crossed into]
  rescued:
    verbs: ["were airlifted", airlifted]
  vehicles:
    words: [tractors]
"""


def topic(tmp_path: Path, text: str = MEASURES):
    (tmp_path / "topic.yml").write_text(text, encoding="utf-8")
    return load_topic(tmp_path / "topic.yml")


def problems(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(SeedError) as err:
        topic(tmp_path, text)
    return str(err.value).splitlines()


def rules(tmp_path: Path) -> figures.Rules:
    t = topic(tmp_path)
    return figures.Rules.of(t.measure_words, t.measure_verbs)


def measures(sentence: str, with_rules: figures.Rules = figures.NO_RULES) -> list[tuple[float, str, str]]:
    return [(f.value, f.unit, f.metric) for f in figures.find(sentence, with_rules)]


def test_the_file_holds_each_measures_words_and_verbs(tmp_path):
    t = topic(tmp_path)
    assert t.measure_words == (("displaced", ("evacuees", "homeless famil*")), ("vehicles", ("tractors",)))
    assert t.measure_verbs == (("displaced", ("crossed into",)), ("rescued", ("were airlifted", "airlifted")))
    assert t.labels["displaced"] == "People housed in the camps"
    assert (topic(tmp_path, HEAD).measure_words, topic(tmp_path, HEAD).measure_verbs) == ((), ())


@pytest.mark.parametrize("sentence, generic, with_topic", [
    # words: a counted noun signals its measure, over the generic nouns ("evacuees" are arrivals) and verbs
    ("Some 3,000 evacuees waited at the camp in Velmora.", "arrivals", "displaced"),
    ("By Friday 3,000 evacuees had reached the camp at Tarnby.", "arrivals", "displaced"),
    # a noun the engine does not count: no figure at all without the topic
    ("Officials counted 1,200 homeless families in Tarnby.", None, "displaced"),
    ("The number of homeless families has reached 1,200, officials in Velmora said.", None, "displaced"),
    # verbs: after the count or before it, over the generic verbs ("crossed" is arrivals)
    ("On Tuesday 12,000 people crossed into Norland.", "arrivals", "displaced"),
    ("Another 40 people were airlifted from the ridge above Velmora.", "people", "rescued"),
    ("The navy airlifted 40 people from the ridge.", "people", "rescued"),
])
def test_each_key_changes_the_measure_and_without_it_the_generic_one_stays(tmp_path, sentence, generic, with_topic):
    assert [m for _, _, m in measures(sentence)] == ([generic] if generic else [])
    assert [m for _, _, m in measures(sentence, rules(tmp_path))] == [with_topic]


def test_a_vehicles_word_counts_vehicles(tmp_path):
    assert measures("About 300 tractors crossed the bridge at Velmora.") == []
    assert measures("About 300 tractors crossed the bridge at Velmora.", rules(tmp_path)) == [(300, "vehicles", "vehicles")]


@pytest.mark.parametrize("sentence, measure", [
    # a casualty's, detention's or rescue's words outrank the topic's signals
    ("At least 30 evacuees were killed when the shelter in Velmora collapsed.", "killed"),
    ("The blast killed a further 30 evacuees in Tarnby.", "killed"),
    ("Police said 25 homeless families were detained in Velmora.", "detained"),
    ("Officials said 12 people were injured as they crossed into Norland.", "wounded"),
    # what is no count stays none: a projection, people interviewed, one person
    ("Officials in Velmora said 5,000 more evacuees are expected to arrive.", "people"),
    ("The agency interviewed 14 evacuees at Tarnby.", "people"),
    # a count that is part of a whole, or a population, keeps the generic rule
    ("The valley's 2,000 residents were airlifted to Tarnby.", "population"),
])
def test_the_topic_signals_sit_after_the_rules_they_must_not_override(tmp_path, sentence, measure):
    assert [m for _, _, m in measures(sentence, rules(tmp_path))] == [measure]


def test_one_of_the_evacuees_is_a_person_not_a_count(tmp_path):
    assert measures("One of the evacuees said the road to Velmora was closed.", rules(tmp_path)) == []
    assert measures("One evacuee said the road to Velmora was closed.", rules(tmp_path)) == []


def test_the_topic_is_threaded_from_the_settings_to_the_figures(tmp_path):
    article = Article(slug="2025-04-05-wire-camps", path="seeds/2025-04-05-wire-camps.md", title="Camps fill",
                      outlet="Wire", published=date(2031, 4, 5), url=None, kind="article", notes=None,
                      body="Some 3,000 evacuees waited at the camp in Velmora on Friday.\n", body_line=6)
    generic = extract(article, Settings()).figures
    own = extract(article, Settings(topic=topic(tmp_path))).figures
    assert [(f.metric, f.value) for f in generic] == [("arrivals", 3000)]
    assert [(f.metric, f.value, f.label) for f in own] == [("displaced", 3000, "People housed in the camps")]


def test_a_bad_word_list_is_named_with_its_line(tmp_path):
    text = HEAD + """\
measures:
  displaced:
    words: [evacuees, "3 camps"]
    verbs: []
  rescued:
    words: evacuees
    verbs: {airlifted: yes}
  aid:
    words: [tents]
  buildings:
    words: [tents]
    verbs: [collapsed]
  killed:
    wording: [dead]
"""
    assert problems(tmp_path, text) == [
        "topic.yml:8: measures.displaced.words: '3 camps' is not a word or a prefix ending in *",
        "topic.yml:9: measures.displaced.verbs: give at least one word",
        "topic.yml:11: measures.rescued.words: 'evacuees' already signals displaced; a word signals one measure",
        "topic.yml:12: measures.rescued.verbs: give a text",
        "topic.yml:12: measures.rescued.verbs: give at least one word",
        "topic.yml:14: measures.aid.words: aid is decided by its unit (money or a share), not by words",
        "topic.yml:17: measures.buildings.verbs: buildings is decided by its unit (vehicles or buildings), not by verbs",
        "topic.yml:19: measures.killed: unknown key 'wording'; known: label, key, words, verbs",
    ]


def test_the_cache_key_changes_when_a_measures_words_change(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "2025-04-05-wire-camps.md").write_text(
        "---\ntitle: Camps fill\noutlet: Wire\npublished: 2025-04-05\n---\n"
        "Some 3,000 evacuees waited at the camp in Velmora on Friday, officials said on 5 April 2025.\n", encoding="utf-8")

    def entries(settings: Settings) -> set:
        build_site(tmp_path, settings, use_cache=True)
        return {p.name for p in (tmp_path / ".cache" / "explainer").rglob("*.pickle")}    # the articles' entries

    t = topic(tmp_path)
    first = entries(Settings(topic=t))
    assert first and entries(Settings(topic=t)) == first
    for change in ({"measure_words": (("displaced", ("evacuees",)),)}, {"measure_verbs": ()}):
        assert entries(Settings(topic=replace(t, **change))).isdisjoint(first), change
    assert Settings(topic=t).extraction() != Settings(topic=replace(t, measure_words=())).extraction()


def test_the_new_projects_template_offers_both_keys_and_the_loader_reads_them(tmp_path):
    text = (ROOT / "hooks/explainer/tools/templates/new/topic.yml").read_text(encoding="utf-8")
    block = text[text.index("# measures:"):text.index("\n\n", text.index("# measures:"))]
    assert "#     words: [" in block and "#     verbs: [" in block
    uncommented = text.replace("__TODAY__", "2024-05-02").replace(block, "\n".join(line[2:] for line in block.splitlines()))
    t = topic(tmp_path, uncommented)
    assert t.measure_words == (("arrivals", ("evacuees", "asylum seek*")),)
    assert t.measure_verbs == (("arrivals", ("crossed into", "were bused")),)
