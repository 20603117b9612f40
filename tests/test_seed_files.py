"""Files from strangers: a seed must be a plain file in seeds/, published no later than today and on
the day its file name gives."""
from __future__ import annotations

import os
from datetime import date, timedelta

import pytest

from explainer.errors import SeedError
from explainer.read.seeds import load_seeds

ARTICLE = "---\ntitle: A title\noutlet: An outlet\npublished: {day}\n---\nThe text of the article, long enough.\n"


def _problems(folder) -> list[str]:
    with pytest.raises(SeedError) as err:
        load_seeds(folder)
    return [str(p) for p in err.value.problems]


def test_a_symlink_is_refused_even_to_a_good_article(tmp_path):
    seeds, outside = tmp_path / "seeds", tmp_path / "outside"
    seeds.mkdir(), outside.mkdir()
    (outside / "good.md").write_text(ARTICLE.format(day="2023-09-30"), encoding="utf-8")
    os.symlink(outside / "good.md", seeds / "2023-09-30-x.md")
    assert _problems(seeds) == ["seeds/2023-09-30-x.md:1: is a symbolic link, or leads outside the seeds folder: "
                                "refused; save the article's text as a plain file in the folder"]


def test_a_publication_day_after_today_is_a_mistyped_year(tmp_path):
    later = date.today() + timedelta(days=400)
    (tmp_path / "story.md").write_text(ARTICLE.format(day=later.isoformat()), encoding="utf-8")
    (problem,) = _problems(tmp_path)
    assert problem.startswith("seeds/story.md:4: 'published: ") and "is after today" in problem


def test_the_day_in_the_file_name_and_published_must_agree(tmp_path):
    (tmp_path / "2023-09-30-outlet-story.md").write_text(ARTICLE.format(day="2023-03-09"), encoding="utf-8")
    (tmp_path / "07_outlet_2023-09-22_story.md").write_text(ARTICLE.format(day="2023-09-22"), encoding="utf-8")
    assert _problems(tmp_path) == ["seeds/2023-09-30-outlet-story.md:4: 'published: 2023-03-09' is not the date in "
                                   "the file's name (2023-09-30): correct the one that is wrong"]


def _published_problems(tmp_path, body: str, published: str) -> list[str]:
    from explainer.build import build_site
    from support import repo_settings
    (tmp_path / "seeds").mkdir(exist_ok=True)
    (tmp_path / "docs").mkdir(exist_ok=True)
    text = "---\ntitle: A title\noutlet: An outlet\npublished: {}\n---\n{}\n".format(published, body)
    (tmp_path / "seeds" / "story.md").write_text(text, encoding="utf-8")
    try:
        build_site(tmp_path, repo_settings(), use_cache=False)
    except SeedError as err:
        return [str(p) for p in err.problems]
    return []


@pytest.mark.parametrize("body, published, wrong", [
    ("FREDVILLE, Sept 30 (Reuters) - Crowds gathered at the border crossing for a third day.", "2023-03-09", True),
    ("FREDVILLE, Sept 30 (Reuters) - Crowds gathered at the border crossing for a third day.", "2023-10-01", False),
    ("September 26, 2023\n\nCrowds gathered at the border crossing for a third day, officials said.", "2023-10-20", False),
    ("September 26, 2023\n\nCrowds gathered at the border crossing for a third day, officials said.", "2023-09-20", True),
])
def test_published_must_agree_with_the_articles_own_dateline_or_date_line(tmp_path, body, published, wrong):
    problems = _published_problems(tmp_path, body, published)
    if not wrong:
        assert problems == []
    else:
        (problem,) = problems
        assert problem.startswith(f"seeds/story.md:6: 'published: {published}' disagrees with the article's own ")
        assert problem.endswith("correct the one that is wrong")
