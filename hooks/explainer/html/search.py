"""Search that scales: Material's search box, answered by Pagefind's chunked index.

Material's own search downloads its whole index (`search/search_index.json`) on every first page
view and builds it in the browser: 6.9 MB and about 2 to 4 s of a desktop core at 1,000 articles,
69 MB at 10,000. Pagefind splits the index by word and fetches only what a query needs. The reader
keeps Material's search box, results and highlighting; only the worker that answers it changes
(DESIGN.md, "Search").

Which search a site gets (`engine`, when the pages are made): Material's own while its generated
pages hold at most MATERIAL_UP_TO bytes of Markdown (the real seeds: 0.12 MB, an index of 94 KB
built in 0.14 s), where it is as light and faster; Pagefind beyond. EXPLAINER_SEARCH=pagefind or
=material forces one (the tests build both).

How a big site's index is made (Pagefind only):
1. Material's sections of every page (one per heading: a page's intro, each titled part, each
   Timeline entry), as its own search plugin makes them: the hooks make them aside in a forked
   process from on_env, while MkDocs renders the templates (a generated page's entries were made
   with its render, on whichever core rendered it: html/renders.py), and Material's plugin is told
   to skip every page, so that it writes only its settings;
2. the sections of each page are grouped in order into documents of at most CHUNK characters
   (`documents`, pure), written as small HTML files (`render`) into a temporary folder (in memory
   where there is one: `memory_folder`) that Pagefind indexes (`prepare`; its UI files, unused,
   are removed; on disk where memory is full), or the bundle kept from the same documents is taken.
   Pagefind holds its whole index in memory, about 22 bytes for each character of the documents
   (1 GB for the 46 MB of 10,000 articles), and its command line has no limit: past PART characters
   the documents are indexed in parts, one run after the other (`parts`), the first into the bundle,
   the others into `part-2/`, `part-3/`, … inside it, which the worker merges (Pagefind's
   `mergeIndex`) as `parts.json` lists them;
3. at on_post_build (`install`) the bundle goes into `site/pagefind/`, `search/search_index.json`
   is made a stub (Material's settings, no sections): Material still fetches it before it starts
   its worker; the worker (`search_worker.js`) is written beside Material's, named by its hash;
   each page's `__config` names it (`use_worker`, from on_post_page, before the CSP).
`build` does 2 and 3 from the index Material's plugin wrote (the tests, and any caller without the hooks).
"""
from __future__ import annotations

import hashlib
import html
import json
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

MATERIAL_UP_TO = 256_000   # bytes of generated Markdown up to which Material's own search is kept
ENGINES = ("material", "pagefind")
CHUNK = 8_000          # characters of Material's section text (its HTML) per Pagefind document
PART = 16_000_000      # characters of documents per run of Pagefind (about 350 MB of its memory)
PARTS = "parts.json"   # in the bundle: the folders of its other parts, which the worker merges
BUNDLE = "pagefind"    # the folder in the site
CACHE = Path(".cache") / "explainer-search"     # the latest bundle, beside the engine's cache (git-ignored)
WORKER = Path(__file__).with_name("search_worker.js")
WORKERS = "assets/javascripts/workers"
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js", "pagefind-worker.js")
UNUSED_IN_PARTS = ("pagefind.js", "wasm.*.pagefind")    # a merged part uses the first's code
CONFIG = re.compile(r'(<script id="__config" type="application/json">.*?"search":\s*")([^"]*?)'
                    r'workers/search\.[0-9a-f]+\.min\.js(")', re.DOTALL)


class SearchError(Exception):
    """The search index could not be made (a message for the editor, no traceback)."""


def engine(markdown_bytes: int, setting: str | None = None) -> str:
    """"material" or "pagefind": the one asked for (EXPLAINER_SEARCH), else by the site's size."""
    if setting and setting.strip().lower() not in ("", "auto"):
        chosen = setting.strip().lower()
        if chosen not in ENGINES:
            raise SearchError(f"EXPLAINER_SEARCH={setting!r}: use one of {', '.join(ENGINES)} or auto")
        return chosen
    return "material" if markdown_bytes <= MATERIAL_UP_TO else "pagefind"


@dataclass(frozen=True)
class Section:
    location: str      # as Material writes it: "timeline/#d2023-09-19", "" for Home
    title: str         # HTML (Material's parser keeps entities)
    text: str          # HTML

    @property
    def page(self) -> str:
        return self.location.split("#", 1)[0]

    @property
    def anchor(self) -> str:
        return self.location.split("#", 1)[1] if "#" in self.location else ""


@dataclass(frozen=True)
class Document:
    page: str
    title: str
    sections: tuple[Section, ...]


