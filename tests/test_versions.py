"""Dependencies at versions with known fixes, installed from a hashed lock."""
from __future__ import annotations

import re
from importlib.metadata import version

from packaging.specifiers import SpecifierSet
from packaging.version import Version

from conftest import ROOT

RULES = {
    "mkdocs": ">=1.6.1,<2",             # MkDocs 2 drops the plugin/hook API this project is built on
    "mkdocs-material": ">=9.7.7,<10",   # 9.7.7 fixes a cross-site scripting flaw in search
}


def test_installed_versions():
    for name, spec in RULES.items():
        assert Version(version(name)) in SpecifierSet(spec), f"{name} {version(name)} is not {spec}"


def test_lock_pins_them_with_hashes():
    lock = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    blocks = re.split(r"\n(?=\S)", lock)
    pins = {m.group(1).lower(): (m.group(2), b) for b in blocks if (m := re.match(r"([A-Za-z0-9_.-]+)==(\S+)", b))}
    for name, spec in RULES.items():
        pinned, block = pins[name]
        assert Version(pinned) in SpecifierSet(spec), f"requirements.txt pins {name}=={pinned}, not {spec}"
    assert all("--hash=sha256:" in block for _, block in pins.values()), "every pin carries its hashes"
    assert "--require-hashes" in (ROOT / "Makefile").read_text(encoding="utf-8")
