# Two commands do all set-up on a fresh machine (Python 3.11, Debian):
#   make graph   install graphkit, ingest corpus/ into the embedded store, write graph.html
#   make test    install graphkit with its test extras (and Debian's chromium), run the tests
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/pip install --disable-pip-version-check -q -c constraints.txt

.PHONY: install install-test graph test lint bench scorer screenshot clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

install: $(BIN)/python
	$(PIP) -e .

install-test: $(BIN)/python
	$(PIP) -e '.[test]'
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing Debian's chromium for the browser tests"; \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; fi; }
	@command -v chromium >/dev/null 2>&1 || { echo "error: chromium is required for the browser tests" >&2; exit 1; }

graph: install
	$(BIN)/graphkit ingest corpus/
	$(BIN)/graphkit render -o graph.html --title "graphkit: sample corpus"

test: install-test
	$(BIN)/pytest -q

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/mypy

# The learned scorer (graphkit/data/scorer.json) from the shared development data.
SHARED ?= ../shared
scorer: install
	$(BIN)/graphkit train --corpus $(SHARED)/corpus-dev --gold $(SHARED)/eval/dev-gold.json \
	  --corpus $(SHARED)/corpus-seed --gold $(SHARED)/eval/seed-gold.json \
	  --conflicts $(SHARED)/eval/dev-conflicts.json

bench: install-test
	$(BIN)/python bench/run_all.py

screenshot: install-test graph
	$(BIN)/python scripts/screenshot.py graph.html docs/graph.png

clean:
	rm -rf $(VENV) .graphkit graph.html
