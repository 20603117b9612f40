"""Command line: python -m explainer {check,explain,export,diff,synth,new} (run from the project root).

  check                 validate seeds/ and everything built from them, without MkDocs
  explain SEED          what one article yields: dated items, figures, context
  export OUT            a complete project in OUT for engines without hooks: OUT/docs, OUT/mkdocs.yml
  diff BASE HEAD        what changes between two published data folders (Markdown, for a PR summary)
  synth N OUT           N synthetic articles made from seeds/ into OUT, for the benchmark
  new DIR               a new explainer project in DIR (absent or empty), ready to build with no article
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml
from yaml_env_tag import construct_env_tag

from .. import corrections
from ..build import ExportError, build_site, export
from ..errors import Problem, SeedError
from ..extract.article import extract
from ..pages.common import number_words
from ..read.seeds import load_seed
from ..settings import Settings, settings_from


class _Lenient(yaml.SafeLoader):
    """mkdocs.yml may carry tags such as !!python/name that only MkDocs resolves."""


_Lenient.add_multi_constructor("", lambda loader, suffix, node: None)
_Lenient.add_constructor("!ENV", construct_env_tag)     # MkDocs' own reader of `!ENV`


def read_settings(root: Path) -> tuple[Settings, str]:
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Lenient) or {}
    return settings_from(config.get("extra") or {}, root=root), config.get("docs_dir", "docs")


def cmd_check(root: Path) -> int:
    """What the strict build and the tests (CI) would stop on, without MkDocs: a seed, topic or
    corrections problem (raised by build_site), a written page's unknown marker, an abbreviation
    the glossary lacks, a correction that changes nothing. Any of them: exit 1, each with its fix."""
    settings, docs_dir = read_settings(root)
    site = build_site(root, settings)
    from ..build import finish_written
    from ..pages import glossary
    failing = glossary.missing(site, site.abbreviations, site.not_abbreviations, settings.glossary) + site.notes
    for page in sorted((root / docs_dir).rglob("*.md")):
        shown = f"{Path(docs_dir).name}/{page.relative_to(root / docs_dir).as_posix()}"
        try:
            finish_written(page.read_text(encoding="utf-8"), site, shown)
        except SeedError as err:
            failing += err.problems
    if failing:
        raise SeedError(failing)
    print(f"ok: {len(site.articles)} articles, {len(site.events)} dated items, {len(site.figures)} figures, "
          f"{len(site.context)} context statements; every quote found in its article")
    return 0


def cmd_explain(root: Path, seed: str) -> int:
    settings, _ = read_settings(root)
    path = Path(seed)
    problems: list[Problem] = []
    article = load_seed(root / path if not path.is_absolute() else path, str(path), problems)
    if article is None:
        raise SeedError(problems)
    x = extract(article, settings)
    print(f"{article.path}: {article.outlet}, published {article.published} ({article.published:%A})")
    if x.dateline:
        print(f"  dateline: {x.dateline}")
    if x.captions:
        print(f"  photo gallery: {x.captions} captions")
    print(f"\nDated items ({len(x.events)}):")
    for e in x.events:
        s = e.sources[0]
        flag = " [planned]" if e.status == "planned" else ""
        print(f"  line {s.line}: {e.when.key:<24} {e.when.precision:<7} from {s.expression!r}{flag}")
        print(f"      {e.text[:150]}")
    print(f"\nFigures ({len(x.figures)}):")
    for f in x.figures:
        print(f"  line {f.sources[0].line}: {f.metric:<10} {number_words(f):<28} unit={f.unit} qualifier={f.qualifier} "
              f"as of {f.as_of} ({f.as_of_basis})  {f.words!r}")
    print(f"\nContext, undated ({len(x.context)}):")
    for c in x.context:
        print(f"  line {c.sources[0].line}: [{c.topic}] {c.text[:120]}")
    _explain_corrections(root, x, settings)
    return 0


def _explain_corrections(root: Path, x, settings) -> None:
    """The entries of corrections.yml for this article, each with what it does to it, or what is wrong."""
    fixes = [c for c in corrections.load(root / corrections.FILE) if c.seed == f"{x.article.slug}.md"]
    print(f"\nCorrections in {corrections.FILE} ({len(fixes)}):")
    for c in fixes:
        change, value = next(iter(c.changes.items()))
        if change in corrections.LINKS:
            print(f"  {corrections.FILE}:{c.line}: {change} seeds/{value[0]} quoting {value[1]!r} (checked by the build)  why: {c.why}")
            continue
        done = corrections.apply([x], [c], settings.cutoff, settings.labels)
        said = [p.message for p in done.problems + done.notes]
        shown = ("hidden" if change == "hide" else f"date -> {value.key if value else 'undated'}" if change == "date"
                 else f"{change} -> {value}")
        print(f"  {corrections.FILE}:{c.line}: " + ("; ".join(said) if said else f"{shown}  why: {c.why}"))


def load_config(root: Path) -> dict:
    """mkdocs.yml as MkDocs reads it, with its own loader: `!ENV` resolved to its value, `!!python/name`
    to what it names, `INHERIT` merged."""
    from mkdocs.utils.yaml import yaml_load
    with open(root / "mkdocs.yml", "rb") as f:
        return yaml_load(f)


def cmd_export(root: Path, out: Path) -> int:
    from mkdocs.exceptions import ConfigurationError
    try:
        config = load_config(root)
    except (ConfigurationError, OSError) as err:      # unreadable, or not YAML
        print(f"python -m explainer export: error: {root / 'mkdocs.yml'}: {err}", file=sys.stderr)
        return 1
    settings = settings_from(config.get("extra") or {}, root=root)
    try:
        site = export(root, out, config, settings)
    except ExportError as err:
        print(f"python -m explainer export: error: {err}", file=sys.stderr)
        return 2
    print(f"exported {len(site.pages)} generated pages and {len(site.files)} data files, with the written pages, "
          f"to {out / 'docs'}, and {out / 'mkdocs.yml'} without hooks: build it with "
          f"`zensical build`, `properdocs build` or `mkdocs build` in {out}")
    return 0


def cmd_synth(root: Path, out: Path, n: int, seed: int) -> int:
    from .synth import generate
    settings, _ = read_settings(root)
    paths = generate(root / settings.seeds, out, n, seed)
    print(f"wrote {len(paths)} synthetic articles to {out}")
    return 0


def cmd_diff(base: Path, head: Path) -> int:
    from .diff import report
    print(report(base, head), end="")
    return 0


def cmd_new(target: Path) -> int:
    from .new import NewError, new_project
    try:
        written = new_project(target)
    except NewError as err:
        print(f"python -m explainer new: error: {err}", file=sys.stderr)
        return 2
    print(f"wrote a new explainer project to {target} ({len(written)} files). Next:\n"
          f"  cd {target}\n  edit topic.yml and mkdocs.yml (the values marked REPLACE), then docs/index.md\n"
          f"  make serve      # the site, with no article yet\n"
          f"  add articles to seeds/ (seeds/README.txt says how)")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m explainer", description=__doc__.splitlines()[0])
    ap.add_argument("--root", type=Path, default=Path("."), help="project folder (holds mkdocs.yml and seeds/)")
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("check", help="validate seeds/ without building the site")
    p = sub.add_parser("explain", help="show what one article yields")
    p.add_argument("seed")
    p = sub.add_parser("export", help="a complete project (docs/, mkdocs.yml without hooks) for other engines")
    p.add_argument("out", type=Path)
    p = sub.add_parser("diff", help="compare two published data folders (BASE/data HEAD/data)")
    p.add_argument("base", type=Path)
    p.add_argument("head", type=Path)
    p = sub.add_parser("synth", help="write N synthetic articles (from the seeds' sentences) for the benchmark")
    p.add_argument("n", type=int)
    p.add_argument("out", type=Path)
    p.add_argument("--seed", type=int, default=1)
    p = sub.add_parser("new", help="a new explainer project in DIR (absent or empty)")
    p.add_argument("dir", type=Path)
    args = ap.parse_args(argv)
    if args.cmd == "new":
        return cmd_new(args.dir)
    try:
        if args.cmd == "check":
            return cmd_check(args.root)
        if args.cmd == "explain":
            return cmd_explain(args.root, args.seed)
        if args.cmd == "synth":
            return cmd_synth(args.root, args.out, args.n, args.seed)
        if args.cmd == "diff":
            return cmd_diff(args.base, args.head)
        return cmd_export(args.root, args.out)
    except SeedError as err:
        print(err, file=sys.stderr)
        print(f"{len(err.problems)} problem(s) found. The strict build and the tests (CI) stop on each: "
              "fix them and run make check again.", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
