"""Bad seeds stop `make check` and `mkdocs build --strict` (also with -q and -v) with every problem, never a traceback."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import mkdocs

BROKEN = {
    "zz-date.md": "---\ntitle: T\noutlet: O\npublished: 2023-13-45\n---\nText here.\n",
    "zz-yaml.md": "---\ntitle: [T\noutlet: O\npublished: 2023-09-30\n---\nOther text here.\n",
    "zz-typo.md": "---\ntitle: T\noutlet: O\npublished: 2023-09-30\noutlett: O\n---\nA third text.\n",
}
EXPECTED = [
    "seeds/zz-date.md:4: 'published: 2023-13-45' is not a real date",
    "seeds/zz-typo.md:5: unknown key 'outlett': did you mean 'outlet'?",
    "seeds/zz-yaml.md:3: front matter is not valid YAML (column 7): expected ',' or ']', but got ':' "
    "(while parsing a flow sequence that starts on line 2, column 8)",
]


@pytest.fixture
def broken(project_copy):
    for name, text in BROKEN.items():
        (project_copy / "seeds" / name).write_text(text, encoding="utf-8")
    return project_copy


def test_check_lists_every_problem(broken):
    r = subprocess.run([sys.executable, "-m", "explainer", "--root", str(broken), "check"], capture_output=True,
                       text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(broken / "hooks")})
    assert r.returncode == 1
    for line in EXPECTED:
        assert line in r.stderr, r.stderr
    assert "3 problem(s) found." in r.stderr and "Traceback" not in r.stderr


@pytest.mark.parametrize("flag", [None, "-q", "-v"])
def test_strict_build_fails_with_every_problem(broken, tmp_path, flag):
    r = mkdocs("build", "--strict", *([flag] if flag else []), "-d", str(tmp_path / "out"), cwd=broken)
    assert r.returncode == 1
    for line in EXPECTED:
        assert line in r.stderr, r.stderr
    assert "Traceback" not in r.stderr
    assert not (tmp_path / "out" / "index.html").exists()


@pytest.mark.parametrize("flag", [None, "-q", "-v"])
def test_strict_fails_on_a_warning_with_q_and_v(project_copy, tmp_path, flag):
    """MkDocs 1.6 drops warnings under -q and skips anchor checks under -v; the hooks keep both counted."""
    page = project_copy / "docs" / "data.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[x](timeline.md#no-such-anchor)\n", encoding="utf-8")
    r = mkdocs("build", "--strict", *([flag] if flag else []), "-d", str(tmp_path / "out"), cwd=project_copy)
    assert r.returncode == 1, r.stderr[-2000:]
    assert "does not contain an anchor '#no-such-anchor'" in r.stderr
    assert "Aborted with 1 warnings in strict mode!" in r.stdout + r.stderr
    if flag == "-q":
        assert "INFO" not in r.stderr
