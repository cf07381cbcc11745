# Everything CI runs is here: .ci/run calls `make lint` and `make test`.
PYTHON ?= python3.12
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export PYENV_VERSION ?= 3.12

.PHONY: run install test lint bench messages catalogues lock browser-deps clean

$(STAMP): requirements.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	touch $(STAMP)

install: $(STAMP)
	$(MAKE) messages

messages: $(STAMP)
	@command -v msgfmt >/dev/null || (apt-get update -qq && apt-get install -y -qq gettext >/dev/null)
	$(PY) manage.py compilemessages --ignore=.venv -v 0

# After changing user-facing strings: refresh both catalogues, then translate the new
# English entries (tests/lms/test_catalogues.py fails until every one is done).
catalogues: $(STAMP)
	$(PY) manage.py makemessages -l vi -l en --no-obsolete --ignore=.venv --ignore=var \
		--ignore=build --ignore=tests --ignore=bench -v 0
	$(PY) -m lms.i18n_tools fill-vi locale/vi/LC_MESSAGES/django.po

run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_admin_units
	$(PY) manage.py seed_demo
	$(PY) manage.py seed_demo_certificates
	@echo ""
	@echo "Demo accounts (password: changeme): admin, tochuc (organizer), giangvien (trainer), hocvien (trainee)"
	@echo "Site: http://127.0.0.1:8000/   Admin: http://127.0.0.1:8000/admin/"
	$(PY) manage.py runserver 127.0.0.1:8000

# The whole suite on PostgreSQL (with Redis and Chromium), then the database work
# again on SQLite, the embedded default `make run` uses.
test: install browser-deps
	$(PY) -m pytest
	LMS_TEST_DB=sqlite $(PY) -m pytest -m "not pg and not redis and not browser" -q

browser-deps:
	@test -x /usr/bin/chromium || (command -v apt-get >/dev/null && \
		(apt-get update -qq && apt-get install -y -qq chromium chromium-driver fonts-liberation2 >/dev/null) \
		|| echo "Chromium missing and apt-get unavailable: browser tests will skip.")

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/bandit -r lms courses certificates cms -ll -q
	$(PY) manage.py check --fail-level WARNING
	$(PY) manage.py makemigrations --check --dry-run

bench: install
	$(PY) -m bench

# Regenerate requirements.lock from pyproject.toml in a throwaway environment.
lock:
	rm -rf /tmp/lms-lock && $(PYTHON) -m venv /tmp/lms-lock
	/tmp/lms-lock/bin/pip install --quiet --upgrade pip
	/tmp/lms-lock/bin/pip install --quiet ".[dev]"
	/tmp/lms-lock/bin/pip freeze --exclude-editable | grep -v '^lms-ctv' > requirements.lock

clean:
	rm -rf $(VENV) var/test_lms*.sqlite3
