"""Two builds of the same sources, in different folders, hash seeds and time zones, are byte-identical."""
from __future__ import annotations

import gzip
import os
import struct
import subprocess
import sys
from pathlib import Path

from support import copy_project

EPOCH = "1696118400"      # 2023-10-01T00:00:00Z


def build(where: Path, hashseed: str, tz: str) -> Path:
    copy_project(where)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCH, "PYTHONHASHSEED": hashseed, "TZ": tz}
    env.pop("SITE_URL", None)
    r = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(where / "site")], cwd=where,
                       env=env, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    return where / "site"


def tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical(tmp_path):
    a = tree(build(tmp_path / "one", "1", "UTC"))
    b = tree(build(tmp_path / "elsewhere" / "two", "4242", "Pacific/Kiritimati"))
    assert sorted(a) == sorted(b)
    differ = [name for name in a if a[name] != b[name]]
    assert differ == [], differ
    # The gzip header's mtime and the sitemap's dates come from SOURCE_DATE_EPOCH, not the clock.
    assert struct.unpack("<I", a["sitemap.xml.gz"][4:8])[0] == int(EPOCH)
    assert b"<lastmod>2023-10-01</lastmod>" in a["sitemap.xml"]
    assert gzip.decompress(a["sitemap.xml.gz"]) == a["sitemap.xml"]
    assert not any(str(tmp_path).encode() in data for data in a.values())
