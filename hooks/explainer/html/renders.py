"""MkDocs' rendering of the generated pages (Markdown -> HTML), kept between builds and shared with a
second core: the hooks' on_nav starts it. Unlike the rest of the engine, this module works on MkDocs'
own objects (its pages and files).

MkDocs renders each page in turn on one core (`Page.render`: Python-Markdown and the extensions in
mkdocs.yml), about 1 MB of Markdown a second: some 70 s for the 87 MB of a 10,000-article site, on
every build. What a render gives depends only on the page's Markdown (after every plugin's
on_page_markdown), its address among the site's files (links resolve against them), the Markdown
settings and validation levels in mkdocs.yml and the libraries' versions: `Renders.key`. `Rendered`
is all MkDocs keeps of a render: the HTML, the table of contents, the title found in it, the anchors
present and the links to other pages' anchors (MkDocs checks those once every page is rendered), and
what was logged meanwhile, logged again when a render is reused, so that `--strict` fails a build
that reuses a render as it failed the build that made it.

Material's search plugin then reads each page's HTML again for its index (about 14 s at 10,000
articles, on one core, once every page is rendered): a generated page's entries are made as soon as
it is rendered, by the core that rendered it (`new_index`), kept under the page's render, address,
title and front matter, and added in their place (`before_indexing`, `after_indexing`; or `index`,
for the index made aside on a big site: html/search.py).

Once rendered, a generated page's HTML and Markdown are kept in a file, not in memory, until something
reads them (`_set_aside`): MkDocs holds every page's HTML from its render until the build ends, and the
template needs it only page by page (at 10,000 articles, about 300 MB of the MkDocs process, and as
much in each process forked from it while it held them).

`Renders.start` (on_nav) puts `Renders.render` in place of each generated page's own `render`: the
render kept under the page's key, else MkDocs' own (stored). The pages the cache lacks are shared with
a forked process: it takes them from the last, MkDocs from the first, each claiming a page before
rendering it, until they meet (whichever core has less else to do renders more; a fixed share left
one core idle for 20 s at 10,000 articles); it stores each render as it is made. `finish`
(on_post_build) stops it and keeps in the cache only what this build used. The cache is
`.cache/explainer-pages/`; with EXPLAINER_CACHE=0 a temporary folder carries the second core's renders.
"""
from __future__ import annotations

import logging
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from mkdocs.structure.pages import Page
from mkdocs.utils import meta

from .. import cache
from ..forked import fork_context

FOLDER = Path(".cache") / "explainer-pages"
LIBRARIES = ("mkdocs", "markdown", "pymdown-extensions")
LOGGER = "mkdocs"          # the logger tree whose warnings --strict counts


@dataclass
class Rendered:
    html: str
    toc: object                                   # MkDocs' TableOfContents
    title: str | None
    anchors: set[str]
    links: dict[str, dict[str, str]] | None       # linked page's src_uri -> {anchor: the link as written}
    logged: list[tuple[str, int, str]]            # (logger, level, message), INFO and above


class _Capture(logging.Handler):
    def __init__(self):
        super().__init__(logging.INFO)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


def mkdocs_render(page: Page, config, files, quiet: bool = False) -> Rendered:
    """MkDocs' own render of the page, and what it logged (only recorded, not shown, if `quiet`)."""
    logger, capture = logging.getLogger(LOGGER), _Capture()
    shown = (logger.handlers, logger.propagate)
    if quiet:
        logger.handlers, logger.propagate = [], False
    logger.addHandler(capture)
    try:
        Page.render(page, config, files)
    finally:
        logger.removeHandler(capture)
        logger.handlers, logger.propagate = shown
    links = page.links_to_anchors
    return Rendered(page.content, page.toc, page._title_from_render, set(page.present_anchor_ids or ()),
                    None if links is None else {f.src_uri: dict(v) for f, v in links.items()}, capture.records)


def reuse(done: Rendered, page: Page, files) -> None:
    """Set on the page what its render would, and log again what the render logged."""
    page.content, page.toc, page._title_from_render = done.html, done.toc, done.title
    page.present_anchor_ids = set(done.anchors)
    if done.links is not None:
        page.links_to_anchors = {files.get_file_from_path(uri): dict(v) for uri, v in done.links.items()}
    for name, level, message in done.logged:
        logging.getLogger(name).log(level, "%s", message)


def base_key(config, files) -> str:
    """What every page's render depends on besides its own Markdown and address."""
    addresses = sorted((f.src_uri, f.dest_uri, f.url, str(f.inclusion)) for f in files)
    return cache.key(sys.version, [cache.version(name) for name in LIBRARIES], Path(__file__).read_bytes(),
                     list(config.plugins),       # a plugin added may change a page before its entries are made
                     config["markdown_extensions"], config["mdx_configs"], config.validation,
                     config.use_directory_urls,
                     [logging.getLogger(n).getEffectiveLevel() for n in (LOGGER, "mkdocs.structure.pages")], addresses)


