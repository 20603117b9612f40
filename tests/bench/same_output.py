"""Does a change to the engine leave its output as it was? A script to run (not a test) after a change
meant to make the engine faster or lighter: `python tests/bench/same_output.py [--against REV] [--synth N]`.

It builds, with the engine of this checkout and with the engine of git revision REV (HEAD by default;
`git archive` of its hooks/), the exported docs folder (`python -m explainer export`: generated pages,
data files, written pages) of four projects, each in a temporary folder: the real seeds; the real seeds
with the corpus of ../shared/corpus added (as `make score CORPUS=…`); a new explainer of the Morocco
example (as `make score … TOPIC=…`); and the real seeds with N synthetic articles (`explainer synth`).
This checkout's engine builds each project three times: with the cache off, then twice with it on
(filling it, then reading it back). Every file must be byte-identical to REV's; it prints each
project's result and the first lines that differ, and exits 1 on any difference.
"""
from __future__ import annotations

import argparse
import difflib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))      # tests/, for support.py
from support import ROOT, copy_project  # noqa: E402

SHARED = Path(os.environ.get("SHARED", ROOT.parent / "shared"))
PY = sys.executable
MOROCCO = "examples/morocco-earthquake-2023"


def tree_at(rev: str, where: Path, *paths: str) -> Path:
    """Git revision `rev`'s tree (only `paths` of it, if given), unpacked into `where`."""
    where.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev, *paths], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(where)], input=archive, check=True)
    return where


def engine_at(rev: str, where: Path) -> Path:
    """The hooks/ folder of git revision `rev`, unpacked into `where`."""
    return tree_at(rev, where, "hooks") / "hooks"


def explainer(hooks: Path, *args: str, cache: bool = False) -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(PYTHONPATH=str(hooks), EXPLAINER_CACHE="1" if cache else "0", NO_MKDOCS_2_WARNING="1")
    done = subprocess.run([PY, "-m", "explainer", *args], env=env, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"failed: python -m explainer {' '.join(args)} (engine {hooks})\n{done.stderr[-3000:]}")


def projects(tmp: Path, synth: int) -> dict[str, Path]:
    """The projects compared, by name (built with this checkout's tools)."""
    out = {"seeds": copy_project(tmp / "seeds")}
    if (SHARED / "corpus" / "seeds").is_dir():
        corpus = out["corpus"] = copy_project(tmp / "corpus")
        for seed in (SHARED / "corpus" / "seeds").glob("*.md"):
            shutil.copy(seed, corpus / "seeds" / seed.name)
    if (SHARED / MOROCCO / "seeds").is_dir():
        morocco = out["morocco"] = tmp / "morocco"
        explainer(ROOT / "hooks", "new", str(morocco))
        shutil.copy(ROOT / MOROCCO / "topic.yml", morocco / "topic.yml")
        for seed in (SHARED / MOROCCO / "seeds").glob("*.md"):
            shutil.copy(seed, morocco / "seeds" / seed.name)
    if synth:
        proj = out[f"synth{synth}"] = copy_project(tmp / f"synth{synth}")
        real = len(list((proj / "seeds").glob("*.md")))
        explainer(ROOT / "hooks", "--root", str(proj), "synth", str(synth - real), str(proj / "seeds"))
    return out


def differences(a: Path, b: Path) -> list[str]:
    """The files that differ between two folders (byte for byte), with the first differing lines of each."""
    files = {folder: {p.relative_to(folder): p for p in folder.rglob("*") if p.is_file()} for folder in (a, b)}
    out = [f"only in one: {rel}" for rel in sorted(files[a].keys() ^ files[b].keys())]
    for rel in sorted(files[a].keys() & files[b].keys()):
        if files[a][rel].read_bytes() != files[b][rel].read_bytes():
            lines = difflib.unified_diff(files[a][rel].read_text().splitlines(), files[b][rel].read_text().splitlines(),
                                         "before", "after", n=0, lineterm="")
            out.append(f"differs: {rel}\n    " + "\n    ".join(list(lines)[:8]))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--against", default="HEAD", help="git revision whose engine gives the expected output")
    ap.add_argument("--synth", type=int, default=1000, help="articles of the synthetic project (0: none)")
    args = ap.parse_args(argv)
    failed = False
    with tempfile.TemporaryDirectory(prefix="explainer-same-") as tmp:
        tmp = Path(tmp)
        before = engine_at(args.against, tmp / "engine")
        for name, proj in projects(tmp / "projects", args.synth).items():
            explainer(before, "--root", str(proj), "export", str(tmp / f"{name}-before"))
            runs = {"cache off": False, "cache filled": True, "cache read": True}
            problems = []
            for label, cache in runs.items():
                explainer(ROOT / "hooks", "--root", str(proj), "export", str(tmp / f"{name}-after"), cache=cache)
                problems += [f"{label}: {p}" for p in differences(tmp / f"{name}-before", tmp / f"{name}-after")]
            data = sorted(p.name for p in (tmp / f"{name}-before" / "docs" / "data").glob("*"))
            files = sum(1 for p in (tmp / f"{name}-before").rglob("*") if p.is_file())
            print(f"{name}: {'DIFFERENT' if problems else 'byte-identical'} ({files} files, data: {', '.join(data)}; "
                  f"{', '.join(runs)} against {args.against})", flush=True)
            for p in problems:
                print("  " + p)
            failed = failed or bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
