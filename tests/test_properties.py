"""Property tests: random and adversarial seed text through the whole engine (no MkDocs, fast).

For any seed, `build_site` either returns pages or raises SeedError (nothing else), and the
pages, rendered with the Markdown extensions of mkdocs.yml, hold no element or attribute that
came from the seed: only the engine's own kinds of element and attribute, no event handler,
no script URL. The JSON data files always parse.
"""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import ROOT
from support import repo_settings
from explainer.build import build_site
from explainer.errors import SeedError
from explainer.settings import Settings
from markup import scan

ATTACKS = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))", "![x](javascript:alert(1))",
    "<javascript:alert(1)>", "{{ config }}", "{% include 'x' %}", "{: onclick=\"alert(1)\" }", "{#id .c onclick=alert(1)}",
    "**b**", "`c`", "<!--", "-->", "]]>", "&lt;", "&amp;", "&#x3C;script&#x3E;", "\\", "|", "| a | b |", "---", "# h",
    "* ", "1. ", "> ", "[^1]", "*[HTML]: x", ":material-alert:", "<a href=\"javascript:alert(1)\">a</a>", "\"", "'",
    "<svg onload=alert(1)>", "<style>body{}</style>", "!!! note", "???", "<div markdown=\"1\">", "</div>", "$x$", "@",
    "\u202e", "\u200b", "\x00", "\ufeff", "𝕏", "é", "5,000 people", "September 26, 2023", "on 26 September",
]
MARK = "alert("

piece = st.one_of(st.sampled_from(ATTACKS), st.text(max_size=12))
snippet = st.lists(piece, max_size=6).map(" ".join)
line = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=80)



class _Loader(yaml.SafeLoader):
    """mkdocs.yml tags such as !ENV are MkDocs' business; the extensions list is plain YAML."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
_CFG = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)


def _extensions():
    names, configs = [], {}
    for item in _CFG["markdown_extensions"]:
        if isinstance(item, dict):
            (name, conf), = item.items()
            names.append(name)
            configs[name] = conf or {}
        else:
            names.append(item)
    return names, configs


@pytest.fixture(scope="module")
def baseline():
    """Kinds of element and attribute the engine itself produces, from the real seeds."""
    site = build_site(ROOT, repo_settings())
    tags, pairs = set(), set()
    for md in site.pages.values():
        s = scan(render(md))
        tags |= s.tags
        pairs |= s.pairs
    return tags, pairs


def render(md: str) -> str:
    names, configs = _extensions()
    if md.startswith("---\n"):
        md = md.split("\n---\n", 1)[1]
    return markdown.markdown(md, extensions=names, extension_configs=configs)


def _seed(title: str, outlet: str, notes: str, a: str, b: str, c: str) -> str:
    def q(s):
        return json.dumps(s)            # a JSON string is a YAML double-quoted scalar
    return (f"---\ntitle: {q(title)}\noutlet: {q(outlet)}\npublished: 2023-09-27\nurl: https://example.org/a\n"
            f"notes: {q(notes)}\n---\n"
            f"On September 26, 2023, {a} officials said 5,000 people {b} crossed into Armenia.\n\n"
            f"By September 27, 2023, the number of refugees had reached 70,000 {c}.\n\n"
            f"The region had been disputed since the 1990s {a}.\n")


def _check(tmp: Path, text: str, baseline) -> None:
    seeds = tmp / "seeds"
    if seeds.exists():
        shutil.rmtree(seeds)
    seeds.mkdir()
    (seeds / "x.md").write_bytes(text.encode("utf-8", "surrogatepass"))
    try:
        site = build_site(tmp, repo_settings())
    except SeedError as err:
        assert all(p.path.startswith("seeds/") for p in err.problems)
        return
    tags, pairs = baseline
    for path, md in site.pages.items():
        s = scan(render(md), MARK)
        assert not s.bad, (path, s.bad)
        assert s.tags <= tags, (path, s.tags - tags)
        assert s.pairs <= pairs, (path, s.pairs - pairs)
    for path, data in site.files.items():
        if path.endswith(".json"):
            json.loads(data)


# EXPLAINER_EXAMPLES=2000 for a longer hunt; 60 keeps `make test` quick.
FAST = settings(max_examples=int(os.environ.get("EXPLAINER_EXAMPLES", "60")), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                         HealthCheck.too_slow])


@FAST
@given(title=snippet, outlet=snippet, notes=snippet, a=snippet, b=snippet, c=snippet)
def test_adversarial_fields(tmp_path, baseline, title, outlet, notes, a, b, c):
    _check(tmp_path, _seed(title or "t", outlet or "o", notes, a, b, c), baseline)


@FAST
@given(body=st.lists(st.one_of(line, snippet), min_size=1, max_size=8).map("\n".join),
       head=st.lists(st.one_of(line, snippet), max_size=6).map("\n".join))
def test_random_files(tmp_path, baseline, head, body):
    """Anything at all in a seed file: pages or SeedError, never another exception, never markup."""
    _check(tmp_path, f"---\n{head}\n---\n{body}\n", baseline)


def test_esc_shows_every_ascii_character_as_itself():
    """Escaped seed text, through the site's Markdown extensions, is one paragraph of the same
    characters (line breaks and tabs as spaces), whatever marks it holds."""
    from html import unescape
    from explainer.pages.common import esc
    every = "".join(map(chr, range(32, 127)))
    texts = [every, every[::-1], "a\tb\nc\r\nd", *(f"Name {ch}{ch} 2023" for ch in every), *filter(str.isascii, ATTACKS)]
    for text in texts:
        html = render(esc(text))
        inner = html.removeprefix("<p>").removesuffix("</p>")
        assert html == f"<p>{inner}</p>" and "<" not in inner, (text, html)
        assert unescape(inner).strip() == text.translate(str.maketrans("\r\n\t", "   ")).strip(), (text, html)