def sections(index: dict) -> list[Section]:
    """Material's search index (`{"config": …, "docs": […]}`) as sections, in its order."""
    return [Section(d["location"], d.get("title", ""), d.get("text", "")) for d in index.get("docs", [])]


def documents(found: list[Section], limit: int = CHUNK) -> list[Document]:
    """Each page's sections, in order, grouped into documents of at most `limit` characters (a
    section longer than that is a document of its own). A section is never cut, a document never
    holds two pages, and each document carries its page's title."""
    pages: dict[str, list[Section]] = {}
    for s in found:
        pages.setdefault(s.page, []).append(s)
    out = []
    for page, group in pages.items():
        title = next((s.title for s in group if s.location == page), group[0].title)
        run: list[Section] = []
        size = 0
        for s in group:
            n = len(s.title) + len(s.text)
            if run and size + n > limit:
                out.append(Document(page, title, tuple(run)))
                run, size = [], 0
            run.append(s)
            size += n
        out.append(Document(page, title, tuple(run)))
    return out


def render(doc: Document, language: str = "en") -> str:
    """The HTML Pagefind indexes for one document: the page's title as <h1>, its intro, then each
    section under an <h2> whose id is the section's anchor (Pagefind's sub-results link to it);
    the page's address in `data-pagefind-meta`, from the site's root."""
    parts = [f"<h1>{doc.title}</h1>"]
    for s in doc.sections:
        if s.anchor:
            parts.append(f'<h2 id="{html.escape(s.anchor)}">{s.title}</h2>')
        parts.append(f"<div>{s.text}</div>")
    return (f'<!doctype html><html lang="{html.escape(language)}"><head><meta charset="utf-8">'
            f'<meta data-pagefind-meta="url[content]" content="/{html.escape(doc.page)}"></head>'
            f'<body>{"".join(parts)}</body></html>')


def stub(index: dict) -> dict:
    """Material's index without its sections: its settings only."""
    return {"config": index.get("config", {}), "docs": []}


def worker_name(source: str) -> str:
    return f"search-pagefind.{hashlib.sha256(source.encode('utf-8')).hexdigest()[:8]}.js"


def use_worker(page: str, name: str) -> str:
    """The page with Material's `__config` naming our search worker instead of Material's."""
    out, n = CONFIG.subn(lambda m: m.group(1) + m.group(2) + "workers/" + name + m.group(3), page, count=1)
    if n == 0 and 'id="__config"' in page:
        raise SearchError("the theme's __config names no search worker: Material's templates changed, "
                          "see hooks/explainer/html/search.py")
    return out


def build(site: Path, language: str = "en", limit: int = CHUNK, cache: Path | None = None, part: int = PART) -> int:
    """Index the built site into site/pagefind/, stub Material's index, write the worker (`prepare`,
    then `install`, from Material's index as its plugin wrote it). The number of documents indexed."""
    path = site / "search" / "search_index.json"
    if not path.exists():
        raise SearchError(f"{path}: not written; is Material's `search` plugin in mkdocs.yml's plugins?")
    with tempfile.TemporaryDirectory(prefix="explainer-search-") as scratch:
        n, bundle = prepare(json.loads(path.read_text(encoding="utf-8")), language, limit, cache, Path(scratch), part)
        install(bundle, site, move=bundle.is_relative_to(scratch))
    return n


def part_size(setting: str | None) -> int:
    """Characters of documents per Pagefind run: EXPLAINER_SEARCH_PART if set (lower it where memory
    is short), else PART."""
    if not setting or not setting.strip():
        return PART
    try:
        size = int(setting.strip().replace("_", ""))
    except ValueError:
        size = 0
    if size <= 0:
        raise SearchError(f"EXPLAINER_SEARCH_PART={setting!r}: give a number of characters, such as {PART}")
    return size


def prepare(index: dict, language: str, limit: int, cache: Path | None, scratch: Path,
            part: int = PART) -> tuple[int, Path]:
    """Pagefind's bundle of Material's `index` (its sections; `{"docs": […]}` is enough): the number
    of documents and the bundle's folder, made in `scratch` (a folder of the caller's), or the one
    kept in `cache` (a folder) from the same documents by the same Pagefind (a rebuild where nothing
    searchable changed). The hooks run this beside MkDocs' templates, in a forked process."""
    pages = [render(doc, language) for doc in documents(sections(index), limit)]
    kept = cache / bundle_key(pages, part) if cache else None
    if kept and (kept / "pagefind-entry.json").exists():
        return len(pages), kept
    out = scratch / BUNDLE
    folders = []
    for n, run in enumerate(parts(pages, part), start=1):
        folder = out if n == 1 else out / f"part-{n}"
        try:
            _index(run, folder, memory_folder())
        except OSError:                   # memory full (a container's /dev/shm is often 64 MB): on disk
            _index(run, folder, None)
        for pattern in UNUSED + (UNUSED_IN_PARTS if n > 1 else ()):
            for path in folder.glob(pattern):
                path.unlink()
        folders += [f"{folder.name}/"] if n > 1 else []
    (out / PARTS).write_text(json.dumps(folders), encoding="utf-8")
    if kept:
        _keep(out, kept)
    return len(pages), out


