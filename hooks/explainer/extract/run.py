"""Every article's yield: from the cache, or extracted now, by worker processes where that pays.

`start()` reads the seeds, takes what the cache holds and sets the rest going; `Reading.finish()`
waits for it. Articles are independent, so a first build reads them on every core: the workers
are forked when the build starts and import the extractors at once (their patterns, compiled or read
back from beside the bytecode: patterns.py) while the parent process reads the seeds, giving the workers
each article in small batches as soon as it is read, then loads the rest of the engine while MkDocs
gathers its files. The output is the same as extracting in one process, in order. No
workers where fork is missing or unsafe (another thread running: `mkdocs serve` rebuilds), or on
one core. This module imports no extractor and no page, so that the workers start early.
"""
from __future__ import annotations

import importlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from .. import cache
from ..errors import Problem
from ..forked import fork_context
from ..model import Article, Extracted
from ..read.seeds import load_seeds, parse_seed
from ..settings import Settings

# With fewer articles than this, one core is left to the parent: its own work while a worker
# imports and extracts is about as long, and a worker on every core would slow it down.
MANY = 20
# The most articles a worker is given at once.
CHUNK = 50


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def _pool(articles: int, initializer=None):
    """Worker processes for that many articles, or None where fork is missing or unsafe (another
    thread running) or no core is free."""
    n = min(cores() if articles >= MANY else cores() - 1, articles)
    ctx = fork_context()
    return ctx.Pool(n, initializer=initializer) if n >= 1 and ctx is not None else None


def prestart(seeds: Path, cache_folder: Path | None):
    """Workers already importing the extractors, for a build that will likely need them: more
    than one seed, and fewer cache entries than seeds or a seed saved after the newest entry (an
    editor's change; else `start` decides once it knows)."""
    paths = list(seeds.glob("*.md")) if seeds.is_dir() else []
    if len(paths) < 2:
        return None
    if cache_folder is not None and cache_folder.is_dir():
        entries = list(os.scandir(cache_folder))
        if len(entries) >= len(paths) and not _saved_since(paths, entries):
            return None
    return _pool(len(paths), initializer=_import_extractors)


def _saved_since(paths: list[Path], entries: list[os.DirEntry]) -> bool:
    """Whether a seed was saved after the newest cache entry was written (or cannot be told)."""
    try:
        newest = max(e.stat().st_mtime for e in entries)
        return any(p.stat().st_mtime > newest for p in paths)
    except (OSError, ValueError):
        return True


def _import_extractors() -> None:
    importlib.import_module("explainer.extract.article")


class Extraction:
    """Articles being extracted by a pool of workers, given to them a batch at a time: as the seeds are
    read (`add`), so that the workers start while the parent reads the rest, or all at once (`start`)."""

    def __init__(self, pool, settings: Settings, size: int = 1, folder: Path | None = None):
        self.pool, self.settings, self.size, self.folder = pool, settings, size, folder   # size: articles a batch
        self.batch: list[Article] = []
        self.keys: list[str] = []                # the batch's cache keys, if the workers store their yields
        self.pending: list = []                  # one result per batch given, in order
        self.given = 0

    @classmethod
    def start(cls, pool, articles: list[Article], settings: Settings, folder: Path | None = None,
              keys: dict[str, str] | None = None) -> Extraction | None:
        """Extract `articles` on `pool` (from `prestart`), or on a new pool where one can run; None
        when there is nothing to extract or no pool (the caller extracts them itself). With a cache
        `folder`, each worker stores the yields it extracted there under their articles' `keys`."""
        pool = pool or (_pool(len(articles)) if articles else None)
        if pool is not None and not articles:
            pool.terminate()
        if pool is None or not articles:
            return None
        extraction = cls(pool, settings, batch_size(len(articles)), folder)
        for a in articles:
            extraction.add(a, keys[a.path] if keys else "")
        return extraction

    def add(self, article: Article, key: str = "") -> None:
        """Give the workers an article (`key`: its cache key, if they store its yield)."""
        self.batch.append(article)
        self.keys.append(key)
        self.given += 1
        if len(self.batch) >= self.size:
            self._send()

    def _send(self) -> None:
        self.pending.append(self.pool.apply_async(_extract_batch, (self.batch, self.settings, self.folder, self.keys)))
        self.batch, self.keys = [], []

    def result(self, articles: list[Article]) -> list[Extracted]:
        """The yields of `articles` (those given), in order (waits for the workers, then stops them).
        Each holds the parent's own article, not a copy of it."""
        if self.batch:
            self._send()
        try:
            done = [x for batch in self.pending for x in batch.get()]
        finally:
            self.pool.terminate()
        for a, x in zip(articles, done, strict=True):
            x.article = a
        return done

    def stop(self) -> None:
        self.pool.terminate()


