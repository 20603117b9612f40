"""Seeds -> Site: everything a build publishes, as text, with no MkDocs involved.

`build_site()` loads the seeds, extracts and merges the items, checks every quote against its
article, and renders the generated pages and data files. `export()` writes them, with the
written pages from docs/ filled in and a mkdocs.yml without hooks, to a project that Zensical,
ProperDocs or MkDocs builds as it is.
"""
from __future__ import annotations

import hashlib
import re
import shutil
import types
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

import yaml

from . import corrections, data, memory, opendata
from .corrections import Correction
from .pages import chart, glossary, markers, paging
from .errors import Problem, SeedError
from .extract.run import Reading, start
from .forked import Later
from .merge import merge_context, merge_events, merge_figures
from .model import Article, Context, Event, Extracted, Figure
from .pages import background, humanitarian, people, sources, timeline
from .settings import Settings
from .read.text import fold

PAGES = (background, timeline, humanitarian, people, sources)
DATA_FILES = ("data/timeline.json", "data/figures.json", "data/context.json",
              "data/timeline.csv", "data/figures.csv", "data/timeline.ics")
MARKER = re.compile(r"<!--\s*explainer:(?P<name>[a-z_]+)\s*-->")


@dataclass
class Site:
    settings: Settings
    articles: list[Article]                # each without its text once the quotes are checked (`without_texts`)
    extracted: list[Extracted]
    events: list[Event]
    figures: list[Figure]
    context: list[Context]
    pages: dict[str, str] = field(default_factory=dict)     # docs-relative path -> Markdown
    files: dict[str, str] = field(default_factory=dict)     # site-relative path -> text
    later: dict[str, Later] = field(default_factory=dict)   # site-relative path -> its file's SHA-256, being written (`aside`)
    aside: dict[str, str] = field(default_factory=dict)     # docs-relative path -> SHA-256 of a page written into `aside`
    anchors: dict = field(default_factory=dict)                   # (page, anchor) -> part, for split pages
    abbreviations: dict[str, str] = field(default_factory=dict)   # from the glossary page
    not_abbreviations: set[str] = field(default_factory=set)
    memo: dict = field(default_factory=dict)                      # what several pages compute alike, once per build; the chart's template
    corrections: list[Correction] = field(default_factory=list)   # corrections.yml, as applied
    notes: list[Problem] = field(default_factory=list)            # what an editor should know: removable corrections
    site_url: str = ""                                            # mkdocs.yml's: the data files' addresses, UIDs
    site_name: str = ""


def build_site(root: Path, settings: Settings | None = None, use_cache: bool | None = None,
               started: Reading | None = None, site_url: str = "", site_name: str = "", aside: Path | None = None) -> Site:
    """`use_cache=None`: the on-disk cache under `root/.cache/` unless EXPLAINER_CACHE=0.
    `started`: what `start()` began for this root and settings (else it is begun here).
    `site_url`, `site_name`: mkdocs.yml's, for the open data (calendar UIDs, the Data page's JSON-LD).
    `aside`: a folder the data files (`data_files`: the JSON, the CSV tables, the calendar) are written
    into by a forked process (forked.Later, `write_data_files`) while this one writes the pages: they
    are in `site.later` (each file's SHA-256, once written), not in `site.files`, and never held in
    this process (at 10,000 articles they are 145 MB of text); the generated pages too are written
    there, each once finished (`site.aside`, not `site.pages`): the hooks hand MkDocs the files."""
    settings = settings or Settings()
    reading = started or start(root, settings, use_cache)
    memo = {"chart": chart.template()}          # compiled while the workers extract
    articles, extracted = reading.finish()
    fixes = corrections.load(root / corrections.FILE)
    done = corrections.apply(extracted, fixes, settings.cutoff, settings.labels)
    if done.problems or (wrong_days := check_published(extracted)):
        raise SeedError(done.problems or wrong_days)
    extracted, apart = done.extracted, corrections.Apart(done.links)
    events, joined = corrections.join(merge_events([e for x in extracted for e in x.events], apart), done.links, apart)
    figures = merge_figures([f for x in extracted for f in x.figures])
    context, joined_too = corrections.join(merge_context([c for x in extracted for c in x.context], apart), done.links, apart)
    site = Site(settings, articles, extracted, events, figures, context, corrections=fixes,
                notes=sorted(done.notes + joined + joined_too), site_url=site_url, site_name=site_name,
                memo=memo)
    site.abbreviations, site.not_abbreviations = glossary.load(root / settings.glossary)
    check_quotes(site)
    without_texts(articles, [*site.extracted, *reading.found.values()])
    if aside is not None:                       # made on the second core while this one writes the pages
        memory.give_back()                      # what reading and merging freed: not in the child too
        making = Later(lambda: write_data_files(site, reading.folder, aside))
        site.later = {path: making.part(path) for path in DATA_FILES}
    else:
        site.files = data_files(site, reading.folder)
    paged = paging.Paged()
    for page in PAGES:                          # each split as it is made: one page's text at a time
        paged.add(page.PATH, paging.split_page(page.PATH, _made(page, site)))
    site.anchors = paged.where
    finished = ((path, glossary.with_abbreviations(md, site.abbreviations)) for path, md in paged.pages())
    if aside is None:
        site.pages = dict(finished)
    else:
        site.aside = {path: _write(aside / path, [md]) for path, md in finished}
    return site


