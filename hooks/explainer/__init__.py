"""The content engine: seed articles -> dated items and figures -> page Markdown.

Pure functions, no MkDocs import: `hooks/site_hooks.py` wires them into MkDocs,
`python -m explainer` runs them from the command line (check, explain, export).
"""
