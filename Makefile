# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
HOST   ?= 127.0.0.1
PORT   ?= 8000
UI_PORT ?= 8501

.PHONY: run test lint format bench clean venv browser

venv: $(STAMP)

$(STAMP): requirements/dev.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements/dev.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

## Create the database, seed it with demo data when empty, serve GraphQL and the web app.
## The API runs in the background, Streamlit in the foreground; Ctrl-C stops both.
run: $(STAMP)
	$(BIN)/hrgraph seed
	@echo "GraphQL + GraphiQL: http://$(HOST):$(PORT)/graphql"
	@echo "Web app:            http://$(HOST):$(UI_PORT)  (sign in as admin; the first run printed its password)"
	$(BIN)/hrgraph serve --host $(HOST) --port $(PORT) & api=$$!; \
	trap 'kill $$api 2>/dev/null' EXIT INT TERM; \
	HRGRAPH_URL=http://$(HOST):$(PORT)/graphql $(BIN)/streamlit run streamlit_app/app.py \
	  --server.address $(HOST) --server.port $(UI_PORT) --server.headless true \
	  --browser.gatherUsageStats false --client.toolbarMode minimal

## Debian's chromium for the browser tests (never a browser download); CI runs as root.
CHROMIUM := /usr/bin/chromium
browser: $(CHROMIUM)

$(CHROMIUM):
	apt-get update && apt-get install -y --no-install-recommends chromium

## Lint, type-check and run the whole test suite.
test: $(STAMP) $(CHROMIUM)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: $(STAMP)
	$(BIN)/python -m bench.ingest

clean:
	rm -rf $(VENV) .hrgraph .pytest_cache .mypy_cache .ruff_cache
