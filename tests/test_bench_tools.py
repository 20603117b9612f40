"""The per-article cache (engine only, no MkDocs): it must never change the output."""
from __future__ import annotations

import shutil

from conftest import ROOT
from explainer import cache
from explainer.build import build_site
from explainer.seeds import load_seeds


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

