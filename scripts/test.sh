#!/usr/bin/env bash
# The whole test suite, on SQLite and on PostgreSQL (TEST_POSTGRES_URL, default the local server).
# Two workers (one a core), a test file each at a time (module fixtures stay in one process; each worker makes its own
# PostgreSQL database): the voice tests spend most of their time waiting on real-time audio, not on a core.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
exec .venv/bin/python -m pytest -q -n "${TEST_WORKERS:-2}" --dist loadfile "$@"
