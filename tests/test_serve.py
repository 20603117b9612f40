"""`mkdocs serve` survives a broken seed: the error in the terminal, the server still answering, the fix live again;
stopped with Ctrl-C, it leaves no temporary folder behind."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

from support import free_port, stop

LIMIT = 60          # seconds for the whole test


def fetch(url: str, timeout: float = 10) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return r.status, r.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, ""


def test_serve_survives_a_broken_seed(project_copy, tmp_path):
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    seed = sorted((project_copy / "seeds").glob("*.md"))[0]
    scratch = tmp_path / "tmp"              # the server's temporary directory, to see what it leaves
    scratch.mkdir()
    good = seed.read_text(encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"], cwd=project_copy,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "", "TMPDIR": str(scratch)})
    out: list[str] = []
    threading.Thread(target=lambda: out.extend(iter(proc.stdout.readline, "")), daemon=True).start()
    deadline = time.monotonic() + LIMIT

    def wait_for(what: str, since: int = 0) -> int:
        while time.monotonic() < deadline:
            for i in range(since, len(out)):
                if what in out[i]:
                    return i + 1
            assert proc.poll() is None, "the server stopped:\n" + "".join(out)
            time.sleep(0.1)
        raise AssertionError(f"no {what!r} within {LIMIT} s:\n" + "".join(out))

    try:
        n = wait_for("Serving on")
        status, page = fetch(url + "sources/")
        assert status == 200 and "'unsafe-inline'" in page       # the preview policy lets live reload run

        seed.write_text(good.replace("published: ", "published: 2023-02-30\nx_published: ", 1), encoding="utf-8")
        n = wait_for("An error happened during the rebuild", wait_for(f"seeds/{seed.name}:", n) - 1)
        printed = "".join(out[n - 8:n])
        assert f"seeds/{seed.name}:" in printed and "is not a real date" in printed and "unknown key 'x_published'" in printed
        assert "Traceback" not in "".join(out)
        assert proc.poll() is None
        socket.create_connection(("127.0.0.1", port), timeout=5).close()   # still listening
        # MkDocs 1.6 holds page requests while the last rebuild failed; this one is answered after the fix.
        waiting: list[int] = []
        asker = threading.Thread(target=lambda: waiting.append(fetch(url + "timeline/", timeout=LIMIT)[0]), daemon=True)
        asker.start()

        title = next(line for line in good.splitlines() if line.startswith("title:"))
        seed.write_text(good.replace(title, "title: Fixed while serving", 1), encoding="utf-8")
        wait_for("Reloading browsers", n)
        assert "Fixed while serving" in fetch(url + "sources/")[1]
        asker.join(timeout=max(1.0, deadline - time.monotonic()))
        assert waiting == [200]
        assert "Traceback" not in "".join(out)
    finally:
        stop(proc)
    assert proc.returncode == 0
    assert not list(scratch.iterdir())      # MkDocs' site and the hooks' rendered pages removed
