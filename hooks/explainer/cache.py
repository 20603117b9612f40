"""On-disk cache of what one article yields, so a rebuild re-reads only the articles that changed.

Key: SHA-256 of the engine's source files, the settings and the article (every field, its text
included). Value: the pickled `Extracted`, stored under `<root>/.cache/explainer/` (git-ignored;
`make clean` removes it). A changed article, setting or engine file gives a new key, so the cache
can never change the output (a test builds with, without and with a warm cache and compares).
Disable it with EXPLAINER_CACHE=0. No state is kept in memory: hooks and engine are reloaded
on every `mkdocs serve` rebuild, and reading a few hundred small files is fast.
"""
from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path
from typing import Callable, TypeVar

T = TypeVar("T")
ENGINE_DIR = Path(__file__).resolve().parent
FOLDER = Path(".cache") / "explainer"


def enabled() -> bool:
    return os.environ.get("EXPLAINER_CACHE", "1").strip().lower() not in ("0", "no", "false", "off")


def engine_version() -> str:
    h = hashlib.sha256()
    for path in sorted(ENGINE_DIR.rglob("*.py")):
        h.update(str(path.relative_to(ENGINE_DIR)).encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def key(version: str, *parts: object) -> str:
    h = hashlib.sha256(version.encode())
    for part in parts:
        h.update(b"\0" + repr(part).encode("utf-8"))
    return h.hexdigest()


def cached(folder: Path | None, k: str, compute: Callable[[], T]) -> T:
    """`compute()`, or its stored result under key `k`. `folder=None` means no cache."""
    if folder is None:
        return compute()
    path = folder / k[:2] / f"{k}.pickle"
    try:
        return pickle.loads(path.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError, TypeError):
        pass
    value = compute()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp, path)
    except OSError:
        pass        # a read-only checkout still builds, only slower
    return value
