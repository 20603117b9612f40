"""Plain helpers shared by the tests (through conftest) and the benchmark (tests/bench/bench.py)."""
from __future__ import annotations

import re
import shutil
import signal
import socket
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The published address from mkdocs.yml (its !ENV default) and the path the site lives under.
SITE_URL = re.search(r"^site_url:.*?\"(\S+)\"", (ROOT / "mkdocs.yml").read_text(), re.M).group(1)
SITE_PATH = "/" + SITE_URL.split("://", 1)[1].split("/", 1)[1]


def copy_project(where: Path) -> Path:
    """A copy of the project (mkdocs.yml, topic.yml, corrections.yml, docs, hooks, seeds) in `where`."""
    for name in ("docs", "hooks", "seeds"):
        shutil.copytree(ROOT / name, where / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in PROJECT_FILES:
        shutil.copy(ROOT / name, where / name)
    return where


PROJECT_FILES = ("mkdocs.yml", "topic.yml", "corrections.yml")
# The smallest valid topic file: only its required keys (tests add to it).
MINIMAL_TOPIC = """\
name: The flood in Avalon
description: A river broke its banks.
turning_point:
  date: 2031-04-02
  what: the flood
"""


def repo_settings(**changes):
    """The repository's settings: its topic file (topic.yml), with `changes` to the Settings' fields."""
    from explainer.settings import Settings
    from explainer.topic import load_topic
    return Settings(**{"topic": load_topic(ROOT / "topic.yml"), **changes})


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def stop(proc: subprocess.Popen, wait: float = 10) -> None:
    """Stop `mkdocs serve` as an editor does, with Ctrl-C (SIGINT): it then removes its temporary folders
    (MkDocs' site, the hooks' rendered pages), which a SIGTERM leaves in the temporary directory."""
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(wait)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
