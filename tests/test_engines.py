"""Other engines read the export: `make export OUT=dir` writes a project (dir/docs, dir/mkdocs.yml without
hooks) that Zensical, ProperDocs and MkDocs each build as it is, with the same pages, text and data files
as the build with the hooks; ProperDocs also builds the project itself, hooks included, under --strict.

An engine that is not installed for the Python in use (`make install` installs both from
requirements-dev.txt) is skipped with the reason, and is a failure under CI (the CI variable, set by
.ci/run's runner and by GitHub Actions), as a missing browser is under EXPLAINER_REQUIRE_BROWSER.
"""
from __future__ import annotations

import datetime
import importlib.util
import os
import re
import subprocess
import sys
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from support import copy_project
from test_site_build import PAGES
from explainer.build import ExportError, export, exported_config

# The values that stopped Zensical when the export was new (`TypeError: failed to extract field
# Project.extra`): a date under `extra`, as written and as the default of an !ENV tag.
TYPED_EXTRA = "extra:\n  released: 2023-09-19\n  updated: !ENV [EXPLAINER_UNSET_FOR_TEST, 2023-10-01]\n"
# A theme override (custom_dir) adds a tag to every page's <head>: it must come along with the export.
OVERRIDE = '{% extends "base.html" %}{% block extrahead %}<meta name="x-override" content="kept">{% endblock %}\n'
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT / "hooks")}
ENV.pop("EXPLAINER_UNSET_FOR_TEST", None)


def under_ci() -> bool:
    return os.environ.get("CI", "").lower() not in ("", "0", "false")


def need(package: str) -> None:
    """Skip with the reason when `package` is not installed; fail under CI."""
    if importlib.util.find_spec(package) is None:
        message = (f"{package} is not installed for Python {sys.version.split()[0]} ({sys.executable}): "
                   f"`make install` installs it from requirements-dev.txt")
        if under_ci():
            pytest.fail(message)
        pytest.skip(message)


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], cwd=cwd, env=ENV, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> Path:
    """`python -m explainer export` (what `make export` runs) of a copy of the project whose mkdocs.yml
    also holds dates under `extra` and names a theme override folder."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("extra:\n", TYPED_EXTRA, 1)
    config.write_text(text.replace("theme:\n", "theme:\n  custom_dir: overrides\n", 1), encoding="utf-8")
    (project / "overrides").mkdir()
    (project / "overrides" / "main.html").write_text(OVERRIDE, encoding="utf-8")
    out = tmp_path_factory.mktemp("export")
    r = run("-m", "explainer", "--root", str(project), "export", str(out), cwd=project)
    assert r.returncode == 0, r.stderr
    return out


# Each engine builds the exported folder, run in it, into its own site folder; Zensical has no option
# for that folder and writes site_dir (site/).
SITE = {"zensical": "site", "properdocs": "site-properdocs", "mkdocs": "site-mkdocs"}


@pytest.fixture(scope="module", params=sorted(SITE))
def engine_site(request, exported) -> Path:
    engine = request.param
    need(engine)
    to = [] if engine == "zensical" else ["-d", SITE[engine]]
    r = run("-m", engine, "build", "--strict", "-f", "mkdocs.yml", *to, cwd=exported)
    assert r.returncode == 0, f"{engine} build failed:\n{r.stdout[-3000:]}\n{r.stderr[-3000:]}"
    return exported / SITE[engine]


def test_the_exported_config_is_plain_yaml_without_hooks(exported):
    text = (exported / "mkdocs.yml").read_text(encoding="utf-8")
    config = yaml.safe_load(text)                     # no tag left that needs MkDocs' loader
    assert not {"hooks", "watch", "docs_dir"} & set(config)
    assert config["extra"] == {"released": "2023-09-19", "updated": "2023-10-01"}    # no extra.explainer
    assert config["site_url"].startswith("https://") and "!ENV" not in text
    assert config["nav"] and config["theme"]["name"] == "material"
    assert config["theme"]["custom_dir"] == "overrides"
    assert sorted(p.name for p in exported.iterdir() if not p.name.startswith((".", "site"))) == \
        ["docs", "mkdocs.yml", "overrides"]


def html_of(md: Path, docs: Path) -> str:
    """The HTML page an engine builds from a Markdown file (use_directory_urls)."""
    path = md.relative_to(docs).with_suffix("").as_posix()
    return "index.html" if path == "index" else path.removesuffix("/index") + "/index.html"


class Text(HTMLParser):
    """The visible text of a page's <article> (not its scripts or styles), whitespace-normalised."""

    def __init__(self):
        super().__init__()
        self.depth, self.hidden, self.parts = 0, 0, []

    def handle_starttag(self, tag, attrs):
        self.depth += tag == "article"
        self.hidden += tag in ("script", "style")

    def handle_endtag(self, tag):
        self.depth -= tag == "article"
        self.hidden -= tag in ("script", "style")

    def handle_data(self, data):
        if self.depth and not self.hidden:
            self.parts.append(data)

    @classmethod
    def of(cls, path: Path) -> str:
        p = cls()
        p.feed(path.read_text(encoding="utf-8"))
        return " ".join(" ".join(p.parts).split())


HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)


