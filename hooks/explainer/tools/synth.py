"""Synthetic corpora for the benchmark: N articles made from the real seeds' sentences, with other
outlets, publication dates and numbers, so that nothing deduplicates away. Deterministic (seeded).

    python -m explainer synth 1000 /tmp/corpus/seeds
"""
from __future__ import annotations

import random
import re
from datetime import date, timedelta
from pathlib import Path

from ..read.seeds import load_seeds
from ..read.text import sentences

OUTLETS = ["Wire", "Herald", "Gazette", "Monitor", "Chronicle", "Courier", "Dispatch", "Observer", "Tribune", "Post"]
NUMBER = re.compile(r"(?<![\d,.])\d{1,3}(?:,\d{3})+(?![\d,])|(?<![\d,.:])\d{2,}(?![\d,.:])")


def pool(seeds: Path) -> list[str]:
    """Every sentence of the real seeds that reads as prose, whitespace-flattened."""
    out = []
    for article in load_seeds(seeds):
        for s in sentences(article):
            text = " ".join(s.text.split())
            if 40 <= len(text) <= 400 and text[0].isupper() and text[-1] in ".\"”" and not s.caption:
                out.append(text)
    return out


def _renumber(text: str, rng: random.Random) -> str:
    def sub(m: re.Match) -> str:
        value = int(m.group(0).replace(",", ""))
        if 1900 <= value <= 2100:            # years stay years
            return m.group(0)
        new = max(2, int(value * rng.uniform(0.6, 1.6)))
        return f"{new:,}" if "," in m.group(0) else str(new)
    return NUMBER.sub(sub, text)


def generate(seeds: Path, out: Path, n: int, seed: int = 1) -> list[Path]:
    rng = random.Random(seed)
    sentences_ = pool(seeds)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for i in range(n):
        published = date(2023, 9, 20) + timedelta(days=rng.randrange(0, 42))
        outlet = f"The {rng.choice(OUTLETS)} {i % 97 + 1}"
        body = []
        for j, text in enumerate(rng.sample(sentences_, k=min(len(sentences_), rng.randint(8, 18)))):
            text = _renumber(text, rng)
            # a marker of its own in every sentence: a copy of a sentence is a report of its own
            body.append(re.sub(r"([.\"”])$", lambda m: f" (report {i}-{j}){m.group(1)}", text, count=1))
        paragraphs = ["\n".join(body[k:k + 3]) for k in range(0, len(body), 3)]
        path = out / f"{published.isoformat()}-synthetic-{i:05d}.md"
        path.write_text(f"---\ntitle: Synthetic report {i}\noutlet: {outlet}\npublished: {published.isoformat()}\n---\n"
                        + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
        written.append(path)
    return written
