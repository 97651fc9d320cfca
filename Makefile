# claimgraph — the two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= claimgraph.db
SHARED ?= ../shared
PORT ?= 8000
EXCLUDE := --exclude README.md --exclude PROVENANCE.md --exclude LICENSE

.PHONY: run test lint bench serve clean system-deps

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
	@sed -n '1,/^## Converging pairs/p' out/report.md | head -n 40; echo "(the whole brief: out/report.md)"
	$(BIN)/claimgraph serve --db $(DB) --port $(PORT)

## The tests drive real parts: Debian's chromium (browser tests; never a downloaded browser), a Java runtime
## (Apache Spark in local mode) and PostgreSQL 15 (the PostgreSQL store). Installed here when missing, as root.
SYSTEM_PACKAGES := chromium:chromium java:default-jre-headless /usr/lib/postgresql/15/bin/initdb:postgresql
system-deps:
	@missing=""; for pair in $(SYSTEM_PACKAGES); do \
	  probe=$${pair%%:*}; pkg=$${pair#*:}; \
	  command -v $$probe >/dev/null 2>&1 || [ -x "$$probe" ] || missing="$$missing $$pkg"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing Debian packages the tests need:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "The tests need Debian packages:$$missing — run 'sudo apt-get install$$missing' (or make test as root)"; \
	    exit 1; \
	  fi; \
	fi

test: $(STAMP) system-deps
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
