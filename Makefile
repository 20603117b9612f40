# Every target installs what it needs into .venv first (make install).
SHELL := /bin/bash
VENV  ?= .venv
SHARED ?= ../shared
PY    := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
export PYTHONPATH := $(CURDIR)/hooks
# Let Python keep the hooks' bytecode (hooks/**/__pycache__, git-ignored): a machine that sets
# PYTHONDONTWRITEBYTECODE would otherwise compile the engine's source on every build.
unexport PYTHONDONTWRITEBYTECODE

.PHONY: install serve build test check explain export new bench score clean

install: $(STAMP)

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	@command -v python3 >/dev/null || { echo "python3 (3.11+) is needed"; exit 1; }
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check --require-hashes -r requirements.txt -r requirements-dev.txt
	touch $(STAMP)

serve: install          ## the site on http://127.0.0.1:8000, rebuilt when seeds/, docs/ or hooks/ change
	SITE_URL=http://127.0.0.1:8000/ $(VENV)/bin/mkdocs serve -a 127.0.0.1:8000

build: install          ## strict build into site/
	$(VENV)/bin/mkdocs build --strict -d site

test: install           ## every test
	$(PY) -m pytest

check: install          ## validate seeds/ fast, without building
	$(PY) -m explainer check

explain: install        ## what one article yields: make explain SEED=seeds/x.md
	@test -n "$(SEED)" || { echo "usage: make explain SEED=seeds/<file>.md"; exit 2; }
	$(PY) -m explainer explain $(SEED)

export: install         ## a project other engines build without the hooks (OUT/docs, OUT/mkdocs.yml): make export OUT=dir
	@test -n "$(OUT)" || { echo "usage: make export OUT=<folder>"; exit 2; }
	$(PY) -m explainer export "$(OUT)"

new: install            ## a new explainer project, ready to build with no article: make new DIR=../next-event
	@test -n "$(DIR)" || { echo "usage: make new DIR=<folder>"; exit 2; }
	$(PY) -m explainer new "$(DIR)"

# With TOPIC, a new explainer (`make new`) of that topic and the CORPUS's articles only; without it,
# a copy of this project with the CORPUS's articles added to its seeds.
score: install          ## the published data against the reference answers: make score [CORPUS=../shared/corpus] [TOPIC=path/topic.yml]
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	if [ -n "$(TOPIC)" ]; then rmdir "$$tmp" && $(PY) -m explainer new "$$tmp" >/dev/null && cp "$(TOPIC)" "$$tmp/topic.yml"; \
	else cp -r mkdocs.yml topic.yml corrections.yml docs hooks seeds "$$tmp/"; fi && rm -rf "$$tmp/hooks/explainer/__pycache__" && \
	if [ -n "$(CORPUS)" ]; then cp "$(CORPUS)"/seeds/*.md "$$tmp/seeds/"; fi && \
	(cd "$$tmp" && EXPLAINER_CACHE=0 PYTHONPATH="$$tmp/hooks" "$(abspath $(VENV))/bin/mkdocs" build --strict -q -d site) && \
	if [ -n "$(CORPUS)" ]; then \
	  $(PY) $(SHARED)/eval/score.py "$$tmp/site" --gold "$(CORPUS)/gold.yml" --originals "$(CORPUS)/seeds"; \
	else $(PY) $(SHARED)/eval/score.py "$$tmp/site"; fi

bench: install          ## the speed benchmark (not part of make test): prints a table; SIZES=100,1000,10000 adds 10,000 articles
	$(PY) tests/bench/bench.py $(if $(SIZES),--sizes $(SIZES))

clean:
	rm -rf site .cache .pytest_cache
