#!/usr/bin/env bash
# run.sh — the main job: set up (install what is missing, build), extract
# facts from the bundled sample articles into build/sample-facts.jsonl, store
# them in build/sample.db and ask it a few questions.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
samples=(samples/seed.txt samples/reuters-sample.txt)
./build/factline extract "${samples[@]}" > build/sample-facts.jsonl
echo "run: $(wc -l < build/sample-facts.jsonl) articles extracted to build/sample-facts.jsonl"
rm -f build/sample.db build/sample.db-wal build/sample.db-shm
./build/factline ingest -q --db build/sample.db "${samples[@]}"
echo "run: stored in build/sample.db; some questions:"
echo '$ factline entity --db build/sample.db Blinken --limit 3'
./build/factline entity --db build/sample.db Blinken --limit 3
echo '$ factline quotes --db build/sample.db --limit 4'
./build/factline quotes --db build/sample.db --limit 4
echo '$ factline timeline --db build/sample.db --category killed'
./build/factline timeline --db build/sample.db --category killed
echo "run: serve it with ./build/factline serve --db build/sample.db (http://127.0.0.1:8080/)"
