"""Every quote is checked against its article at build time (engine only)."""
from __future__ import annotations

import dataclasses

import pytest

from conftest import ROOT
from support import repo_settings
from explainer.build import build_site, check_quotes
from explainer.errors import SeedError
from explainer.read.seeds import load_seeds
from explainer.settings import Settings


def test_a_quote_not_in_its_article_stops_the_build_naming_file_and_line():
    site = build_site(ROOT, repo_settings(), use_cache=False)
    site.articles = load_seeds(ROOT / "seeds")                # their texts, which the built site lets go
    check_quotes(site)                                        # the real site's quotes all stand
    event = site.events[0]
    source = event.sources[0]
    article = next(a for a in site.articles if a.slug == source.seed)

    # the same words with other line breaks and spaces still stand
    words = source.quote.split()
    event.sources[0] = dataclasses.replace(source, quote="\n".join(words[:3]) + "   " + " ".join(words[3:]))
    check_quotes(site)

    # one word changed does not
    event.sources[0] = dataclasses.replace(source, quote=source.quote.replace(words[-1], "altered", 1) + " altered")
    with pytest.raises(SeedError) as err:
        check_quotes(site)
    assert str(err.value).startswith(f"{article.path}:{source.line}: quote not found verbatim in the article")


def test_a_built_site_holds_no_article_text():
    """Once the quotes are checked the texts go (at 10,000 articles, 50 MB held to the end of the build);
    the articles' other fields, and every yield's article, stay."""
    site = build_site(ROOT, repo_settings(), use_cache=False)
    read = {a.path: a for a in load_seeds(ROOT / "seeds")}
    assert [a.path for a in site.articles] == list(read) and all(read[a.path].body for a in site.articles)
    assert all(a.body == "" and dataclasses.replace(a, body=read[a.path].body) == read[a.path] for a in site.articles)
    assert {id(x.article) for x in site.extracted} == {id(a) for a in site.articles}