def parts(pages: list[str], limit: int = PART) -> list[list[str]]:
    """The documents in order, in runs of at most `limit` characters (a longer document is a run of its
    own); one run, empty, for none."""
    out: list[list[str]] = [[]]
    size = 0
    for page in pages:
        if out[-1] and size + len(page) > limit:
            out.append([])
            size = 0
        out[-1].append(page)
        size += len(page)
    return out


def _index(pages: list[str], out: Path, folder: str | None) -> None:
    """The documents written into a temporary folder in `folder` (None: the system's), indexed into `out`."""
    with tempfile.TemporaryDirectory(prefix="explainer-search-", dir=folder) as tmp:
        for i, page in enumerate(pages):
            Path(tmp, f"{i:06d}.html").write_text(page, encoding="utf-8")
        _pagefind(Path(tmp), out)


def memory_folder() -> str | None:
    """Where the documents Pagefind reads are written for it: /dev/shm (memory) where there is one,
    else the system's temporary folder. They are read once, at once: at 10,000 articles, 58 MB in
    5,500 files, written in 0.15 s there against 3.8 s on the test machine's disk. Where memory is
    full, `prepare` writes them on disk instead."""
    return "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None


def install(bundle: Path, site: Path, move: bool = False) -> None:
    """The bundle put in site/pagefind/ (moved there with `move`, else copied: the kept one), Material's
    index (search/search_index.json) made a stub, and the worker that answers Material's search box
    written beside Material's own."""
    path = site / "search" / "search_index.json"
    if not path.exists():
        raise SearchError(f"{path}: not written; is Material's `search` plugin in mkdocs.yml's plugins?")
    shutil.rmtree(site / BUNDLE, ignore_errors=True)
    if move:
        shutil.move(bundle, site / BUNDLE)        # a rename where both are on one file system
    else:
        shutil.copytree(bundle, site / BUNDLE)
    path.write_text(json.dumps(stub(json.loads(path.read_text(encoding="utf-8"))), separators=(",", ":")),
                    encoding="utf-8")
    source = WORKER.read_text(encoding="utf-8")
    (site / WORKERS).mkdir(parents=True, exist_ok=True)
    (site / WORKERS / worker_name(source)).write_text(source, encoding="utf-8")


def bundle_key(pages: list[str], part: int = PART) -> str:
    """What the bundle depends on: the documents, the Pagefind that indexes them, and in how many parts."""
    h = hashlib.sha256(f"{_pagefind_version()} {part}".encode("utf-8"))
    for page in pages:
        h.update(hashlib.sha256(page.encode("utf-8")).digest())
    return h.hexdigest()[:24]


def _keep(bundle: Path, kept: Path) -> None:
    """The cache holds the latest bundle only."""
    shutil.rmtree(kept.parent, ignore_errors=True)
    part = kept.with_name(kept.name + ".part")
    shutil.copytree(bundle, part)
    part.rename(kept)


def _pagefind_version() -> str:
    try:
        from importlib.metadata import version
        return version("pagefind-bin")
    except Exception:          # noqa: BLE001 - any missing metadata: no reuse across versions is then claimed
        return "unknown"


def _pagefind(folder: Path, out: Path) -> None:
    """Pagefind's program over the folder (its command line: the Python API's service can close
    before a large index is written out, leaving an empty pagefind-entry.json at 10,000 articles)."""
    try:
        from pagefind.service import get_executable
    except ImportError:
        raise SearchError("the `pagefind` package is missing: run `make install` (requirements.txt)") from None
    program = get_executable()
    if program is None or not Path(program).exists():
        raise SearchError("Pagefind's program was not found (the `pagefind-bin` package): run `make install`")
    if out.exists():
        shutil.rmtree(out)
    run = subprocess.run([str(program), "--site", str(folder), "--output-path", str(out.resolve())],
                         capture_output=True, text=True)
    if run.returncode != 0:
        raise SearchError(f"Pagefind failed (exit {run.returncode}): {(run.stderr or run.stdout).strip()[-600:]}")
    try:
        entry = json.loads((out / "pagefind-entry.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise SearchError(f"Pagefind wrote no usable index into {out}: {err}") from None
    if not entry.get("languages"):
        raise SearchError(f"Pagefind indexed nothing into {out}")
