"""MkDocs hooks: wiring only. The engine (hooks/explainer/) does the work and knows nothing of MkDocs.

- on_config (before every plugin's): read seeds/ and start extracting the articles the cache lacks
  (in worker processes where that pays), while MkDocs and its plugins set up and gather their files;
  the theme's Jinja environments keep their compiled templates (explainer/compiled.py);
- on_files: publish the engine's site from that (every build, so `mkdocs serve` sees edits; kept
  whole when nothing changed: published.py), add the generated pages and data files (File.generated,
  from the files the engine wrote them into), fill the markers of the written pages; hand back to the
  system the memory the engine freed (explainer/memory.py);
- An editor's mistake in a seed becomes a PluginError listing every `seeds/file.md:line: …`,
  never a traceback. No state is kept at module level.
- on_nav: the generated pages' renders (Markdown -> HTML) kept between builds and shared with a second
  core, and each page's HTML kept in a file once rendered (html/renders.py);
- on_env: the data files begun in on_files, written beside MkDocs' rendering, waited for;
- on_post_build: what on_files published kept for the next build (with the data files, once copied);
- on_config: also, under --strict, keep warnings counted with -q and -v too (MkDocs 1.6 drops them).
- on_post_page: the sharing tags (OpenGraph, Twitter card) of each page;
- on_post_page / on_post_template: the Content-Security-Policy and referrer <meta> tags, hashed
  over the finished page, so they must be the LAST change to the HTML (put other HTML
  transforms before `_protect`).
- on_env / on_post_build: on a big site, the search index (Pagefind, behind Material's search box:
  html/search.py, chosen in on_files by the pages' size), made aside beside MkDocs' templates and
  put into the site once Material's plugin has written its settings.
"""
from __future__ import annotations

import contextlib
import importlib
import logging
import os
import sys
import tempfile
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.explainer")

def _fresh(name: str):
    """An engine module, imported afresh for this build (see `_start`)."""
    here = str(Path(__file__).parent)
    if here not in sys.path:
        sys.path.insert(0, here)
    return importlib.import_module(name)


@event_priority(100)
def on_config(config):
    """First of every plugin's on_config (Material's search takes a while in its own): under --strict,
    count every warning; then start reading the seeds (`_start`)."""
    if config.strict:
        _count_warnings_in_strict_mode()
    _start(config)
    _keep_compiled_templates(config)
    return config


def _keep_compiled_templates(config) -> None:
    """The theme's templates compiled once and kept in .cache/explainer-templates/, as Python keeps
    bytecode (explainer/compiled.py): MkDocs makes a new Jinja environment for each use (Material's
    search plugin makes three in its on_config), and each compiled the templates again."""
    compiled, theme = _fresh("explainer.compiled"), config.theme
    folder = Path(config.config_file_path).parent / compiled.FOLDER
    theme.get_env = lambda: compiled.keep(type(theme).get_env(theme), folder)     # the class's, as it is then


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


