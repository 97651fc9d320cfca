# claimgraph — the two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= claimgraph.db
SHARED ?= ../shared
PORT ?= 8000
EXCLUDE := --exclude README.md --exclude PROVENANCE.md --exclude LICENSE

.PHONY: run test lint bench serve clean chromium

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

## Set everything up, ingest the bundled example corpus (and ../shared/corpus when present), write a brief
## (out/report.md, with its figures),
## then start the explorer on 127.0.0.1.
run: $(STAMP)
	$(BIN)/claimgraph ingest examples/corpus --db $(DB) $(EXCLUDE)
	@if [ -d $(SHARED)/corpus ]; then $(BIN)/claimgraph ingest $(SHARED)/corpus --db $(DB) $(EXCLUDE) || true; fi
	@mkdir -p out
	$(BIN)/claimgraph report --db $(DB) -o out/report.md
	$(BIN)/claimgraph serve --db $(DB) --port $(PORT)

## Browser tests drive Debian's chromium (never a downloaded browser): installed here when missing and run as root.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing Debian chromium for the browser tests"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "The browser tests need Debian's chromium: run 'sudo apt-get install chromium' (or make test as root)"; \
	    exit 1; \
	  fi; }

test: $(STAMP) chromium
	$(BIN)/ruff check src tests bench
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests bench

bench: $(STAMP)
	$(BIN)/python -m bench

serve: $(STAMP)
	$(BIN)/claimgraph serve --db $(DB) --port $(PORT)

clean:
	rm -rf $(VENV) .cache .pytest_cache
