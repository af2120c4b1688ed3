#!/usr/bin/env bash
# One simulated phone call per example scenario, end to end on the embedded defaults:
# Twilio webhook -> Media Streams websocket -> endpointing -> local Whisper -> START dialogue
# -> SQLite case -> SMS outbox. No account, no network.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
exec .venv/bin/triage call --scenario voice/harness/scenarios/examples.jsonl --speed "${SPEED:-4}" "$@"
