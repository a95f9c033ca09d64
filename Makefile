# 晶贸通 — two commands: `make run` and `make test`. Everything else here serves those two.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
export PYTHONPATH := $(CURDIR)/src
export DJANGO_SETTINGS_MODULE := jmt.settings

.PHONY: run test install install-dev web lint typecheck pytest e2e web-test openapi check-openapi check-deploy migrate demo clean bench bench-fx bench-load bench-web deploy-check failover-drill restore-drill docs-shots bench-showroom bench-assistant bench-search bench-cockpit

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

WEB_SOURCES := $(shell find web/src web/scripts web/index.html web/m web/admin web/vite.config.ts web/tsconfig*.json -type f 2>/dev/null)
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
	$(VENV)/bin/ruff check src e2e deploy conftest.py manage.py
	$(VENV)/bin/ruff format --check src e2e deploy conftest.py manage.py

typecheck: install-dev
	$(VENV)/bin/mypy src e2e conftest.py

check-openapi: install-dev web/node_modules/.installed
	$(PY) manage.py makemigrations --check --dry-run -v 0
	$(PY) manage.py export_openapi web/openapi.json.new >/dev/null
	@diff -q web/openapi.json web/openapi.json.new >/dev/null || { rm -f web/openapi.json.new; \
	  echo "web/openapi.json is stale: run 'make openapi' and commit the result"; exit 1; }
	@rm -f web/openapi.json.new
	cd web && npm run --silent check:api

## pytest runs on every core (pytest-xdist; each worker has its own test database and live server)
PYTEST_WORKERS ?= auto
pytest: install-dev web
	$(VENV)/bin/pytest -q -n $(PYTEST_WORKERS)

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

## make bench-fx: the 收结汇 sub-account balance workbook (10,000 rows) previewed and applied on PostgreSQL.
BENCH_FX_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/fx_bench
BENCH_FX_ROWS ?= 10000
bench-fx: install-dev
	createdb -h 127.0.0.1 -U postgres fx_bench 2>/dev/null || true
	DATABASE_URL=$(BENCH_FX_DATABASE_URL) $(PY) bench/fx_balances.py --rows $(BENCH_FX_ROWS)
## make bench-showroom: the showroom list with 5,000 products on PostgreSQL, server time per page.
BENCH_SHOWROOM_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/showroom_bench
bench-showroom: install-dev
	psql "$(dir $(BENCH_SHOWROOM_DATABASE_URL))postgres" -tc "SELECT 1 FROM pg_database WHERE datname='$(notdir $(BENCH_SHOWROOM_DATABASE_URL))'" | grep -q 1 || psql "$(dir $(BENCH_SHOWROOM_DATABASE_URL))postgres" -c "CREATE DATABASE $(notdir $(BENCH_SHOWROOM_DATABASE_URL))"
	DATABASE_URL=$(BENCH_SHOWROOM_DATABASE_URL) $(PY) bench/showroom.py --products 5000 --runs 30

## make bench-load: locust against gunicorn (2 uvicorn workers) + a task worker + PostgreSQL with the
## issue-9 data set; started and stopped here, figures into bench/RESULTS.md. BENCH_LOAD_SECONDS per stage.
BENCH_LOAD_SECONDS ?= 60
BENCH_LOAD_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/jmt_bench
bench-load: install-dev web
	BENCH_DATABASE_URL=$(BENCH_LOAD_DATABASE_URL) $(PY) bench/load.py --seconds $(BENCH_LOAD_SECONDS)

## make bench-assistant: 智能客服 retrieval evaluation (40 questions: recall@3, answer latency without an LLM).
bench-assistant: install-dev
	rm -f /tmp/assistant-bench.sqlite3
	DATABASE_URL=sqlite:////tmp/assistant-bench.sqlite3 $(PY) bench/assistant_eval.py
## make bench-search: global search (issue 18), server time per request on 10,000 merchants and 1,000,000
## orders in PostgreSQL (database created and filled on the first run, ≈ 3.5 min); figures into bench/RESULTS.md.
BENCH_SEARCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/jmt_search
bench-search: install-dev
	createdb -h 127.0.0.1 -U postgres jmt_search 2>/dev/null || true
	DATABASE_URL=$(BENCH_SEARCH_DATABASE_URL) $(PY) bench/search.py generate
	DATABASE_URL=$(BENCH_SEARCH_DATABASE_URL) $(PY) bench/search.py measure

## make bench-cockpit: both data cockpits (issue 19), server time per load on 10,000 merchants and 1,000,000
## orders in a throw-away PostgreSQL database (created, filled with bulk SQL, dropped when done); figures and
## the floor of the same run into bench/RESULTS.md.
BENCH_COCKPIT_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/jmt_cockpit
bench-cockpit: install-dev
	dropdb -h 127.0.0.1 -U postgres --if-exists jmt_cockpit
	createdb -h 127.0.0.1 -U postgres jmt_cockpit
	DATABASE_URL=$(BENCH_COCKPIT_DATABASE_URL) $(PY) bench/cockpit.py; status=$$?; \
	dropdb -h 127.0.0.1 -U postgres --if-exists jmt_cockpit; exit $$status

clean:
	rm -rf $(VENV) web/node_modules web/dist var

## make bench-web: Lighthouse (performance) on the login and home pages of PC, H5 and the back office, served as
## `make run` serves them, each page three times (the median-score run is reported). Not part of `make test`;
## results go in bench/RESULTS.md.
bench-web: install-dev web
	$(PY) bench/lighthouse_web.py --runs 3

## make deploy-check: the production nginx site (deploy/nginx) with a self-signed certificate in front of two app
## processes: TLS 1.0/1.1 refused, 1.2/1.3 accepted (openssl s_client), HTTP → HTTPS, HSTS, upload limit, SSE
## unbuffered, both processes serve the same users. Installs nginx + openssl if missing (as root). Ports 8114–8118
## (DEPLOY_CHECK_PORT_BASE=8113).
deploy-check: install
	deploy/ensure-packages.sh nginx openssl
	$(PY) deploy/check_deploy.py

## make failover-drill: pg_auto_failover monitor + two nodes on this machine (ports 55432–55434, as root: the nodes
## run as postgres), write load through the services, kill -9 the primary, measure the outage, check no acknowledged
## write was lost; figures into bench/RESULTS.md.
failover-drill: install
	deploy/ensure-packages.sh postgresql-15 postgresql-15-auto-failover pg-auto-failover-cli
	$(PY) bench/failover_drill.py

## make restore-drill: pgBackRest full + differential + WAL archive of a PostgreSQL 15 instance (port 55436), uploads and
## the field-encryption key in the backup set; SIGKILL under load, restore into a fresh instance (55437), compare row
## counts + checksums, measure RTO and RPO; figures into bench/RESULTS.md. As root (PostgreSQL runs as postgres).
restore-drill: install
	deploy/ensure-packages.sh postgresql-15 pgbackrest
	$(PY) bench/restore_drill.py

## make docs-shots: the manuals' screenshots (docs/images/) from the built front end with the demo data (port 8114).
docs-shots: install-dev web
	$(PY) docs/shots.py
