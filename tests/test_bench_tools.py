"""The per-article cache (engine only, no MkDocs): it must never change the output."""
from __future__ import annotations

import shutil

from conftest import ROOT
from support import repo_settings
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
    stored = list((tmp_path / cache.FOLDER).glob("*.pickle"))
    assert len(stored) == len(list((tmp_path / "seeds").glob("*.md")))
    warm = _outputs(build_site(tmp_path, use_cache=True))
    assert without == cold == warm

    # an edited article gets a new key: the warm build equals a build without the cache; what it
    # did not use is removed (the old entry, a crashed build's file, a folder of an older layout)
    seed = sorted((tmp_path / "seeds").glob("*.md"))[-1]
    text = seed.read_text(encoding="utf-8")
    last = text.rstrip().rsplit("\n", 1)[-1]
    seed.write_text(text.replace(last, "On 2 October 2023, 1,234 people reached Goris, officials said."), encoding="utf-8")
    crashed = tmp_path / cache.FOLDER / "ab12.99.tmp"
    crashed.write_bytes(b"left by a crashed build")
    (tmp_path / cache.FOLDER / "cd").mkdir()
    (tmp_path / cache.FOLDER / "cd" / "cd34.pickle").write_bytes(b"old")
    edited = _outputs(build_site(tmp_path, use_cache=True))
    assert not crashed.exists() and not (tmp_path / cache.FOLDER / "cd").exists()
    assert edited == _outputs(build_site(tmp_path, use_cache=False)) != warm
    now = set((tmp_path / cache.FOLDER).glob("*.pickle"))
    assert len(now) == len(stored) and len(now - set(stored)) == 1    # the edited article's old entry is gone

    # another engine gives other keys: every entry is computed again, and the old ones removed
    monkeypatch.setattr(cache, "engine_version", lambda: "another engine")
    assert _outputs(build_site(tmp_path, use_cache=True)) == edited
    other = set((tmp_path / cache.FOLDER).glob("*.pickle"))
    assert len(other) == len(stored) and other.isdisjoint(now)

    # a damaged entry is recomputed: one byte changed anywhere, or not a pickle at all
    for n, p in enumerate(sorted((tmp_path / cache.FOLDER).glob("*.pickle"))):
        data = bytearray(p.read_bytes())
        data[(n * 7919) % len(data)] ^= 0x20
        p.write_bytes(bytes(data))
    assert _outputs(build_site(tmp_path, use_cache=True)) == edited
    for p in (tmp_path / cache.FOLDER).glob("*.pickle"):
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
    stored = set((tmp_path / cache.FOLDER).glob("*.pickle"))
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
    assert set((tmp_path / cache.FOLDER).glob("*.pickle")) == stored

    # a renamed seed is its own entry: the article carries its new name
    copy.unlink()
    shutil.copy(ROOT / "seeds" / broken.name, broken)
    first.rename(tmp_path / "seeds" / "renamed.md")
    site = build_site(tmp_path, use_cache=True)
    assert "seeds/renamed.md" in {a.path for a in site.articles} and first.stem not in {a.slug for a in site.articles}
    assert _outputs(site) == _outputs(build_site(tmp_path, use_cache=False))


def test_cache_key_covers_engine_extraction_settings_and_the_seed_file(tmp_path, monkeypatch):
    from datetime import date
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")

    def entries(settings: Settings) -> set:
        build_site(tmp_path, settings, use_cache=True)
        return {p.name for p in (tmp_path / cache.FOLDER).glob("*.pickle")}

    from dataclasses import replace
    topic = repo_settings().topic
    first = entries(repo_settings())
    # the page settings are not in the key: `make serve` and `make test` share the entries
    assert entries(repo_settings(repository="https://github.com/o/r", glossary="docs/other.md",
                                 topic=replace(topic, name="Another", turning_point="another day",
                                               chart=replace(topic.chart, title="Another title"), key=("killed",)))) == first
    for change in ({"cutoff": date(2023, 9, 20)}, {"topics": {"Population": ["population"]}},
                   {"labels": {**topic.labels, "killed": "Dead"}}, {"sides": topic.sides[:1]}, {"places": ()}):
        assert entries(repo_settings(topic=replace(topic, **change))).isdisjoint(first), change
    assert entries(repo_settings()) == first
    raw = (ROOT / "seeds" / sorted(p.name for p in (ROOT / "seeds").glob("*.md"))[0]).read_bytes()
    k = cache.key("v1", "x", "seeds/x.md", raw)
    assert k != cache.key("v2", "x", "seeds/x.md", raw)
    assert k != cache.key("v1", "y", "seeds/y.md", raw)                # the name is part of the article
    assert k != cache.key("v1", "x", "seeds/x.md", raw + b" ")         # one byte more
    assert k != cache.key("v1", "x", "seeds/x.md", raw.replace(b"\n", b"\r\n", 1))
    # a new Python or a new release of a library the parsing and extraction use is another engine
    version = cache.engine_version()
    real_version = cache.importlib.metadata.version
    for name in cache.DEPENDS:
        monkeypatch.setattr(cache.importlib.metadata, "version", lambda n, name=name: "0" if n == name else real_version(n))
        assert cache.engine_version() != version, name
    assert "number-parser" in cache.DEPENDS
    # bytes and text are told apart, and so are different cuts between parts
    assert cache.key("v", b"ab") != cache.key("v", "ab") and cache.key("v", "a", "b") != cache.key("v", "ab", "")
    assert cache.key("va", "b") != cache.key("v", "ab")
    assert cache.keys("v", ("x", 1))("seeds/a.md", b"ab") == cache.key("v", ("x", 1), "seeds/a.md", b"ab")
    assert len(version) == 64


def test_records_pickle_by_their_values():
    """The cache and the worker processes pickle each record as its class and field values."""
    import pickle
    from dataclasses import dataclass, field
    from explainer import model
    from explainer.extract.run import extract_all
    from explainer.read.seeds import load_seeds
    articles = load_seeds(ROOT / "seeds")
    done = extract_all(articles, repo_settings())
    assert pickle.loads(pickle.dumps(done, protocol=pickle.HIGHEST_PROTOCOL)) == done
    assert model.Source.__reduce__(done[0].events[0].sources[0])[0] is model.Source

    @dataclass
    class Odd:
        a: int
        b: int = field(init=False, default=0)
    with pytest.raises(TypeError):
        model._pickled_by_values(Odd)
