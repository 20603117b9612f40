from __future__ import annotations

import functools
import os
import re
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlparse

import pytest

from support import ROOT, copy_project

sys.path.insert(0, str(ROOT / "hooks"))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def mkdocs(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mkdocs", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, timeout=300)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    r = mkdocs("build", "--strict", "-d", str(out))
    assert r.returncode == 0, r.stderr
    return out


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A copy of the project (mkdocs.yml, docs, hooks, seeds) to break on purpose."""
    return copy_project(tmp_path)


# --- the browser tests' browser and server (one each for the session) ---------------------------

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]


class _Site(SimpleHTTPRequestHandler):
    """The site under its own path (as GitHub Pages serves it, e.g. /karabakh-explainer/): the 404
    page links its assets from that path, since it is served at any address."""
    prefix = "/"

    def translate_path(self, path):
        return super().translate_path("/" + path[len(self.prefix):] if path.startswith(self.prefix) else "/__outside__")

    def send_error(self, code, message=None, explain=None):
        if code == 404 and (Path(self.directory) / "404.html").exists():    # as GitHub Pages does
            body = (Path(self.directory) / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().send_error(code, message, explain)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def origin(built_site):
    """The built site served from 127.0.0.1 on a free port, under site_url's path, for the session."""
    locs = re.findall(r"<loc>([^<]+)</loc>", (built_site / "sitemap.xml").read_text(encoding="utf-8"))
    prefix = min((urlparse(u).path for u in locs), key=len)
    handler = type("Handler", (_Site,), {"prefix": prefix})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(built_site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}{prefix.rstrip('/')}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        message = f"{CHROMIUM} not found: install Debian's Chromium with `sudo apt-get install -y chromium`"
        if os.environ.get("EXPLAINER_REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()
