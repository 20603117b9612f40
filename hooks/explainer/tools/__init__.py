"""Tooling around the engine: the command line (cli), the PR data diff (diff), the synthetic corpus (synth)."""
