"""What a build publishes is kept whole (published.py): a rebuild of the same inputs reads it and
skips the engine, and any input that changes gives a new build, never the kept pages."""
from __future__ import annotations

import dataclasses
import os

import pytest

from explainer import published
from explainer.extract.run import start
from support import copy_project, repo_settings

WRITTEN = {"docs/index.md": "# Home\n\n<!-- explainer:arrivals -->\n", "docs/about.md": "# About\n\nWritten.\n"}


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.delenv("EXPLAINER_CACHE", raising=False)
    return copy_project(tmp_path / "p")


def publish(root, written=WRITTEN, settings=None, **kw):
    """publish(), kept as the hooks keep it (with the calendar made aside), and whether it was built."""
    settings = settings or repo_settings()
    done = published.publish(root, settings, dict(written), started=start(root, settings), **kw)
    built = bool(done.later) or done.folder is not None
    done.wait()
    done.keep()
    return done, built


def data(done) -> dict[str, bytes]:
    """Its pages and data files, as MkDocs would read them."""
    return {path: file.read_bytes() for path, file in done.on_disk().items()}


def same(a, b) -> bool:
    return (a.written, a.notes, a.summary, data(a)) == (b.written, b.notes, b.summary, data(b))


def test_a_rebuild_of_the_same_inputs_reads_what_was_kept(project, monkeypatch):
    first, built = publish(project)
    assert built and b"BEGIN:VCALENDAR" in data(first)["data/timeline.ics"]
    assert data(first)["timeline.md"].startswith(b"---\n")                       # the pages written aside too
    assert "explainer:arrivals" not in first.written["docs/index.md"]          # the marker filled
    monkeypatch.setattr(published, "build_site", lambda *a, **k: pytest.fail("the engine ran again"))
    again, built = publish(project)
    assert not built and same(again, first)


