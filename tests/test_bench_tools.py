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


def test_big_corpus_splits_and_every_link_resolves(tmp_path):
    """150 synthetic articles: the timeline and the sources split into parts; every link to an anchor
    of a generated page (from any page, written pages' markers included) lands on the part that has it."""
    import re
    from explainer.build import fill_markers
    from explainer.pages import paging
    synth.generate(150, tmp_path / "seeds")
    site = build_site(tmp_path, use_cache=False)
    assert "timeline-part-2.md" in site.pages and "sources-part-2.md" in site.pages
    for name in ("timeline.md", "sources.md"):
        assert len(site.pages[name]) < 5_000 and "-part-1.md" in site.pages[name]
    anchors = {p: {a or b for a, b in paging.ANCHOR.findall(t)} for p, t in site.pages.items()}
    home = fill_markers((ROOT / "docs" / "index.md").read_text(encoding="utf-8"), site)
    checked = 0
    for path, text in {**site.pages, "index.md": home}.items():
        for target, anchor in re.findall(r"\]\(([\w-]+\.md)#([\w-]+)\)", text):
            known = any(anchor in a for a in anchors.values())   # the written Home cites real seeds too
            if target in site.pages and (path != "index.md" or known):
                assert anchor in anchors[target], f"{path}: {target}#{anchor}"
                checked += 1
    assert checked > 500
    assert any("sources-part-" in t for t in site.pages.values() if "](sources-part-" in t)
    for path in site.pages:            # a split page's anchors all moved to its parts
        assert not (site.moved.get(path) and anchors[path]), path


def test_split_keeps_sections_whole_and_small_pages_alone():
    from explainer.pages import paging
    small = "---\ndescription: x\n---\n\n# T\n\nIntro.\n\n## A { #a }\n\ntext\n"
    assert paging.split("t.md", small) == ({"t.md": small}, {})
    big = "---\ndescription: x\n---\n\n# T\n\nIntro.\n\n" + "".join(
        f"## Day {i} {{ #d{i} }}\n\n- <span id=\"e{i}\"></span>{'word ' * 40}\n\n" for i in range(50))
    pages, moved = paging.split("t.md", big, limit=1_000)
    parts = [p for p in pages if p != "t.md"]
    assert len(parts) > 5 and set(moved.values()) == set(parts)
    assert all(f"d{i}" in moved and f"e{i}" in moved and moved[f"d{i}"] == moved[f"e{i}"] for i in range(50))
    assert sum(pages[p].count("## Day") for p in parts) == 50 and "## Day" not in pages["t.md"]
    assert paging.relink("[x](t.md#e7) [y](../t.md#d0) [z](t.md#nope) [w](at.md#e7)", {"t.md": moved}) == (
        f"[x]({moved['e7']}#e7) [y](../{moved['d0']}#d0) [z](t.md#nope) [w](at.md#e7)")
