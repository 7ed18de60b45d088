#!/usr/bin/env bash
# Known vulnerabilities in the locked Python dependencies (requirements.lock) and
# the npm packages the test suite uses. A report, not a gate: it needs the PyPI
# and OSV vulnerability services, which CI machines may not reach.
set -uo pipefail
cd "$(dirname "$0")/../.."
BIN=${BIN:-.venv/bin}
mkdir -p test-artifacts/security
report=test-artifacts/security/dependencies.txt

{
    echo "# Dependency audit, $(date -u +%Y-%m-%dT%H:%MZ)"
    echo "## pip-audit -r requirements.lock"
    "$BIN/pip-audit" --requirement requirements.lock --no-deps --disable-pip \
        --progress-spinner off 2>&1
    echo "exit status: $?"
    echo "## npm audit (test tools)"
    npm audit --omit=optional 2>&1
    echo "exit status: $?"
} | tee "$report"
echo "Report written to $report"
