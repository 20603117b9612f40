"""Load and validate `seeds/*.md`: YAML front matter, then the article text as received.

Every problem in every file is collected and raised together as one SeedError whose
lines read `seeds/<file>.md:<line>: <what is wrong and how to fix it>`.
"""
from __future__ import annotations

import difflib
import hashlib
import os
import re
from datetime import date
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

import yaml

from ..errors import Problem, SeedError, half_character
from ..model import Article

REQUIRED = ("title", "outlet", "published")
OPTIONAL = ("url", "kind", "notes", "original")
KNOWN = REQUIRED + OPTIONAL
KINDS = ("article", "gallery", "press-release")
MAX_BYTES = 200_000          # a news article is a few KB; a bigger file is not an article
FENCE = "---"


Parse = Callable[[bytes, str, str, list[Problem]], "Article | None"]


def load_seeds(folder: Path, label: str = "seeds", parse: Parse | None = None) -> list[Article]:
    """Read every `*.md` in `folder`, sorted by name. Raises SeedError listing every problem.

    `parse(raw, slug, shown, problems)` turns one file's bytes into its Article (default
    `parse_seed`); the build passes one that first looks in its cache.
    """
    parse = parse or parse_seed
    problems: list[Problem] = []
    articles: list[Article] = []
    if not folder.is_dir():
        raise SeedError([_no_folder(folder, label)])
    # none yet is a site with nothing on its pages yet; in the order of paths (by name: one folder)
    paths = sorted(folder.glob("*.md"), key=lambda p: os.path.normcase(p.name))
    for path in paths:
        if path.is_symlink():            # a file that is not a link is in the folder, not outside it
            problems.append(Problem(f"{label}/{path.name}", 1, "is a symbolic link, or leads outside the seeds folder: "
                                    "refused; save the article's text as a plain file in the folder"))
            continue
        article = parse(path.read_bytes(), path.stem, f"{label}/{path.name}", problems)
        if article is not None:
            articles.append(article)
    problems.extend(_duplicates(articles))
    if problems:
        raise SeedError(problems)
    return articles


FILE_DATE = re.compile(r"(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)")


def _published_problems(published: date, slug: str) -> list[str]:
    """A publication date after today (a mistyped year), or not the day the file's name gives."""
    out = []
    if published > date.today():
        out.append(f"'published: {published}' is after today ({date.today()}): is the year mistyped?")
    named = FILE_DATE.search(slug)
    if named and named.group(1) != published.isoformat():
        out.append(f"'published: {published}' is not the date in the file's name ({named.group(1)}): correct the one "
                   "that is wrong")
    return out


def _no_folder(folder: Path, label: str) -> Problem:
    """A seeds folder that is not there (a mistyped `seeds:`), named where mkdocs.yml sets it."""
    config = folder
    for _ in Path(label).parts:
        config = config.parent
    config = config / "mkdocs.yml"
    what = (f"the seeds folder '{label}' does not exist: create it (it may stay empty until the first "
            "article) or correct 'seeds:' under extra.explainer")
    if config.is_file():
        lines = config.read_text(encoding="utf-8", errors="replace").splitlines()
        line = next((n for n, text in enumerate(lines, 1) if re.match(r"\s+seeds\s*:", text)), 0)
        if line:
            return Problem("mkdocs.yml", line, what)
    return Problem(label, 0, what)


def load_seed(path: Path, shown: str, problems: list[Problem]) -> Article | None:
    """Parse one seed file; append its problems to `problems` and return None if any."""
    return parse_seed(path.read_bytes(), path.stem, shown, problems)


def parse_seed(raw: bytes, slug: str, shown: str, problems: list[Problem]) -> Article | None:
    """One seed file's bytes (`slug`: its name without .md; `shown`: how errors name it) as an
    Article; appends its problems to `problems` and returns None if any."""
    before = len(problems)
    if len(raw) > MAX_BYTES:
        problems.append(Problem(shown, 1, f"file is {len(raw):,} bytes, more than the {MAX_BYTES:,} an article can be; "
                                          "add the article's text only, not a whole page or archive"))
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        problems.append(Problem(shown, line, "file is not UTF-8 text; save it as UTF-8"))
        return None
    text = text.removeprefix("\ufeff")
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != FENCE:
        problems.append(Problem(shown, 1, "no front matter: the file must start with a line '---', then "
                                          "title, outlet and published, then a closing '---'"))
        return None
    close = next((i for i in range(1, len(lines)) if lines[i].rstrip() == FENCE), None)
    if close is None:
        problems.append(Problem(shown, 1, "front matter is not closed: add a line '---' after the last field"))
        return None
    meta = _front_matter("\n".join(lines[1:close]), shown, problems)
    if meta is None:
        return None
    body = "\n".join(lines[close + 1:])
    body_line = close + 2
    fields = _check_fields(meta, shown, problems, slug)
    if not body.strip():
        problems.append(Problem(shown, body_line, "the article text is empty: paste the article below the front matter"))
    if len(problems) > before:
        return None
    return Article(
        slug=slug, path=shown, title=fields["title"], outlet=fields["outlet"],
        published=fields["published"], url=fields.get("url"), kind=fields.get("kind", "article"),
        notes=fields.get("notes"), body=body, body_line=body_line, original=fields.get("original"),
    )


