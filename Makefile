# The two commands a newcomer needs: `make run` and `make test`. Everything else is optional.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask
export FLASK_APP := wsgi.py

.PHONY: run setup test test-pg lint check bench bench-quick bench-import translations messages clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/activate
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt requirements.txt | $(BIN)/activate
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.runtime $@

# Compiles every catalogue; a broken one (a placeholder that differs from the English, bad syntax) stops here.
translations: $(VENV)/.runtime
	$(BIN)/pybabel compile --statistics -d parliament_tracker/translations

# Refresh the message catalogue after changing user-facing strings.
messages: $(VENV)/.runtime
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext -o parliament_tracker/translations/messages.pot .
	$(BIN)/pybabel update --no-fuzzy-matching -i parliament_tracker/translations/messages.pot -d parliament_tracker/translations
	$(BIN)/pybabel compile --statistics -d parliament_tracker/translations

setup: $(VENV)/.runtime translations
	$(FLASK) db upgrade
	$(FLASK) registry load
	$(FLASK) users create-demo
	$(FLASK) demo load

run: setup
	$(FLASK) run --host 127.0.0.1 --port 5000

test: $(VENV)/.dev translations
	$(BIN)/python -m pytest $(PYTEST_ARGS)

test-pg: $(VENV)/.dev translations
	TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/test $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.dev
	$(BIN)/ruff check .

check: $(VENV)/.dev
	$(FLASK) db check

bench: $(VENV)/.dev
	$(BIN)/python -m bench.run $(BENCH_ARGS)
	$(BIN)/python -m bench.import_bench

# the spreadsheet import alone: 50,000 and 500,000 rows, time and peak memory of preview, commit, re-import
bench-import: $(VENV)/.dev
	$(BIN)/python -m bench.import_bench $(BENCH_IMPORT_ARGS)

# today's size only (no 10x data, no growth ratios): a few minutes
bench-quick: $(VENV)/.dev
	$(BIN)/python -m bench.run --scales 1 $(BENCH_ARGS)

clean:
	rm -rf $(VENV) instance/*.db .pytest_cache
