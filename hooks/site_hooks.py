"""MkDocs hooks: wiring only. The engine (hooks/explainer/) does the work and knows nothing of MkDocs.

- on_pre_build: read seeds/ and start extracting the articles the cache lacks (in worker
  processes where that pays), while MkDocs gathers its files;
- on_files: build the engine's Site from that (every build, so `mkdocs serve` sees edits),
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

import contextlib
import importlib
import logging
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

log = logging.getLogger("mkdocs.hooks.explainer")

def _fresh(name: str):
    """An engine module, imported afresh for this build (see `on_pre_build`)."""
    here = str(Path(__file__).parent)
    if here not in sys.path:
        sys.path.insert(0, here)
    return importlib.import_module(name)


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


def on_pre_build(config) -> None:
    """Read the seeds and start extracting them now, so that MkDocs gathers its files meanwhile.
    What was started travels to on_files on the config of this build (no module state).

    `mkdocs serve` keeps imported modules between builds, so an engine file edited since the last
    build would run stale: every `explainer` module is dropped first and imported again (simpler
    and safer than reloading them in dependency order; it costs a few milliseconds). The worker
    processes are started before the rest of the engine is imported: they import the extractors
    meanwhile."""
    for name in [n for n in sys.modules if n == "explainer" or n.startswith("explainer.")]:
        del sys.modules[name]
    settings_mod, errors = _fresh("explainer.settings"), _fresh("explainer.errors")
    root = Path(config.config_file_path).parent
    with _seed_errors(errors):
        settings = settings_mod.settings_from(config.extra, where="mkdocs.yml", root=root)
        cache, run = _fresh("explainer.cache"), _fresh("explainer.extract.run")
        pool = run.prestart(root / settings.seeds, root / cache.FOLDER if cache.enabled() else None)
        config[STARTED] = (settings, run.start(root, settings, pool=pool))


STARTED = "explainer_started"


def on_files(files: Files, config) -> Files:
    build, errors = importlib.import_module("explainer.build"), importlib.import_module("explainer.errors")
    settings, started = config[STARTED]
    root = Path(config.config_file_path).parent
    config[STARTED] = (settings, None)      # the articles' yields are not kept while MkDocs renders the pages
    with _seed_errors(errors):
        site = build.build_site(root, settings, started=started)
        for page in files.documentation_pages():
            page.content_string = build.finish_written(page.content_string, site,
                                                       f"{Path(config.docs_dir).name}/{page.src_uri}")
    for path, text in {**site.pages, **site.files}.items():
        existing = files.get_file_from_path(path)
        if existing is not None:
            raise PluginError(f"docs/{path} would hide a generated page: remove it from docs/")
        files.append(File.generated(config, path, content=text))
    for note in site.notes:                  # a correction that changes nothing: strict builds stop on it
        log.warning("%s", note)
    log.info("explainer: %d articles, %d events, %d figures", len(site.articles), len(site.events), len(site.figures))
    return files


@contextlib.contextmanager
def _seed_errors(errors):
    """An editor's mistake in a seed or the topic file: a PluginError listing every `seeds/file.md:line: …`
    or `topic.yml:line: …`."""
    try:
        yield
    except errors.SeedError as err:
        files = sorted({p.path.split("/")[0] if p.path.endswith(".md") else p.path for p in err.problems})
        raise PluginError(f"{len(err.problems)} problem(s) in {', '.join(files)}:\n{err}") from None


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
    settings = config[STARTED][0]                     # read by on_pre_build, with the topic file
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
