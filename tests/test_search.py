"""Search behind Material's box, answered by Pagefind (hooks/explainer/html/search.py): the pure
steps on composed indexes, and the built site's bundle."""
from __future__ import annotations

import gzip
import json
import re
from html import unescape
from pathlib import Path

import os
import subprocess
import sys

import pytest

from conftest import ROOT
from explainer.html import search

CONFIG = {"lang": ["en"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"], "fields": {}}


def index(*docs: tuple[str, str, str]) -> dict:
    return {"config": CONFIG, "docs": [{"location": loc, "title": t, "text": x} for loc, t, x in docs]}


def test_documents_keep_each_page_apart_and_each_section_whole():
    found = search.sections(index(
        ("timeline/", "Timeline", "<p>intro</p>"),
        ("timeline/#a", "19 September", "x" * 50),
        ("timeline/#b", "20 September", "y" * 50),
        ("timeline/#b2", "20 September", "v" * 40),
        ("timeline/#c", "21 September", "z" * 500),
        ("sources/", "Sources", "<p>cards</p>"),
        ("sources/#s1", "RFI", "w" * 10),
    ))
    docs = search.documents(found, limit=120)
    assert [[s.location for s in d.sections] for d in docs] == [
        ["timeline/", "timeline/#a"], ["timeline/#b", "timeline/#b2"], ["timeline/#c"], ["sources/", "sources/#s1"]]
    assert [d.page for d in docs] == ["timeline/", "timeline/", "timeline/", "sources/"]
    assert {d.title for d in docs if d.page == "timeline/"} == {"Timeline"}         # every part names its page
    assert [s for d in docs for s in d.sections] == found                          # nothing lost, nothing twice


def test_a_page_whose_intro_is_not_indexed_takes_its_first_section_title():
    docs = search.documents(search.sections(index(("people/#p-x", "Ilham Aliyev", "President"))))
    assert docs[0].title == "Ilham Aliyev" and docs[0].page == "people/"


def test_render_gives_pagefind_the_page_address_and_an_anchor_per_section():
    doc = search.documents(search.sections(index(
        ("", "Home &amp; more", "<p>Welcome</p>"), ("#key-figures", "Key figures", "<ul><li>130,561</li></ul>"))))[0]
    out = search.render(doc, "en")
    assert '<html lang="en">' in out
    assert '<meta data-pagefind-meta="url[content]" content="/">' in out      # Home: the site's root
    assert "<h1>Home &amp; more</h1><div><p>Welcome</p></div>" in out          # Material's HTML kept as it is
    assert '<h2 id="key-figures">Key figures</h2><div><ul><li>130,561</li></ul></div>' in out


def test_render_escapes_the_address_and_anchor():
    doc = search.Document('a"b/', "T", (search.Section('a"b/#x"y', "S", "t"),))
    out = search.render(doc)
    assert 'content="/a&quot;b/"' in out and 'id="x&quot;y"' in out


def test_the_stub_keeps_materials_settings_only():
    assert search.stub(index(("", "Home", "x"))) == {"config": CONFIG, "docs": []}


PAGE = ('<html><head><script id="__config" type="application/json">{"base": "..", "features": [], '
        '"search": "../assets/javascripts/workers/search.a7633da7.min.js", "tags": null}</script></head></html>')


def test_each_page_names_our_worker():
    out = search.use_worker(PAGE, "search-pagefind.12345678.js")
    assert '"search": "../assets/javascripts/workers/search-pagefind.12345678.js"' in out
    assert out.replace("search-pagefind.12345678.js", "search.a7633da7.min.js") == PAGE


def test_a_theme_without_the_worker_setting_is_an_error_not_a_silent_search():
    with pytest.raises(search.SearchError):
        search.use_worker(PAGE.replace('"search": "../assets/javascripts/workers/search.a7633da7.min.js", ', ""), "w.js")
    assert search.use_worker("<p>no config</p>", "w.js") == "<p>no config</p>"     # sitemap-like output


def test_the_worker_name_follows_its_source():
    assert search.worker_name("a") != search.worker_name("b")
    assert re.fullmatch(r"search-pagefind\.[0-9a-f]{8}\.js", search.worker_name(search.WORKER.read_text()))


def test_small_sites_keep_materials_search_and_big_ones_get_pagefind():
    assert search.engine(121_609) == "material"                  # the real seeds' generated pages
    assert search.engine(search.MATERIAL_UP_TO + 1) == "pagefind"
    assert search.engine(10, "pagefind") == "pagefind" and search.engine(10**9, " Material ") == "material"
    assert search.engine(10, "auto") == "material" and search.engine(10, "") == "material"
    with pytest.raises(search.SearchError, match="EXPLAINER_SEARCH='lunr'"):
        search.engine(10, "lunr")


def build_with(project: Path, engine: str, out: Path, **more: str) -> Path:
    """A strict build of `project` with EXPLAINER_SEARCH=engine (and the environment variables `more`)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "EXPLAINER_SEARCH": engine, **more}
    r = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)], cwd=project,
                       capture_output=True, text=True, env=env, timeout=300)
    assert r.returncode == 0, r.stderr
    return out


@pytest.fixture(scope="session")
def pagefind_site(tmp_path_factory) -> Path:
    """The real project built with Pagefind (its own size would keep Material's search)."""
    return build_with(ROOT, "pagefind", tmp_path_factory.mktemp("pagefind-site"))


def test_the_real_seeds_keep_materials_search(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert len(index["docs"]) > 50 and not (built_site / "pagefind").exists()
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'"search": "[^"]*workers/search\.[0-9a-f]+\.min\.js"', home)


# --- a site built with Pagefind -----------------------------------------------------------------

def fragments(site: Path) -> list[dict]:
    """Pagefind's documents as it stores them (gzip, then JSON): url, content (plain text), meta, anchors."""
    out = []
    for path in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        out.append(json.loads(data[data.index(b"{"):]))
    return out


def test_the_built_site_has_a_stub_index_and_a_pagefind_bundle(pagefind_site):
    built_site = pagefind_site
    stub = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert stub["docs"] == [] and stub["config"]["lang"] == ["en"]
    bundle = built_site / "pagefind"
    assert (bundle / "pagefind.js").exists() and (bundle / "pagefind-entry.json").exists()
    assert list(bundle.glob("*.pf_meta")) and list(bundle.glob("wasm.*.pagefind"))
    assert not (bundle / "pagefind-ui.js").exists()                     # Pagefind's own UI is not shipped
    name = search.worker_name(search.WORKER.read_text(encoding="utf-8"))
    assert (built_site / search.WORKERS / name).read_text(encoding="utf-8") == search.WORKER.read_text(encoding="utf-8")
    for page in sorted(built_site.rglob("*.html")):
        config = re.search(r'<script id="__config" type="application/json">(.*?)</script>',
                           page.read_text(encoding="utf-8"), re.S)
        assert json.loads(config.group(1))["search"].endswith("workers/" + name), page


def search_sections(site: Path) -> dict[str, dict]:
    """The sections readers search, named as Material's index named them ("timeline/#id"): each
    heading's text and the words from it to the next heading (a Pagefind anchor and its words)."""
    out = {}
    for d in fragments(site):
        words = d["content"].split(" ")
        page = d["meta"]["url"].lstrip("/")
        anchors = [a for a in d["anchors"] if a.get("id") and a["element"] == "h2"]
        for a, after in zip(anchors, anchors[1:] + [None]):
            out[f"{page}#{a['id']}"] = {"title": a["text"], "text": " ".join(words[a["location"]:after and after["location"]])}
    return out


def test_every_section_material_indexed_is_searched_by_pagefind(built_site, pagefind_site):
    """The same site by both engines: every section of Material's index (each Timeline and Background
    entry has one, at its hidden heading) is a Pagefind anchor of its page, holding the same words."""
    material = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    found = search_sections(pagefind_site)
    anchored = [d for d in material if "#" in d["location"]]
    assert len(anchored) > 100
    for d in anchored:
        section = found[d["location"]]
        words = re.sub(r"\W+", "", unescape(re.sub(r"<[^>]+>", " ", d["text"])))   # letters and digits: Pagefind
        assert words[:60] in re.sub(r"\W+", "", section["text"]), d["location"]      # puts a full stop after a block
        assert unescape(re.sub(r"<[^>]+>", "", d["title"])).strip() == section["title"], d["location"]


def test_the_documents_are_small(pagefind_site):
    """Each document is a few sections of one page: a query fetches a few kilobytes per result."""
    sizes = [len(gzip.decompress(p.read_bytes())) for p in (pagefind_site / "pagefind" / "fragment").glob("*.pf_fragment")]
    assert sizes and max(sizes) < 4 * search.CHUNK, max(sizes)


def _site(tmp: Path, *docs: tuple[str, str, str]) -> Path:
    (tmp / "search").mkdir(parents=True)
    (tmp / "search" / "search_index.json").write_text(json.dumps(index(*docs)), encoding="utf-8")
    return tmp


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_build_indexes_stubs_and_reuses_an_unchanged_bundle(tmp_path, monkeypatch):
    docs = [("", "Home", "<p>Kornidzor welcomes</p>"), ("timeline/", "Timeline", "<p>days</p>"),
            ("timeline/#d1", "19 September", "<p>Hakari bridge</p>")]
    cache = tmp_path / "cache"
    first = _site(tmp_path / "a", *docs)
    assert search.build(first, cache=cache) == 2
    assert json.loads((first / "search" / "search_index.json").read_text())["docs"] == []
    made = _files(first / "pagefind")
    assert {d["meta"]["url"] for d in fragments(first)} == {"/", "/timeline/"}
    assert "pagefind-entry.json" in made and not any(n.startswith("pagefind-ui") for n in made)

    def no_pagefind(*args):
        raise AssertionError("Pagefind ran again for the same documents")
    monkeypatch.setattr(search, "_pagefind", no_pagefind)
    again = _site(tmp_path / "b", *docs)
    search.build(again, cache=cache)
    assert _files(again / "pagefind") == made
    with pytest.raises(AssertionError, match="ran again"):           # another text: another bundle
        search.build(_site(tmp_path / "c", *docs[:2], ("timeline/#d1", "19 September", "<p>Lachin</p>")), cache=cache)


def test_a_site_without_materials_index_is_an_editors_error(tmp_path):
    with pytest.raises(search.SearchError, match="search` plugin"):
        search.build(tmp_path)


def test_documents_go_on_disk_where_memory_is_full(tmp_path, monkeypatch):
    """A container's /dev/shm may be too small for a big site's documents: they are then written on disk."""
    monkeypatch.setattr(search, "memory_folder", lambda: str(tmp_path / "full"))     # not there: OSError
    index = {"docs": [{"location": "", "title": "Home", "text": "<p>Hakari bridge</p>"},
                      {"location": "timeline/#d1", "title": "19 September", "text": "<p>Kornidzor</p>"}]}
    (tmp_path / "scratch").mkdir()
    n, bundle = search.prepare(index, "en", search.CHUNK, None, tmp_path / "scratch")
    assert n == 2 and (bundle / "pagefind-entry.json").is_file()


# --- a big site's index, made in parts ----------------------------------------------------------

def test_documents_are_indexed_in_runs_of_at_most_the_part_size():
    assert search.parts(["aa", "bbb", "c", "dddd", "e"], limit=5) == [["aa", "bbb"], ["c", "dddd"], ["e"]]
    assert search.parts(["a" * 9, "b"], limit=5) == [["a" * 9], ["b"]]          # a longer document alone
    assert search.parts([], limit=5) == [[]]


@pytest.mark.parametrize("setting, expected", [(None, search.PART), ("", search.PART), ("20000", 20_000),
                                               (" 1_000_000 ", 1_000_000)])
def test_the_part_size_is_a_setting(setting, expected):
    assert search.part_size(setting) == expected


@pytest.mark.parametrize("setting", ["0", "-5", "big", "1e6"])
def test_a_wrong_part_size_is_an_editors_error(setting):
    with pytest.raises(search.SearchError, match="EXPLAINER_SEARCH_PART"):
        search.part_size(setting)


def test_an_index_in_parts_lists_them_and_ships_the_code_once(tmp_path):
    """Past the part size, each run of documents is a bundle of its own inside the first, listed in
    parts.json; a part keeps its index and documents, not Pagefind's code. Together they index every
    document once."""
    words = ["Hakari", "Kornidzor", "Vardanian", "Lachin", "Goris", "Stepanakert"]
    index = {"docs": [{"location": f"timeline/#d{i}", "title": f"Day {i}", "text": f"<p>{w} {'text ' * 40}</p>"}
                      for i, w in enumerate(words)]}
    (tmp_path / "scratch").mkdir()
    n, bundle = search.prepare(index, "en", limit=300, cache=None, scratch=tmp_path / "scratch", part=1_000)
    listed = json.loads((bundle / search.PARTS).read_text(encoding="utf-8"))
    assert n == len(words) and listed and listed == [f"part-{i}/" for i in range(2, len(listed) + 2)]
    for folder in [bundle, *(bundle / p for p in listed)]:
        assert (folder / "pagefind-entry.json").is_file() and list(folder.glob("*.pf_meta"))
        assert (folder / "pagefind.js").exists() == (folder == bundle)
        assert bool(list(folder.glob("wasm.*.pagefind"))) == (folder == bundle)
    found = []
    for folder in [bundle, *(bundle / p for p in listed)]:
        for path in (folder / "fragment").glob("*.pf_fragment"):
            data = gzip.decompress(path.read_bytes())
            content = json.loads(data[data.index(b"{"):])["content"]
            found += [w for w in words if w in content]
    assert sorted(found) == sorted(words)


def test_one_part_lists_none(tmp_path):
    index = {"docs": [{"location": "", "title": "Home", "text": "<p>Hakari bridge</p>"}]}
    (tmp_path / "scratch").mkdir()
    _, bundle = search.prepare(index, "en", search.CHUNK, None, tmp_path / "scratch")
    assert json.loads((bundle / search.PARTS).read_text(encoding="utf-8")) == []
    assert not list(bundle.glob("part-*"))
