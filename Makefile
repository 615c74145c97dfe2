# Assistant IA — the two commands a newcomer needs: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
SYNAPSE_VENV := .venv-synapse
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SYNAPSE_STAMP := $(SYNAPSE_VENV)/.installed

.PHONY: install demo test test-fast lint typecheck check clean

install: $(STAMP) $(SYNAPSE_STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev,privacy-ner]"
	touch $@

# Synapse lives in its own virtual environment: its pins must not constrain the bot's.
$(SYNAPSE_STAMP):
	$(PYTHON) -m venv $(SYNAPSE_VENV)
	$(SYNAPSE_VENV)/bin/pip install --quiet --upgrade pip
	$(SYNAPSE_VENV)/bin/pip install --quiet "matrix-synapse>=1.100"
	touch $@

demo: install
	$(BIN)/python -m devtools.demo

test: install
	SYNAPSE_PYTHON=$(CURDIR)/$(SYNAPSE_VENV)/bin/python $(BIN)/python -m pytest -q

# Unit and dispatcher levels only (no homeserver): about a minute.
test-fast: install
	$(BIN)/python -m pytest -q -m "not integration"

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
