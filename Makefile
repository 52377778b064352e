# Two commands set everything up: `make run` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
PG_URL ?= postgresql+psycopg://postgres@127.0.0.1:5432/searchlight_test
PYTEST_ARGS ?=

.PHONY: install run test test-sqlite test-postgres lint bench browser postgres

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

run: install
	$(VENV)/bin/searchlight migrate
	$(VENV)/bin/searchlight demo load
	$(VENV)/bin/searchlight serve --host 127.0.0.1 --port 8000

browser:
	@command -v chromium >/dev/null 2>&1 || (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium)

postgres:
	@pg_isready -q -h 127.0.0.1 -p 5432 || pg_ctlcluster --skip-systemctl-redirect $$(ls /etc/postgresql) main start
	@for i in 1 2 3 4 5 6 7 8 9 10; do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done

lint: install
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/mypy
	$(VENV)/bin/bandit -q -c pyproject.toml -r src

test-sqlite: install browser
	$(VENV)/bin/pytest -q $(PYTEST_ARGS)

test-postgres: install browser postgres
	TEST_DATABASE_URL=$(PG_URL) $(VENV)/bin/pytest -q $(PYTEST_ARGS)

test: lint test-sqlite test-postgres

bench: install
	$(PY) bench/run_all.py
