# Engage: `make run` sets up everything and serves the demo; `make test` runs the whole suite.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 5000
FLASK := $(BIN)/flask --app wsgi
STAMP := .make

.PHONY: run setup assets db demo lock test test-sqlite test-postgres faults lint format bench clean

run: setup db demo
	@echo "Engage is running on http://127.0.0.1:$(PORT)  (stop with Ctrl+C)"
	$(FLASK) run --host 127.0.0.1 --port $(PORT)

setup: $(STAMP)/python $(STAMP)/assets

# Python packages come from the lock (requirements/dev.txt: exact versions and their hashes), then Engage itself.
LOCK := requirements/base.txt requirements/dev.txt

$(STAMP)/python: $(LOCK) pyproject.toml
	@mkdir -p $(STAMP)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements/dev.txt
	$(BIN)/pip install --quiet --no-deps -e .
	@touch $@

# Recompile the lock from pyproject.toml with pip-tools (kept in a venv of its own), keeping the versions pinned
# unless told otherwise: `make lock PIP_COMPILE_ARGS=--upgrade` or `PIP_COMPILE_ARGS=--upgrade-package=flask`.
PIP_TOOLS := $(STAMP)/pip-tools
PIP_COMPILE := $(PIP_TOOLS)/bin/pip-compile --quiet --strip-extras --generate-hashes --no-emit-index-url \
	--no-emit-find-links --no-emit-trusted-host $(PIP_COMPILE_ARGS)

lock:
	test -x $(PIP_TOOLS)/bin/pip-compile || { $(PYTHON) -m venv $(PIP_TOOLS) && $(PIP_TOOLS)/bin/pip install --quiet pip-tools; }
	$(PIP_COMPILE) --output-file requirements/base.txt pyproject.toml
	$(PIP_COMPILE) --extra dev --output-file requirements/dev.txt pyproject.toml

$(STAMP)/assets: package.json package-lock.json static/src/app.scss static/src/app.js build/copy-assets.mjs
	@mkdir -p $(STAMP)
	npm ci --no-audit --no-fund --loglevel=error
	npm run --silent build
	@touch $@

assets: $(STAMP)/assets

db: setup
	$(FLASK) db upgrade

demo: db
	$(FLASK) seed-demo

# Browser tests share one live server and Chromium per worker: --dist loadgroup keeps them on one worker.
PYTEST := $(BIN)/pytest -n 2 --dist loadgroup

# The `faults` tests start a PostgreSQL cluster of their own whatever the suite runs on: with TEST_DATABASE_URL set
# they run once, in the PostgreSQL pass.
test: setup
	@echo "== Test suite on SQLite"
	env -u TEST_DATABASE_URL -u ENGAGE_REQUIRE_POSTGRES $(PYTEST) $(if $(TEST_DATABASE_URL),-m "not faults") $(PYTEST_ARGS)
	@if [ -n "$$TEST_DATABASE_URL" ]; then \
		echo "== Test suite on PostgreSQL ($$TEST_DATABASE_URL)"; \
		$(PYTEST) $(PYTEST_ARGS); \
	elif [ "$$ENGAGE_REQUIRE_POSTGRES" = 1 ]; then \
		echo "== PostgreSQL run required (ENGAGE_REQUIRE_POSTGRES=1) but TEST_DATABASE_URL is not set"; exit 1; \
	else \
		echo "== PostgreSQL run skipped: set TEST_DATABASE_URL (e.g. postgresql://postgres@127.0.0.1:5432/test) to run the suite on PostgreSQL too"; \
	fi

# Only the fault tests: PostgreSQL restarted under a burst of submissions, the mail server and Redis down.
faults: setup
	$(PYTEST) tests/faults $(PYTEST_ARGS)

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: setup
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: setup
	$(BIN)/python -m benchmarks $(BENCH_ARGS)

clean:
	rm -rf $(STAMP) static/dist static/assets
