"""Synthetic corpora for the benchmark: python tests/bench/synth.py N OUT_DIR [--seeds seeds]

Deterministic (seeded random). Each synthetic article takes a real seed's paragraphs, keeps the
first and a shuffled share of the rest (borrowing paragraphs from other seeds when that alone would
repeat an earlier article), and gets another outlet, another publication day (19 September to
31 October 2023) and other numbers (counts scaled, dates and years left alone), so that nothing
deduplicates away. Output: valid seeds with front matter, one file per article.
"""
from __future__ import annotations

import argparse
import random
import re
import sys
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "hooks"))

from explainer.seeds import fingerprint, load_seeds  # noqa: E402

OUTLETS = ("Reuters", "AFP", "AP", "BBC News", "Al Jazeera", "The Guardian", "Le Monde", "Deutsche Welle",
           "Eurasianet", "OC Media", "CivilNet", "Azatutyun", "APA", "Trend", "TASS", "Euronews",
           "France 24", "The New York Times", "The Washington Post", "Financial Times")
MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.?"
NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(?![\w,]\d)(?![:\d])")
KEEP = re.compile(rf"{MONTHS}\s+$")


def _vary(text: str, rng: random.Random) -> str:
    def sub(m: re.Match) -> str:
        raw = m.group(1)
        value = int(raw.replace(",", ""))
        before = text[max(0, m.start() - 12):m.start()]
        if KEEP.search(before) or 1900 <= value <= 2100 or value < 11:
            return raw          # days of a month, years and small counts (words of dates, "3 days") stay
        new = max(11, round(value * rng.uniform(0.5, 1.5)))
        return f"{new:,}" if "," in raw or new >= 10_000 else str(new)
    return NUMBER.sub(sub, text)


def generate(n: int, out: Path, seeds: Path = ROOT / "seeds", seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    articles = load_seeds(seeds)
    out.mkdir(parents=True, exist_ok=True)
    start = date(2023, 9, 19)
    written = []
    seen: set[str] = set()
    for i in range(n):
        a = articles[i % len(articles)]
        paras = [p for p in a.body.split("\n\n") if p.strip()]
        for attempt in range(100):
            head, rest = paras[:1], paras[1:]
            rng.shuffle(rest)
            rest = rest[: max(1, int(len(rest) * rng.uniform(0.6, 1.0)))]
            for _ in range(attempt):     # a short article repeats itself: borrow paragraphs from others
                other = [p for p in rng.choice(articles).body.split("\n\n") if p.strip()]
                rest.append(rng.choice(other))
            body = "\n\n".join(_vary(p, rng) for p in head + rest)
            if fingerprint(body) not in seen:
                break
        seen.add(fingerprint(body))
        outlet = f"{rng.choice(OUTLETS)} {i:04d}"
        day = start + timedelta(days=rng.randrange(43))
        title = f"{a.title} ({outlet})".replace('"', "'")
        path = out / f"{day.isoformat()}-synth-{i:04d}.md"
        path.write_text(f'---\ntitle: "{title}"\noutlet: "{outlet}"\npublished: {day.isoformat()}\nkind: {a.kind}\n---\n'
                        f"{body}\n", encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int)
    ap.add_argument("out", type=Path)
    ap.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    args = ap.parse_args(argv)
    paths = generate(args.n, args.out, args.seeds)
    print(f"wrote {len(paths)} synthetic articles to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
