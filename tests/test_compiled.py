"""Templates compiled once and kept (hooks/explainer/compiled.py): the same output as compiling them,
an edited template or another environment's settings compiled afresh, nothing written where Python
writes no bytecode; and the theme's templates kept by a real build."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import jinja2
import pytest

from explainer import compiled
from support import copy_project


def environment(templates: Path, **options) -> tuple[jinja2.Environment, list[str]]:
    """An environment over `templates` and the list of the templates it compiles."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(templates), **options)
    made: list[str] = []
    compile_ = env.compile

    def counted(source, name=None, filename=None, *args, **kwargs):
        made.append(name)
        return compile_(source, name, filename, *args, **kwargs)
    env.compile = counted
    return env, made


@pytest.fixture
def templates(tmp_path) -> Path:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "base.html").write_text("<p>{% block body %}{% endblock %}</p>\n", encoding="utf-8")
    (folder / "page.html").write_text('{% extends "base.html" %}{% block body %}\n  {{ title|upper }}\n{% endblock %}',
                                      encoding="utf-8")
    return folder


def render(env: jinja2.Environment, folder: Path) -> str:
    return compiled.keep(env, folder).get_template("page.html").render(title="Kept")


def test_templates_are_compiled_once_then_read_back_alike(templates, tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    kept = tmp_path / "kept"
    first, made = environment(templates)
    out = render(first, kept)
    assert sorted(made) == ["base.html", "page.html"] and len(list(kept.iterdir())) == 2
    again, made_again = environment(templates)
    assert render(again, kept) == out == "<p>\n  KEPT\n</p>"
    assert made_again == []                                   # read back, not compiled


def test_an_edited_template_is_compiled_afresh(templates, tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    kept = tmp_path / "kept"
    render(environment(templates)[0], kept)
    (templates / "page.html").write_text('{% extends "base.html" %}{% block body %}{{ title }}!{% endblock %}',
                                         encoding="utf-8")
    env, made = environment(templates)
    assert render(env, kept) == "<p>Kept!</p>" and made == ["page.html"]


def fresh(templates: Path, **options) -> str:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(templates), **options).get_template("page.html").render(title="Kept")


@pytest.mark.parametrize("options", [{"trim_blocks": True}, {"autoescape": True}, {"extensions": ["jinja2.ext.do"]},
                                     {"variable_start_string": "[[", "variable_end_string": "]]"}])
def test_another_environments_settings_are_compiled_for_it(templates, tmp_path, monkeypatch, options):
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    kept = tmp_path / "kept"
    render(environment(templates)[0], kept)
    other, made = environment(templates, **options)
    assert render(other, kept) == fresh(templates, **options)
    assert sorted(made) == ["base.html", "page.html"]


def test_a_filter_passed_its_context_is_compiled_for_it(templates, tmp_path, monkeypatch):
    """The generated call of a filter depends on what the filter asks to be passed."""
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    kept = tmp_path / "kept"
    render(environment(templates)[0], kept)
    env, made = environment(templates)
    env.filters["upper"] = jinja2.pass_context(lambda context, s: f"{s} in {context.name}")
    assert render(env, kept) == "<p>\n  Kept in page.html\n</p>" and "page.html" in made


def test_an_environment_running_its_own_code_while_compiling_keeps_nothing(templates, tmp_path, monkeypatch):
    """Jinja calls a filter on a constant while compiling (so its result is in the code), `finalize` on
    constant output and an autoescape function with the name: such an environment compiles every time."""
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    (templates / "page.html").write_text("{{ 'x'|site }}{{ 'y' }}<b>{{ '<i>' }}</b>", encoding="utf-8")
    kept = tmp_path / "kept"
    for site in ("https://example.org/", "http://127.0.0.1:8000/"):
        env, made = environment(templates)
        env.filters["site"] = lambda path, site=site: site + path
        assert render(env, kept).startswith(site + "x") and made == ["page.html"]
    for options, expected in (({"finalize": str.upper}, "XY<b><I></b>"),
                              ({"autoescape": jinja2.select_autoescape(("html",))}, "xy<b>&lt;i&gt;</b>"),
                              ({"autoescape": jinja2.select_autoescape(())}, "xy<b><i></b>")):
        env, made = environment(templates, **options)
        env.filters["site"] = jinja2.pass_context(lambda context, path: path)
        assert render(env, kept) == expected and made == ["page.html"]
    assert not kept.exists()


def test_an_overlay_compiles_with_its_own_settings(templates, tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    (templates / "page.html").write_text("<b>{{ '<i>' }}</b>", encoding="utf-8")
    kept = tmp_path / "kept"

    def plain() -> jinja2.Environment:
        return compiled.keep(jinja2.Environment(loader=jinja2.FileSystemLoader(templates)), kept)
    assert plain().get_template("page.html").render() == "<b><i></b>"
    overlay = plain().overlay(autoescape=True)            # shares its environment's bytecode cache
    assert overlay.get_template("page.html").render() == "<b>&lt;i&gt;</b>"
    assert plain().get_template("page.html").render() == "<b><i></b>"


def test_new_style_gettext_is_compiled_for_it(templates, tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    (templates / "page.html").write_text("{% trans n=2 %}{{ n }} item{% pluralize %}{{ n }} items{% endtrans %}",
                                         encoding="utf-8")
    kept = tmp_path / "kept"
    for newstyle in (False, True, False):
        env, made = environment(templates, extensions=["jinja2.ext.i18n"])
        env.install_null_translations(newstyle=newstyle)
        assert render(env, kept) == "2 items"
    assert len(list(kept.iterdir())) == 2


def test_a_damaged_entry_is_compiled_again(templates, tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    kept = tmp_path / "kept"
    out = render(environment(templates)[0], kept)
    for entry in kept.iterdir():
        entry.write_bytes(entry.read_bytes()[:20] + b"\x80 damaged")
    env, made = environment(templates)
    assert render(env, kept) == out and sorted(made) == ["base.html", "page.html"]
    assert render(environment(templates)[0], kept) == out        # written again, whole


def test_nothing_is_written_where_python_writes_no_bytecode(templates, tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    assert render(environment(templates)[0], tmp_path / "kept") == "<p>\n  KEPT\n</p>"
    assert not (tmp_path / "kept").exists()
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    (tmp_path / "blocked").write_text("a file where the folder would be", encoding="utf-8")
    assert render(environment(templates)[0], tmp_path / "blocked") == "<p>\n  KEPT\n</p>"


def test_a_build_keeps_the_themes_templates_and_an_edited_override_is_used(tmp_path):
    """A real build: the second reads the kept templates (none written again) and makes the same site;
    an override edited between builds (the theme's custom_dir) is what the next build shows."""
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  name: material\n",
                                                                  "  name: material\n  custom_dir: overrides\n", 1),
                      encoding="utf-8")
    override = project / "overrides" / "main.html"
    override.parent.mkdir()
    override.write_text('{% extends "base.html" %}\n{% block announce %}First notice{% endblock %}\n', encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

    def build(out: str) -> dict[str, bytes]:
        r = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", out], cwd=project,
                           env={**env, "NO_MKDOCS_2_WARNING": "1", "EXPLAINER_CACHE": "0"},
                           capture_output=True, text=True, timeout=300)
        assert r.returncode == 0, r.stderr
        site = project / out
        return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}

    first = build("one")
    kept = project / compiled.FOLDER
    written = {p.name: p.stat().st_mtime_ns for p in kept.iterdir()}
    assert len(written) >= 10 and b"First notice" in first["index.html"]
    assert build("two") == first
    assert {p.name: p.stat().st_mtime_ns for p in kept.iterdir()} == written
    override.write_text('{% extends "base.html" %}\n{% block announce %}Second notice{% endblock %}\n', encoding="utf-8")
    third = build("three")
    assert b"Second notice" in third["index.html"] and b"First notice" not in third["index.html"]