def _start(config) -> None:
    """Read the seeds and start extracting them now, so that MkDocs and its plugins set up and
    gather their files meanwhile.
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
    published, errors = importlib.import_module("explainer.published"), importlib.import_module("explainer.errors")
    settings, started = config[STARTED]
    root = Path(config.config_file_path).parent
    config[STARTED] = (settings, None)      # the articles' yields are not kept while MkDocs renders the pages
    docs = Path(config.docs_dir).name
    written = {f"{docs}/{page.src_uri}": page for page in files.documentation_pages()}
    with _seed_errors(errors):
        done = published.publish(root, settings, {where: page.content_string for where, page in written.items()},
                                 started=started, site_url=config.site_url or "", site_name=config.site_name or "")
    for where, page in written.items():
        page.content_string = done.written[where]
    for path, file in done.on_disk().items():       # the generated pages and data files, as the engine wrote them
        if files.get_file_from_path(path) is not None:
            raise PluginError(f"docs/{path} would hide a generated page: remove it from docs/")
        files.append(File.generated(config, path, abs_src_path=str(file)))
    config[LATER] = done          # its data files waited for in on_env, kept in on_post_build
    _choose_search(done.markdown_size(), config)
    for note in done.notes:                  # a correction that changes nothing: strict builds stop on it
        log.warning("%s", note)
    log.info("explainer: %s", done.summary)
    importlib.import_module("explainer.memory").give_back()     # what merging and writing freed, before forking
    return files


LATER = "explainer_later"


def on_env(env, config, files):
    """With Pagefind, its index begun beside MkDocs' templates (`_index_aside`). The data files written
    beside MkDocs' rendering (build_site's `aside`), waited for before MkDocs copies them."""
    forked = importlib.import_module("explainer.forked")
    _index_aside(config, files)
    if config.get(LATER) is not None:
        try:
            config[LATER].wait()
        except forked.LaterError as err:
            raise PluginError(f"the data files were not made: {err}") from None
    return env


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


SEARCH, WORKER = "explainer_search", "explainer_search_worker"


@contextlib.contextmanager
def _search_errors():
    """The search module's errors (html/search.py) as MkDocs' one-line errors."""
    search = importlib.import_module("explainer.html.search")
    try:
        yield search
    except search.SearchError as err:
        raise PluginError(str(err)) from None


def _choose_search(size: int, config) -> None:
    """Material's search or Pagefind behind its box, by the generated pages' size in bytes (html/search.py);
    for Pagefind, the name of our worker, which every page then names."""
    with _search_errors() as search:
        config[SEARCH] = search.engine(size, os.environ.get("EXPLAINER_SEARCH"))
        if config[SEARCH] == "pagefind":
            config[WORKER] = search.worker_name(search.WORKER.read_text(encoding="utf-8"))


def _searched(html: str, config) -> str:
    """Material's search box answered by our worker (html/search.py), when Pagefind answers it."""
    if config.get(SEARCH) != "pagefind":
        return html
    with _search_errors() as search:
        return search.use_worker(html, config[WORKER])


def _generated(page) -> bool:
    """Added by on_files (File.generated records which plugin made it), not a file in docs/."""
    return page.file.generated_by is not None


RENDERS = "explainer_renders"


def on_nav(nav, config, files):
    """The generated pages' renders: kept between builds, the new ones shared with a second core (html/renders.py)."""
    renders, cache = importlib.import_module("explainer.html.renders"), importlib.import_module("explainer.cache")
    folder = Path(config.config_file_path).parent / renders.FOLDER if cache.enabled() else None
    pages = [f.page or Page(None, f, config) for f in files.documentation_pages() if f.generated_by is not None]
    plugin = _search_plugin(config)
    config[RENDERS] = renders.Renders.start(pages, config, files, folder, plugin and _new_index(plugin))
    return nav


def _search_plugin(config):
    """Material's search plugin, if it is on."""
    return next((p for p in config.plugins.values() if hasattr(p, "search_index")), None)


def _new_index(plugin):
    """An empty search index of Material's, with this build's search settings."""
    return lambda: type(plugin.search_index)(**plugin.config)


def _search_index(config):
    """Material's search index being built, if its plugin is on and it indexes the pages itself
    (not when Pagefind's index is made aside: `_index_aside`)."""
    plugin = _search_plugin(config)
    return plugin.search_index if plugin is not None and config.get(SEARCH) != "pagefind" else None


INDEXING = "explainer_indexing"


def _index_aside(config, files) -> None:
    """With Pagefind (a big site), the search index is made in a forked process while MkDocs renders
    the templates on the other core (html/search.py, `prepare`): Material's sections of every page,
    as its own search index would have them (its SearchIndex, this build's settings; a generated
    page's entries kept with its render, html/renders.py), grouped into documents that Pagefind
    indexes. Material's plugin is told to skip every page (front matter `search: exclude`, put back
    in on_page_context once it has run), so it writes only its settings."""
    plugin = _search_plugin(config)
    if config.get(SEARCH) != "pagefind" or plugin is None:
        return
    forked, cache = importlib.import_module("explainer.forked"), importlib.import_module("explainer.cache")
    renders = importlib.import_module("explainer.html.renders")
    pages = [f.page for f in files.documentation_pages() if f.page is not None]
    language = config.theme.get("language") or "en"
    with _search_errors() as search:
        kept = Path(config.config_file_path).parent / search.CACHE if cache.enabled() else None
        part = search.part_size(os.environ.get("EXPLAINER_SEARCH_PART"))
        # removed once the bundle is in the site, or when this build's config is let go (a build that failed)
        scratch = tempfile.TemporaryDirectory(prefix="explainer-search-")

        def make():
            entries, used = renders.search_entries(pages, config.get(RENDERS), _new_index(plugin))
            n, bundle = search.prepare({"docs": entries}, language, search.CHUNK, kept, Path(scratch.name), part)
            return n, str(bundle), used

        config[INDEXING] = (forked.Later(make), scratch, {p.file.src_uri: p.meta.get("search") for p in pages})
    for page in pages:
        page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}


