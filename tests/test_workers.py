"""Extraction in worker processes (explainer/extract/run.py): the same yields as in one process,
and workers only where they can run."""
from __future__ import annotations

import multiprocessing
import os
import shutil

import pytest

from conftest import ROOT
from support import repo_settings
from explainer.errors import SeedError
from explainer import forked
from explainer.extract import run
from explainer.read.seeds import load_seeds
from explainer.settings import Settings


def _stopped(pool) -> bool:
    try:
        pool.apply(len, ((),))
    except ValueError:                   # "Pool not running"
        return True
    return False


def test_workers_yield_what_one_process_yields():
    articles = load_seeds(ROOT / "seeds")
    pool = multiprocessing.get_context("fork").Pool(2)
    extraction = run.Extraction.start(pool, articles, repo_settings())
    assert extraction.result(articles) == run.extract_all(articles, repo_settings())
    assert _stopped(pool)


def test_nothing_to_extract_stops_the_workers():
    pool = multiprocessing.get_context("fork").Pool(1)
    assert run.Extraction.start(pool, [], repo_settings()) is None
    assert _stopped(pool)


def test_workers_start_only_for_a_build_that_lacks_entries(tmp_path, monkeypatch):
    monkeypatch.setattr(run, "cores", lambda: 2)
    monkeypatch.setattr(forked.threading, "active_count", lambda: 1)     # the browser tests' server runs beside
    seeds, folder = tmp_path / "seeds", tmp_path / "cache"
    shutil.copytree(ROOT / "seeds", seeds)
    n = len(list(seeds.glob("*.md")))
    folder.mkdir()
    for i in range(n):
        (folder / f"{i}.pickle").write_bytes(b"")
    assert run.prestart(seeds, folder) is None                  # a rebuild: `start` decides
    edited = sorted(seeds.glob("*.md"))[0]
    os.utime(edited, (edited.stat().st_atime, max(e.stat().st_mtime for e in folder.iterdir()) + 1))
    pool = run.prestart(seeds, folder)                           # a seed saved since: an editor's change
    assert pool is not None
    pool.terminate()
    os.utime(edited, (edited.stat().st_atime, edited.stat().st_mtime - 10))
    assert run.prestart(seeds, folder) is None
    (folder / "0.pickle").unlink()
    for cache_folder in (folder, None):                         # an entry missing, or no cache
        pool = run.prestart(seeds, cache_folder)
        assert pool is not None
        pool.terminate()
    for extra in sorted(seeds.glob("*.md"))[1:]:
        extra.unlink()
    assert run.prestart(seeds, None) is None                     # one article: not worth a worker


def test_no_workers_on_one_core_or_beside_another_thread(monkeypatch):
    monkeypatch.setattr(run, "cores", lambda: 1)
    assert run._pool(5) is None                                 # the one core is the parent's
    monkeypatch.setattr(run, "cores", lambda: 4)
    monkeypatch.setattr(forked.threading, "active_count", lambda: 2)
    assert run._pool(50) is None                                # fork beside a thread is unsafe


def test_a_seed_problem_stops_workers_started_early(tmp_path):
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    (tmp_path / "seeds" / "broken.md").write_text("no front matter\n", encoding="utf-8")
    pool = multiprocessing.get_context("fork").Pool(1)
    with pytest.raises(SeedError):
        run.start(tmp_path, repo_settings(), use_cache=False, pool=pool)
    assert _stopped(pool)


def test_a_build_that_reads_no_article_imports_no_extractor(tmp_path):
    """Every article from the cache: the engine that builds the pages never imports the extractors
    (compiling their patterns would cost a rebuild about as much as the pages themselves)."""
    import subprocess
    import sys
    probe = ("import sys, importlib, pkgutil\n"
             "import explainer.build, explainer.pages as p\n"
             "for m in pkgutil.iter_modules(p.__path__): importlib.import_module('explainer.pages.' + m.name)\n"
             "for m in ('publish', 'a11y', 'csp'): importlib.import_module('explainer.html.' + m)\n"
             "print(sorted(m for m in sys.modules if m.startswith('explainer.extract.')))\n")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(ROOT / "hooks")}).stdout
    assert out.strip() == "['explainer.extract.run', 'explainer.extract.words']"


def test_articles_given_to_the_workers_as_they_are_read_yield_what_one_process_yields(tmp_path):
    """A first build gives each article to the workers as soon as it is read (the rest are read meanwhile);
    with a warm cache, only the articles it lacks are given."""
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    settings = repo_settings()
    alone = run.extract_all(load_seeds(tmp_path / "seeds"), settings)
    reading = run.start(tmp_path, settings, use_cache=True, pool=multiprocessing.get_context("fork").Pool(2))
    assert reading.extraction is not None and reading.extraction.given == len(alone)
    assert reading.finish()[1] == alone
    seed = sorted((tmp_path / "seeds").glob("*.md"))[1]
    seed.write_text(seed.read_text(encoding="utf-8") + "\nOn 2 October 2023, 1,234 people reached Goris.\n", encoding="utf-8")
    pool = multiprocessing.get_context("fork").Pool(1)
    reading = run.start(tmp_path, settings, use_cache=True, pool=pool)
    assert reading.extraction.given == 1
    assert reading.finish()[1] == run.extract_all(load_seeds(tmp_path / "seeds"), settings)
    assert _stopped(pool)
    pool = multiprocessing.get_context("fork").Pool(1)
    assert run.start(tmp_path, settings, use_cache=True, pool=pool).extraction is None    # all in the cache
    assert _stopped(pool)


