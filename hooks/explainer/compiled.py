"""Jinja templates compiled once and kept, as Python keeps bytecode.

Jinja compiles a template's source to Python in Python, and MkDocs makes a new Jinja environment
each time one is asked for (`Theme.get_env`: Material's search plugin asks three times in its
on_config, the build once more), so every build compiled Material's templates again: about 0.2 s of
a build of the real seeds, as long as the engine's own work. `keep(env, folder)` gives an
environment Jinja's own bytecode cache (`FileSystemBytecodeCache`), which stores each template's
compiled code under a key of its name and file and reads it back only while the template's source
has the same checksum, with Jinja's format and the Python version in every file. The key here adds
the compiling environment's settings (Jinja's version, extensions, delimiters, whitespace rules,
autoescaping, how each filter and test is called), and an environment where code of its own could
run while compiling (a filter Jinja may call on a constant, a `finalize`, an autoescape function, an
extension not Jinja's or MkDocs') keeps nothing: it compiles as it would without the cache. Written as Python writes bytecode: not under PYTHONDONTWRITEBYTECODE, and a folder
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
import jinja2.defaults

FOLDER = Path(".cache") / "explainer-templates"       # the theme's templates, under the project
_CONTEXT = jinja2.pass_context(lambda context: None).jinja_pass_arg     # what a function taking the context carries


class Templates(jinja2.FileSystemBytecodeCache):
    """Jinja's bytecode cache in `directory`, an entry per template and environment settings."""

    def get_bucket(self, environment: jinja2.Environment, name: str, filename: str | None,
                   source: str) -> jinja2.bccache.Bucket:
        """Jinja's bucket, under a key that adds the settings of the environment compiling it (an
        overlay's own); an empty key, never read or written, for an environment `_settings` cannot vouch for."""
        settings = _settings(environment)
        key = hashlib.sha1(f"{settings}|{self.get_cache_key(name, filename)}".encode()).hexdigest() if settings else ""
        bucket = jinja2.bccache.Bucket(environment, key, self.get_source_checksum(source))
        if key:
            self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:                     # noqa: BLE001 - unreadable or damaged: compiled as without a cache
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if sys.dont_write_bytecode or not bucket.key:
            return
        try:
            os.makedirs(self.directory, exist_ok=True)
            super().dump_bytecode(bucket)
        except OSError:
            pass


def _settings(env: jinja2.Environment) -> str | None:
    """What, besides a template's source, decides the code Jinja compiles it to: its version, the
    environment's syntax and options, and how each filter and test is called. None where code of the
    environment's own could run while compiling: Jinja calls a filter or test on constant input (unless
    it takes the context), `finalize` on constant output, an autoescape function with the template's
    name, and an extension parses as it likes; then the environment compiles as without a cache."""
    filters, tests = _calls(env.filters, jinja2.defaults.DEFAULT_FILTERS), _calls(env.tests, jinja2.defaults.DEFAULT_TESTS)
    if filters is None or tests is None or env.finalize is not None or not isinstance(env.autoescape, bool) \
            or not all(type(x).__module__.split(".")[0] in ("jinja2", "mkdocs") for x in env.extensions.values()) \
            or any(callable(v) for v in env.policies.values()):
        return None
    return repr((jinja2.__version__, type(env).__module__, type(env).__qualname__, type(env).code_generator_class.__qualname__,
                 sorted(env.extensions), env.block_start_string, env.block_end_string, env.variable_start_string,
                 env.variable_end_string, env.comment_start_string, env.comment_end_string, env.line_statement_prefix,
                 env.line_comment_prefix, env.trim_blocks, env.lstrip_blocks, env.newline_sequence,
                 env.keep_trailing_newline, env.optimized, env.is_async, env.autoescape,
                 getattr(env, "newstyle_gettext", None), sorted(getattr(env, "intercepted_binops", ())),
                 sorted(getattr(env, "intercepted_unops", ())), filters, tests,
                 sorted((k, repr(v)) for k, v in env.policies.items())))


def _calls(functions: dict, defaults: dict) -> list | None:
    """Each name and how the generated code calls it: Jinja's own function, or one taking the context
    (never called while compiling); None if another could be."""
    calls = []
    for name, f in functions.items():
        if f is defaults.get(name):
            calls.append((name, "jinja2"))
        elif getattr(f, "jinja_pass_arg", None) is _CONTEXT:
            calls.append((name, "context"))
        else:
            return None
    return sorted(calls)


def keep(env: jinja2.Environment, folder: Path) -> jinja2.Environment:
    """`env`, its compiled templates kept in `folder` (unless it already has a bytecode cache)."""
    if env.bytecode_cache is None:
        env.bytecode_cache = Templates(str(folder))
    return env
