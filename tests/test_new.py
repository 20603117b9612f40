"""`python -m explainer new DIR`: a new project that builds strictly with no article, and with one."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml

from explainer.topic import load_topic

from conftest import ROOT
from explainer.build import NOTHING_YET, build_site, fill_markers
from explainer.errors import SeedError
from explainer.settings import Settings
from explainer.tools.new import TEMPLATES, new_project

GENERATED = ("background", "timeline", "humanitarian", "people", "sources")
SEED = "2023-09-28-rferl-thousands-more-pour-into-armenia.md"


def run(*args: str, cwd: Path, hooks: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(hooks), "EXPLAINER_CACHE": "0"}
    return subprocess.run([sys.executable, *args], cwd=cwd, capture_output=True, text=True, env=env, timeout=300)


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("new") / "Next Event"
    new_project(target, today=date(2024, 5, 2))
    return target


def build(project: Path, out: Path) -> Path:
    r = run("-m", "mkdocs", "build", "--strict", "-d", str(out), cwd=project, hooks=project / "hooks")
    assert r.returncode == 0, r.stderr
    return out


def test_writes_a_whole_project(project):
    for name in ("mkdocs.yml", "topic.yml", "README.md", "CONTRIBUTING.md", "Makefile", "pyproject.toml",
                 "requirements.in", "requirements.txt", ".gitignore", "seeds/README.txt", "docs/index.md",
                 "docs/glossary.md", "docs/data.md", "docs/stylesheets/extra.css", "hooks/site_hooks.py",
                 ".github/workflows/ci.yml", ".github/workflows/pages.yml",
                 ".github/ISSUE_TEMPLATE/report-an-error.yml", ".github/ISSUE_TEMPLATE/suggest-a-source.yml"):
        assert (project / name).is_file(), name
    assert not list((project / "seeds").glob("*.md"))
    assert not list(project.rglob("__pycache__")) and not list(project.glob("dot-*"))
    texts = [p.read_text(encoding="utf-8") for p in project.rglob("*") if p.is_file() and "hooks" not in p.parts]
    assert not any("__NAME__" in t or "__TODAY__" in t for t in texts)
    assert 'name = "next-event"' in (project / "pyproject.toml").read_text(encoding="utf-8")
    assert "date: 2024-05-02" in (project / "topic.yml").read_text(encoding="utf-8")


def test_mkdocs_yml_keeps_only_site_plumbing(project):
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Lenient)
    assert set(config["extra"]["explainer"]) <= {"seeds", "glossary", "repository", "topic"}


def test_topic_file_has_a_comment_on_every_key(project):
    text = (project / "topic.yml").read_text(encoding="utf-8")
    lines = [re.sub(r"^# ", "", line) for line in text.splitlines()]      # optional keys are commented out
    keys = [line for line in lines if re.match(r"\s*(- )?[a-z_]+:", line)]
    assert len(keys) > 20 and [line for line in keys if " # " not in line] == []
    topic = yaml.safe_load(text)
    assert {"name", "description", "turning_point", "topics"} <= set(topic)
    assert topic["turning_point"]["date"] == date(2024, 5, 2) and topic["turning_point"]["what"]
    loaded = load_topic(project / "topic.yml")                           # the engine reads it as written
    assert loaded.cutoff == date(2024, 5, 2) and loaded.name == topic["name"]


def test_strict_build_with_no_seed(project, tmp_path):
    site = build(project, tmp_path / "site")
    for page in GENERATED:
        html = (site / page / "index.html").read_text(encoding="utf-8")
        assert "Nothing here yet: no article has been added." in html, page
    for name, key in (("timeline", "events"), ("figures", "figures"), ("context", "context")):
        assert json.loads((site / "data" / f"{name}.json").read_text(encoding="utf-8")) == {key: []}
    home = (site / "index.html").read_text(encoding="utf-8")
    assert home.count(": not reported in the articles yet") == 3 and "built from no article yet" in home
    assert re.search(r"<li><strong>\d{1,2} [A-Z][a-z]+ \d{4}:</strong> the event; the <a href=\"timeline/\">Timeline</a> "
                     r"begins that day\.</li>", home)                 # the facts at a glance: the turning point
    assert not re.search(r"<!--\s*explainer:[a-z_]+\s*-->", home)       # every marker filled


def test_strict_build_with_one_seed(project, tmp_path):
    one = tmp_path / "one"
    shutil.copytree(project, one)
    shutil.copy(ROOT / "seeds" / SEED, one / "seeds" / SEED)
    site = build(one, tmp_path / "site")
    figures = json.loads((site / "data/figures.json").read_text(encoding="utf-8"))["figures"]
    events = json.loads((site / "data/timeline.json").read_text(encoding="utf-8"))["events"]
    assert figures and events and {s["seed"] for e in events for s in e["sources"]} == {SEED[:-3]}
    for page in GENERATED:
        assert "Nothing here yet" not in (site / page / "index.html").read_text(encoding="utf-8"), page
    home = (site / "index.html").read_text(encoding="utf-8")
    assert re.search(r"<li>Killed: (?:the latest count, )?<strong>[\d,]+</strong>,? (?:on|reported by) ", home)
    assert "from 1 article by 1 outlet" in home


def test_refuses_a_folder_that_is_not_empty(tmp_path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    r = run("-m", "explainer", "new", str(tmp_path), cwd=tmp_path, hooks=ROOT / "hooks")
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert f"{tmp_path}: the folder is not empty" in r.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]
    r = run("-m", "explainer", "new", str(tmp_path / "notes.txt"), cwd=tmp_path, hooks=ROOT / "hooks")
    assert r.returncode == 2 and "is a file" in r.stderr and "Traceback" not in r.stderr
    (tmp_path / "empty").mkdir()
    assert "mkdocs.yml" in {str(p) for p in new_project(tmp_path / "empty")}     # an empty folder is fine


def test_a_new_project_can_make_the_next_one(project, tmp_path):
    r = run("-m", "explainer", "new", "next", cwd=tmp_path, hooks=project / "hooks")
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "next/hooks/explainer/tools/templates/new/topic.yml").is_file()


# --- zero seeds in the engine, without MkDocs ---------------------------------------------------

def test_zero_seed_pages(tmp_path):
    (tmp_path / "seeds").mkdir()
    site = build_site(tmp_path, Settings(), use_cache=False)
    assert set(site.pages) == {f"{p}.md" for p in GENERATED}
    for path, md in site.pages.items():
        title, sentence = md.strip().split("\n\n")[:2]
        assert title.startswith("# ") and sentence == NOTHING_YET.format(seeds="seeds"), path
    assert fill_markers("<!-- explainer:killed --> / <!-- explainer:counts -->", site) == \
        "not reported in the articles yet / no article yet"


def test_a_seeds_folder_that_does_not_exist_is_named_where_it_is_set(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: X\nextra:\n  explainer:\n    seeds: sedes\n", encoding="utf-8")
    with pytest.raises(SeedError) as err:
        build_site(tmp_path, Settings(seeds="sedes"), use_cache=False)
    assert str(err.value).startswith("mkdocs.yml:4: the seeds folder 'sedes' does not exist")
    (tmp_path / "mkdocs.yml").unlink()
    with pytest.raises(SeedError, match=r"^sedes:0: the seeds folder 'sedes' does not exist"):
        build_site(tmp_path, Settings(seeds="sedes"), use_cache=False)


# --- the templates keep up with this repository's own files -------------------------------------

def test_template_mkdocs_yml_matches_this_sites_from_theme_on():
    ours = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    template = (TEMPLATES / "mkdocs.yml").read_text(encoding="utf-8")
    assert template[template.index("\ntheme:"):] == ours[ours.index("\ntheme:"):]


def test_template_data_page_documents_the_same_fields():
    def fields(text: str) -> list[str]:
        return re.findall(r"^\| `(\w+)` \|", text, re.M)
    assert fields((TEMPLATES / "docs/data.md").read_text(encoding="utf-8")) == \
        fields((ROOT / "docs/data.md").read_text(encoding="utf-8"))


def test_template_ci_uses_the_same_pinned_actions():
    def actions(text: str) -> list[str]:
        return re.findall(r"uses: (\S+)", text)
    assert actions((TEMPLATES / "dot-github/workflows/ci.yml").read_text(encoding="utf-8")) == \
        actions((ROOT / ".github/workflows/ci.yml").read_text(encoding="utf-8"))


def test_templates_name_no_event():
    for path in TEMPLATES.rglob("*"):
        if path.is_file():
            assert not re.search(r"karabakh|armenia|azerbaij|baku|yerevan|morocc",
                                 path.read_text(encoding="utf-8"), re.I), path


class _Lenient(yaml.SafeLoader):
    """mkdocs.yml's `!ENV` tags, read as plain values."""


_Lenient.add_multi_constructor("!", lambda loader, suffix, node: loader.construct_sequence(node)[-1]
                               if isinstance(node, yaml.SequenceNode) else None)
