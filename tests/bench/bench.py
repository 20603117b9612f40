"""The speed benchmark: `make bench` (not part of `make test`). Prints a table of numbers; targets are
read from it, never asserted.

- floor ratio: strict build with the hooks against MkDocs' own strict build of the same pages without
  hooks (the folder `python -m explainer export` writes), median of RUNS alternating runs (three
  times as many for the real corpus, whose builds are short): with the cache off (a first build),
  warm (nothing changed) and after one article changed (an editor's rebuild); in brackets the
  ratio of the fastest runs, and the lowest and highest ratio of one run to the MkDocs run beside
  it: the machine's speed drifts, and the fastest runs are the least disturbed; and the first build
  against MkDocs alone with its templates kept as the hooks keep them (kept_templates.py), which is
  the engine's own share: the hooks make MkDocs' part faster too;
- scale: corpora of 100 and 1,000 articles (the real seeds and `python -m explainer synth`): whether the strict
  build passed, its time with a cold cache and a warm one, peak memory of the build process, the largest HTML
  page, Material's search index and what a first one-word search can fetch at most (html/search.py);
- preview: `mkdocs serve` on a copy of the real project; time from saving a seed to the served page
  showing the new text.
- 10,000 articles on demand (`make bench SIZES=100,1000,10000`: about 15 minutes on 2 cores): the same rows,
  with issue 21's targets.
Usage: python tests/bench/bench.py [--sizes 100,1000] [--runs 5] [--no-preview]
"""
from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))      # tests/, for support.py
from support import ROOT, copy_project, free_port, stop  # noqa: E402

