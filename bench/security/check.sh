#!/usr/bin/env bash
# The security gate CI runs: Django's deployment checklist on production settings,
# and bandit on the application code (no medium or high finding may stand without
# a "# nosec" comment that says why).
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${BIN:-.venv/bin}

echo "manage.py check --deploy (production settings)"
env -u DJANGO_SETTINGS_MODULE -u DEBUG \
    DJANGO_SETTINGS_MODULE=lssc.settings DEBUG=off \
    SECRET_KEY="check-deploy-$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')" \
    ALLOWED_HOSTS=lssc.example.org SITE_URL=https://lssc.example.org \
    "$BIN/python" manage.py check --deploy --fail-level WARNING

echo "bandit (medium and high severity)"
"$BIN/bandit" -c pyproject.toml -r . --severity-level medium --quiet
echo "bandit: no medium or high findings"