def test_every_page_has_its_title(engine_site, exported):
    docs = exported / "docs"
    pages = sorted(docs.rglob("*.md"))
    assert len(pages) >= len(PAGES)
    for md in pages:
        title = re.search(r"^# (.+)$", md.read_text(encoding="utf-8"), re.M).group(1)
        html = (engine_site / html_of(md, docs)).read_text(encoding="utf-8")
        h1 = HEADERLINK.sub("", re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1))
        assert title == unescape(re.sub(r"<[^>]+>", "", h1)).strip(), md
        assert '<meta name="x-override" content="kept">' in html, md          # the theme override came along
    for page, title in PAGES.items():
        assert title in Text.of(engine_site / page), page


def test_the_timeline_has_a_known_event_under_its_day(engine_site):
    html = (engine_site / "timeline/index.html").read_text(encoding="utf-8")
    assert html.index('id="d2023-09-27"') < html.index("Vardanian") < html.index('id="d2023-09-28"')


def test_the_data_files_are_there(engine_site, exported):
    """Every file of the export that is not a page (data, stylesheets) is published as it is."""
    docs = exported / "docs"
    files = [p.relative_to(docs) for p in docs.rglob("*") if p.is_file() and p.suffix != ".md"]
    assert {"data/timeline.json", "data/figures.json", "data/context.json"} <= {f.as_posix() for f in files}
    for f in files:
        assert (engine_site / f).read_bytes() == (docs / f).read_bytes(), f


def test_the_same_pages_and_text_as_the_build_with_hooks(engine_site, built_site):
    pages = sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("index.html"))
    assert sorted(p.relative_to(engine_site).as_posix() for p in engine_site.rglob("index.html")) == pages
    for page in pages:
        assert Text.of(engine_site / page) == Text.of(built_site / page), page
    for data in ("timeline.json", "figures.json", "context.json"):
        assert (engine_site / "data" / data).read_bytes() == (built_site / "data" / data).read_bytes()


GENERATOR = re.compile(r'\s*<meta name="generator" content="[^"]*">')


def test_properdocs_builds_the_project_with_its_hooks(built_site, tmp_path):
    """`properdocs build --strict` on the project itself: the hooks run (it reads mkdocs.yml and maps
    `mkdocs.*` imports to its own modules) and every page is MkDocs' but for the generator tag."""
    need("properdocs")
    r = run("-m", "properdocs", "build", "--strict", "-f", "mkdocs.yml", "-d", str(tmp_path / "site"), cwd=ROOT)
    assert r.returncode == 0, r.stderr[-3000:]
    pages = sorted(p.relative_to(built_site) for p in built_site.rglob("*.html"))
    assert sorted(p.relative_to(tmp_path / "site") for p in (tmp_path / "site").rglob("*.html")) == pages
    for page in pages:
        ours = (tmp_path / "site" / page).read_text(encoding="utf-8")
        assert 'http-equiv="Content-Security-Policy"' in ours, page
        assert GENERATOR.sub("", ours) == GENERATOR.sub("", (built_site / page).read_text(encoding="utf-8")), page
    for data in ("timeline.json", "figures.json", "context.json"):
        assert (tmp_path / "site" / "data" / data).read_bytes() == (built_site / "data" / data).read_bytes()


# --- the exported mkdocs.yml, without building -----------------------------------------------------

def test_typed_values_are_written_plain_and_python_names_kept():
    from pymdownx.superfences import fence_code_format
    config = {"site_name": "S", "hooks": ["hooks/site_hooks.py"], "watch": ["seeds"], "docs_dir": "docs",
              "extra": {"explainer": {"seeds": "seeds"}, "cutoff": datetime.date(2023, 9, 19),
                        "at": datetime.datetime(2023, 9, 19, 12, 30), "word": "yes", "number": "1.0",
                        datetime.date(2023, 1, 1): "a date as a key", "empty": None},
              "markdown_extensions": [{"pymdownx.superfences": {"custom_fences": [
                  {"name": "x", "class": "x", "format": fence_code_format}]}}],
              "not_in_nav": "/a.md\n/b.md\n"}
    text = exported_config(config)
    assert "!!python/name:pymdownx.superfences.fence_code_format" in text
    again = yaml.load(text, Loader=yaml.Loader)       # as MkDocs, ProperDocs and Zensical load mkdocs.yml
    assert list(again) == ["site_name", "extra", "markdown_extensions", "not_in_nav"]   # in order, no hooks
    assert again["extra"] == {"cutoff": "2023-09-19", "at": "2023-09-19T12:30:00", "word": "yes", "number": "1.0",
                              "2023-01-01": "a date as a key", "empty": None}
    assert again["markdown_extensions"][0]["pymdownx.superfences"]["custom_fences"][0]["format"] is fence_code_format
    assert again["not_in_nav"] == "/a.md\n/b.md\n" and "not_in_nav: |" in text


def test_no_extra_left_means_no_extra_key():
    assert "extra" not in yaml.safe_load(exported_config({"site_name": "S", "extra": {"explainer": {}}}))


def test_a_value_that_cannot_be_plain_is_an_error_at_its_key():
    with pytest.raises(ExportError, match=r"mkdocs.yml: extra.things\[1\]: a set value"):
        exported_config({"extra": {"things": ["a", {1, 2}]}})


def test_the_export_never_writes_over_the_project(tmp_path):
    for out in (ROOT, ROOT.parent, ROOT / "docs" / "x"):
        with pytest.raises(ExportError, match="would overwrite the project's own files"):
            export(ROOT, out, {"docs_dir": "docs"})