def _made(page, site: Site) -> str:
    """A generated page's Markdown (`page`: a module of PAGES), or with no article yet, what says so."""
    markdown = page.render(site)
    return markdown if site.articles else nothing_yet(markdown, site.settings.seeds)


def data_files(site: Site, folder: Path | None) -> dict[str, str]:
    """The open data (DATA_FILES, in that order): JSON, CSV and the calendar (kept beside the cache `folder`)."""
    return {path: "".join(pieces) for path, pieces in _data_files(site, folder)}


def _data_files(site: Site, folder: Path | None):
    """The data files one at a time, in DATA_FILES' order: (path, its text a piece at a time)."""
    events, topic = site.events, site.settings.topic
    yield "data/timeline.json", data.timeline_json(events)
    yield "data/figures.json", data.figures_json(site.figures)
    yield "data/context.json", data.context_json(site.context)
    yield "data/timeline.csv", opendata.timeline_csv(events)
    yield "data/figures.csv", opendata.figures_csv(site.figures)
    yield "data/timeline.ics", opendata.cached_ics(events, folder, site.site_url, f"{topic.name}: timeline",
                                                   topic.description)


def write_data_files(site: Site, folder: Path | None, into: Path) -> dict[str, str]:
    """The data files written into the folder `into` (UTF-8, as `export` writes them), each a piece at
    a time (no file whole in memory, but the calendar's events with the cache on): path -> the file's SHA-256."""
    return {path: _write(into / path, pieces) for path, pieces in _data_files(site, folder)}


def _write(target: Path, pieces) -> str:
    """A text given in pieces written as UTF-8 (the CSV's and calendar's CRLF kept), its folder made:
    the SHA-256 of the bytes written."""
    target.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    with open(target, "wb") as out:
        for piece in pieces:
            raw = piece.encode("utf-8")
            digest.update(raw)
            out.write(raw)
    return digest.hexdigest()


NOTHING_YET = ("Nothing here yet: no article has been added. To add one, save its text as a Markdown file "
               "with a title, outlet and published date in `{seeds}/` (the README says how) and build again.")


def nothing_yet(markdown: str, seeds: str) -> str:
    """A generated page of a site with no article yet: its title and one sentence on how to add one."""
    title = next((line for line in markdown.splitlines() if line.startswith("# ")), "# Nothing here yet")
    return f"{title}\n\n{NOTHING_YET.format(seeds=seeds.replace('`', ''))}\n"


