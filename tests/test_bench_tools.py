"""The benchmark's tools: the synthetic corpus generator and the per-article cache (engine only, no MkDocs)."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

from conftest import ROOT
from explainer import cache
from explainer.build import build_site
from explainer.seeds import load_seeds

sys.path.insert(0, str(ROOT / "tests" / "bench"))
import synth  # noqa: E402


def _outputs(site) -> dict[str, str]:
    return {**site.pages, **site.files}


def test_synth_is_valid_deterministic_and_varied(tmp_path):
    a = synth.generate(12, tmp_path / "a" / "seeds")
    b = synth.generate(12, tmp_path / "b" / "seeds")
    assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b]
    articles = load_seeds(tmp_path / "a" / "seeds")          # raises on any invalid seed or duplicate
    assert len(articles) == 12 and len({x.outlet for x in articles}) == 12
    assert len({x.published for x in articles}) > 3
    site = build_site(tmp_path / "a", use_cache=False)       # the engine takes it, quotes checked
    real = build_site(ROOT, use_cache=False)
    assert len(site.events) > len(real.events) and len(site.figures) > len(real.figures)


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
    edited = _outputs(build_site(tmp_path, use_cache=True))
    assert edited == _outputs(build_site(tmp_path, use_cache=False)) != warm
    assert len(list((tmp_path / cache.FOLDER).rglob("*.pickle"))) == len(stored) + 1

    # EXPLAINER_CACHE=0 turns it off; a corrupt entry is recomputed
    monkeypatch.setenv("EXPLAINER_CACHE", "0")
    assert not cache.enabled()
    for p in (tmp_path / cache.FOLDER).rglob("*.pickle"):
        p.write_bytes(b"not a pickle")
    assert _outputs(build_site(tmp_path, use_cache=True)) == edited


def test_cache_key_covers_engine_settings_and_article():
    articles = load_seeds(ROOT / "seeds")
    from explainer.settings import Settings
    from datetime import date
    k = cache.key("v1", Settings(), articles[0])
    assert k != cache.key("v2", Settings(), articles[0])
    assert k != cache.key("v1", Settings(cutoff=date(2023, 9, 20)), articles[0])
    assert k != cache.key("v1", Settings(), articles[1])
    assert len(cache.engine_version()) == 64