def _front_matter(source: str, shown: str, problems: list[Problem]) -> dict | None:
    """Compose the YAML ourselves so that every key keeps its line and duplicates are caught."""
    try:
        node = yaml.compose(source, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = (mark.line + 2) if mark else 1
        col = (mark.column + 1) if mark else 1
        opened = ""
        if err.context and err.context_mark and mark and err.context_mark.line != mark.line:
            opened = f" ({err.context} that starts on line {err.context_mark.line + 2}, column {err.context_mark.column + 1})"
        problems.append(Problem(shown, line, f"front matter is not valid YAML (column {col}): {err.problem}{opened}; "
                                             "a value holding [ ] { } : # or a quote mark must be put in quotes"))
        return None
    except yaml.reader.ReaderError as err:       # a character YAML does not allow (control characters)
        before = source[: err.position]
        line, col = before.count("\n") + 2, len(before) - (before.rfind("\n") + 1) + 1
        code = err.character if isinstance(err.character, int) else ord(str(err.character)[:1] or "\0")
        problems.append(Problem(shown, line, f"front matter has a character YAML does not allow (U+{code:04X} at "
                                             f"column {col}): delete it or retype the line"))
        return None
    except yaml.YAMLError as err:
        problems.append(Problem(shown, 2, f"front matter is not valid YAML: {err}"))
        return None
    if node is None:
        problems.append(Problem(shown, 2, "front matter is empty: add title, outlet and published"))
        return None
    if not isinstance(node, yaml.MappingNode):
        problems.append(Problem(shown, 2, "front matter must be 'key: value' lines"))
        return None
    meta: dict = {}
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 2
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
        half = next(((n, why) for n in (key_node, value_node)
                     if isinstance(n, yaml.ScalarNode) and (why := half_character(n.value))), None)
        if half is not None:
            problems.append(Problem(shown, line, half[1]))
            if half[0] is value_node:                # the key stands: not "missing" as well
                meta.setdefault(key, (None, line))
            continue
        if key in meta:
            problems.append(Problem(shown, line, f"key '{key}' appears twice; keep one"))
            continue
        if not isinstance(value_node, yaml.ScalarNode):
            problems.append(Problem(shown, line, f"'{key}' must be a single value, not a list or mapping"))
            meta[key] = (None, line)
            continue
        meta[key] = (value_node.value, line)
    return meta


def _check_fields(meta: dict, shown: str, problems: list[Problem], slug: str = "") -> dict:
    fields: dict = {}
    for key, (_, line) in meta.items():
        if key not in KNOWN:
            close = difflib.get_close_matches(key, KNOWN, n=1)
            hint = f"did you mean '{close[0]}'? " if close else ""
            problems.append(Problem(shown, line, f"unknown key '{key}': {hint}known keys are {', '.join(KNOWN)}"))
    for key in REQUIRED:
        if key not in meta:
            problems.append(Problem(shown, 1, f"'{key}' is missing: add '{key}: …' to the front matter"))
        elif meta[key][0] is None:
            continue             # reported where it was read: a list or mapping, half a character
        elif not (meta[key][0] or "").strip():
            problems.append(Problem(shown, meta[key][1], f"'{key}' is empty: give it a value"))
    for key in ("title", "outlet", "notes", "original"):
        if key in meta and meta[key][0] and meta[key][0].strip():
            fields[key] = " ".join(meta[key][0].split())
    if "published" in meta and (meta["published"][0] or "").strip():
        value, line = meta["published"]
        when = parse_iso_day(value.strip())
        if when is None:
            problems.append(Problem(shown, line, f"'published: {value.strip()}' is not a real date: write it as "
                                                 "YYYY-MM-DD (for example 2023-09-30)"))
        else:
            fields["published"] = when
            problems.extend(Problem(shown, line, m) for m in _published_problems(when, slug))
    if "url" in meta and meta["url"][0] is not None:
        value, line = meta["url"]
        parts = urlsplit(value.strip())
        if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in value.strip()):
            problems.append(Problem(shown, line, f"'url: {value.strip()}' is not an http(s) address: give the "
                                                 "article's web address starting with https://, or leave 'url' out"))
        else:
            fields["url"] = value.strip()
    if "kind" in meta and meta["kind"][0] is not None:
        value, line = meta["kind"]
        if value.strip() not in KINDS:
            problems.append(Problem(shown, line, f"'kind: {value.strip()}' is not one of {', '.join(KINDS)}"))
        else:
            fields["kind"] = value.strip()
    return fields


def parse_iso_day(value: str) -> date | None:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def fingerprint(body: str) -> str:
    """Hash of the article text with white space and case folded: same text, same fingerprint."""
    return hashlib.sha256(" ".join(body.split()).lower().encode("utf-8")).hexdigest()


def _duplicates(articles: list[Article]) -> list[Problem]:
    problems = []
    seen_url: dict[str, Article] = {}
    seen_text: dict[str, Article] = {}
    for a in articles:
        if a.url:
            key = a.url.rstrip("/").lower()
            if key in seen_url:
                problems.append(Problem(a.path, 1, f"same url as {seen_url[key].path}: the article is already in seeds/; remove one"))
            seen_url.setdefault(key, a)
        fp = fingerprint(a.body)
        if fp in seen_text:
            problems.append(Problem(a.path, a.body_line, f"same text as {seen_text[fp].path}: the article is already in seeds/; remove one"))
        seen_text.setdefault(fp, a)
    return problems