def _indexed(config) -> int:
    """The search index made aside, in the site: the number of documents (on_post_build)."""
    forked = importlib.import_module("explainer.forked")
    making, scratch, _ = config[INDEXING]
    del config[INDEXING]
    try:
        with _search_errors() as search:
            try:
                n, bundle, used = making.result()
            except forked.LaterError as err:
                raise search.SearchError(f"the search index was not made: {err}") from None
            if config.get(RENDERS) is not None:
                config[RENDERS].keep_too(used)
            search.install(Path(bundle), Path(config.site_dir), move=Path(bundle).is_relative_to(scratch.name))
    finally:
        scratch.cleanup()
    return n


def on_page_content(html, page, config, files):
    """Material's search entries of a generated page, kept with its render (html/renders.py)."""
    if config.get(RENDERS) is not None:
        config[RENDERS].before_indexing(page, _search_index(config))
    return html


def on_page_context(context, page, config, nav):
    """The page action: a written page's file in docs/, a generated page's seeds/ folder; the search
    entries kept for a generated page (after Material's plugin, which runs first)."""
    if config.get(RENDERS) is not None:
        config[RENDERS].after_indexing(page, _search_index(config))
    if INDEXING in config:                            # Material's plugin has skipped it: its front matter back
        search = config[INDEXING][2].get(page.file.src_uri)
        if search is None:
            page.meta.pop("search", None)
        else:
            page.meta["search"] = search
    settings = config[STARTED][0]                     # read by on_config, with the topic file
    page.edit_url = importlib.import_module("explainer.html.publish").edit_url(
        settings.repository, page.file.src_uri, _generated(page), seeds=settings.seeds,
        docs_dir=Path(config.docs_dir).name)
    return context


def _shared(output: str, page, config) -> str:
    """OpenGraph and Twitter card tags, from what Material's <head> says of the page."""
    meta = importlib.import_module("explainer.html.meta")
    description = (page.meta or {}).get("description") or config.site_description
    card = meta.Card(title=page.title or "", description=str(description) if description else None,
                     url=page.canonical_url, site_name=config.site_name, home=page.is_homepage)
    return meta.social(output, card)


def on_post_page(output: str, page, config) -> str:
    # Other HTML transforms go here, before _protect: it hashes the final page.
    output = importlib.import_module("explainer.html.publish").label_action(output, _generated(page))
    return _protect(_searched(_accessible(_shared(output, page, config)), config), config)


def on_post_template(output: str, template_name: str, config) -> str:
    """404.html is a template, not a page; sitemap.xml is not HTML."""
    if template_name == "404.html":
        from urllib.parse import urlparse
        output = importlib.import_module("explainer.html.publish").helpful_404(output, urlparse(config.site_url or "/").path)
    return _protect(_searched(_accessible(output), config), config) if template_name.endswith(".html") else output


def on_post_build(config) -> None:
    """Runs after Material's search plugin (plugins before hooks) has written its index: with
    Pagefind, the index made aside goes into the site (before the renders' cache is pruned: it kept
    search entries there)."""
    if INDEXING in config:
        log.info("explainer: search index of %d documents (Pagefind)", _indexed(config))
    if config.get(LATER) is not None:             # what on_files published, kept for the next build (published.py)
        config[LATER].keep()
        config[LATER] = None
    if config.get(RENDERS) is not None:
        config[RENDERS].finish(keep=True)
        config[RENDERS] = None