def _markdown(page: Page) -> str:
    """The page's Markdown as MkDocs reads it (front matter removed), before any plugin changes it."""
    return meta.get_data(page.file.content_string)[0]


class Renders:
    """The renders of a build's generated pages: from the cache, the second core or MkDocs."""

    def __init__(self, config, files, folder: Path | None, new_index=None):
        self.base = base_key(config, files)
        self.new_index = new_index           # an empty Material SearchIndex of this build's settings, if search is on
        self.scratch = None if folder else tempfile.TemporaryDirectory(prefix="explainer-pages-")
        self.folder = folder or Path(self.scratch.name)
        self.used: set[str] = set()
        self.order: dict[str, int] = {}      # render key -> its place among the pages both cores may render
        self.bounds = None                   # shared [pages MkDocs' core took from the front, first the second core took]
        self.child = self.conn = None
        self.arrived: set[str] = set()
        self.keys: dict[str, str] = {}       # page src_uri -> its render's key
        self.indexing: dict[str, tuple] = {}     # page src_uri -> (key, entries kept or None, its search meta)
        self.indexed = 0                         # entries in Material's index after the last page's
        self.aside = tempfile.TemporaryDirectory(prefix="explainer-aside-")     # rendered pages' HTML and Markdown
        self.aside_classes: dict[type, type] = {}
        self.asides = 0                          # pages whose HTML is in `aside`

    def key(self, page: Page, markdown: str) -> str:
        return cache.key(self.base, page.file.src_uri, markdown)

    @classmethod
    def start(cls, pages: list[Page], config, files, folder: Path | None, new_index=None) -> Renders:
        """Each page rendered by `render`; those the cache lacks shared with a second core, which takes them
        from the last while MkDocs takes them from the first, until they meet.
        `new_index()`: an empty Material SearchIndex, to make and keep each new render's search
        entries as soon as it is made (on both cores)."""
        renders = cls(config, files, folder, new_index)
        for page in pages:
            page.render = lambda config, files, page=page: renders.render(page, config, files)
        keyed = [(page, renders.key(page, _markdown(page))) for page in pages]
        missing = [(page, k) for page, k in keyed if not cache.exists(renders.folder, k)]
        renders._begin(missing, config, files)
        return renders

    def _begin(self, missing: list, config, files) -> None:
        ctx = fork_context()
        if ctx is None or not missing:
            return
        self.conn, send = ctx.Pipe(duplex=False)
        self.order = {k: i for i, (_, k) in enumerate(missing)}
        self.bounds = bounds = ctx.Array("i", [0, len(missing)])

        def child() -> None:
            while True:
                with bounds.get_lock():
                    if bounds[1] <= bounds[0]:
                        return
                    bounds[1] -= 1
                    page, k = missing[bounds[1]]
                page.read_source(config)
                cache.write(self.folder, k, mkdocs_render(page, config, files, quiet=True))
                self._keep_entries(page, k)
                page.markdown = page.content = None          # this process's copy: not kept
                send.send(k)

        self.child = ctx.Process(target=child, daemon=True)
        self.child.start()
        send.close()

    def render(self, page: Page, config, files) -> None:
        """In place of `page.render(config, files)`."""
        k = self.keys[page.file.src_uri] = self.key(page, page.markdown)
        if self._second_took(k):
            self._wait(k)
        done = cache.read(self.folder, k)
        if isinstance(done, Rendered):
            reuse(done, page, files)
        else:
            cache.write(self.folder, k, mkdocs_render(page, config, files))
            self._keep_entries(page, k)
        self.used.add(k)
        self._set_aside(page)

    def _set_aside(self, page: Page) -> None:
        """The page's HTML and Markdown (ASIDE) kept in files of `aside` from now on: read from there
        whenever anyone asks (Material's search plugin, the template), written there when set."""
        values = {name: page.__dict__.pop(name, None) for name in ASIDE}
        self.asides += 1
        page.__dict__[_WHERE] = (self.aside, str(self.asides))     # the folder lives while its pages do
        base = type(page)
        if base not in self.aside_classes:
            self.aside_classes[base] = _aside_class(base)
        page.__class__ = self.aside_classes[base]
        for name, value in values.items():
            setattr(page, name, value)

    def _keep_entries(self, page: Page, k: str) -> None:
        """Material's search entries of a page just rendered (render key `k`), kept for `before_indexing`
        and `index`: the search plugin's reading of the HTML, done on the core that rendered it."""
        if self.new_index is not None:
            index = self.new_index()
            index.add_entry_from_context(page)
            cache.write(self.folder, self._entries_key(page, k), index.entries)

    def _second_took(self, k: str) -> bool:
        """Whether the second core took the page (`k`, its render key); if not, it never will."""
        if k not in self.order:
            return False
        with self.bounds.get_lock():
            if self.order[k] >= self.bounds[1]:
                return True
            self.bounds[0] = max(self.bounds[0], self.order[k] + 1)
            return False

    def _wait(self, k: str) -> None:
        """Until the second core has stored `k` (or stopped)."""
        while k not in self.arrived and self.conn is not None:
            try:
                self.arrived.add(self.conn.recv())
            except EOFError:
                self.conn = None

    def _entries_key(self, page: Page, k: str | None = None) -> str:
        """Where a page's search entries are kept: its render's key, address, title and front matter."""
        return cache.key(k or self.keys[page.file.src_uri], page.url, page.title, page.meta, cache.version("mkdocs-material"))

    def index(self, pages: list[Page], index) -> set[str]:
        """Every page's search entries added to Material's `index` (a SearchIndex of this build's
        settings), in order: a generated page's as kept for its render, address, title and front
        matter, else made by the index (and kept). The keys used, which `finish` must keep too: this
        runs in a forked process (html/search.py, beside MkDocs' templates)."""
        used = set()
        for page in pages:
            if page.file.src_uri not in self.keys:
                index.add_entry_from_context(page)
                continue
            k = self._entries_key(page)
            kept = cache.read(self.folder, k)
            if isinstance(kept, list):
                index.entries.extend(kept)
            else:
                start = len(index.entries)
                index.add_entry_from_context(page)
                cache.write(self.folder, k, index.entries[start:])
            used.add(k)
        return used

    def keep_too(self, keys: set[str]) -> None:
        """Entries used in another process (`index`, run aside) that `finish` must keep as well."""
        self.used |= keys

    def before_indexing(self, page: Page, index) -> None:
        """Before Material's search plugin indexes the page (on_page_content): with its entries kept for
        this render, address, title and front matter, the plugin is told to skip the page."""
        if index is None or page.file.src_uri not in self.keys:
            return
        k = self._entries_key(page)
        kept = cache.read(self.folder, k)
        search = page.meta.get("search")
        if isinstance(kept, list):
            page.meta["search"] = {**(search or {}), "exclude": True}
        self.indexing[page.file.src_uri] = (k, kept if isinstance(kept, list) else None, search)
        self.used.add(k)

    def after_indexing(self, page: Page, index) -> None:
        """After it, for every page (on_page_context, which MkDocs runs page by page once all are
        rendered): the kept entries added as it would have, or those it just made kept."""
        if index is None:
            return
        start, self.indexed = self.indexed, len(index.entries)
        if page.file.src_uri not in self.indexing:
            return
        k, kept, search = self.indexing.pop(page.file.src_uri)
        if kept is None:
            cache.write(self.folder, k, index.entries[start:])
            return
        if search is None:
            del page.meta["search"]
        else:
            page.meta["search"] = search
        index.entries.extend(kept)
        self.indexed = len(index.entries)

    def finish(self, keep: bool) -> None:
        """Stop the second core; with `keep`, the cache keeps only the renders this build used."""
        if self.child is not None:
            self.child.terminate()
            self.child.join()
        if self.scratch is not None:
            self.scratch.cleanup()
        elif keep:
            cache.prune(self.folder, self.used)