def batch_size(articles: int) -> int:
    """Articles per batch: small, so that no worker idles long at the end (at most CHUNK, about
    0.25 s of work), and enough batches for every worker."""
    return max(1, min(CHUNK, articles // (cores() * 8)))


def _extract_batch(articles: list[Article], settings: Settings, folder: Path | None = None,
                   keys: list[str] = ()) -> list[Extracted]:
    """The articles' yields, stored in the cache `folder` under their `keys` if there is one, and sent back
    without the articles (the parent has them: `Extraction.result`)."""
    extract = importlib.import_module("explainer.extract.article").extract
    done = []
    for a, k in zip(articles, keys or [""] * len(articles)):
        x = extract(a, settings)
        if folder is not None:
            cache.write(folder, k, (a, x))
        x.article = None
        done.append(x)
    return done


@dataclass
class Reading:
    """The seeds read, each article's yield found in the cache or being extracted (`start`)."""
    settings: Settings
    articles: list[Article]
    found: dict[str, Extracted]              # article path -> its yield, from the cache
    folder: Path | None = None               # the cache, if on
    keys: dict[str, str] = field(default_factory=dict)      # article path -> its key there
    extraction: Extraction | None = None     # the rest, if being extracted by workers

    def finish(self) -> tuple[list[Article], list[Extracted]]:
        """Every article and its yield, in order; the yields extracted now are stored in the cache,
        and entries no article used are dropped from it."""
        missed = [a for a in self.articles if a.path not in self.found]
        done = self.extraction.result(missed) if self.extraction else extract_all(missed, self.settings) if missed else []
        for a, x in zip(missed, done):
            self.found[a.path] = x
            if self.folder is not None and self.extraction is None:      # else the workers stored it
                cache.write(self.folder, self.keys[a.path], (a, x))
        if self.folder is not None and missed:
            cache.prune(self.folder, keep=set(self.keys.values()))      # after an article changed
        return self.articles, [self.found[a.path] for a in self.articles]


def start(root: Path, settings: Settings, use_cache: bool | None = None, pool=None) -> Reading:
    """Read the seeds (raising SeedError for any problem) and start extracting the articles the
    cache does not hold, in worker processes where they can run (`pool`: those from `prestart`),
    so that MkDocs can go on meanwhile: the hooks call this when the build starts, and
    `build.build_site` finishes it when the pages are due.

    A seed file whose name and bytes are unchanged (for this engine and the settings extraction
    reads) gives its article and yield from one cache entry, so neither its YAML nor its text is
    parsed again; the checks across files (repeated url or text) still run."""
    on = cache.enabled() if use_cache is None else use_cache
    reading = Reading(settings, [], {}, root / cache.FOLDER if on else None)
    key = cache.keys(cache.engine_version(), settings.extraction()) if on else None
    folder = root / settings.seeds
    # workers already there (a first build) get each article the cache lacks as soon as it is read
    given = Extraction(pool, settings, batch_size(sum(1 for _ in folder.glob("*.md"))), reading.folder) \
        if pool is not None else None

    def parse(raw: bytes, slug: str, shown: str, problems: list[Problem]) -> Article | None:
        if reading.folder is not None:
            k = reading.keys[shown] = key(slug, shown, raw)
            hit = cache.read(reading.folder, k)
            if isinstance(hit, tuple) and len(hit) == 2 and isinstance(hit[0], Article) and isinstance(hit[1], Extracted):
                reading.found[shown] = hit[1]
                return hit[0]
        article = parse_seed(raw, slug, shown, problems)
        if article is not None and given is not None:
            given.add(article, reading.keys.get(shown, ""))
        return article

    try:
        reading.articles = load_seeds(folder, label=settings.seeds, parse=parse)
    except BaseException:
        if pool is not None:
            pool.terminate()
        raise
    if given is None:
        missed = [a for a in reading.articles if a.path not in reading.found]
        reading.extraction = Extraction.start(None, missed, settings, reading.folder, reading.keys)
    elif given.given:
        reading.extraction = given
    else:
        given.stop()                        # every article was in the cache after all
    return reading


def extract_all(articles: list[Article], settings: Settings) -> list[Extracted]:
    """What each article yields, in order, in this process. The extractors are imported only when
    an article is to be read (a rebuild that finds every article in the cache never needs them)."""
    from .article import extract
    return [extract(a, settings) for a in articles]