@pytest.mark.parametrize("change", ["seed", "corrections", "glossary", "written", "site_url", "topic"])
def test_any_changed_input_builds_again(project, change):
    first, _ = publish(project)
    first_data = data(first)                 # its folder goes when another build is kept
    written, kw, settings = dict(WRITTEN), {}, None
    if change == "seed":
        seed = sorted((project / "seeds").glob("*.md"))[0]
        seed.write_text(seed.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
    elif change == "corrections":
        (project / "corrections.yml").write_text("[]\n", encoding="utf-8")
    elif change == "glossary":
        glossary = project / "docs" / "glossary.md"
        glossary.write_text(glossary.read_text(encoding="utf-8") + "\n*[ZZQ]: A test abbreviation\n", encoding="utf-8")
    elif change == "written":
        written["docs/about.md"] = "# About\n\nWritten again.\n"
    elif change == "site_url":
        kw["site_url"] = "https://example.org/other/"
    else:
        base = repo_settings()
        settings = dataclasses.replace(base, topic=dataclasses.replace(base.topic, name="Another name"))
    again, built = publish(project, written, settings, **kw)
    assert built
    if change == "written":
        assert "Written again." in again.written["docs/about.md"]
    if change == "site_url":
        assert b"example.org/other" in data(again)["data/timeline.ics"] and data(again) != first_data


def test_nothing_is_kept_with_the_cache_off(project, monkeypatch):
    monkeypatch.setenv("EXPLAINER_CACHE", "0")
    publish(project)
    _, built = publish(project)
    assert built and not (project / published.FOLDER).exists()


def test_only_the_last_build_is_kept(project):
    publish(project)
    done, _ = publish(project, site_url="https://example.org/")
    assert sorted(e.name for e in (project / published.FOLDER).iterdir()) == [done.key, f"{done.key}.pickle"]


def test_a_damaged_data_file_builds_again(project, monkeypatch):
    """The data files are kept beside the entry, each checked against its SHA-256 before it is used."""
    first, _ = publish(project)
    kept = project / published.FOLDER / first.key / "data" / "timeline.json"
    assert kept.read_bytes() == data(first)["data/timeline.json"]
    kept.write_bytes(kept.read_bytes().replace(b"2023", b"2024", 1))
    again, built = publish(project)
    assert built and same(again, first)


def test_with_the_cache_off_the_data_files_go_with_the_build(project, monkeypatch):
    """Written into a temporary folder, removed once what was published is let go."""
    import gc
    monkeypatch.setenv("EXPLAINER_CACHE", "0")
    done, _ = publish(project)
    folder = done.data
    assert folder.is_dir() and not folder.is_relative_to(project)
    del done
    gc.collect()
    assert not folder.exists()


@pytest.mark.parametrize("threads", [1, 2])
def test_articles_missing_from_their_cache_are_stored_again_when_the_site_was_kept(project, monkeypatch, threads):
    """The articles' entries gone but the site's kept (its key holds their keys): the kept site is
    published, and the articles read again are stored, so that the next build starts no worker;
    by workers, or in this process where none can be forked (another thread running)."""
    import shutil

    from explainer import forked
    monkeypatch.setattr(forked.threading, "active_count", lambda: threads)

    from explainer import cache
    first, _ = publish(project)
    shutil.rmtree(project / cache.FOLDER)
    monkeypatch.setattr(published, "build_site", lambda *a, **k: pytest.fail("the engine ran again"))
    again, built = publish(project)
    assert not built and same(again, first)
    seeds = len(list((project / "seeds").glob("*.md")))
    assert len(list((project / cache.FOLDER).glob("*.pickle"))) == seeds
    assert start(project, repo_settings()).extraction is None


def test_a_file_saved_while_the_build_read_it_is_not_kept_under_the_old_key(project, monkeypatch):
    """An editor saves the glossary while the articles are extracted: the pages may hold either text,
    so they are not kept; the next build makes them again."""
    glossary = project / "docs" / "glossary.md"
    before = glossary.read_text(encoding="utf-8")
    build_site = published.build_site

    def saved_meanwhile(*args, **kwargs):
        glossary.write_text(before + "\n*[ZZQ]: Saved meanwhile\n", encoding="utf-8")
        return build_site(*args, **kwargs)

    monkeypatch.setattr(published, "build_site", saved_meanwhile)
    done, built = publish(project)
    assert built and done.folder is None
    monkeypatch.setattr(published, "build_site", build_site)
    glossary.write_text(before, encoding="utf-8")
    again, built = publish(project)
    pages = {path: text for path, text in data(again).items() if path.endswith(".md")}
    assert built and "timeline.md" in pages and b"ZZQ" not in b"".join(pages.values())


def test_a_changed_template_builds_again(project, tmp_path, monkeypatch):
    """The chart's template is not code, but the pages are written with it."""
    import shutil

    from explainer import cache
    engine = tmp_path / "engine"
    shutil.copytree(cache.ENGINE_DIR, engine, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "ENGINE_DIR", engine)
    publish(project)
    assert not publish(project)[1]
    template = engine / "pages" / "templates" / "arrivals.svg.j2"
    template.write_text(template.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert publish(project)[1]


def test_a_folder_another_running_build_writes_into_is_left_and_a_failed_build_leaves_none(project):
    """`keep` prunes the cache's folder: a folder a build still running writes its pages into stays (its
    MkDocs reads them until it ends); one of a build that ended, or of this process, goes; and a build
    that stops on an editor's mistake leaves no folder behind."""
    import subprocess
    import sys

    from explainer import cache
    from explainer.errors import SeedError
    folder = project / published.FOLDER
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    names = [f"{cache.WRITING}{os.getppid()}-a", f"{cache.WRITING}{ended.stdout.strip()}-b", f"{cache.WRITING}{os.getpid()}-c"]
    for name in names:
        (folder / name).mkdir(parents=True)
    done, built = publish(project)
    assert built and sorted(p.name for p in folder.iterdir()) == sorted([names[0], done.key, done.key + ".pickle"])
    with pytest.raises(SeedError):
        publish(project, written={"docs/index.md": "# Home\n\n<!-- explainer:no_such_marker -->\n"})
    assert sorted(p.name for p in folder.iterdir()) == sorted([names[0], done.key, done.key + ".pickle"])
