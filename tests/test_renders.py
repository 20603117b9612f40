"""The generated pages' renders, kept between builds and shared with a second core (hooks/explainer/html/renders.py):
the same page, table of contents, anchors and warnings as MkDocs' own render."""
from __future__ import annotations

import logging
import pickle
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from explainer import cache, forked
from explainer.html import renders as page_renders

PAGES = {
    "one.md": "---\ndescription: x\n---\n# One\n\n## First { #first }\n\nSee [two](two.md#second) and *this*.\n",
    "two.md": "# Two\n\n## Second\n\nBack to [one](one.md#first).\n\n- a\n- b\n",
    "three.md": "# Three\n\n" + "".join(f"## Part {i}\n\nText {i} with a [link](one.md).\n\n" for i in range(40)),
    "broken.md": "# Broken\n\nA [missing page](nowhere.md) here.\n",
}


@pytest.fixture
def site(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: T\nmarkdown_extensions:\n  - toc:\n      permalink: true\n"
                                         "  - attr_list\nvalidation:\n  links:\n    anchors: warn\n", encoding="utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    files = Files([_file(config, name, text) for name, text in PAGES.items()])
    return config, files


def _file(config, name: str, text: str) -> File:
    """A page held in memory, as File.generated makes it during a build."""
    f = File(name, src_dir=None, dest_dir=config.site_dir, use_directory_urls=config.use_directory_urls)
    f.content_string = text
    return f


def _pages(config, files) -> list[Page]:
    pages = [Page(None, f, config) for f in files]
    for p in pages:
        p.read_source(config)
    return pages


def _state(page: Page) -> tuple:
    return (page.content, pickle.dumps(page.toc), page._title_from_render, page.present_anchor_ids,
            {f.src_uri: v for f, v in (page.links_to_anchors or {}).items()})


def _mkdocs(config, files) -> list[tuple]:
    pages = _pages(config, files)
    for p in pages:
        Page.render(p, config, files)
    return [_state(p) for p in pages]


@pytest.mark.parametrize("use_cache", [True, False])
def test_renders_from_the_second_core_and_the_cache_are_mkdocs_own(site, tmp_path, monkeypatch, use_cache):
    monkeypatch.setattr(forked.threading, "active_count", lambda: 1)      # the browser tests' server runs beside
    config, files = site
    expected = _mkdocs(config, files)
    folder = tmp_path / "cache" if use_cache else None
    for build in ("first", "second"):
        pages = _pages(config, files)
        renders = page_renders.Renders.start(pages, config, files, folder)
        assert (renders.child is not None) == (build == "first" or not use_cache)
        for p in pages:
            p.render(config, files)
        assert [_state(p) for p in pages] == expected, build
        renders.finish(keep=True)
    if use_cache:
        assert len(list(folder.iterdir())) == len(PAGES)


def test_the_two_cores_share_the_pages_each_rendering_its_own(site, tmp_path, monkeypatch):
    """The second core takes pages from the last, MkDocs' from the first, each claiming a page before
    rendering it: every page rendered once, by one of them. Here MkDocs' core, once it has claimed the
    first page, waits until the second has claimed every other: it then renders the first alone."""
    import time
    monkeypatch.setattr(forked.threading, "active_count", lambda: 1)
    config, files = site
    expected = _mkdocs(config, files)
    pages = _pages(config, files)
    renders = page_renders.Renders.start(pages, config, files, None)
    mine, render = [], page_renders.mkdocs_render          # the child is forked: only this core waits

    def after_the_second(page, *args, **kwargs):
        deadline = time.monotonic() + 60
        while renders.bounds[1] > 1 and time.monotonic() < deadline:
            time.sleep(0.01)
        mine.append(renders.keys[page.file.src_uri])
        return render(page, *args, **kwargs)

    monkeypatch.setattr(page_renders, "mkdocs_render", after_the_second)
    for p in pages:
        p.render(config, files)
    assert [_state(p) for p in pages] == expected
    assert mine == [renders.keys[pages[0].file.src_uri]]
    assert renders.arrived == set(renders.keys.values()) - set(mine)
    renders.finish(keep=False)


def test_a_reused_render_logs_its_warnings_again(site, tmp_path, caplog):
    config, files = site
    broken = _pages(config, files)[-1]
    done = page_renders.mkdocs_render(broken, config, files)
    assert any("nowhere.md" in message for _, level, message in done.logged if level == logging.WARNING)
    caplog.clear()
    again = _pages(config, files)[-1]
    page_renders.reuse(pickle.loads(pickle.dumps(done)), again, files)
    assert any("nowhere.md" in r.getMessage() and r.levelno == logging.WARNING for r in caplog.records)
    assert _state(again) == _state(broken)


def test_another_markdown_or_address_is_another_render(site, tmp_path):
    config, files = site
    renders = page_renders.Renders(config, files, tmp_path)
    one, two = _pages(config, files)[:2]
    assert renders.key(one, one.markdown) != renders.key(one, one.markdown + " ")
    assert renders.key(one, one.markdown) != renders.key(two, one.markdown)
    moved = Files([*files, _file(config, "four.md", "# Four\n")])
    assert page_renders.Renders(config, moved, tmp_path).key(one, one.markdown) != renders.key(one, one.markdown)
    renders.finish(keep=False)


def test_a_changed_page_is_rendered_again_and_the_old_render_dropped(site, tmp_path):
    config, files = site
    for text in (PAGES["two.md"], PAGES["two.md"] + "\nMore.\n"):
        files.get_file_from_path("two.md").content_string = text
        pages = _pages(config, files)
        renders = page_renders.Renders.start(pages, config, files, tmp_path / "cache")
        for p in pages:
            p.render(config, files)
        renders.finish(keep=True)
    assert "More." in pages[1].content
    assert sorted(e.stem for e in (tmp_path / "cache").iterdir()) == sorted(renders.used)
    assert all(cache.exists(tmp_path / "cache", k) for k in renders.used)


def test_search_entries_kept_with_a_render_are_materials_own(site, tmp_path):
    """Material's search plugin indexes a page in on_page_context, once every page is rendered; a page
    whose entries are kept is skipped by it and gets the kept ones, in the same place."""
    from material.plugins.search.plugin import SearchIndex

    config, files = site

    def build() -> list[dict]:
        pages = _pages(config, files)
        renders = page_renders.Renders.start(pages[1:], config, files, tmp_path / "cache")   # one page written by hand
        index = SearchIndex()
        for p in pages:
            p.render(config, files)
            renders.before_indexing(p, index)
        for p in pages:
            index.add_entry_from_context(p)
            renders.after_indexing(p, index)
            assert "exclude" not in (p.meta.get("search") or {})
        renders.finish(keep=True)
        return index.entries

    plain = SearchIndex()
    for p in _pages(config, files):
        Page.render(p, config, files)
        plain.add_entry_from_context(p)
    assert build() == plain.entries
    assert build() == plain.entries
    assert len(list((tmp_path / "cache").iterdir())) == 2 * (len(PAGES) - 1)    # a render and its entries


def test_search_entries_are_made_with_each_render_on_both_cores(site, tmp_path, monkeypatch):
    """With `new_index`, each page's search entries are kept as soon as it is rendered, by the core
    that rendered it; `index` then gives Material's own entries, in order, without reading a page's
    HTML again, and the keys it used survive `finish`."""
    from material.plugins.search.plugin import SearchIndex

    monkeypatch.setattr(forked.threading, "active_count", lambda: 1)
    config, files = site
    plain = SearchIndex()
    for p in _pages(config, files):
        Page.render(p, config, files)
        plain.add_entry_from_context(p)
    pages = _pages(config, files)
    renders = page_renders.Renders.start(pages, config, files, tmp_path / "cache", new_index=SearchIndex)
    assert renders.child is not None
    for p in pages:
        p.render(config, files)
    assert len(list((tmp_path / "cache").iterdir())) == 2 * len(PAGES)        # a render and its entries
    monkeypatch.setattr(SearchIndex, "add_entry_from_context", lambda self, page: pytest.fail("read again"))
    index = SearchIndex()
    used = renders.index(pages, index)
    assert index.entries == plain.entries
    renders.keep_too(used)
    renders.finish(keep=True)
    assert len(list((tmp_path / "cache").iterdir())) == 2 * len(PAGES)
    assert page_renders.search_entries(pages, renders, SearchIndex)[0] == plain.entries


def test_search_entries_without_kept_renders_are_read_from_each_page(site):
    from material.plugins.search.plugin import SearchIndex

    config, files = site
    pages = _pages(config, files)
    plain = SearchIndex()
    for p in pages:
        Page.render(p, config, files)
        plain.add_entry_from_context(p)
    assert page_renders.search_entries(pages, None, SearchIndex) == (plain.entries, set())


def test_a_rendered_pages_html_is_kept_in_a_file_and_read_when_asked_for(site, tmp_path):
    """Not held in memory from its render to the end of the build: every reader (a plugin, the
    template) gets the same HTML, a plugin's change is kept, and the files go with the pages."""
    import gc
    config, files = site
    expected = _mkdocs(config, files)
    pages = _pages(config, files)
    renders = page_renders.Renders.start(pages, config, files, tmp_path / "cache")
    for p in pages:
        p.render(config, files)
    renders.finish(keep=True)
    assert all(isinstance(p, Page) and "content" not in vars(p) and "markdown" not in vars(p) for p in pages)
    assert [_state(p) for p in pages] == expected
    assert pages[0].markdown == _pages(config, files)[0].markdown
    pages[0].content = pages[0].content.replace("One", "Changed")         # a plugin's on_page_content
    assert "Changed" in pages[0].content and "Changed" not in pages[1].content
    pages[1].content = None
    assert pages[1].content is None
    folder = Path(renders.aside.name)
    assert folder.is_dir()
    del pages, renders, p
    gc.collect()
    assert not folder.exists()
