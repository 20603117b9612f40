"""YAML read as nodes (every key keeps its line), quickly and alike on every machine.

libyaml's parser (in the PyYAML wheels on the package index) is about fifteen times faster than
the pure-Python one, which counts at thousands of seeds' front matter. But the two do not agree on
everything: libyaml accepts some tabs the pure-Python parser rejects, and words its errors less
clearly ("did not find expected ','" where the other says what it found). So libyaml reads only
text without a tab, and any text it rejects is read again by the pure-Python parser, whose error
is the one reported: the result and the messages never depend on which one is installed."""
from __future__ import annotations

import yaml

FAST = getattr(yaml, "CSafeLoader", None)


def compose(text: str) -> yaml.Node | None:
    """The YAML document in `text` as a node tree (None if it is empty); the pure-Python parser's
    error if it is not valid YAML."""
    if FAST is not None and "\t" not in text:
        try:
            return yaml.compose(text, Loader=FAST)
        except yaml.YAMLError:
            pass
    return yaml.compose(text, Loader=yaml.SafeLoader)
