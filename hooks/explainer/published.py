"""What the hooks publish of a build, kept whole between builds when nothing it depends on changed.

A rebuild where no seed, setting or written page changed (a `mkdocs serve` save of a stylesheet,
a second `make build`) would merge the same items and write the same pages again: at 10,000
articles that is about 25 s. `publish` keeps the generated pages, the data files, the written
pages as finished and the notes in one cache entry (`.cache/explainer-site/`, beside the
articles' entries) under a key of everything `build.build_site` and `build.finish_written` read:
every engine file (its templates too) and the libraries' versions (`cache.output_version`), every
article's cache key (each holds the engine's version, the settings extraction reads and the
seed file's name and bytes), the settings, corrections.yml, the glossary, the site's address and
name, and the written pages' text. Any change gives another key, so a kept entry can never
change the output (tests build with and without it and compare). A build that finds no entry
builds the site and keeps it, as the folder's only entry, once the files made beside MkDocs'
rendering (`later`, the calendar) are done (`Published.keep`), unless the key computed again after
the build differs (an editor saved corrections.yml or the glossary while the build read it: the
pages might hold the saved text under the key of the text before)."""
from __future__ import annotations

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
    pages: dict[str, str]                  # docs-relative path -> Markdown, as build_site made them
    files: dict[str, str]                  # site-relative path -> text (the data files)
    written: dict[str, str]                # a written page's path ("docs/index.md") -> its Markdown, finished
    notes: list[Problem]                   # what an editor should know (build_site's `notes`)
    summary: str                           # "N articles, N events, N figures"
    later: dict[str, Later] = field(default_factory=dict)    # files still being made; not kept
    folder: Path | None = None             # where to keep it, and under which key (None: not kept)
    key: str = ""

    def keep(self, made: dict[str, str]) -> None:
        """Keep it, with the texts of `later` (`made`: path -> text), as the only entry of its folder."""
        self.files.update(made)
        if self.folder is None:
            return
        cache.write(self.folder, self.key, Published(self.pages, self.files, self.written, self.notes, self.summary))
        cache.prune(self.folder, keep={self.key})


def publish(root: Path, settings: Settings, written: dict[str, str], started: Reading | None = None,
            site_url: str = "", site_name: str = "") -> Published:
    """The site (build.build_site, its calendar made aside) and the `written` pages finished
    (path -> Markdown, as in docs/), or all of it as kept by an earlier build of the same inputs."""
    reading = started or start(root, settings)
    key = whole_key(root, settings, reading, written, site_url, site_name)
    folder = root / FOLDER
    if key:
        hit = cache.read(folder, key)
        if isinstance(hit, Published):
            if len(reading.found) != len(reading.articles):     # articles' entries were missing: stored again
                reading.finish()
            return hit
    site = build_site(root, settings, started=reading, site_url=site_url, site_name=site_name, aside=True)
    done = {where: finish_written(markdown, site, where) for where, markdown in written.items()}
    summary = f"{len(site.articles)} articles, {len(site.events)} events, {len(site.figures)} figures"
    if key and whole_key(root, settings, reading, written, site_url, site_name) != key:
        key = ""                                     # a file changed while it was read: not kept
    return Published(site.pages, site.files, done, site.notes, summary, later=site.later,
                     folder=folder if key else None, key=key)


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
