"""The arrivals chart stays readable however many counts the articles give: every marker inside
the plot, no label over another or over the reference line's label, the x axis's days apart, and a
text alternative of a readable length. Drawn from composed figures, without MkDocs."""
from __future__ import annotations

import random
import sys
import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from explainer.pages import chart
from explainer.model import Figure, Source
from explainer.pages.common import number_words

VARIANTS = (("wide", (chart.WIDTH, chart.HEIGHT)), ("narrow", (chart.NARROW_WIDTH, chart.NARROW_HEIGHT)))


def figure(i: int, day: date, value: int, qualifier: str = "exact", metric: str = "arrivals", outlets: int = 1) -> Figure:
    sources = [Source(seed=f"s{i}-{k}", outlet=f"Outlet {i % 40 + k}", url=None, published=day, quote="q")
               for k in range(outlets)]
    words = f"{'more than ' if qualifier == 'more than' else ''}{value:,} people"
    return Figure(id=f"{metric}-{day}-{value}-{i}", metric=metric, label=metric, value=float(value), unit="people",
                  qualifier=qualifier, words=words, as_of=day.isoformat(), as_of_basis="sentence", sources=sources)


def crowded(n: int = 300, days: int = 40, seed: int = 7) -> list[Figure]:
    """Many counts, many on the same day: what a corpus of hundreds of articles gives."""
    rng = random.Random(seed)
    start = date(2023, 9, 20)
    figs = []
    for i in range(n):
        d = rng.randrange(days)
        figs.append(figure(i, start + timedelta(days=d), 2000 * d + rng.randrange(1, 5000),
                           rng.choice(["exact", "exact", "more than"]), outlets=rng.choice([1, 1, 2, 12])))
    return figs


def population() -> Figure:
    return figure(9999, date(2023, 9, 1), 120000, "exact", metric="population", outlets=3)


def drawn(figs: list[Figure], variant: str, size: tuple[int, int]) -> chart.Chart:
    return chart.layout(chart.points_from(figs, number_words), population(), number_words, "Arrivals", *size, variant)


def labelled(c: chart.Chart) -> list[chart.Point]:
    return [p for p in c.points if p.labelled]


@pytest.mark.parametrize("variant,size", VARIANTS)
def test_a_crowded_chart_keeps_every_marker_inside_the_plot(variant, size):
    c = drawn(crowded(), variant, size)
    assert len(c.points) > 100
    for p in c.points:
        assert c.margin["left"] <= p.x <= c.plot_right and c.margin["top"] <= p.y <= c.plot_bottom, p


@pytest.mark.parametrize("variant,size", VARIANTS)
def test_a_crowded_chart_writes_no_label_over_another(variant, size):
    c = drawn(crowded(), variant, size)
    shown = labelled(c)
    assert 2 <= len(shown) < len(c.points)
    boxes = [chart._label_box(p) for p in shown] + [chart._reference_box(c.reference, c.margin["left"])]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not chart._overlaps(a, b), (a, b)
    for side in ("start", "end"):
        ys = sorted(p.label_y for p in shown if p.anchor == side)
        assert all(b - a >= chart.LABEL_H for a, b in zip(ys, ys[1:]))
    for p in shown:                                    # inside the plot, both lines, and the drawing's width
        assert c.margin["top"] <= p.label_y - chart.LINE_H and p.label_y + chart.LINE_H <= c.plot_bottom
        box = chart._label_box(p)
        assert 0 <= box[0] and box[2] <= c.width, (p.count, p.shown_sources, box)
    top = max(c.points, key=lambda p: (p.value, p.day))
    assert top.labelled                                # the highest count is always named


@pytest.mark.parametrize("variant,size", VARIANTS)
def test_a_crowded_chart_spreads_one_days_markers_within_a_narrow_band(variant, size):
    c = drawn(crowded(), variant, size)
    by_day: dict[date, list[float]] = {}
    for p in c.points:
        by_day.setdefault(p.day, []).append(p.x)
    assert max(len(xs) for xs in by_day.values()) > 3
    assert all(max(xs) - min(xs) <= chart.DAY_SPREAD + 0.1 for xs in by_day.values())


