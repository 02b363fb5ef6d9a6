# Two commands on a fresh machine with Python 3.11+: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck unit bench schemas docs clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[all,dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/python examples/demo.py

lint: $(STAMP)
	$(BIN)/ruff check src tests examples benchmarks scripts
	$(BIN)/ruff format --check src tests examples benchmarks scripts

typecheck: $(STAMP)
	$(BIN)/mypy src

unit: $(STAMP)
	$(BIN)/pytest --cov --cov-branch --cov-report=term

test: lint typecheck unit

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_model.py
	$(BIN)/python benchmarks/bench_phrases.py
	$(BIN)/python benchmarks/bench_validate.py
	$(BIN)/python benchmarks/bench_excel.py
	$(BIN)/python benchmarks/bench_notice.py
	$(BIN)/python benchmarks/bench_packages.py
	$(BIN)/python benchmarks/bench_import.py

# Rewrite the pinned JSON schemas under tests/data/schema after a deliberate model change.
schemas: $(STAMP)
	$(BIN)/python -m tests.model.test_json_schema
	$(BIN)/python -m tests.test_report

# Regenerate the reference pages made from code (docs/rules.md) after changing a rule.
docs: $(STAMP)
	$(BIN)/python -m tests.rules.test_catalogue
	$(BIN)/python scripts/make_reference.py

clean:
	rm -rf $(VENV) demo-output .pytest_cache .mypy_cache .ruff_cache .coverage htmlcov
