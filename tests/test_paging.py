"""Big generated pages split into parts, with every link pointed at the part holding its anchor."""
from __future__ import annotations

import re


from conftest import ROOT, mkdocs
from support import repo_settings
from explainer.pages import paging
from explainer.build import build_site
from explainer.settings import Settings
from explainer.tools.synth import generate


def test_small_pages_are_left_alone():
    md = "---\ndescription: x\n---\n\n# T\n\n## A { #a }\n\ntext\n"
    assert paging.split_page("t.md", md, limit=10_000) == {"t.md": md}


def test_a_big_page_splits_at_its_headings_and_links_follow():
    days = "".join(f"## Day {i} {{ #d{i} }}\n\n- <span id=\"e{i}\"></span>item {i} " + "x" * 400 + "\n\n" for i in range(40))
    pages = {"timeline.md": "---\ndescription: d\n---\n\n# Timeline\n\nIntro, see [day 30](#d30).\n\n" + days,
             "sources.md": "# Sources\n\n[item 33](timeline.md#e33) and [the page](timeline.md)\n"}
    out, where = paging.paginate(pages, limit=5_000)
    assert pages == {}                                  # read and let go
    parts = [p for p in out if p.startswith("timeline")]
    assert len(parts) > 2 and parts == ["timeline.md"] + [f"timeline-{i}.md" for i in range(2, len(parts) + 1)]
    first = out["timeline.md"]                          # the first part: the title, then a list of the parts
    assert first.index("# Timeline") < first.index(f"This page is in {len(parts)} parts:") < first.index("## Day 0 ")
    listed = re.findall(r"(?m)^(\d+)\. \[[^\]]+\]\(([\w-]+\.md)\)$", first)
    assert listed == [(str(i), p) for i, p in enumerate(parts, 1)]
    holder = where[("timeline.md", "e33")]
    assert 'id="e33"' in out[holder]
    assert f"]({holder}#e33)" in out["sources.md"] and "[the page](timeline.md)" in out["sources.md"]
    assert f"]({where[('timeline.md', 'd30')]}#d30)" in out["timeline.md"]       # the page's own link, too
    assert all(len(md.encode()) < 8_000 for md in out.values())
    assert "description: d" in out[holder] and "(part " in out[holder]
    assert "This page is in" in out["timeline.md"]


def test_a_table_too_big_is_cut_between_rows():
    rows = "".join(f"| {i} | {'y' * 300} |\n" for i in range(60))
    md = "# H\n\n## Casualties\n\nIntro.\n\n| A | B |\n|---|---|\n" + rows + "\nAfter.\n"
    out, _ = paging.paginate({"h.md": md}, limit=4_000)
    assert len(out) > 2
    row = re.compile(r"\| (\d+) \| y{300} \|")
    found = [int(m.group(1)) for part in out.values() for line in part.splitlines() if (m := row.fullmatch(line))]
    assert sorted(found) == list(range(60))                        # each row once: none lost, none repeated
    for part in out.values():
        lines = part.splitlines()
        at = next((n for n, line in enumerate(lines) if row.fullmatch(line)), None)
        if at is not None:                                         # each piece starts its table with the header
            assert lines[at - 2:at] == ["| A | B |", "|---|---|"]


def test_a_synthetic_corpus_splits_and_builds_strictly_with_every_link_resolving(project_copy):
    """150 articles (real seeds + synthetic), pages split at a low limit: a strict MkDocs build passes
    (MkDocs checks every Markdown link and anchor) and the raw-HTML link check finds nothing broken."""
    from test_site_build import broken_links
    tmp_path = project_copy
    generate(ROOT / "seeds", tmp_path / "seeds", 150)
    (tmp_path / "hooks" / "explainer" / "pages" / "paging.py").write_text(
        (ROOT / "hooks" / "explainer" / "pages" / "paging.py").read_text().replace("LIMIT = 250_000", "LIMIT = 40_000"))
    r = mkdocs("build", "--strict", "-d", str(tmp_path / "site"), cwd=tmp_path)
    assert r.returncode == 0, r.stderr[-3000:]
    parts = [p for p in (tmp_path / "site").iterdir() if p.name.startswith(("timeline-", "sources-"))]
    assert parts, "nothing was split"
    assert broken_links(tmp_path / "site") == []
    site = build_site(ROOT, repo_settings())
    assert not site.anchors                                    # the real corpus stays one page each


