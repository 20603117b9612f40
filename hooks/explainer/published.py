"""What the hooks publish of a build, kept whole between builds when nothing it depends on changed.

A rebuild where no seed, setting or written page changed (a `mkdocs serve` save of a stylesheet,
a second `make build`) would merge the same items and write the same pages again: at 10,000
articles that is about 25 s. `publish` keeps the written pages as finished and the notes in one
cache entry (`.cache/explainer-site/`, beside the articles' entries), the generated pages and the
data files in a folder beside it, under a key of everything `build.build_site` and `build.finish_written` read:
every engine file (its templates too) and the libraries' versions (`cache.output_version`), every
article's cache key (each holds the engine's version, the settings extraction reads and the
seed file's name and bytes), the settings, corrections.yml, the glossary, the site's address and
name, and the written pages' text. Any change gives another key, so a kept entry can never
change the output (tests build with and without it and compare). A build that finds no entry
builds the site and keeps it, as the folder's only entry, once the files made beside MkDocs'
rendering (`later`, the calendar) are done (`Published.keep`), unless the key computed again after
the build differs (an editor saved corrections.yml or the glossary while the build read it: the
pages might hold the saved text under the key of the text before).

The data files (the JSON, the CSV tables, the calendar: 145 MB at 10,000 articles) never pass through
the MkDocs process: a forked process writes them into a folder (`data`) while the pages are written
there too, each once finished (67 MB of Markdown at 10,000 articles, held until then as UTF-8, half
of Python's size for it); MkDocs reads the pages and copies the data files from there, and a kept
entry keeps that folder beside it (`.cache/explainer-site/<key>/`), each file checked against its
SHA-256 before it is used again."""
from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import weakref
from dataclasses import dataclass, field
from pathlib import Path

from . import cache, corrections
from .build import build_site, finish_written
from .errors import Problem
from .extract.run import Reading, start
from .forked import Later
from .settings import Settings

FOLDER = Path(".cache") / "explainer-site"


@dataclass
class Published:
    written: dict[str, str]                # a written page's path ("docs/index.md") -> its Markdown, finished
    notes: list[Problem]                   # what an editor should know (build_site's `notes`)
    summary: str                           # "N articles, N events, N figures"
    stored: dict[str, str] = field(default_factory=dict)     # the pages and data files in `data`: path -> SHA-256
    later: dict[str, Later] = field(default_factory=dict)    # data files still being written into `data`; not kept
    folder: Path | None = None             # where to keep it, and under which key (None: not kept)
    key: str = ""
    data: Path | None = None               # the folder holding the pages and data files (`stored`, `later`); not kept

    def on_disk(self) -> dict[str, Path]:
        """The pages and data files in `data`, written or being written: docs-relative path -> file."""
        return {path: self.data / path for path in {**self.stored, **self.later}} if self.data else {}

    def markdown_size(self) -> int:
        """The generated pages' Markdown, in bytes."""
        return sum(file.stat().st_size for path, file in self.on_disk().items() if path.endswith(".md"))

    def wait(self) -> None:
        """Until the data files being written are (forked.LaterError if that failed)."""
        for path, making in list(self.later.items()):
            self.stored[path] = making.result()
            del self.later[path]

    def keep(self) -> None:
        """Once the data files are written (`wait`) and copied into the site: kept, with them, as the
        only entry of its folder."""
        if self.folder is None or self.later or self.data is None or self.data.parent != self.folder:
            return
        kept = self.folder / self.key
        try:
            shutil.rmtree(kept, ignore_errors=True)
            os.replace(self.data, kept)
        except OSError:
            return
        self.data = kept
        cache.write(self.folder, self.key, Published(self.written, self.notes, self.summary, stored=self.stored))
        cache.prune(self.folder, keep={self.key})

    def intact(self, data: Path) -> bool:
        """Every page and data file kept in `data` is there, as it was written."""
        try:
            return all(hashlib.sha256((data / path).read_bytes()).hexdigest() == digest
                       for path, digest in self.stored.items())
        except OSError:
            return False


def publish(root: Path, settings: Settings, written: dict[str, str], started: Reading | None = None,
            site_url: str = "", site_name: str = "") -> Published:
    """The site (build.build_site, its calendar made aside) and the `written` pages finished
    (path -> Markdown, as in docs/), or all of it as kept by an earlier build of the same inputs."""
    reading = started or start(root, settings)
    key = whole_key(root, settings, reading, written, site_url, site_name)
    folder = root / FOLDER
    if key:
        hit = cache.read(folder, key)
        if isinstance(hit, Published) and hit.intact(folder / key):
            if len(reading.found) != len(reading.articles):     # articles' entries were missing: stored again
                reading.finish()
            hit.data = folder / key
            return hit
    data = _scratch(folder if key else None)
    try:
        site = build_site(root, settings, started=reading, site_url=site_url, site_name=site_name, aside=data)
        done = {where: finish_written(markdown, site, where) for where, markdown in written.items()}
    except BaseException:                       # an editor's mistake (a SeedError): nothing left behind
        shutil.rmtree(data, ignore_errors=True)
        raise
    summary = f"{len(site.articles)} articles, {len(site.events)} events, {len(site.figures)} figures"
    if key and whole_key(root, settings, reading, written, site_url, site_name) != key:
        key = ""                                     # a file changed while it was read: not kept
    published = Published(done, site.notes, summary, stored=site.aside, later=site.later,
                          folder=folder if key else None, key=key, data=data)
    weakref.finalize(published, shutil.rmtree, data, ignore_errors=True)     # unless `keep` moved it
    return published


def _scratch(folder: Path | None) -> Path:
    """A new folder for the pages and data files: in the cache's folder, where `keep` renames it (one
    file system), named by this process so that another build's `cache.prune` leaves it while it runs;
    or with the cache off, the system's temporary folder."""
    if folder is not None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            return Path(tempfile.mkdtemp(prefix=f"{cache.WRITING}{os.getpid()}-", dir=folder))
        except OSError:
            pass                             # a read-only checkout still builds
    return Path(tempfile.mkdtemp(prefix="explainer-data-"))


def whole_key(root: Path, settings: Settings, reading: Reading, written: dict[str, str],
              site_url: str, site_name: str) -> str:
    """The key of everything the published site depends on ("" when the cache is off)."""
    if reading.folder is None or len(reading.keys) != len(reading.articles):
        return ""
    def text(path: Path) -> bytes | None:
        return path.read_bytes() if path.is_file() else None
    return cache.key(cache.output_version(), sorted(reading.keys.items()), repr(settings),
                     text(root / corrections.FILE), text(root / settings.glossary),
                     site_url, site_name, sorted(written.items()))
