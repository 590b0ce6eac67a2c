# trygg: the few commands a contributor needs. `make demo` and `make test` work on a fresh
# clone: they create .venv and install the project into it when it is missing or stale.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DEMO_OUT ?= out/demo

.PHONY: venv demo test lint typecheck pytest schemas docs bench clean

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
		echo "Lägesrapport: $(DEMO_OUT)/$$name-2021Q1.md och .html" || exit 1; \
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

pytest: venv
	$(BIN)/python -m pytest

schemas: venv
	$(BIN)/trygg schema --output schemas

docs: venv
	$(BIN)/python -m trygghet_cli.render.rules_doc > docs/rules.md

bench: venv
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) out .pytest_cache .mypy_cache .ruff_cache