def test_anchors_in_ids_and_after_word_characters():
    """An anchor is `id="x"` after a non-word character, or `{ #x }` outside an id's value."""
    text = 'xid="{ #a }" id="{ #in-value }" aid="id="b"" <span id="c">{ #d } é_id="e" {#f}'
    assert [a for _, a in paging.anchors(text)] == ["a", "{ #in-value }", "b", "c", "d", "f"]
    assert paging.anchors('x <span id="c">') == [(8, "c")]


def test_every_part_name_is_kept_out_of_the_navigation():
    """MkDocs' `not_in_nav` (gitignore patterns) covers parts 2 to 9999 of any page, in this project and
    in a new one; a written page whose name merely has a number in it is not hidden."""
    import yaml
    from mkdocs.config.config_options import PathSpec
    for config in (ROOT / "mkdocs.yml", ROOT / "hooks/explainer/tools/templates/new/mkdocs.yml"):
        text = re.search(r"(?ms)^not_in_nav: \|\n(.*?)\n\n", config.read_text(encoding="utf-8")).group(1)
        spec = PathSpec().run_validation(yaml.safe_load("x: |\n" + text + "\n")["x"])       # as MkDocs reads it
        for n in (2, 10, 104, 1000, 9999):
            assert spec.match_file(f"humanitarian-{n}.md"), (config, n)
        assert not spec.match_file("notes-2023a.md") and not spec.match_file("docs/more/page-2.md")


def test_a_day_too_big_with_no_table_is_cut_between_its_entries():
    """A day of many entries (10,000 articles put thousands on one day) is cut between entries, never
    inside one, nor inside an HTML block left open; each later piece says the day continues."""
    entry = "- <span id=\"e{i}\"></span>item {i} " + "x" * 300 + "\n    <small>1 outlet</small>\n\n    > quote {i}\n\n"
    held = "<details markdown>\n<summary>More</summary>\n\n" + "".join(entry.format(i=f"h{i}") for i in range(30)) + "</details>\n\n"
    day = "### Tuesday 19 September 2023 { #d }\n\n" + "".join(entry.format(i=i) for i in range(60)) + held
    md = "---\ndescription: d\n---\n\n# Timeline\n\nIntro.\n\n## September\n\n" + day
    out, where = paging.paginate({"timeline.md": md}, limit=6_000)
    assert len(out) > 3
    text = "".join(out.values())
    for i in [*range(60), *(f"h{i}" for i in range(30))]:            # every entry once, whole
        assert text.count(f'id="e{i}"') == 1 and f"quote {i}\n" in out[where[("timeline.md", f"e{i}")]]
    assert sum(part.count("<details markdown>") == part.count("</details>") == 1 for part in out.values()) == 1
    assert all("### Tuesday 19 September 2023 (continued)" in part for part in list(out.values())[2:])
    big = [p for p in out.values() if "<details markdown>" not in p]
    assert all(len(p.encode()) < 7_000 for p in big)


def test_a_long_list_of_one_line_items_is_cut_between_items():
    items = "".join(f"- **Item {i}:** " + "z" * 200 + "\n" for i in range(100))
    md = "# Sources\n\n## Different numbers\n\n### Arrivals\n\n" + items
    out, _ = paging.paginate({"sources.md": md}, limit=5_000)
    found = [int(n) for part in out.values() for n in re.findall(r"(?m)^- \*\*Item (\d+):", part)]
    assert found == list(range(100)) and all(len(p.encode()) < 6_000 for p in out.values())


def test_an_entry_keeps_its_heading_when_a_day_is_cut():
    entry = ('<h3 class="entry" id="e{i}" aria-hidden="true">Day</h3>\n\n<div class="entry-item" markdown>\n\n'
             '> “quote {i} ' + "q" * 300 + '”\n\n</div>\n\n')
    md = "# Timeline\n\nIntro.\n\n## Tuesday 19 September 2023 { #d }\n\n" + "".join(entry.format(i=i) for i in range(40))
    out, where = paging.paginate({"timeline.md": md}, limit=3_000)
    assert len(out) > 3
    for i in range(40):
        part = out[where[("timeline.md", f"e{i}")]]
        assert f'id="e{i}"' in part and f"quote {i} " in part
    assert all(p.count("<div") == p.count("</div>") for p in out.values())


