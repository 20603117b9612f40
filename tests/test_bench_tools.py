"""The per-article cache (engine only, no MkDocs): it must never change the output."""
from __future__ import annotations

import os
import shutil

from conftest import ROOT
from explainer import cache
from explainer.build import build_site
from explainer.settings import Settings
import pytest

from explainer.errors import SeedError


def _outputs(site) -> dict[str, str]:
    return {**site.pages, **site.files}


def test_cache_never_changes_the_output(tmp_path, monkeypatch):
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    without = _outputs(build_site(tmp_path, use_cache=False))
    assert not (tmp_path / ".cache").exists()
    cold = _outputs(build_site(tmp_path, use_cache=True))
    stored = list((tmp_path / cache.FOLDER).rglob("*.pickle"))
    assert len(stored) == len(list((tmp_path / "seeds").glob("*.md")))
    warm = _outputs(build_site(tmp_path, use_cache=True))
    assert without == cold == warm

    # an edited article gets a new key: the warm build equals a build without the cache
    seed = sorted((tmp_path / "seeds").glob("*.md"))[-1]
    text = seed.read_text(encoding="utf-8")
    last = text.rstrip().rsplit("\n", 1)[-1]
    seed.write_text(text.replace(last, "On 2 October 2023, 1,234 people reached Goris, officials said."), encoding="utf-8")
    crashed = stored[0].parent / "ab12.99.tmp"
    crashed.write_bytes(b"left by a crashed build")
    edited = _outputs(build_site(tmp_path, use_cache=True))
    assert not crashed.exists()
    assert edited == _outputs(build_site(tmp_path, use_cache=False)) != warm
    now = set((tmp_path / cache.FOLDER).rglob("*.pickle"))
    assert len(now) == len(stored) and len(now - set(stored)) == 1    # the edited article's old entry is gone

    # another engine (or other settings) has a store of its own; the stores used last are kept
    first_store = next(p for p in (tmp_path / cache.FOLDER).iterdir() if p.name != "jinja")
    os.utime(first_store, (999, 999))       # times set by hand: "used last" whatever the clock's resolution
    (tmp_path / cache.FOLDER / "cd").mkdir()                       # the layout before stores
    (tmp_path / cache.FOLDER / "cd" / "cd34.pickle").write_bytes(b"old")
    for n in range(cache.STORES_KEPT):
        monkeypatch.setattr(cache, "engine_version", lambda n=n: f"engine {n}")
        assert _outputs(build_site(tmp_path, use_cache=True)) == edited
        used = tmp_path / cache.FOLDER / cache.key(f"engine {n}", Settings())[:16]
        os.utime(used, (1000 + n, 1000 + n))
        stores = [p for p in (tmp_path / cache.FOLDER).iterdir() if p.name != "jinja"]
        assert len(stores) == min(n + 2, cache.STORES_KEPT) and used in stores
        assert len(list(used.rglob("*.pickle"))) == len(stored)
        assert not (tmp_path / cache.FOLDER / "cd").exists()
    assert not first_store.exists()                               # the oldest store is gone
    assert list((tmp_path / cache.FOLDER / "jinja").iterdir())      # compiled templates are kept

    # a damaged entry is recomputed: one byte changed anywhere, or not a pickle at all
    for n, p in enumerate(sorted((tmp_path / cache.FOLDER).rglob("*.pickle"))):
        data = bytearray(p.read_bytes())
        data[(n * 7919) % len(data)] ^= 0x20
        p.write_bytes(bytes(data))
    assert _outputs(build_site(tmp_path, use_cache=True)) == edited
    for p in (tmp_path / cache.FOLDER).rglob("*.pickle"):
        p.write_bytes(b"not a pickle")
    assert _outputs(build_site(tmp_path, use_cache=True)) == edited

    # EXPLAINER_CACHE=0 turns it off
    monkeypatch.setenv("EXPLAINER_CACHE", "0")
    assert not cache.enabled()


def test_a_warm_cache_still_reports_every_seed_problem(tmp_path):
    """A cached seed skips parsing, not the checks: problems across files and in changed files are
    reported as without the cache, and nothing is stored from a build that failed."""
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    build_site(tmp_path, use_cache=True)
    stored = set((tmp_path / cache.FOLDER).rglob("*.pickle"))
    first = sorted((tmp_path / "seeds").glob("*.md"))[0]
    copy = tmp_path / "seeds" / "zz-copy.md"
    shutil.copy(first, copy)                            # the same text as a cached seed
    broken = sorted((tmp_path / "seeds").glob("*.md"))[1]
    broken.write_text(broken.read_text(encoding="utf-8").replace("published: ", "published: 2023-02-30 #", 1), encoding="utf-8")
    with pytest.raises(SeedError) as warm:
        build_site(tmp_path, use_cache=True)
    with pytest.raises(SeedError) as without:
        build_site(tmp_path, use_cache=False)
    assert str(warm.value) == str(without.value)
    assert "seeds/zz-copy.md:" in str(warm.value) and f"as seeds/{first.name}: the article is already" in str(warm.value)
    assert f"seeds/{broken.name}:" in str(warm.value) and "2023-02-30" in str(warm.value)
    assert set((tmp_path / cache.FOLDER).rglob("*.pickle")) == stored

    # a renamed seed is its own entry: the article carries its new name
    copy.unlink()
    shutil.copy(ROOT / "seeds" / broken.name, broken)
    first.rename(tmp_path / "seeds" / "renamed.md")
    site = build_site(tmp_path, use_cache=True)
    assert "seeds/renamed.md" in {a.path for a in site.articles} and first.stem not in {a.slug for a in site.articles}
    assert _outputs(site) == _outputs(build_site(tmp_path, use_cache=False))


def test_cache_store_and_key_cover_engine_settings_and_the_seed_file(tmp_path, monkeypatch):
    from datetime import date
    raw = (ROOT / "seeds" / sorted(p.name for p in (ROOT / "seeds").glob("*.md"))[0]).read_bytes()
    one = cache.store(tmp_path, "v1", Settings())
    assert one == cache.store(tmp_path, "v1", Settings()) and one.is_dir()
    assert one != cache.store(tmp_path, "v2", Settings())
    assert one != cache.store(tmp_path, "v1", Settings(cutoff=date(2023, 9, 20)))
    k = cache.key("seed", "x", "seeds/x.md", raw)
    assert k != cache.key("seed", "y", "seeds/y.md", raw)                # the name is part of the article
    assert k != cache.key("seed", "x", "seeds/x.md", raw + b" ")         # one byte more
    assert k != cache.key("seed", "x", "seeds/x.md", raw.replace(b"\n", b"\r\n", 1))
    # a new Python or a new release of a library the parsing and extraction use is another engine
    version = cache.engine_version()
    real_version = cache.importlib.metadata.version
    monkeypatch.setattr(cache.importlib.metadata, "version", lambda name: "0" if name == "PyYAML" else real_version(name))
    assert cache.engine_version() != version
    # bytes and text are told apart, and so are different cuts between parts
    assert cache.key("v", b"ab") != cache.key("v", "ab") and cache.key("v", "a", "b") != cache.key("v", "ab", "")
    assert cache.key("va", "b") != cache.key("v", "ab")
    assert len(cache.engine_version()) == 64

