#!/usr/bin/env bash
# Set up (if needed, with chromium for the browser tests) and run the whole test suite:
# lint, then the unit and model tests on 2 processes, then the Ray and browser tests
# one at a time (they start a cluster or a browser of their own).
# Extra arguments go to both pytest runs, e.g. scripts/test.sh -k quotes
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser
.venv/bin/ruff check src tests bench
.venv/bin/python -m pytest -n 2 --dist loadfile -q -m "not ray and not browser" "$@"
status=0
.venv/bin/python -m pytest -q -m "ray or browser" "$@" || status=$?
# 5 = no test selected (e.g. -k matched none of them): not a failure here.
if [ "$status" -ne 0 ] && [ "$status" -ne 5 ]; then exit "$status"; fi
