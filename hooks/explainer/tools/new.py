"""`python -m explainer new DIR`: a new explainer project, ready to build with no article yet.

Two sources, so that a project made by `new` can itself run `new`:
- COPIED: the engine (`hooks/`) and the files that are the same in every project (the
  stylesheets, the hashed requirements, the Pages workflow, the issue forms), copied from the
  project the running engine belongs to;
- `templates/new/`: the files each project makes its own (mkdocs.yml, topic.yml, Home, Glossary,
  Data, README, CONTRIBUTING, Makefile, pyproject, the CI workflow), with placeholders. A name
  starting with `dot-` is written with a dot (`dot-github` -> `.github`), so that no tool takes the
  templates for this repository's own dotfiles; `__NAME__` becomes the folder's name and
  `__TODAY__` today's date.
"""
from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]          # the project holding hooks/explainer/tools/
TEMPLATES = Path(__file__).resolve().parent / "templates" / "new"

COPIED = (
    "hooks",                                # the engine (README: how to update it)
    "docs/stylesheets",                     # the engine's page and chart styles
    "docs/scripts",                         # the site's script (wide tables, search highlights)
    "requirements.in", "requirements.txt",  # what the engine needs, hashed
    ".github/workflows/pages.yml",          # publish main to GitHub Pages
    ".github/dependabot.yml",
    ".github/pull_request_template.md",
    ".github/ISSUE_TEMPLATE",               # the forms the Sources page links to
)
SKIPPED = shutil.ignore_patterns("__pycache__", "*.pyc", ".cache")


class NewError(Exception):
    """Why a project cannot be written there (printed as it is, exit code 2)."""


def new_project(target: Path, today: date | None = None, root: Path = ROOT) -> list[Path]:
    """Write a new explainer project into `target` (absent or empty); the files written, sorted."""
    if target.exists() and not target.is_dir():
        raise NewError(f"{target}: is a file, not a folder; give a new folder's name")
    if target.is_dir() and any(target.iterdir()):
        raise NewError(f"{target}: the folder is not empty; give a new folder (or an empty one), "
                       "so that nothing there is overwritten")
    missing = [name for name in COPIED if not (root / name).exists()]
    if missing:
        raise NewError(f"{root}: {', '.join(missing)} not found beside the engine; run `new` from a "
                       "checkout of the explainer")
    target.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        source, dest = root / name, target / name
        dest.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, dest, ignore=SKIPPED)
        else:
            shutil.copy2(source, dest)
    fill = {"__NAME__": project_name(target), "__TODAY__": (today or date.today()).isoformat()}
    for source in sorted(p for p in TEMPLATES.rglob("*") if p.is_file()):
        dest = target / written_as(source.relative_to(TEMPLATES))
        dest.parent.mkdir(parents=True, exist_ok=True)
        text = source.read_text(encoding="utf-8")
        for token, value in fill.items():
            text = text.replace(token, value)
        dest.write_text(text, encoding="utf-8")
    return sorted(p.relative_to(target) for p in target.rglob("*") if p.is_file())


def written_as(relative: Path) -> Path:
    """A template's path in the new project: `dot-github/x` -> `.github/x`."""
    return Path(*(("." + part[4:]) if part.startswith("dot-") else part for part in relative.parts))


def project_name(target: Path) -> str:
    """The folder's name as a package and repository name: lower case, words joined by '-'."""
    return re.sub(r"[^a-z0-9]+", "-", target.resolve().name.lower()).strip("-") or "explainer"
