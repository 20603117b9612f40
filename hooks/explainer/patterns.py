"""Compiled regular expressions kept beside a module's bytecode, so that a process importing the
extractors does not compile their patterns again.

Python's `re` compiles a pattern in Python code, and the extractors' few hundred patterns (62,000
characters) take about 0.25 s to compile: half of what a worker does in a small first build, while
MkDocs waits for it. `Programs(__file__)` gives a module a `compile` like `re.compile`; the first
import compiles as `re` does (its parser and code generator) and `save()`, at the end of the
module, writes each pattern's program to `__pycache__/<module>.<interpreter>.patterns`, with marshal,
as Python writes bytecode (not when it writes none). A later import reads the programs and only
hands them to `_sre`, which checks every program it is given. The file is keyed on the exact
interpreter version and `_sre`'s format; an entry on the pattern's text and flags, so an edited
pattern is compiled afresh and a file from another Python is ignored. Where any of this is
missing or fails, `compile` is `re.compile`: the patterns, and so the output, are the same either way
(tests/test_patterns.py compares them).
"""
from __future__ import annotations

import marshal
import os
import re
import sys
from pathlib import Path

try:                                             # CPython's own: the parser, code generator and engine `re` uses
    import _sre
    from re import _compiler, _parser
    FORMAT = (sys.implementation.cache_tag, sys.version, _sre.MAGIC, _sre.CODESIZE)
except (ImportError, AttributeError):             # another Python: plain re.compile
    FORMAT = None


def _program(pattern: str, flags: int) -> tuple:
    """What `_sre.compile` takes besides the pattern, as `re._compiler.compile` makes it."""
    tree = _parser.parse(pattern, flags)
    groupindex = dict(tree.state.groupdict)
    indexgroup = [None] * tree.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    code = [int(c) for c in _compiler._code(tree, flags)]          # its opcodes are named int constants
    return int(flags | tree.state.flags), code, tree.state.groups - 1, groupindex, tuple(indexgroup)


class Programs:
    """One module's compiled patterns: `compile` them as the module is imported, then `save()`."""

    def __init__(self, module_file: str):
        here = Path(module_file)
        self.path = here.parent / "__pycache__" / f"{here.stem}.{FORMAT[0] if FORMAT else 'none'}.patterns"
        self.known = self._load() if FORMAT else {}
        self.made: dict[tuple[str, int], tuple] = {}
        self.saved = FORMAT is None

    def _load(self) -> dict:
        try:
            stored = marshal.loads(self.path.read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            return {}
        return stored.get("programs", {}) if isinstance(stored, dict) and stored.get("format") == FORMAT else {}

    def compile(self, pattern: str, flags: int = 0) -> re.Pattern:
        flags = int(flags)
        if self.saved or not isinstance(pattern, str) or flags & re.DEBUG:
            return re.compile(pattern, flags)
        key = (pattern, flags)
        program = self.known.get(key)
        try:
            program = program or _program(pattern, flags)
            compiled = _sre.compile(pattern, *program)
        except re.error:                      # a pattern `re` refuses: its own error, as re.compile gives it
            raise
        except Exception:                     # noqa: BLE001 - an unreadable program: compiled as `re` does
            return re.compile(pattern, flags)
        self.made[key] = program
        return compiled

    def save(self) -> None:
        """Write the programs compiled since import, if they are not those read (and Python writes bytecode)."""
        made, known, self.saved = self.made, self.known, True
        self.made, self.known = {}, {}
        if FORMAT is None or sys.dont_write_bytecode or made == known:
            return
        try:
            self.path.parent.mkdir(exist_ok=True)
            partial = self.path.with_name(f"{self.path.name}.{os.getpid()}")
            partial.write_bytes(marshal.dumps({"format": FORMAT, "programs": made}))
            os.replace(partial, self.path)     # whole or not at all: workers may write it at once
        except (OSError, ValueError):
            pass
