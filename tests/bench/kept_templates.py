"""`python -m mkdocs` with the theme's compiled templates kept as the hooks keep them
(hooks/explainer/compiled.py, in `.cache/explainer-templates/` of the folder it runs in).

The benchmark builds MkDocs alone this way too, beside its plain build: the hooks' build against this
one is the engine's own share of a build, without what the kept templates save MkDocs itself.
Usage (tests/bench/bench.py): python tests/bench/kept_templates.py build -f mkdocs.yml ...
"""
from __future__ import annotations

import sys
from pathlib import Path

import mkdocs.theme
from mkdocs.__main__ import cli

from explainer import compiled

_make = mkdocs.theme.Theme.get_env
mkdocs.theme.Theme.get_env = lambda self: compiled.keep(_make(self), Path.cwd() / compiled.FOLDER)

if __name__ == "__main__":
    sys.argv[0] = "mkdocs"
    sys.exit(cli())
