"""1. Reading an article: front matter validated (seeds), text cut into sentences (text)."""