def test_no_part_is_over_the_limit_with_its_title_its_back_link_and_the_list_of_parts():
    """The limit holds for the whole part: the first part with the list of every part (long when
    there are many parts with long headings), a later part with its title and link back."""
    heading = "A heading long enough to make each line of the list of parts long, "
    for repeat, limit in ((1, 5_000), (2, 9_000), (3, 30_000)):
        days = "".join(f"## {heading * repeat}{i} {{ #d{i} }}\n\n"
                       + "".join(f"- item {i}.{k} [s](sources.md#s{i}-{k}) [d](#d{39 - i}) " + "x" * 100 + "\n"
                                 for k in range(8)) + "\n" for i in range(40))
        md = "---\ndescription: d\n---\n\n# Timeline\n\n" + "Intro. " * 200 + "\n\n" + days
        cards = "".join(f'## Card {i} {{ #s{i // 8}-{i % 8} }}\n\n' + "y" * 200 + "\n\n" for i in range(320))
        out, _ = paging.paginate({"timeline.md": md, "sources.md": "# Sources\n\n" + cards}, limit=limit)
        assert len([p for p in out if p.startswith("timeline")]) >= 3 and "sources-3.md" in out
        assert max(len(part.encode()) for part in out.values()) <= limit, limit    # links pointed at parts included
        assert max(len(part.encode()) for part in out.values()) > limit * 0.8       # and parts are not half empty
        found = [m for part in out.values() for m in re.findall(r"(?m)^- item (\d+\.\d+) ", part)]
        assert found == [f"{i}.{k}" for i in range(40) for k in range(8)]      # each item once, in order


def test_the_benchmarks_checker_finds_heavy_pages_and_parts_no_link_reaches(tmp_path):
    """tests/bench/parts.py (run by hand or by the benchmark at 10,000 articles): a part is reachable
    when a chain of links between the page's own parts leads to it from the first."""
    from bench import parts

    def page(name: str, body: str) -> None:
        (tmp_path / name).mkdir(parents=True, exist_ok=True)
        (tmp_path / name / "index.html").write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    page("timeline", '<a href="../timeline-2/">2</a> <a href="https://example.org/timeline-4/">elsewhere</a>')
    page("timeline-2", '<a href="../timeline/#d1">back</a> <a href="../timeline-3/#d9">3</a>')
    page("timeline-3", '<a href="../sources-2/">a part of another page</a>')
    page("timeline-4", '<a href="../timeline/">back, but nothing leads here</a>')
    page("sources", "x" * 500)
    page("sources-2", '<a href="../sources/">back</a>')
    page("notes-2", "a page of its own: no page named notes")
    r = parts.check(tmp_path, limit=400)
    assert r.split == {"sources/": ["sources-2/"], "timeline/": ["timeline-2/", "timeline-3/", "timeline-4/"]}
    assert r.unreachable == ["sources-2/", "timeline-4/"]
    assert r.heavy == [(len("<html><body></body></html>") + 500, "sources/")] and not r.ok
    assert parts.main([str(tmp_path), "--limit", "400"]) == 1


def test_the_fast_search_for_places_to_cut_finds_what_the_plain_pattern_finds():
    """`_blocks` finds BLOCK's matches by the newline before them: the same positions, cuts and blocks
    opened or closed, on every kind of line start (composed at random)."""
    import random
    from explainer.pages import paging
    lines = ["- item", "* item", "-item", "*bold*", "<div class=x>", "</div>", "<details>", "</details>", "<span>x</span>",
             "</span>", "<table>", "text", "", "", "## Day", "### Part", "    - nested", "<", "-", "<ul>", "</ul>",
             "<divx>", "> quote", "1. one"]
    rng = random.Random(21)
    for _ in range(400):
        section = rng.choice(["## Heading\n", "", "\n", "<div>\n"]) + "\n".join(rng.choice(lines) for _ in range(rng.randint(0, 30)))
        plain = [(m.start(), m.group("cut") is not None, m.group("open"), m.group("close"))
                 for m in paging.BLOCK.finditer(section)]
        assert list(paging._blocks(section)) == [(at, cut, o or None, c or None) for at, cut, o, c in plain], section


def test_the_fast_cuts_at_headings_are_the_plain_patterns_own():
    """`_chunks` and `_headings` find by the newline before them what `re.split` and HEADING find at line starts."""
    import random
    import re
    from explainer.pages import paging
    lines = ["## Day { #d1 }", "### Part", "#### Four", "##No space", "## ", "text", "", "", "- item ## not", " ## indented",
             "## Title {#x}  ", "###", "## a\t", "</div>", "## Sets \\{", "## open {", "close }", "## b }", "{ #y }",
             "  { .z }", "## x { #a } }"]
    rng = random.Random(16)
    for _ in range(3000):
        body = "\n".join(rng.choice(lines) for _ in range(rng.randint(0, 25))) + rng.choice(["", "\n", "\n\n"])
        for level in ("##", "###"):
            assert paging._chunks(body, level) == re.split(rf"(?m)^(?={level} )", body), body
        assert [m.span() for m in paging._headings(body)] == [m.span() for m in paging.HEADING.finditer(body)], body
