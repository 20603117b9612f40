"""On-disk cache of what one article yields, so a rebuild re-reads only the articles that changed.

Entries live under `<root>/.cache/explainer/` (git-ignored; `make clean` removes it), in one
folder (a "store") per engine version and settings: the name is a hash of the engine's source
files and the settings. In a store, an article's key is a hash of its seed file's name and bytes,
and its value the pickled `(Article, Extracted)`. A changed article, setting or engine file gives
another key or store, so the cache can never change the output (tests build with, without and
with a warm cache and compare). A build that changed what its store holds removes the entries it
did not use, and the stores beyond the few used last (`make serve` and `make test`, for instance,
use different settings and keep one each). Disable it with EXPLAINER_CACHE=0. No state is kept in
memory: hooks and engine are reloaded on every `mkdocs serve` rebuild, and reading a few hundred
small files is fast.
"""
from __future__ import annotations

import hashlib
import importlib.metadata
import os
import pickle
import re
import shutil
import sys
from pathlib import Path

ENGINE_DIR = Path(__file__).resolve().parent
FOLDER = Path(".cache") / "explainer"
STORES_KEPT = 4
_STORE_NAME = re.compile(r"[0-9a-f]{16}")
_LEGACY_NAME = re.compile(r"[0-9a-f]{2}")       # entries stored straight under FOLDER before stores


def enabled() -> bool:
    return os.environ.get("EXPLAINER_CACHE", "1").strip().lower() not in ("0", "no", "false", "off")


# Besides the engine's own files, what parsing and extraction depend on: a new Python or a new
# release of these libraries may read a seed differently, so it must not find the old entries.
DEPENDS = ("PyYAML", "sentencex", "python-dateutil")


def engine_version() -> str:
    h = hashlib.sha256(sys.version.encode())
    for name in DEPENDS:
        try:
            h.update(f"\0{name}={importlib.metadata.version(name)}".encode())
        except importlib.metadata.PackageNotFoundError:
            h.update(f"\0{name} missing".encode())
    for path in sorted(ENGINE_DIR.rglob("*.py")):
        h.update(str(path.relative_to(ENGINE_DIR)).encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def key(version: str, *parts: object) -> str:
    """SHA-256 of `version` and the parts: bytes as they are, anything else (the version too) by its
    repr; each is prefixed by its kind and length, so no two different lists give the same input."""
    h = hashlib.sha256()
    for part in (version, *parts):
        data = part if isinstance(part, bytes) else repr(part).encode("utf-8")
        h.update(b"b" if isinstance(part, bytes) else b"r")
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


def store(folder: Path, version: str, settings: object) -> Path:
    """The store for this engine version and these settings, marked as used now."""
    path = folder / key(version, settings)[:16]
    try:
        path.mkdir(parents=True, exist_ok=True)
        os.utime(path)
    except OSError:
        pass
    return path


def _path(folder: Path, k: str) -> Path:
    return folder / k[:2] / f"{k}.pickle"


def read(folder: Path, k: str) -> object | None:
    """The value stored under key `k`, or None when there is none, or it is damaged (each entry
    starts with the SHA-256 of the rest) or cannot be read for any other reason."""
    try:
        data = _path(folder, k).read_bytes()
        if hashlib.sha256(data[32:]).digest() != data[:32]:
            return None
        return pickle.loads(data[32:])
    except Exception:         # a damaged entry is recomputed, whatever unpickling it raises
        return None


def write(folder: Path, k: str, value: object) -> None:
    path = _path(folder, k)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.write_bytes(hashlib.sha256(data).digest() + data)
        os.replace(tmp, path)
    except OSError:
        pass        # a read-only checkout still builds, only slower


def prune(store: Path, keep: set[str]) -> None:
    """Remove the store's values whose keys are not in `keep`, and the other stores beyond the
    STORES_KEPT used last. A build running at the same time may lose an entry it was about to
    read; it then computes it again, which changes nothing."""
    _remove_unused(store, keep)
    try:
        others = [e for e in os.scandir(store.parent) if e.is_dir() and e.path != str(store)]
    except OSError:
        return
    stores = [e for e in others if _STORE_NAME.fullmatch(e.name)]
    stores.sort(key=_mtime, reverse=True)
    for e in stores[STORES_KEPT - 1:] + [e for e in others if _LEGACY_NAME.fullmatch(e.name)]:
        shutil.rmtree(e.path, ignore_errors=True)


def _mtime(entry: os.DirEntry) -> float:
    try:
        return entry.stat().st_mtime
    except OSError:
        return 0.0


def _remove_unused(store: Path, keep: set[str]) -> None:
    try:
        subfolders = [e for e in os.scandir(store) if len(e.name) == 2 and e.is_dir()]
    except OSError:
        return
    for sub in subfolders:
        try:
            entries = list(os.scandir(sub.path))
        except OSError:
            continue
        for entry in entries:
            name = entry.name
            if name.endswith(".pickle") and name[:-len(".pickle")] in keep:
                continue
            if name.endswith((".pickle", ".tmp")):
                try:
                    os.unlink(entry.path)
                except OSError:
                    pass