def check_published(extracted: list[Extracted]) -> list[Problem]:
    """A publication date that disagrees with the article's own dateline by more than a day (time
    zones make one), or with its date line (a later copy may keep the original's date, up to a
    month before; never a day after): one of them is mistyped, and every relative date would move."""
    problems = []
    for x in extracted:
        if not x.stated:
            continue
        kind, text, when = x.stated
        gap = (x.article.published - date(*when.lo)).days
        if (abs(gap) > 1) if kind == "dateline" else not -1 <= gap <= 31:
            problems.append(Problem(x.article.path, x.article.body_line,
                                    f"'published: {x.article.published}' disagrees with the article's own {kind} "
                                    f"'{text}' ({date(*when.lo)}): correct the one that is wrong"))
    return problems


def without_texts(articles: list[Article], yields: list[Extracted]) -> None:
    """The articles (the list itself, which the Reading shares) and the yields' articles without their
    text (`body` ""), once every quote is checked against it: the pages show an article's title, outlet,
    date and quotes, never its text, and at 10,000 articles the texts are 50 MB, held until the build ends
    here and in the process that writes the data files."""
    bare = {a.path: replace(a, body="") for a in articles}
    articles[:] = bare.values()
    for x in yields:
        x.article = bare.get(x.article.path, x.article)


def check_quotes(site: Site) -> None:
    """Every quote on the site must stand, word for word, in its article."""
    articles = {a.slug: a for a in site.articles}
    folded: dict[str, str] = {}                     # an article's text with white space folded, when needed
    problems = []
    cited = [s for item in [*site.events, *site.figures, *site.context] for s in item.sources]
    cited += [s for x in site.extracted for _, s in [*x.mentions, *x.requests]]
    checked: set[tuple[str, str, int]] = set()      # a sentence cited by several items is checked once
    for s in cited:
        if (s.seed, s.quote, s.line) in checked:
            continue
        checked.add((s.seed, s.quote, s.line))
        article = articles[s.seed]
        if s.quote in article.body:     # as it stands: then also with white space folded on both sides
            continue
        if s.seed not in folded:
            folded[s.seed] = fold(article.body)
        if fold(s.quote) not in folded[s.seed]:
            problems.append(Problem(article.path, s.line, f"quote not found verbatim in the article: {s.quote[:80]!r}"))
    if problems:
        raise SeedError(problems)


def fill_markers(markdown: str, site: Site, where: str = "docs/index.md") -> str:
    """Replace `<!-- explainer:NAME -->` in a written page with what pages/markers.py makes of it from the data."""
    problems: list[Problem] = []

    def sub(m: re.Match) -> str:
        name = m.group("name")
        text = markers.fill(name, site)
        if text is None:
            problems.append(Problem(where, markdown[:m.start()].count("\n") + 1,
                                    f"no figure for marker '{name}'; known: {', '.join(markers.known())}"))
        return text or ""

    out = MARKER.sub(sub, markdown)
    if problems:
        raise SeedError(problems)
    return out


def finish_written(markdown: str, site: Site, where: str) -> str:
    """A written page as published: its markers filled, the glossary's abbreviations added."""
    if MARKER.search(markdown):
        markdown = fill_markers(markdown, site, where)
    return glossary.with_abbreviations(paging.relink(markdown, site.anchors), site.abbreviations)


class ExportError(ValueError):
    """Why the export cannot be written there (one line, exit code 2)."""


