# 晶贸通 — two commands: `make run` and `make test`. Everything else here serves those two.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
export PYTHONPATH := $(CURDIR)/src
export DJANGO_SETTINGS_MODULE := jmt.settings

.PHONY: run test install install-dev web lint typecheck pytest e2e web-test openapi check-openapi check-deploy migrate demo clean bench bench-load bench-web bench-search

$(VENV)/.base: requirements/base.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/base.txt
	touch $@

$(VENV)/.dev: $(VENV)/.base requirements/dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/base.txt -r requirements/dev.txt
	touch $@

install: $(VENV)/.base
install-dev: $(VENV)/.dev

web/node_modules/.installed: web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund --loglevel=error
	touch $@

WEB_SOURCES := $(shell find web/src web/index.html web/m web/admin web/vite.config.ts web/tsconfig*.json -type f 2>/dev/null)
web/dist/.built: web/node_modules/.installed $(WEB_SOURCES)
	cd web && npm run --silent build
	touch $@

web: web/dist/.built

migrate: install
	$(PY) manage.py migrate --noinput -v 0

demo: migrate
	$(PY) manage.py seed_demo

## make run: install, build the front end, migrate SQLite, load demo data, serve web + task worker on 127.0.0.1:$(PORT)
## The demo's customs pace: a 撤销 waits 30 s (not 5 min) before it goes, and the simulator holds a released
## inventory 3 min before 结关 — so 「不再撤销」 and a successful 撤销 can both be shown (override either by env).
run: export JMT_CUSTOMS_CANCEL_GRACE_SECONDS ?= 30
run: export JMT_CUSTOMS_SIMULATOR_CLOSE_AFTER_SECONDS ?= 180
run: install web demo
	@echo "晶贸通 → http://127.0.0.1:$(PORT)/  （手机端 /m/ ，后台 /admin/ ，API 文档 /api/v1/docs）"
	@trap 'kill 0' EXIT INT TERM; \
	$(PY) manage.py worker --interval 0.5 & \
	$(VENV)/bin/uvicorn jmt.asgi:application --host 127.0.0.1 --port $(PORT) --no-access-log --lifespan off

## make test: lint, type checks, migrations and client staleness, pytest (API + browser journeys), tsc, Vitest
test: install-dev web lint typecheck check-openapi check-deploy web-test pytest

lint: install-dev
	$(VENV)/bin/ruff check src e2e conftest.py manage.py
	$(VENV)/bin/ruff format --check src e2e conftest.py manage.py

typecheck: install-dev
	$(VENV)/bin/mypy src e2e conftest.py

check-openapi: install-dev web/node_modules/.installed
	$(PY) manage.py makemigrations --check --dry-run -v 0
	$(PY) manage.py export_openapi web/openapi.json.new >/dev/null
	@diff -q web/openapi.json web/openapi.json.new >/dev/null || { rm -f web/openapi.json.new; \
	  echo "web/openapi.json is stale: run 'make openapi' and commit the result"; exit 1; }
	@rm -f web/openapi.json.new
	cd web && npm run --silent check:api

pytest: install-dev web
	$(VENV)/bin/pytest -q

## check-deploy: Django's deployment checklist with production settings (a throw-away key and var dir)
check-deploy: install-dev
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	JMT_VAR_DIR="$$tmp" DATABASE_URL= DJANGO_DEBUG=false \
	DJANGO_SECRET_KEY="$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(60))')" \
	DJANGO_SECURE_SSL_REDIRECT=true DJANGO_SECURE_COOKIES=true DJANGO_HSTS_SECONDS=31536000 DJANGO_BEHIND_PROXY=true \
	$(PY) manage.py check --deploy --fail-level WARNING

web-test: web/node_modules/.installed
	cd web && npm run --silent typecheck && npm run --silent test
	node --test miniprogram/test/

## make openapi: export the OpenAPI document and regenerate the TypeScript client from it
openapi: install-dev web/node_modules/.installed
	$(PY) manage.py export_openapi web/openapi.json
	cd web && npm run --silent gen:api

## make bench: customs benchmarks on PostgreSQL (100,000-row e-order workbook; 100,000 orders through the
## simulator). Not part of `make test`; results go in bench/RESULTS.md.
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/customs
BENCH_ROWS ?= 100000
bench: install-dev
	createdb -h 127.0.0.1 -U postgres customs 2>/dev/null || true
	$(PY) bench/customs_import.py generate --rows $(BENCH_ROWS) --out /tmp/customs-bench-$(BENCH_ROWS).xlsx
	DATABASE_URL=$(BENCH_DATABASE_URL) $(PY) bench/customs_import.py measure /tmp/customs-bench-$(BENCH_ROWS).xlsx
	DATABASE_URL=$(BENCH_DATABASE_URL) $(PY) bench/customs_pipeline.py --orders $(BENCH_ROWS) --workers 2

## make bench-load: locust against gunicorn (2 uvicorn workers) + a task worker + PostgreSQL with the
## issue-9 data set; started and stopped here, figures into bench/RESULTS.md. BENCH_LOAD_SECONDS per stage.
BENCH_LOAD_SECONDS ?= 60
BENCH_LOAD_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/jmt_bench
bench-load: install-dev web
	BENCH_DATABASE_URL=$(BENCH_LOAD_DATABASE_URL) $(PY) bench/load.py --seconds $(BENCH_LOAD_SECONDS)

## make bench-search: global search (issue 18), server time per request on 10,000 merchants and 1,000,000
## orders in PostgreSQL (database created and filled on the first run, ≈ 3.5 min); figures into bench/RESULTS.md.
BENCH_SEARCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/jmt_search
bench-search: install-dev
	createdb -h 127.0.0.1 -U postgres jmt_search 2>/dev/null || true
	DATABASE_URL=$(BENCH_SEARCH_DATABASE_URL) $(PY) bench/search.py generate
	DATABASE_URL=$(BENCH_SEARCH_DATABASE_URL) $(PY) bench/search.py measure

clean:
	rm -rf $(VENV) web/node_modules web/dist var

## make bench-web: Lighthouse (performance) on the login and home pages of PC, H5 and the back office, served as
## `make run` serves them. Not part of `make test`; results go in bench/RESULTS.md.
bench-web: install-dev web
	$(PY) bench/lighthouse_web.py