ASIDE = ("content", "markdown")      # what a rendered generated page keeps in files (`Renders._set_aside`)
_WHERE = "_explainer_aside"            # (the folder, the page's name in it)


def _aside_class(base: type) -> type:
    """`base` (MkDocs' Page, or a plugin's subclass of it) with each ASIDE attribute read from and
    written to a file (None: no file). The folder is removed once no page and no Renders holds it."""
    def attribute(name: str) -> property:
        def path(page) -> Path:
            folder, page_name = page.__dict__[_WHERE]
            return Path(folder.name) / f"{page_name}.{name}"

        def get(page) -> str | None:
            try:
                return path(page).read_bytes().decode("utf-8", "surrogatepass")
            except FileNotFoundError:
                return None

        def put(page, value: str | None) -> None:
            if value is None:
                path(page).unlink(missing_ok=True)
            else:
                path(page).write_bytes(value.encode("utf-8", "surrogatepass"))
        return property(get, put)

    return type(base.__name__, (base,), {"__module__": base.__module__, **{n: attribute(n) for n in ASIDE}})


def search_entries(pages: list[Page], renders: Renders | None, new_index) -> tuple[list[dict], set[str]]:
    """Material's search entries of every page, in order, as its plugin would make them (`new_index()`:
    an empty SearchIndex of this build's settings): a generated page's as kept with its render, the
    others read from their HTML. With the keys of the kept entries used (`Renders.keep_too`)."""
    index = new_index()
    if renders is not None:
        return index.entries, renders.index(pages, index)
    for page in pages:
        index.add_entry_from_context(page)
    return index.entries, set()
