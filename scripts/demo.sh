#!/usr/bin/env bash
# Set up (if needed) and run newsevents on the bundled sample articles:
# prints a readable summary and writes the JSON results to out/samples.jsonl.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
mkdir -p out
.venv/bin/newsevents extract samples/articles.jsonl --format jsonl --quiet > out/samples.jsonl
.venv/bin/newsevents extract samples/articles.jsonl --format table
echo
echo "JSON results (schema newsevents/1): out/samples.jsonl ($(wc -l < out/samples.jsonl) articles)"
