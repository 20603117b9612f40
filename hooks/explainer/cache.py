"""On-disk cache of what one article yields, so a rebuild re-reads only the articles that changed.

Entries live in `<root>/.cache/explainer/` (git-ignored; `make clean` removes it). An article's key
is a hash of the engine version, the settings extraction depends on (`Settings.extraction()`), and the seed
file's name and bytes; its value is the pickled `(Article, Extracted)`. A changed article, setting
or engine file gives another key, so the cache can never change the output (tests build with,
without and with a warm cache and compare). Other settings (repository, glossary) are not in the
key: `make serve` and `make test` share entries. A build that missed an entry removes the entries
it did not use. Disable it with EXPLAINER_CACHE=0. No state is kept in memory: hooks and engine
are reloaded on every `mkdocs serve` rebuild, and reading a few hundred small files is fast.
"""
from __future__ import annotations

import hashlib
import importlib.metadata
import os
import pickle
import shutil
import sys
from pathlib import Path
from typing import Callable

ENGINE_DIR = Path(__file__).resolve().parent
FOLDER = Path(".cache") / "explainer"


def enabled() -> bool:
    return os.environ.get("EXPLAINER_CACHE", "1").strip().lower() not in ("0", "no", "false", "off")


# Besides the engine's own files, what parsing and extraction depend on: a new Python or a new
# release of these libraries may read a seed differently, so it must not find the old entries.
DEPENDS = ("PyYAML", "sentencex", "python-dateutil", "number-parser")


def version(name: str) -> str:
    """"name=1.2.3" for an installed distribution, "name missing" otherwise: part of a cache key."""
    try:
        return f"{name}={importlib.metadata.version(name)}"
    except importlib.metadata.PackageNotFoundError:
        return f"{name} missing"


def engine_version() -> str:
    """What an article's yield depends on besides its seed and the settings: the engine's code and
    data tables, Python's version and those of the libraries that read it."""
    return _versions(DEPENDS, [*ENGINE_DIR.rglob("*.py"), *ENGINE_DIR.rglob("*.tsv")])


def _versions(libraries: tuple[str, ...], paths: list[Path]) -> str:
    """SHA-256 of Python's version, the libraries' versions and the engine files (name and bytes)."""
    h = hashlib.sha256(sys.version.encode())
    for name in libraries:
        h.update(f"\0{version(name)}".encode())
    for path in sorted(paths):
        h.update(str(path.relative_to(ENGINE_DIR)).encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


# What the pages and data files are written with, besides the engine's files and DEPENDS.
WRITES_WITH = ("Jinja2", "MarkupSafe")


def output_version() -> str:
    """What a published site depends on besides its inputs (published.py): every file of the engine
    (code, tables, the chart's template), Python's version and those of the libraries that read and
    write it. Unlike `engine_version`, a changed template is in it."""
    return _versions((*DEPENDS, *WRITES_WITH),
                     [p for p in ENGINE_DIR.rglob("*") if p.is_file() and "__pycache__" not in p.parts])


def key(*parts: object) -> str:
    """SHA-256 of the parts: bytes as they are, anything else by its repr; each is prefixed by its
    kind and length, so no two different lists give the same input."""
    return _hashed(hashlib.sha256(), parts).hexdigest()


def keys(*first: object) -> Callable[..., str]:
    """`key` of `first` followed by other parts, for many articles: the first parts (the engine version,
    the settings) are hashed once."""
    start = _hashed(hashlib.sha256(), first)
    return lambda *rest: _hashed(start.copy(), rest).hexdigest()


def _hashed(h, parts: tuple):
    for part in parts:
        data = part if isinstance(part, bytes) else repr(part).encode("utf-8")
        h.update(b"b" if isinstance(part, bytes) else b"r")
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h


def _path(folder: Path, k: str) -> Path:
    return folder / f"{k}.pickle"


def exists(folder: Path, k: str) -> bool:
    return _path(folder, k).exists()


def read(folder: Path, k: str) -> object | None:
    """The value stored under key `k`, or None when there is none, or it is damaged (each entry
    starts with the SHA-256 of the rest) or cannot be read for any other reason."""
    try:
        data = _path(folder, k).read_bytes()
        rest = memoryview(data)[32:]          # not a copy: an entry can be hundreds of MB (published.py)
        if hashlib.sha256(rest).digest() != data[:32]:
            return None
        return pickle.loads(rest)
    except Exception:         # a damaged entry is recomputed, whatever unpickling it raises
        return None


def write(folder: Path, k: str, value: object) -> None:
    path = _path(folder, k)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        with open(tmp, "wb") as out:          # the digest, then the data: no joined copy of it
            out.write(hashlib.sha256(data).digest())
            out.write(data)
        os.replace(tmp, path)
    except OSError:
        pass        # a read-only checkout still builds, only slower


WRITING = "writing-"       # a folder a build is writing into: `writing-<its process id>-…` (published.py)


def prune(folder: Path, keep: set[str]) -> None:
    """Remove everything in the folder but the entries whose keys are in `keep` (each a file, and a
    folder named by the key where one goes with it: published.py's pages and data files) and the
    folders another build still running is writing into. A build running at the same time may lose
    an entry it was about to read; it then computes it again, which changes nothing (but one whose
    pages MkDocs is reading from a kept folder at that moment stops on a missing file: build again)."""
    names = {_path(folder, k).name for k in keep} | set(keep)
    try:
        unused = [e for e in os.scandir(folder) if e.name not in names and not _being_written(e.name)]
    except OSError:
        return
    for e in unused:
        if e.is_dir(follow_symlinks=False):
            shutil.rmtree(e.path, ignore_errors=True)
        else:
            try:
                os.unlink(e.path)
            except OSError:
                pass


def _being_written(name: str) -> bool:
    """A folder named `writing-<pid>-…` whose process, another than this one, still runs."""
    pid = name.removeprefix(WRITING).split("-", 1)[0]
    if not name.startswith(WRITING) or not pid.isdigit() or int(pid) == os.getpid():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True                         # there, but not ours to signal
    return True