def test_the_articles_yields_are_let_go_before_mkdocs_renders_the_pages(project_copy):
    """At 10,000 articles they are a third of the engine's memory; once the pages are made, nothing needs them."""
    from conftest import mkdocs
    probe = project_copy / "hooks" / "probe_hooks.py"
    probe.write_text("def on_post_page(output, page, config):\n"
                     "    with open('probe.txt', 'a') as f:\n"
                     "        f.write(repr(config['explainer_started'][1]) + '\\n')\n"
                     "    return output\n", encoding="utf-8")
    config = project_copy / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - hooks/site_hooks.py\n", "  - hooks/site_hooks.py\n  - hooks/probe_hooks.py\n"))
    r = mkdocs("build", "-q", "-d", str(project_copy / "site"), cwd=project_copy)
    assert r.returncode == 0, r.stderr
    held = (project_copy / "probe.txt").read_text().split()
    assert held and set(held) == {"None"}


def test_a_text_made_later_in_a_child_is_the_text_made_at_once(monkeypatch):
    monkeypatch.setattr(forked.threading, "active_count", lambda: 1)     # the browser tests' server runs beside
    parent = os.getpid()
    later = forked.Later(lambda: f"made in {'a child' if os.getpid() != parent else 'the parent'}")
    assert later.result() == "made in a child"
    assert later.result() == "made in a child"                         # kept once received
    monkeypatch.setattr(forked.threading, "active_count", lambda: 2)     # beside a thread: made at once
    assert forked.Later(lambda: f"made in {'a child' if os.getpid() != parent else 'the parent'}").result() \
        == "made in the parent"


def test_a_failure_made_later_is_raised_where_the_text_is_asked_for(monkeypatch):
    monkeypatch.setattr(forked.threading, "active_count", lambda: 1)

    def broken() -> str:
        raise ValueError("no calendar today")

    later = forked.Later(broken)
    with pytest.raises(forked.LaterError, match="ValueError: no calendar today"):
        later.result()
    died = forked.Later(lambda: os._exit(3))
    with pytest.raises(forked.LaterError, match="exit code 3"):
        died.result()


def test_parts_of_a_mapping_made_later_come_from_one_child(monkeypatch):
    monkeypatch.setattr(forked.threading, "active_count", lambda: 1)
    made = []
    later = forked.Later(lambda: {"a": os.getpid(), "b": "two", "n": made.append(1) or len(made)})
    parts = {key: later.part(key) for key in ("a", "b", "n")}
    assert parts["b"].result() == "two" and parts["a"].result() != os.getpid() and parts["n"].result() == 1
    assert made == []                                          # made in the child, once


def test_the_data_files_made_aside_are_those_made_at_once(tmp_path, monkeypatch):
    """build_site(aside=folder) writes the data files into the folder from a child while the pages are
    written there, each once finished: the same texts, byte for byte, with their SHA-256."""
    import hashlib
    from explainer.build import DATA_FILES, build_site
    from support import copy_project, repo_settings
    monkeypatch.setattr(forked.threading, "active_count", lambda: 1)
    root = copy_project(tmp_path / "p")
    at_once = build_site(root, repo_settings(), use_cache=False)
    aside = build_site(root, repo_settings(), use_cache=False, aside=tmp_path / "data")
    assert list(aside.later) == list(DATA_FILES) and not aside.files
    hashes = {path: part.result() for path, part in aside.later.items()}     # written once this returns
    written = {path: (tmp_path / "data" / path).read_bytes() for path in DATA_FILES}
    assert written == {path: text.encode("utf-8") for path, text in at_once.files.items()}
    assert hashes == {path: hashlib.sha256(raw).hexdigest() for path, raw in written.items()}
    assert not aside.pages and list(aside.aside) == list(at_once.pages)
    pages = {path: (tmp_path / "data" / path).read_bytes() for path in aside.aside}
    assert pages == {path: text.encode("utf-8") for path, text in at_once.pages.items()}
    assert aside.aside == {path: hashlib.sha256(raw).hexdigest() for path, raw in pages.items()}


def test_a_child_told_to_stop_removes_its_temporary_folders(tmp_path, monkeypatch):
    """A failed build exits and its children get SIGTERM: what `make` made in a `with` block goes."""
    import tempfile
    import time
    monkeypatch.setattr(forked.threading, "active_count", lambda: 1)
    where = tmp_path / "where"

    def make():
        with tempfile.TemporaryDirectory(dir=tmp_path) as scratch:
            where.write_text(scratch, encoding="utf-8")
            time.sleep(60)

    later = forked.Later(make)
    deadline = time.monotonic() + 30
    while not where.exists() or not where.read_text(encoding="utf-8"):
        assert time.monotonic() < deadline
        time.sleep(0.02)
    scratch = where.read_text(encoding="utf-8")
    later._child.terminate()
    later._child.join(10)
    assert not os.path.exists(scratch)


def test_every_part_of_a_failed_mapping_raises(monkeypatch):
    monkeypatch.setattr(forked.threading, "active_count", lambda: 1)

    def broken() -> dict:
        raise ValueError("no data today")

    later = forked.Later(broken)
    for key in ("a", "b"):
        with pytest.raises(forked.LaterError, match="no data today"):
            later.part(key).result()
