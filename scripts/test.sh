#!/usr/bin/env bash
# The whole test suite, on SQLite and on PostgreSQL (TEST_POSTGRES_URL, default the local server).
# Three workers on 2 cores, a test file each at a time (module fixtures stay in one process; each worker makes its own
# PostgreSQL database): the voice tests spend much of their time waiting on real-time audio, not on a core, and a
# third worker fills those waits (2026-12-04, loaded machine: 3 workers 806 s, 2 workers 1417 s with 122 fewer tests).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
exec .venv/bin/python -m pytest -q -n "${TEST_WORKERS:-3}" --dist loadfile "$@"
