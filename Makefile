# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
HOST   ?= 127.0.0.1
PORT   ?= 8000
UI_PORT ?= 8501
# Streamlit's error details in the browser: none for users; `make run UI_ERRORS=full` to develop.
UI_ERRORS ?= none

NODE_STAMP := node_modules/.installed
STAGE  ?= dev
REGION ?= us-east-1
# Packaging never talks to AWS: dummy credentials make any attempt fail loudly instead.
OFFLINE_AWS := AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_SESSION_TOKEN=testing \
	AWS_DEFAULT_REGION=$(REGION) SLS_TELEMETRY_DISABLED=1 SLS_NOTIFICATIONS_MODE=off

.PHONY: run test lint format bench clean venv lambda-zip package browser postgres client postgraphile

venv: $(STAMP)

$(STAMP): requirements/dev.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements/dev.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

## Create the database, seed it with demo data when empty, serve GraphQL and the web app.
## The API runs in the background, Streamlit in the foreground; Ctrl-C stops both.
run: $(STAMP) $(NODE_STAMP)
	$(BIN)/hrgraph-local seed
	$(BIN)/hrgraph-local users ensure-admin
	@echo "GraphQL + GraphiQL: http://$(HOST):$(PORT)/graphql"
	@echo "Web app:            http://$(HOST):$(UI_PORT)  (sign in as admin; the first run printed its password)"
	$(BIN)/hrgraph-local serve --host $(HOST) --port $(PORT) & api=$$!; \
	trap 'kill $$api 2>/dev/null' EXIT INT TERM; \
	HRGRAPH_URL=http://$(HOST):$(PORT)/graphql $(BIN)/streamlit run streamlit_app/serve.py \
	  --server.address $(HOST) --server.port $(UI_PORT) --server.headless true \
	  --browser.gatherUsageStats false --client.toolbarMode minimal \
	  --client.showErrorDetails $(UI_ERRORS)

## Debian's chromium for the browser tests (never a browser download); CI runs as root.
CHROMIUM := /usr/bin/chromium
browser: $(CHROMIUM)

$(CHROMIUM):
	apt-get update && apt-get install -y --no-install-recommends chromium

## Debian's PostgreSQL for the fake Data API's lock-faithful engine: the tests start a
## throwaway cluster of their own (initdb in a temp dir, Unix socket only), nothing else.
PG_CTL := $(firstword $(wildcard /usr/lib/postgresql/*/bin/pg_ctl) /usr/lib/postgresql/bin/pg_ctl)
postgres: $(PG_CTL)

$(PG_CTL):
	apt-get update && apt-get install -y --no-install-recommends postgresql

## Lint, type-check, check the package lines (import-linter, pyproject.toml) and run the tests.
test: $(STAMP) $(NODE_STAMP) $(CHROMIUM) $(PG_CTL)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/pytest

## The client's models and typed operations, generated from hrgraph_contract/schema.graphql
## and client/operations into client/generated.py (tests/client/test_generated.py fails when stale).
client: $(STAMP)
	$(BIN)/python infra/generate_client.py

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## Debian's wrk: the load generator of bench/concurrency.py, in a process of its own.
WRK := /usr/bin/wrk
$(WRK):
	apt-get update && apt-get install -y --no-install-recommends wrk

## bench.concurrency's peer: PostGraphile 4, pinned by bench/postgraphile/package-lock.json and
## installed beside it (node_modules, gitignored); without npm the bench measures hrgraph alone.
PEER_STAMP := bench/postgraphile/node_modules/.installed
postgraphile: $(PEER_STAMP)

$(PEER_STAMP): bench/postgraphile/package.json bench/postgraphile/package-lock.json
	@if command -v npm >/dev/null; then npm ci --prefix bench/postgraphile --no-audit --no-fund && touch $@; \
	else echo "npm not found: bench.concurrency will measure hrgraph without its peer, PostGraphile"; fi

bench: $(STAMP) $(WRK) $(PG_CTL) $(PEER_STAMP)
	$(BIN)/python -m bench.ingest --employees 10000 --literal-employees 5000 --repeat 3
	$(BIN)/python -m bench.concurrency --seconds 6 --repeat 3

## The deploy tools (osls + AppSync plugin, pinned in package-lock.json).
$(NODE_STAMP): package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund && touch $@; \
	else echo "npm not found: the serverless packaging tests will be skipped, and GraphiQL (served from node_modules, never a CDN) says how to install it"; fi

## The Lambda's zip: hrgraph_contract/, resolvers/ (with its sql/) and requirements/lambda.txt.
lambda-zip: $(STAMP)
	$(BIN)/python infra/lambda_package.py

## Lint the APPSYNC_JS resolver; serverless.yml -> CloudFormation in .serverless/ (offline);
## cfn-lint everything.
package: $(STAMP) $(NODE_STAMP) lambda-zip
	npx --no-install eslint resolvers/appsync
	$(OFFLINE_AWS) npx --no-install serverless package --stage $(STAGE) --region $(REGION)
	$(BIN)/cfn-lint .serverless/cloudformation-template-*.json infra/*.yml

clean:
	rm -rf $(VENV) .hrgraph .pytest_cache .mypy_cache .ruff_cache build .serverless
