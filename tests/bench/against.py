"""How much faster is this checkout's first build than another revision's, on this machine? A script to run
(not a test): `python tests/bench/against.py REV [--synth N] [--runs K]`.

Times taken on different days do not compare: this workplace's machines have differed by a factor of
2.5 to 3 for the same build, and one machine by a quarter from hour to hour. So this builds one project
of N articles (the real seeds and `explainer synth`, both from this checkout) twice over, with this
checkout's project (mkdocs.yml, topic file, docs/, hooks/) and with REV's whole tree (`git archive`),
the same seeds in both; then times a first build of each (`mkdocs build`, cache off: `make bench`'s
"strict build, no cache"), alternately, K times each, and prints every time and the ratio of the
medians. REV's build runs without --strict (issue 21's baseline, eb3d276, fails it: its split pages
were outside the navigation); this checkout's with it.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))      # tests/, for support.py
from same_output import tree_at  # noqa: E402
from support import ROOT, copy_project  # noqa: E402

PY = sys.executable


def first_build(project: Path, strict: bool) -> tuple[float, int]:
    """Seconds of a build with the cache off (its site folder emptied first), and its exit code."""
    shutil.rmtree(project / "site", ignore_errors=True)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(EXPLAINER_CACHE="0", NO_MKDOCS_2_WARNING="1")
    start = time.perf_counter()
    done = subprocess.run([PY, "-m", "mkdocs", "build", "-q", *(["--strict"] if strict else []), "-d", "site"],
                          cwd=project, env=env, capture_output=True, text=True)
    return time.perf_counter() - start, done.returncode


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("rev", help="git revision to compare with (issue 21's baseline: eb3d276)")
    ap.add_argument("--synth", type=int, default=10000, help="articles in the project, the real seeds included")
    ap.add_argument("--runs", type=int, default=2, help="first builds of each, alternately")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="explainer-against-") as tmp:
        now = copy_project(Path(tmp) / "now")
        real = len(list((now / "seeds").glob("*.md")))
        env = {**os.environ, "PYTHONPATH": str(ROOT / "hooks")}
        subprocess.run([PY, "-m", "explainer", "--root", str(now), "synth", str(args.synth - real), str(now / "seeds")],
                       env=env, check=True, capture_output=True)
        then = tree_at(args.rev, Path(tmp) / "then")
        shutil.rmtree(then / "seeds")
        shutil.copytree(now / "seeds", then / "seeds")
        times: dict[str, list[float]] = {"this checkout": [], args.rev: []}
        for run in range(args.runs):
            order = [("this checkout", now, True), (args.rev, then, False)]
            for label, project, strict in order if run % 2 == 0 else order[::-1]:
                seconds, code = first_build(project, strict)
                print(f"run {run + 1}: {label}: {seconds:.1f} s{'' if code == 0 else f' (exit code {code})'}", flush=True)
                times[label].append(seconds)
        ours, theirs = (statistics.median(t) for t in times.values())
        print(f"{args.synth} articles, first build (cache off), medians: this checkout {ours:.1f} s, "
              f"{args.rev} {theirs:.1f} s: {ours / theirs:.2f} of its time")
    return 0


if __name__ == "__main__":
    sys.exit(main())
