"""MkDocs hooks: wiring only. The engine (hooks/explainer/) does the work and knows nothing of MkDocs.

- on_files: build the engine's Site from seeds/ (every build, so `mkdocs serve` sees edits),
  add the generated pages and data files in memory (File.generated), fill the markers of
  the written pages.
- An editor's mistake in a seed becomes a PluginError listing every `seeds/file.md:line: …`,
  never a traceback. No state is kept at module level.
- on_config: under --strict, keep warnings counted with -q and -v too (MkDocs 1.6 drops them).
- on_post_page / on_post_template: the Content-Security-Policy and referrer <meta> tags, hashed
  over the finished page, so they must be the LAST change to the HTML (put other HTML
  transforms before `_protect`).
"""
from __future__ import annotations

import importlib
import logging
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

log = logging.getLogger("mkdocs.hooks.explainer")

def _engine():
    """The engine (build, settings, errors), imported afresh for this build.

    `mkdocs serve` keeps imported modules between builds, so an engine file edited since the last
    build would run stale: every `explainer` module is dropped and imported again (simpler and
    safer than reloading them in dependency order; it costs a few milliseconds).
    """
    here = str(Path(__file__).parent)
    if here not in sys.path:
        sys.path.insert(0, here)
    for name in [n for n in sys.modules if n == "explainer" or n.startswith("explainer.")]:
        del sys.modules[name]
    return (importlib.import_module("explainer.build"), importlib.import_module("explainer.settings"),
            importlib.import_module("explainer.errors"))


def on_config(config):
    if config.strict:
        _count_warnings_in_strict_mode()
    return config


def _count_warnings_in_strict_mode() -> None:
    """MkDocs 1.6 lets two flags weaken --strict; undo that so every warning fails the build.

    `-q` sets the `mkdocs` logger to ERROR, so warnings are dropped before strict mode counts them
    (mkdocs#4126): lower it to WARNING (-q then prints warnings and errors, not INFO). `-v` makes
    pages skip collecting links to anchors, so broken anchors go unreported (mkdocs#3991): keep
    that one logger at INFO.
    """
    root = logging.getLogger("mkdocs")
    if root.level > logging.WARNING:
        root.setLevel(logging.WARNING)
    pages = logging.getLogger("mkdocs.structure.pages")
    if pages.getEffectiveLevel() <= logging.DEBUG:
        pages.setLevel(logging.INFO)


def on_files(files: Files, config) -> Files:
    build, settings_mod, errors = _engine()
    root = Path(config.config_file_path).parent
    try:
        settings = settings_mod.settings_from(config.extra, where="mkdocs.yml")
        site = build.build_site(root, settings)
        for page in files.documentation_pages():
            page.content_string = build.finish_written(page.content_string, site,
                                                       f"{Path(config.docs_dir).name}/{page.src_uri}")
    except errors.SeedError as err:
        raise PluginError(f"{len(err.problems)} problem(s) in the seed articles:\n{err}") from None
    for path, text in {**site.pages, **site.files}.items():
        existing = files.get_file_from_path(path)
        if existing is not None:
            raise PluginError(f"docs/{path} would hide a generated page: remove it from docs/")
        files.append(File.generated(config, path, content=text))
    log.info("explainer: %d articles, %d events, %d figures", len(site.articles), len(site.events), len(site.figures))
    return files


def _protect(html: str, config) -> str:
    csp = importlib.import_module("explainer.html.csp")       # reloaded by on_files for this build
    try:
        return csp.protect(html, preview=csp.is_preview(config.site_url))
    except csp.CSPError as err:
        raise PluginError(str(err)) from None


def _accessible(html: str) -> str:
    return importlib.import_module("explainer.html.a11y").fix(html)


def _generated(page) -> bool:
    """Added by on_files (File.generated records which plugin made it), not a file in docs/."""
    return page.file.generated_by is not None


def on_page_context(context, page, config, nav):
    """The page action: a written page's file in docs/, a generated page's seeds/ folder."""
    settings = importlib.import_module("explainer.settings").settings_from(config.extra, where="mkdocs.yml")
    page.edit_url = importlib.import_module("explainer.html.publish").edit_url(
        settings.repository, page.file.src_uri, _generated(page), seeds=settings.seeds,
        docs_dir=Path(config.docs_dir).name)
    return context


def on_post_page(output: str, page, config) -> str:
    # Other HTML transforms go here, before _protect: it hashes the final page.
    output = importlib.import_module("explainer.html.publish").label_action(output, _generated(page))
    return _protect(_accessible(output), config)


def on_post_template(output: str, template_name: str, config) -> str:
    """404.html is a template, not a page; sitemap.xml is not HTML."""
    if template_name == "404.html":
        from urllib.parse import urlparse
        output = importlib.import_module("explainer.html.publish").helpful_404(output, urlparse(config.site_url or "/").path)
    return _protect(_accessible(output), config) if template_name.endswith(".html") else output
