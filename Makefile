# Set-up is part of every target: a fresh clone needs only `make run` or `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
# The CPU wheel of torch is installed first, or pip pulls gigabytes of CUDA wheels.
TORCH ?= torch==2.13.0
PYTEST_ARGS ?=

.PHONY: install run test bench eval lint clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q "$(TORCH)"
	$(PY) -m pip install -q -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

run: install
	$(VENV)/bin/embedding-advisor $(or $(ARGS),ui)

# The browser tests drive Debian's Chromium, the Postgres tests a throw-away PostgreSQL 15 cluster (both installed
# with apt-get when missing).
test: install
	bash .ci/install-browser
	bash .ci/install-postgres
	$(PY) -m pytest $(PYTEST_ARGS)

bench: install
	$(PY) bench/run.py

# Generated against real queries: nDCG@10 per candidate and Kendall tau, per corpus built from this machine's text.
eval: install
	$(PY) bench/query_tau.py --out bench/query_tau.md

# ruff, then mypy over the four packages (configuration in pyproject.toml's [tool.mypy]).
lint: install
	$(VENV)/bin/ruff check .
	$(PY) -m mypy

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
