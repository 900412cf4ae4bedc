#!/usr/bin/env bash
# run.sh — the main job: set up (install what is missing, build), then extract
# facts from the bundled sample articles into build/sample-facts.jsonl.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
./build/factline extract samples/seed.txt samples/reuters-sample.txt > build/sample-facts.jsonl
echo "run: $(wc -l < build/sample-facts.jsonl) articles extracted to build/sample-facts.jsonl; the seed article:"
head -n 1 build/sample-facts.jsonl