@pytest.mark.parametrize("variant,size", VARIANTS)
def test_day_labels_on_the_x_axis_keep_apart_and_name_the_year_when_counts_span_years(variant, size):
    for days in (3, 7, 40, 400):
        figs = [figure(i, date(2023, 9, 20) + timedelta(days=i * days // 5), 1000 * (i + 1)) for i in range(6)]
        c = drawn(figs, variant, size)
        ticks = c.x_ticks
        assert all(p.when.endswith(f" {p.day.year}") for p in c.points) == (days > 200)   # and on the labels
        xs, labels = [x for x, _ in ticks], [label for _, label in ticks]
        room = chart.TICK_W_YEAR if days > 200 else chart.TICK_W
        assert len(xs) >= 2 and all(b - a >= room - 0.1 for a, b in zip(xs, xs[1:])), (days, xs)
        assert all(re.search(r" 20\d\d$", label) for label in labels) == (days > 200), labels   # years when they differ


def test_a_crowded_chart_names_the_unlabelled_counts_on_pointing_and_in_the_caption():
    html = chart.arrivals_svg(crowded(), number_words, population())
    points = re.findall(r'<g class="chart-point chart-point--\w+" data-as-of.*?</g>', html, re.S)
    untitled = [g for g in points if "<title>" not in g]
    labels = html.count('class="chart-label"')
    assert len(untitled) == labels > 0                  # a point has a label or a tooltip, never neither
    assert "Where points crowd, only some carry a label" in html
    assert html.count('class="chart-leader"') <= labels        # a leader line only to a label


def test_a_long_source_list_is_counted_rather_than_written_out():
    figs = [figure(1, date(2023, 9, 25), 5000, outlets=20), figure(2, date(2023, 9, 28), 60000)]
    assert drawn(figs, *VARIANTS[0]).points[0].shown_sources == "20 outlets, listed in the table below"
    narrow = drawn(figs, *VARIANTS[1]).points[0]      # less room: as much of that as fits, inside the drawing
    assert narrow.shown_sources in ("20 outlets, listed in the table below", "20 outlets")
    assert narrow.labelled and chart._label_box(narrow)[2] <= chart.NARROW_WIDTH


def test_what_a_label_says_of_its_outlets_fits_its_room():
    assert chart._outlets(["Reuters", "AFP"], 200) == "Reuters; AFP"
    assert chart._outlets(["The Moscow Times (AFP)"], 100) == "1 outlet"           # one: no plural
    assert chart._outlets(["A" * 40] * 3, 240) == "3 outlets, listed in the table below"
    assert chart._outlets(["A" * 40] * 3, 30) == ""


def test_counts_of_zero_draw_without_error():
    html = chart.arrivals_svg([figure(1, date(2023, 9, 25), 0), figure(2, date(2023, 9, 26), 0)], number_words)
    assert html.count('data-value="0"') == 4                 # two points, in both drawings


def test_a_few_counts_are_all_labelled_and_each_described():
    figs = [figure(1, date(2023, 9, 25), 4850), figure(2, date(2023, 9, 28), 65035),
            figure(3, date(2023, 9, 30), 100417), figure(4, date(2023, 9, 30), 100000, "more than")]
    html = chart.arrivals_svg(figs, number_words, population())
    for variant, size in VARIANTS:
        assert all(p.labelled for p in drawn(figs, variant, size).points)
    assert "<title>4,850" not in html and "Where points crowd" not in html
    desc = re.search(r"<desc[^>]*>(.*?)</desc>", html, re.S).group(1)
    assert all(n in desc for n in ("4,850", "65,035", "100,417", "more than 100,000"))


def test_the_text_alternative_of_a_crowded_chart_summarises():
    points = chart.points_from(crowded(), number_words)
    desc = chart.describe(points, None)
    top = max(points, key=lambda p: (p.value, p.day))
    assert f"{len(points)} counts from" in desc and top.count in desc and "The table below lists every count" in desc
    assert len(desc) < 1000


def test_a_label_that_would_run_off_the_drawing_goes_to_its_markers_other_side():
    """A single count sits in the middle of the phone drawing: to its right its label does not fit
    (the side a point in the middle takes), to its left it does."""
    c = drawn([figure(1, date(2023, 9, 21), 164393, "about", outlets=30)], *VARIANTS[1])
    p = c.points[0]
    assert p.labelled and p.anchor == "end" and chart._inside(chart._label_box(p), c.width)


def test_past_all_points_each_day_and_kind_is_one_mark_the_days_highest():
    """Thousands of articles give thousands of counts: the chart draws the highest exact count, lower
    bound and approximate figure of each day, says so, and grows with the days, not the counts."""
    figs = crowded(n=3000, days=40)
    points, total = chart.drawn(figs, number_words)
    assert total == len(chart.points_from(figs, number_words)) > chart.ALL_POINTS
    assert len(points) <= 40 * 3 and len({(p.day, p.kind) for p in points}) == len(points)
    for p in points:                                   # each mark is the highest of its day and kind, and says of how many
        same = [f for f in figs if f.as_of == p.day.isoformat() and chart.KIND_OF.get(f.qualifier, chart.EXACT) == p.kind]
        assert p.value == max(f.value for f in same)
        assert p.of == len({f.value for f in same}) > 1 and f"the highest of {p.of} " in p.tooltip
        assert all(f.value == p.value for f in figs if f.id in p.ids)
    html = chart.arrivals_svg(figs, number_words, population())
    assert f"The articles give {total:,} counts: each day shows its highest of each kind" in html
    desc = re.search(r"<desc[^>]*>(.*?)</desc>", html, re.S).group(1)
    assert f"{total:,} counts from" in desc and "drawn as the highest of each day and kind" in desc
    fewer = chart.arrivals_svg(crowded(n=600, days=40), number_words, population())
    assert len(html) < 1.1 * len(fewer)                # five times the counts, about the same drawing


def test_up_to_all_points_every_count_is_a_mark():
    figs = crowded(n=chart.ALL_POINTS, days=40)
    points, total = chart.drawn(figs, number_words)
    assert len(points) == total == len(chart.points_from(figs, number_words)) and all(p.of == 1 for p in points)
    assert "The articles give" not in chart.arrivals_svg(figs, number_words, population())


def test_a_point_reported_by_many_outlets_names_the_first_few_and_counts_the_rest():
    figs = [figure(1, date(2023, 9, 25), 5000, outlets=40), figure(2, date(2023, 9, 28), 60000)]
    p = chart.points_from(figs, number_words)[0]
    assert p.tooltip.endswith(f"Outlet {1 + chart.SHOWN_CITATIONS - 1} and {40 - chart.SHOWN_CITATIONS} more")
    assert p.tooltip.count(";") == chart.SHOWN_CITATIONS - 1
    assert f"and {40 - chart.SHOWN_CITATIONS} more)" in chart.describe([p], None)


def test_the_compiled_template_read_back_draws_the_same_chart(tmp_path, monkeypatch):
    """The template is compiled once and read back from beside the bytecode (Jinja's bytecode cache):
    the same chart either way; an edited template is compiled afresh; nothing is written where
    Python writes no bytecode."""
    import shutil
    pages = tmp_path / "pages"
    shutil.copytree(Path(chart.__file__).parent / "templates", pages / "templates")
    monkeypatch.setattr(chart, "__file__", str(pages / "chart.py"))
    figs, ref = crowded(40), population()
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    fresh = chart.arrivals_svg(figs, number_words, ref, compiled=chart.template())
    assert not (pages / "__pycache__").exists()
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    assert chart.arrivals_svg(figs, number_words, ref, compiled=chart.template()) == fresh
    assert len(list((pages / "__pycache__").glob("*.cache"))) == 1
    with monkeypatch.context() as m:
        m.setattr(chart.jinja2.Environment, "compile", lambda *a, **k: pytest.fail("compiled again"))
        assert chart.arrivals_svg(figs, number_words, ref, compiled=chart.template()) == fresh   # read back
    source = pages / "templates" / "arrivals.svg.j2"
    source.write_text(source.read_text(encoding="utf-8").replace("<svg", "<svg data-edited=\"1\"", 1), encoding="utf-8")
    assert 'data-edited="1"' in chart.arrivals_svg(figs, number_words, ref, compiled=chart.template())
