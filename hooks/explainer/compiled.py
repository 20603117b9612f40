"""Jinja templates compiled once and kept, as Python keeps bytecode.

Jinja compiles a template's source to Python in Python, and MkDocs makes a new Jinja environment
each time one is asked for (`Theme.get_env`: Material's search plugin asks three times in its
on_config, the build once more), so every build compiled Material's templates again: about 0.2 s of
a build of the real seeds, as long as the engine's own work. `keep(env, folder)` gives an
environment Jinja's own bytecode cache (`FileSystemBytecodeCache`), which stores each template's
compiled code under a key of its name and file and reads it back only while the template's source
has the same checksum, with Jinja's format and the Python version in every file. The key here adds
what else decides the code Jinja generates (its version and the environment's settings: extensions,
delimiters, whitespace rules, autoescaping), so two environments that compile alike share entries
and no others. Written as Python writes bytecode: not under PYTHONDONTWRITEBYTECODE, and a folder
that cannot be written to only means compiling again. The rendered output is the same either way
(tests/test_compiled.py).
"""
from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

import jinja2
import jinja2.bccache

FOLDER = Path(".cache") / "explainer-templates"       # the theme's templates, under the project


class Templates(jinja2.FileSystemBytecodeCache):
    """Jinja's bytecode cache in `directory`, for environments compiling as `env` does."""

    def __init__(self, directory: str, env: jinja2.Environment):
        super().__init__(directory)
        self.env = env

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        """Jinja's key (name and file) and the environment's settings now (a plugin may add filters)."""
        return hashlib.sha1(f"{_settings(self.env)}|{super().get_cache_key(name, filename)}".encode()).hexdigest()

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except OSError:                       # not a folder, not readable: compiled as without a cache
            pass

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if sys.dont_write_bytecode:
            return
        try:
            os.makedirs(self.directory, exist_ok=True)
            super().dump_bytecode(bucket)
        except OSError:
            pass


def _settings(env: jinja2.Environment) -> str:
    """What, besides a template's source, decides the code Jinja compiles it to: its version, the
    environment's syntax and options, and which context each filter and test is passed (the
    generated call passes it or not)."""
    def passed(functions: dict) -> list:
        return sorted((name, str(getattr(f, "jinja_pass_arg", ""))) for name, f in functions.items())
    def named(value) -> str:
        return repr(value) if isinstance(value, (bool, str, int, type(None))) else f"{type(value).__module__}.{getattr(value, '__qualname__', type(value).__qualname__)}"
    return repr((jinja2.__version__, type(env).__qualname__, type(env).code_generator_class.__qualname__,
                 sorted(env.extensions), env.block_start_string, env.block_end_string, env.variable_start_string,
                 env.variable_end_string, env.comment_start_string, env.comment_end_string, env.line_statement_prefix,
                 env.line_comment_prefix, env.trim_blocks, env.lstrip_blocks, env.newline_sequence,
                 env.keep_trailing_newline, env.optimized, env.is_async, named(env.autoescape), named(env.finalize),
                 str(getattr(env.finalize, "jinja_pass_arg", "")), passed(env.filters), passed(env.tests),
                 sorted((k, named(v)) for k, v in env.policies.items())))


def keep(env: jinja2.Environment, folder: Path) -> jinja2.Environment:
    """`env`, its compiled templates kept in `folder` (unless it already has a bytecode cache)."""
    if env.bytecode_cache is None:
        env.bytecode_cache = Templates(str(folder), env)
    return env
