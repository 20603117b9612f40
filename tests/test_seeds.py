"""Bad input gets `seeds/<file>.md:<line>: message`, every problem at once, never a traceback."""
from __future__ import annotations

from pathlib import Path

import pytest

from explainer.errors import SeedError
from explainer.read.seeds import load_seeds

GOOD = "---\ntitle: A title\noutlet: An outlet\npublished: 2023-09-30\n---\nThe council met on Monday to vote on the plan.\n"


def problems(tmp_path: Path, **files: str | bytes) -> list[str]:
    for name, content in files.items():
        p = tmp_path / f"{name}.md"
        p.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    with pytest.raises(SeedError) as err:
        load_seeds(tmp_path)
    return [str(p) for p in err.value.problems]


@pytest.mark.parametrize("text, line, words", [
    ("The council met.\n", 1, "no front matter"),
    ("---\ntitle: [unclosed\noutlet: X\n---\nBody text here.\n", 3, "not valid YAML"),
    ("---\ntitle: T\noutlet: O\npublished: 2023-09-30\nurll: https://x.org\n---\nBody text here.\n", 5, "did you mean 'url'"),
    ("---\ntitle: T\ntitle: U\noutlet: O\npublished: 2023-09-30\n---\nBody text here.\n", 3, "appears twice"),
    ("---\noutlet: O\npublished: 2023-09-30\n---\nBody text here.\n", 1, "'title' is missing"),
    ("---\ntitle: ''\noutlet: O\npublished: 2023-09-30\n---\nBody text here.\n", 2, "'title' is empty"),
    ("---\ntitle: T\noutlet: O\npublished: 2023-13-45\n---\nBody text here.\n", 4, "not a real date"),
    ("---\ntitle: T\noutlet: O\npublished: last Tuesday\n---\nBody text here.\n", 4, "not a real date"),
    ("---\ntitle: T\noutlet: O\npublished: 2023-09-30\nurl: javascript:alert(1)\n---\nBody text here.\n", 5, "not an http(s) address"),
    ("---\ntitle: T\noutlet: O\npublished: 2023-09-30\n---\n\n  \n", 6, "text is empty"),
])
def test_each_problem_names_file_and_line(tmp_path, text, line, words):
    (msg,) = problems(tmp_path, bad=text)
    assert msg.startswith(f"seeds/bad.md:{line}: "), msg
    assert words in msg


def test_not_utf8(tmp_path):
    (msg,) = problems(tmp_path, bad=GOOD.encode() + "\nCaf\xe9".encode("latin-1"))
    assert msg.startswith("seeds/bad.md:8: ") and "UTF-8" in msg


def test_too_large(tmp_path):
    (msg,) = problems(tmp_path, big=GOOD + "word " * 50_000)
    assert "bytes" in msg


def test_same_article_twice(tmp_path):
    (msg,) = problems(tmp_path, a=GOOD, b=GOOD.replace("A title", "Another title"))
    assert msg.startswith("seeds/b.md:") and "same text as seeds/a.md" in msg


def test_every_problem_is_reported(tmp_path):
    msgs = problems(tmp_path, a="no front matter\n", b=GOOD.replace("2023-09-30", "2023-02-30"), c=GOOD)
    assert [m.split(":")[0] for m in msgs] == ["seeds/a.md", "seeds/b.md"]


def test_good_seed_loads(tmp_path):
    (tmp_path / "ok.md").write_text(GOOD)
    (a,) = load_seeds(tmp_path)
    assert (a.title, a.outlet, a.published.isoformat(), a.body_line) == ("A title", "An outlet", "2023-09-30", 6)


@pytest.mark.parametrize("text, where", [
    ("---\ntitle: T\noutlet: [O\npublished: 2023-09-30\n---\nBody text here.\n", "seeds/bad.md:4: front matter is not valid YAML (column 10)"),
    ("---\ntitle: a\x1fb\noutlet: O\npublished: 2023-09-30\n---\nBody text here.\n",
     "seeds/bad.md:2: front matter has a character YAML does not allow (U+001F at column 9)"),
])
def test_bad_yaml_gives_line_and_column(tmp_path, text, where):
    (msg,) = problems(tmp_path, bad=text)
    assert msg.startswith(where), msg


@pytest.mark.parametrize("line, column", [("title: Foo\t", 11), ("title:\tFoo", 7), ("title: [a\t]", 10)])
def test_tabs_in_front_matter_are_reported_with_or_without_libyaml(tmp_path, line, column):
    """libyaml accepts these tabs and the pure-Python parser does not: the build must not depend
    on which one is installed, so front matter with a tab is always read by the pure-Python one."""
    text = f"---\n{line}\noutlet: O\npublished: 2023-09-30\n---\nBody text here.\n"
    (msg,) = problems(tmp_path, bad=text)
    assert msg.startswith(f"seeds/bad.md:2: front matter is not valid YAML (column {column})"), msg


def test_every_kind_of_problem_in_one_run(tmp_path):
    """One run lists every problem of every file, sorted by file and line."""
    msgs = problems(tmp_path,
                    a="no front matter\n",
                    b="---\ntitle: ''\noutlet: O\npublished: last Tuesday\nurll: x\n---\n\n",
                    c=GOOD, d=GOOD.replace("A title", "Copy"),
                    e=b"---\ntitle: T\noutlet: O\npublished: 2023-09-30\n---\n\xff\n")
    assert [m.split(": ")[0] for m in msgs] == ["seeds/a.md:1", "seeds/b.md:2", "seeds/b.md:4", "seeds/b.md:5",
                                                "seeds/b.md:7", "seeds/d.md:6", "seeds/e.md:6"], msgs


@pytest.mark.parametrize("key", ["title", "outlet", "published"])
def test_each_required_key_missing_or_empty(tmp_path, key):
    line = {"title": 2, "outlet": 3, "published": 4}[key]
    missing = "\n".join(l for l in GOOD.split("\n") if not l.startswith(key + ":"))
    (msg,) = problems(tmp_path, bad=missing)
    assert msg.startswith("seeds/bad.md:1: ") and f"'{key}' is missing" in msg
    empty = "\n".join(f"{key}:   " if l.startswith(key + ":") else l for l in GOOD.split("\n"))
    (msg,) = problems(tmp_path, bad=empty)
    assert msg.startswith(f"seeds/bad.md:{line}: ") and f"'{key}' is empty" in msg


def test_same_url_twice(tmp_path):
    a = GOOD.replace("---\nThe", "url: https://example.org/story\n---\nThe")
    b = a.replace("The council met on Monday", "Another text entirely, about a vote").replace("/story", "/STORY/")
    (msg,) = problems(tmp_path, a=a, b=b)
    assert msg.startswith("seeds/b.md:1: ") and "same url as seeds/a.md" in msg


@pytest.mark.parametrize("line", ['title: "A \\ud800 title"', '"ti\\udfffle": T\ntitle: T'])
def test_half_a_character_escaped_in_quotes_is_an_editors_error(tmp_path, line):
    """YAML lets "\\ud800" stand for half of a UTF-16 pair, which no page can be written with: one
    problem, on its line, not a traceback when the pages are written."""
    text = GOOD.replace("title: A title", line)
    (msg,) = problems(tmp_path, bad=text)
    assert msg.startswith("seeds/bad.md:2: ") and "half of a character" in msg
    msg.encode("utf-8")                      # the message itself can be printed


def test_a_list_where_one_value_is_due_is_one_problem(tmp_path):
    (msg,) = problems(tmp_path, bad=GOOD.replace("title: A title", "title: [A, title]"))
    assert msg.startswith("seeds/bad.md:2: ") and "single value" in msg