# PYTHONDONTWRITEBYTECODE (set on some machines) would make every build compile the hooks' source
# again; MkDocs' own modules were compiled when pip installed them. Both sides get bytecode here.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
ENV.update({"NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT / "hooks")})
PY = sys.executable


def attempt(args: list[str], cwd: Path, **env: str) -> tuple[float, int, str]:
    """Seconds, peak RSS (KB: the largest of the process and its worker processes, measured with wait4)
    and, if it failed, the end of its error output ("" if it succeeded) of one child process."""
    start = time.perf_counter()
    p = subprocess.Popen(args, cwd=cwd, env={**ENV, **env}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = p.stderr.read().decode(errors="replace")       # read while it runs: a long error must not block it
    _, status, usage = os.wait4(p.pid, 0)
    took = time.perf_counter() - start
    p.stderr.close()
    return took, usage.ru_maxrss, err if os.waitstatus_to_exitcode(status) != 0 else ""


def run(args: list[str], cwd: Path, **env: str) -> tuple[float, int]:
    """Seconds and peak RSS (KB) of one child process that must succeed."""
    took, rss, failed = attempt(args, cwd, **env)
    if failed:
        raise SystemExit(f"failed in {cwd}: {' '.join(args)}\n{failed[-3000:]}")
    return took, rss


def build_args(out: Path, config: str = "mkdocs.yml") -> list[str]:
    return [PY, "-m", "mkdocs", "build", "--strict", "-q", "-f", config, "-d", str(out)]


def build(cwd: Path, out: Path, config: str = "mkdocs.yml", kept: bool = False, **env: str) -> tuple[float, int]:
    """`kept`: MkDocs with the theme's compiled templates kept as the hooks keep them (kept_templates.py)."""
    args = build_args(out, config)
    return run([PY, str(Path(__file__).parent / "kept_templates.py"), *args[3:]] if kept else args, cwd, **env)


def floor_ratio(proj: Path, runs: int) -> dict[str, tuple[float, float, float, float, float, float]]:
    """Alternating runs of: hooks with the cache off (a first build), hooks with a warm cache
    (nothing changed), hooks after one article changed (the editor's rebuild: one cache miss),
    MkDocs alone on the exported pages, and MkDocs alone with the theme's compiled templates kept as
    the hooks keep them. For "cold", "warm" and "edit" against MkDocs alone, and "own" (the first
    builds against MkDocs with its templates kept: the engine's own share): (median seconds, median
    ratio, ratio of the fastest runs, lowest and highest ratio of a run to the run beside it, median
    seconds of what it is compared with)."""
    exported = proj.parent / f"{proj.name}-export"
    run([PY, "-m", "explainer", "--root", str(proj), "export", str(exported)], proj)
    plain = str(exported / "mkdocs.yml")           # the export's mkdocs.yml: no hooks, its docs/ beside it
    build(proj, proj / "site")                      # warms the cache and the bytecode
    build(proj, proj / "site-plain", plain)
    build(proj, proj / "site-plain", plain, kept=True)
    seed = sorted((proj / "seeds").glob("*.md"))[-1]
    original = seed.read_text(encoding="utf-8")
    times: dict[str, list[float]] = {"cold": [], "warm": [], "edit": [], "plain": [], "kept": []}
    try:
        for i in range(runs):
            times["cold"].append(build(proj, proj / "site", EXPLAINER_CACHE="0")[0])
            times["warm"].append(build(proj, proj / "site")[0])
            seed.write_text(original.rstrip("\n") + f"\n\nThe benchmark changed this article, run {i}.\n", encoding="utf-8")
            times["edit"].append(build(proj, proj / "site")[0])
            times["plain"].append(build(proj, proj / "site-plain", plain)[0])
            times["kept"].append(build(proj, proj / "site-plain", plain, kept=True)[0])
    finally:
        seed.write_text(original, encoding="utf-8")
    out = {}
    for kind, against in (("cold", "plain"), ("warm", "plain"), ("edit", "plain"), ("own", "kept")):
        these = times["cold" if kind == "own" else kind]
        each = [t / q for t, q in zip(these, times[against])]
        out[kind] = (statistics.median(these), statistics.median(these) / statistics.median(times[against]),
                     min(these) / min(times[against]), min(each), max(each), statistics.median(times[against]))
    return out


# Targets of the ratio to MkDocs alone: a first build (cache off) on the real corpus and at 1,000
# articles, a warm build and an editor's rebuild on both.
TARGETS = {("real corpus", "cold"): 1.25, ("1000 articles", "cold"): 1.65}


def ratio_rows(row, label: str, r: dict[str, tuple], runs: int) -> None:
    for kind, what in (("cold", "cache off"), ("warm", "warm cache"), ("edit", "one article changed"),
                       ("own", "cache off / MkDocs alone with its templates kept: the engine's own share")):
        t, ratio, fastest, lo, hi, p = r[kind]
        row(f"{label}: hooks, {what}" + ("" if kind == "own" else " / MkDocs alone") + f" (median of {runs})",
            f"{t:.2f} s / {p:.2f} s = {ratio:.2f} (fastest {fastest:.2f}; runs {lo:.2f}-{hi:.2f})",
            "" if kind == "own" else f"target <= {TARGETS.get((label, kind), 1.15)}")


def site_sizes(site: Path) -> tuple[int, str, int, int]:
    pages = list(site.rglob("*.html"))
    biggest = max(pages, key=lambda p: p.stat().st_size)
    index = site / "search" / "search_index.json"
    return biggest.stat().st_size, str(biggest.relative_to(site)), index.stat().st_size, len(pages)


def first_search_at_most(site: Path, best: int = 20) -> tuple[int, int]:
    """Bytes a reader's first one-word search can fetch (html/search.py): what every first search
    loads (Material's stub index, the worker, pagefind.js, its entry, WebAssembly and metadata, the
    list of parts and each part's entry and metadata), the largest index chunk of every part, and the
    `best` largest documents (the worker fetches 10, or 20 when they come from few pages). As stored,
    and unpacked (Pagefind gzips its files)."""
    import gzip
    bundle = site / "pagefind"
    if not bundle.exists():           # a small site keeps Material's search: its whole index
        size = (site / "search" / "search_index.json").stat().st_size
        return size, size
    parts = [bundle, *sorted(bundle.glob("part-*"))]
    always = [site / "search" / "search_index.json", *(site / "assets/javascripts/workers").glob("search-pagefind.*.js"),
              bundle / "pagefind.js", *bundle.glob("wasm.en.pagefind"), *bundle.glob("parts.json"),
              *(f for part in parts for f in [part / "pagefind-entry.json", *part.glob("*.pf_meta")])]
    chunks = [max(part.glob("index/*"), key=lambda p: p.stat().st_size) for part in parts]
    docs = sorted((f for part in parts for f in part.glob("fragment/*")), key=lambda p: p.stat().st_size)[-best:]
    files = always + chunks + docs
    def unpacked(p: Path) -> int:
        data = p.read_bytes()
        return len(gzip.decompress(data)) if data[:2] == b"\x1f\x8b" else len(data)
    return sum(p.stat().st_size for p in files), sum(unpacked(p) for p in files)


# Targets of the scale rows, by corpus size (issue 21 for 10,000 articles).
SCALE_TARGETS = {1000: {"cold": "target <= 30 s", "index": "target < 8 MB"},
                 10000: {"cold": "target <= 90 s", "warm": "target <= 30 s", "memory": "target <= 500 MB",
                         "index": "target <= 8 MB unpacked"}}


def scale_rows(row, proj: Path, n: int) -> float:
    """A strict build with the cache off (a first build), one that fills the cache and a warm one: their
    times, the peak memory, the largest page, the search index, and whether the strict build passed (a
    build that fails strict mode still builds everything first, so its time counts). The first build's
    seconds."""
    targets = SCALE_TARGETS.get(n, {})
    cold, rss, failed = attempt(build_args(proj / "site"), proj, EXPLAINER_CACHE="0")
    attempt(build_args(proj / "site"), proj)                      # fills the cache
    warm, warm_rss, _ = attempt(build_args(proj / "site"), proj)
    lines = [line.strip() for line in failed.splitlines() if line.strip()]
    reason = next((line for line in lines if line.startswith(("ERROR", "WARNING"))), lines[-1] if lines else "")
    row(f"{n} articles: strict build", f"FAILED: {reason[:90]}" if failed else "passed", "target: passes")
    row(f"{n} articles: strict build, no cache", f"{cold:.1f} s", targets.get("cold", ""))
    row(f"{n} articles: strict build, warm cache", f"{warm:.1f} s", targets.get("warm", ""))
    row(f"{n} articles: peak memory (largest build process)", f"{max(rss, warm_rss) / 1024:.0f} MB", targets.get("memory", ""))
    if (proj / "site" / "search" / "search_index.json").is_file():
        big, name, index, count = site_sizes(proj / "site")
        row(f"{n} articles: largest HTML page", f"{big / 1e6:.2f} MB ({name})", "target <= 1 MB")
        row(f"{n} articles: Material's search index (a stub with Pagefind)", f"{index / 1e6:.2f} MB")
        fetched, unpacked = first_search_at_most(proj / "site")
        row(f"{n} articles: a first one-word search fetches at most",
            f"{fetched / 1e6:.2f} MB ({unpacked / 1e6:.2f} MB unpacked)", targets.get("index", ""))
        row(f"{n} articles: HTML pages", f"{count}")
    return cold


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=2) as r:
            return r.read().decode("utf-8", "replace")
    except OSError:
        return ""


def preview(proj: Path, limit: float = 60.0, **env: str) -> float:
    """Seconds from saving a seed to `mkdocs serve` serving the page with the new text."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/sources/"
    server = subprocess.Popen([PY, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"], cwd=proj,
                              env={**ENV, "SITE_URL": f"http://127.0.0.1:{port}/", **env},
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + limit
        while "Sources" not in fetch(url):
            if time.monotonic() > deadline or server.poll() is not None:
                raise SystemExit("mkdocs serve did not start")
            time.sleep(0.2)
        time.sleep(1.0)   # let the watcher settle
        seed = sorted((proj / "seeds").glob("*.md"))[-1]
        marker = "Benchmark marker"
        text = seed.read_text(encoding="utf-8").replace("\ntitle: ", f"\ntitle: {marker} ", 1)
        start = time.monotonic()
        seed.write_text(text, encoding="utf-8")
        while marker not in fetch(url):
            if time.monotonic() - start > limit:
                raise SystemExit("the edit did not show within the time limit")
            time.sleep(0.05)
        return time.monotonic() - start
    finally:
        stop(server)


def machine() -> str:
    cpu = ""
    try:
        cpu = next(l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return f"{os.cpu_count()} cores {cpu}, Python {platform.python_version()}, {platform.system()} {platform.release()}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="100,1000")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--no-preview", action="store_true")
    args = ap.parse_args(argv)
    rows: list[tuple[str, str, str]] = []

    def row(what: str, value: str, target: str = "") -> None:
        rows.append((what, value, target))
        print(f"  {what:<44} {value:>22}  {target}", flush=True)

    print(f"machine: {machine()}")
    with tempfile.TemporaryDirectory(prefix="explainer-bench-") as tmp:
        tmp = Path(tmp)
        real = copy_project(tmp / "real")
        short = 3 * args.runs       # the real corpus builds in under a second: more runs, less noise
        ratio_rows(row, "real corpus", floor_ratio(real, short), short)
        times = {}
        for n in [int(x) for x in args.sizes.split(",") if x]:
            proj = copy_project(tmp / f"synth{n}")        # the real seeds (the written Home cites them) + synthetic ones
            real_n = len(list((proj / "seeds").glob("*.md")))
            run([PY, "-m", "explainer", "synth", str(n - real_n), str(proj / "seeds")], ROOT)
            times[n] = scale_rows(row, proj, n)
            if n == 1000:
                ratio_rows(row, "1000 articles", floor_ratio(proj, args.runs), args.runs)
        if len(times) >= 2:
            lo, hi = min(times), max(times)
            row(f"time x{hi // lo} articles", f"x{times[hi] / times[lo]:.1f}", f"target <= x{hi // lo}")
        if not args.no_preview:
            for label, env in (("cache", {}), ("no cache", {"EXPLAINER_CACHE": "0"})):
                proj = copy_project(tmp / f"preview-{len(env)}")
                row(f"preview, {label}: seed saved -> page served (real corpus)", f"{preview(proj, **env):.2f} s",
                    "target <= 2 s")
    print("\n| measure | value | target |\n|---|---|---|")
    for what, value, target in rows:
        print(f"| {what} | {value} | {target} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
