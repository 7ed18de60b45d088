# Two commands for a fresh machine:  `make run`  and  `make test`.
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test install lint format

$(BIN)/.installed: pyproject.toml
	"$$(scripts/find-python)" -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

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

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(BIN)/.installed
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .
