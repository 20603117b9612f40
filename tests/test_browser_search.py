"""Search in Chromium with Pagefind behind Material's box (hooks/explainer/html/search.py; the real
seeds alone keep Material's search, so these sites are built with EXPLAINER_SEARCH=pagefind): what a
reader's first search downloads and how long it takes on a phone profile, and that results show a
seed's characters as text.

Phone profile: 375 px, touch, and the CPU slowed 4 times through CDP (`Emulation.setCPUThrottlingRate`).
CDP slows a page's own thread only ("Operation is only supported for pages, not workers"), so here
the search worker runs on the page's thread (`ON_THE_PAGE` below, test-only): every step of the
search is slowed, which is stricter than a phone, where the worker has a core of its own.
"""
from __future__ import annotations

import functools
import json
import re
import threading
import time
from http.server import ThreadingHTTPServer
from urllib.parse import urlparse

import pytest

from conftest import _Site
from markup import scan
from support import ROOT, copy_project
from test_browser import PHONE, _search
from test_hostile import HOSTILE, MARK
from test_search import build_with, pagefind_site  # noqa: F401 - a fixture

from explainer.html import search

pytestmark = pytest.mark.browser

SEARCH_FILES = re.compile(r"/search/search_index\.json$|/workers/search-pagefind\.[0-9a-f]+\.js$|/pagefind/")

# Material starts its search worker with `new Worker(url)`; this runs that script on the page's thread
# instead (its `self`, `addEventListener` and `postMessage` given to it), so that CDP's throttling
# reaches the search. Needs `bypass_csp` (new Function); tests/test_csp.py checks the real worker.
ON_THE_PAGE = r"""
(() => {
  const Real = window.Worker;
  window.Worker = function (url, options) {
    if (!String(url).includes("workers/search-pagefind")) return new Real(url, options);
    const href = new URL(url, location.href).href;
    const toPage = [], toWorker = [];
    const later = (listeners, data) => setTimeout(() => listeners.forEach(f => f({ data })), 0);
    fetch(href).then(r => r.text()).then(source => new Function("self", "addEventListener", "postMessage", source)(
      { location: new URL(href) }, (type, f) => toWorker.push(f), data => later(toPage, data)));
    return { addEventListener: (type, f) => toPage.push(f), removeEventListener() {}, terminate() {},
             postMessage: data => later(toWorker, data) };
  };
})();
"""


def first_search(browser, origin: str, word: str) -> tuple[float, int, list[str]]:
    """A new reader (nothing cached) on a phone opens Home and searches `word`: seconds from the last
    key to the first result shown, bytes of the search's files fetched, and the results' links."""
    context = browser.new_context(**PHONE, bypass_csp=True)
    context.add_init_script(ON_THE_PAGE)
    page = context.new_page()
    context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
    fetched: dict[str, int] = {}
    page.on("requestfinished", lambda r: fetched.__setitem__(r.url, r.sizes()["responseBodySize"])
            if SEARCH_FILES.search(r.url.split("?")[0]) else None)
    page.goto(origin + "/", wait_until="load")
    page.locator("label[for=__search]").first.click()          # on a phone the search box opens first
    page.wait_for_timeout(300)
    _search_typed(page, word)
    start = time.perf_counter()
    page.wait_for_selector(".md-search-result__item", timeout=30_000)
    took = time.perf_counter() - start
    links = page.eval_on_selector_all(".md-search-result__item a", "els => els.map(e => e.href)")
    context.close()
    return took, sum(fetched.values()), links


def _search_typed(page, word: str) -> None:
    page.keyboard.type(word, delay=20)


@pytest.mark.parametrize("word", ["Hakari", "Kornidzor", "Vardanian"])
def test_a_first_search_on_a_phone_downloads_little_and_finds_the_word(browser, pagefind_origin, word):
    """Bytes, not seconds: tests do not time things (the time to the first result on a phone profile
    is measured by hand and in DESIGN.md, "Search"; `make bench` prints what a first search fetches)."""
    _, size, links = first_search(browser, pagefind_origin, word)
    assert links
    assert 0 < size <= 512_000, f"{size} bytes"         # the whole search, real seeds: about 0.16 MB


@pytest.fixture(scope="module")
def origin_in_parts(tmp_path_factory):
    """The real project built with Pagefind's index in parts (each of at most 20,000 characters of documents)."""
    site = build_with(ROOT, "pagefind", tmp_path_factory.mktemp("parts-site"), EXPLAINER_SEARCH_PART="20000")
    server, origin = serve(site)
    yield origin, site
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("word", ["Hakari", "Kornidzor", "Vardanian"])
def test_an_index_in_parts_finds_what_the_whole_one_finds(browser, pagefind_origin, origin_in_parts, word):
    """The worker merges every part listed in parts.json: the same pages found as with one index."""
    origin, site = origin_in_parts
    assert len(json.loads((site / "pagefind" / search.PARTS).read_text(encoding="utf-8"))) >= 3
    _, _, links = first_search(browser, origin, word)
    _, _, whole = first_search(browser, pagefind_origin, word)
    page_of = lambda link: urlparse(link).path.split("#")[0].rstrip("/").rsplit("/", 1)[-1]    # noqa: E731
    assert links and {page_of(link) for link in links} == {page_of(link) for link in whole}


def test_the_worker_escapes_what_it_shows(browser, pagefind_origin):
    """Material renders a result's title and text as HTML: the worker escapes them, keeping only
    Pagefind's <mark> around the words found (its excerpt has `<` and `>` as entities already)."""
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.goto(pagefind_origin + "/404.html", wait_until="load")
    page.add_script_tag(content=search.WORKER.read_text(encoding="utf-8"))
    shown = page.evaluate("""() => [
        excerptHtml("a <mark>Hakari</mark> &lt;script&gt;alert(1)&lt;/script&gt; & \\"b\\" <img src=x>"),
        escapeHtml("<b onclick=alert(2)>T</b> & 'q'")]""")
    context.close()
    assert shown == ["a <mark>Hakari</mark> &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;b&quot; &lt;img src=x&gt;",
                     "&lt;b onclick=alert(2)&gt;T&lt;/b&gt; &amp; &#39;q&#39;"]


def serve(site):
    """The built site on 127.0.0.1 under its site_url's path, as conftest's `origin` serves it."""
    locs = re.findall(r"<loc>([^<]+)</loc>", (site / "sitemap.xml").read_text(encoding="utf-8"))
    prefix = min((urlparse(u).path for u in locs), key=len)
    handler = type("Handler", (_Site,), {"prefix": prefix})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{prefix.rstrip('/')}"


@pytest.fixture(scope="module")
def pagefind_origin(pagefind_site):
    server, origin = serve(pagefind_site)
    yield origin
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def hostile_origin(tmp_path_factory):
    """The project with the hostile seed of tests/test_hostile.py, built with Pagefind and served."""
    proj = copy_project(tmp_path_factory.mktemp("hostile-search"))
    (proj / "seeds" / "zz-hostile.md").write_text(HOSTILE, encoding="utf-8")
    server, origin = serve(build_with(proj, "pagefind", proj / "site"))
    yield origin
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("word", ["alert", "script", "onerror"])
def test_results_show_a_seeds_markup_as_text(browser, hostile_origin, word):
    context = browser.new_context()
    page = context.new_page()
    page.goto(hostile_origin + "/", wait_until="networkidle")
    _search(page, word)
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    page.wait_for_timeout(300)
    results = page.inner_html(".md-search-result__list")
    text = page.inner_text(".md-search-result__list")
    context.close()
    s = scan(results, MARK)
    assert not s.bad, s.bad
    assert s.tags <= {"li", "a", "article", "div", "h1", "h2", "p", "mark", "details", "summary", "del", "nav", "span"}, s.tags
    assert MARK in text                                   # the payload is there, as text


# --- the site's other search checks, on the site built with Pagefind ----------------------------
# (tests/test_browser*.py and tests/test_csp.py run them on the real seeds, with Material's search)

from test_browser import test_axe_finds_no_serious_violation as _axe_everywhere  # noqa: E402
from test_browser import test_no_request_leaves_the_site as _stays_on_the_site  # noqa: E402
from test_browser import test_search_finds_generated_content as _finds  # noqa: E402
from test_browser_reader import test_a_search_results_page_title_highlights_the_words as _title_words  # noqa: E402
from test_browser_timeline import test_a_search_result_opens_at_the_entry as _opens_at_entry  # noqa: E402
from test_csp import test_no_violation_on_any_page_and_search_works as _no_violation  # noqa: E402


@pytest.fixture(scope="module")
def pagefind_paths(pagefind_site) -> list[str]:
    pages = sorted("/" + p.parent.relative_to(pagefind_site).as_posix().strip(".") for p in pagefind_site.rglob("index.html"))
    return [p if p.endswith("/") else p + "/" for p in pages] + ["/404.html"]


@pytest.mark.parametrize("word, page_path", [("Hakari", None), ("Kornidzor", None), ("Vardanian", "/timeline/")])
def test_pagefind_finds_generated_content(browser, pagefind_origin, pagefind_site, word, page_path):
    _finds(browser, pagefind_origin, pagefind_site, word, page_path)


def test_pagefind_result_opens_at_the_entry(browser, pagefind_origin):
    _opens_at_entry(browser, pagefind_origin)


@pytest.mark.parametrize("word", ["Kornidzor", "Hakari"])
def test_pagefind_results_page_title_highlights_the_words(browser, pagefind_origin, word):
    _title_words(browser, pagefind_origin, word)


def test_pagefind_search_stays_on_the_site(browser, pagefind_origin, pagefind_paths):
    _stays_on_the_site(browser, pagefind_origin, pagefind_paths)


def test_pagefind_search_breaks_no_policy(browser, pagefind_origin, pagefind_site):
    _no_violation(browser, pagefind_origin + "/", pagefind_site)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_pagefind_results_pass_axe(browser, pagefind_origin, pagefind_paths, scheme):
    _axe_everywhere(browser, pagefind_origin, pagefind_paths, scheme)
