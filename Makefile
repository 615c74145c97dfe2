# Assistant IA — the two commands a newcomer needs: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
SYNAPSE_VENV := .venv-synapse
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SYNAPSE_STAMP := $(SYNAPSE_VENV)/.installed

.PHONY: install lock demo test test-fast bench lint typecheck check clean

install: $(STAMP) $(SYNAPSE_STAMP)

# The versions come from the hash-locked files in requirements/ (the same pip, the same
# packages on every machine); the project itself is installed on top without its dependencies.
$(STAMP): pyproject.toml requirements/pip.lock requirements/dev.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes -r requirements/pip.lock
	$(BIN)/pip install --quiet --require-hashes -r requirements/dev.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

# Synapse lives in its own virtual environment: its pins must not constrain the bot's.
$(SYNAPSE_STAMP): requirements/pip.lock requirements/synapse.lock
	$(PYTHON) -m venv $(SYNAPSE_VENV)
	$(SYNAPSE_VENV)/bin/pip install --quiet --require-hashes -r requirements/pip.lock
	$(SYNAPSE_VENV)/bin/pip install --quiet --require-hashes -r requirements/synapse.lock
	touch $@

# Regenerates every lock from pyproject.toml and requirements/*.in, each package at the newest
# version their ranges allow: the upgrade command. `make lock UPGRADE=` keeps the locked
# versions that still fit (after a change of pyproject.toml). Universal: one lock for every
# platform, Python 3.11 and later. The image's locks are constrained by dev.lock so that CI
# tests the versions the image ships. uv comes from the bot's venv, even an outdated one (hence
# the order-only prerequisite). tests/unit/test_locks.py checks the locks against these commands
# and pyproject.toml.
UPGRADE ?= --upgrade
COMPILE = $(BIN)/uv pip compile --quiet $(UPGRADE) --universal --python-version 3.11 \
	--generate-hashes
lock: | $(STAMP)
	$(COMPILE) pyproject.toml --extra privacy-ner --extra dev -o requirements/dev.lock
	$(COMPILE) pyproject.toml --extra privacy-ner -c requirements/dev.lock -o requirements/run.lock
	$(COMPILE) pyproject.toml -c requirements/dev.lock -o requirements/run-base.lock
	$(COMPILE) requirements/synapse.in -o requirements/synapse.lock
	$(COMPILE) requirements/pip.in -o requirements/pip.lock

demo: install
	$(BIN)/python -m devtools.demo

# Four workers (pytest-xdist), each with its own Synapse, even on two cores: the suite is half
# waiting on homeservers and child processes (two workers: 1,056 s against 740 s on one loaded
# 2-core machine, the same tree run back to back).
test: install
	SYNAPSE_PYTHON=$(CURDIR)/$(SYNAPSE_VENV)/bin/python $(BIN)/python -m pytest -q -n 4

# Unit and dispatcher levels only (no homeserver): about a minute.
test-fast: install
	$(BIN)/python -m pytest -q -m "not integration"

# Issue 16's table: scenarios A and B against the bot (default configuration) and a bare echo
# bot, then the first answer after a restart. A script, not a timed test: about 5 minutes.
bench: install
	SYNAPSE_PYTHON=$(CURDIR)/$(SYNAPSE_VENV)/bin/python $(BIN)/python bench/lean.py

lint: install
	$(BIN)/ruff check bot handlers storage devtools tests bench
	$(BIN)/ruff format --check bot handlers storage devtools tests bench
	$(BIN)/hadolint Dockerfile
	$(BIN)/lint-imports
	$(BIN)/python -m devtools.check_sql

typecheck: install
	$(BIN)/mypy

check: lint typecheck test

clean:
	rm -rf $(VENV) $(SYNAPSE_VENV) .demo .pytest_cache .mypy_cache .ruff_cache \
		.import_linter_cache .grimp_cache
