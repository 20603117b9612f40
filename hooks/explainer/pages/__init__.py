"""One module per generated page; each has `render(site) -> str` (Markdown)."""
