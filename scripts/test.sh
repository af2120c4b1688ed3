#!/usr/bin/env bash
# The whole test suite, on SQLite and on PostgreSQL (TEST_POSTGRES_URL, default the local server).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
exec .venv/bin/python -m pytest -q "$@"