def export(root: Path, out: Path, config: dict, settings: Settings | None = None) -> Site:
    """Write to `out` a complete project that an engine without the hooks builds as it is (Zensical,
    ProperDocs, MkDocs): `docs/` (the written pages with their markers filled, the generated pages,
    the data files, the stylesheets: everything the site shows), `mkdocs.yml` (`config`, the
    project's mkdocs.yml as MkDocs' loader read it, written by `exported_config`) and the theme's
    `custom_dir`, if any. Anything else already in `out` stays."""
    docs_dir = config.get("docs_dir") or "docs"
    mine = (root.resolve(), *root.resolve().parents)       # its docs/ and mkdocs.yml, or above them
    if out.resolve() in mine or (root / docs_dir).resolve() in out.resolve().parents:
        raise ExportError(f"{out}: would overwrite the project's own files; choose another folder "
                          "(export/ is git-ignored)")
    site = build_site(root, settings, site_url=config.get("site_url") or "", site_name=config.get("site_name") or "")
    docs = out / "docs"
    if docs.exists():
        shutil.rmtree(docs)
    shutil.copytree(root / docs_dir, docs)
    for md in sorted(docs.rglob("*.md")):
        text = md.read_text(encoding="utf-8")
        md.write_text(finish_written(text, site, f"{docs_dir}/{md.relative_to(docs).as_posix()}"), encoding="utf-8")
    for path, text in {**site.pages, **site.files}.items():
        _write(docs / path, [text])
    theme = config.get("theme")
    custom = theme.get("custom_dir") if isinstance(theme, dict) else None
    if custom and not Path(custom).is_absolute():        # theme overrides beside mkdocs.yml come along
        shutil.rmtree(out / custom, ignore_errors=True)
        shutil.copytree(root / custom, out / custom)
    (out / "mkdocs.yml").write_text(exported_config(config), encoding="utf-8")
    return site


# What only the hooks read, left out of the exported mkdocs.yml (its docs folder is the default, docs/).
HOOKS_ONLY = ("hooks", "watch", "docs_dir")
EXPORTED = ("# Written by `python -m explainer export` from the project's mkdocs.yml: no hooks, every value\n"
            "# plain YAML. `zensical build`, `properdocs build` or `mkdocs build` build it as it is.\n")


def exported_config(config: dict) -> str:
    """mkdocs.yml for an engine without the hooks: `config` (as MkDocs' loader read it: `!ENV`
    resolved to its value) without `hooks`, `watch`, `docs_dir` and `extra.explainer`, written as
    plain YAML. A date becomes a quoted string (Zensical stops on a date under `extra`), a string
    that would read as another type is quoted, a Python name stays `!!python/name:…`."""
    extra = config.get("extra")
    if isinstance(extra, dict):
        extra = {k: v for k, v in extra.items() if k != "explainer"}
    kept = {k: (extra if k == "extra" else v) for k, v in config.items()
            if k not in HOOKS_ONLY and not (k == "extra" and not extra)}
    return EXPORTED + yaml.dump(plain(kept, ""), Dumper=_PlainDumper, sort_keys=False, allow_unicode=True, width=1000)


class _PythonName(str):
    """`!!python/name:module.name` in mkdocs.yml (a function given as an option), written back as such."""


# How each kind of value MkDocs' loader gives is written: the first row whose types match.
PLAIN = (
    ((dict,), lambda v, where: {plain(k, where): plain(x, f"{where}.{k}".lstrip(".")) for k, x in v.items()}),
    ((list, tuple), lambda v, where: [plain(x, f"{where}[{i}]") for i, x in enumerate(v)]),
    ((str, bool, int, float, type(None)), lambda v, where: v),
    ((date,), lambda v, where: v.isoformat()),                     # a datetime too
    ((type, types.FunctionType, types.BuiltinFunctionType),
     lambda v, where: _PythonName(f"{v.__module__}.{v.__qualname__}")),
)


def plain(value, where: str):
    """`value` as plain YAML data (PLAIN); a value of another type is an error naming its key."""
    for kinds, convert in PLAIN:
        if isinstance(value, kinds):
            return convert(value, where)
    raise ExportError(f"mkdocs.yml: {where}: a {type(value).__name__} value, which the export cannot write "
                      "as plain YAML for other engines")


class _PlainDumper(yaml.SafeDumper):
    """Plain YAML: a multi-line string as a block (`|`), a Python name as its tag."""


_PlainDumper.add_representer(
    _PythonName, lambda dumper, name: dumper.represent_scalar(f"tag:yaml.org,2002:python/name:{name}", ""))
_PlainDumper.add_representer(
    str, lambda dumper, s: dumper.represent_scalar("tag:yaml.org,2002:str", s, style="|" if "\n" in s else None))
