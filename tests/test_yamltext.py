"""YAML is read alike with or without libyaml (read/yamltext.py): the same nodes and lines for the
project's own files, the pure-Python parser's wording for every error."""
from __future__ import annotations

import pytest
import yaml

from explainer.read import yamltext
from support import ROOT


def shape(node):
    """A node tree as plain values with each node's line and column."""
    if node is None:
        return None
    where = (node.start_mark.line, node.start_mark.column, node.tag)
    if isinstance(node, yaml.MappingNode):
        return where, [(shape(k), shape(v)) for k, v in node.value]
    if isinstance(node, yaml.SequenceNode):
        return where, [shape(v) for v in node.value]
    return where, node.value


def project_yaml() -> list[str]:
    fronts = [p.read_text(encoding="utf-8").split("\n---", 1)[0].removeprefix("---\n")
              for p in sorted((ROOT / "seeds").glob("*.md"))]
    return fronts + [(ROOT / name).read_text(encoding="utf-8") for name in ("topic.yml", "corrections.yml")]


@pytest.mark.skipif(yamltext.FAST is None, reason="PyYAML without libyaml")
@pytest.mark.parametrize("text", project_yaml())
def test_the_fast_parser_gives_the_same_nodes_and_lines(text):
    assert shape(yaml.compose(text, Loader=yamltext.FAST)) == shape(yaml.compose(text, Loader=yaml.SafeLoader))
    assert shape(yamltext.compose(text)) == shape(yaml.compose(text, Loader=yaml.SafeLoader))


@pytest.mark.parametrize("text", ["title: [a, b: c\n", "title: 'open\n", "a: 1\na: 2: 3\n", "title:\tFoo\n", "- a\nb: 1\n"])
def test_an_error_is_worded_by_the_pure_python_parser(text):
    with pytest.raises(yaml.YAMLError) as slow:
        yaml.compose(text, Loader=yaml.SafeLoader)
    with pytest.raises(yaml.YAMLError) as got:
        yamltext.compose(text)
    assert str(got.value) == str(slow.value)


def test_tabs_are_left_to_the_pure_python_parser(monkeypatch):
    """libyaml accepts a tab after a key's colon; the pure-Python parser rejects it, on every machine."""
    monkeypatch.setattr(yamltext, "FAST", getattr(yaml, "CSafeLoader", None))
    with pytest.raises(yaml.YAMLError):
        yamltext.compose("title:\tFoo\n")


def test_empty_text_is_no_document():
    assert yamltext.compose("") is None
