"""Freed memory handed back to the system (hooks/explainer/memory.py)."""
from __future__ import annotations

import platform

import pytest

from explainer import memory


@pytest.mark.skipif(platform.system() != "Linux" or platform.libc_ver()[0] != "glibc", reason="glibc only")
def test_glibc_hands_freed_memory_back():
    def resident() -> int:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1])
    big = ["x" * 1_000 + str(i) for i in range(100_000)]        # 100 MB in blocks of 1 KB
    pin = ["y" * 1_000 + str(i) for i in range(100)]           # above them: the heap's top stays in use
    del big
    held = resident()                                           # freed, but glibc keeps the pages
    assert memory.give_back() is True                           # malloc_trim: some memory was released
    assert resident() < held - 10_000                           # pages of 4 KB: more than 40 MB went back
    assert len(pin) == 100


def test_without_malloc_trim_it_does_nothing(monkeypatch):
    monkeypatch.setattr(memory, "_malloc_trim", lambda: None)
    assert memory.give_back() is False
