# Two commands for a fresh machine:  `make run`  and  `make test`.
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test install lint format lock security

$(BIN)/.installed: pyproject.toml requirements.lock
	"$$(scripts/find-python)" -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[test]'
	touch $@

## Pin the versions now installed (after changing the dependencies in pyproject.toml).
lock: $(BIN)/.installed
	{ sed -n '1,2p' requirements.lock; $(BIN)/python -m pip freeze --exclude-editable \
		| grep -v '^-e'; } > requirements.lock.new && mv requirements.lock.new requirements.lock

# axe-core for the browser suite's accessibility checks (skipped without npm).
node_modules/.installed: package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund --silent && touch $@; \
	else echo "npm not found: the browser suite will be skipped"; fi

install: $(BIN)/.installed node_modules/.installed

## Run the site on http://127.0.0.1:8000 with SQLite, eager tasks and demo accounts.
run: $(BIN)/.installed
	DEBUG=1 $(BIN)/python manage.py migrate --noinput
	DEBUG=1 $(BIN)/python manage.py seed_demo
	DEBUG=1 $(BIN)/python manage.py runserver 127.0.0.1:8000

## Run the whole test suite (PostgreSQL and Redis when DATABASE_URL / REDIS_URL are set).
test: $(BIN)/.installed node_modules/.installed
	$(BIN)/pytest

## Deployment checklist and bandit (the CI gate); see docs/security.md for the rest.
security: $(BIN)/.installed
	BIN=$(BIN) bench/security/check.sh

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(BIN)/.installed
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .
