#!/bin/bash
# scripts/dask-align.py on a real Dask cluster (Debian's python3-distributed):
# a scheduler and two workers are started on 127.0.0.1 under a temporary
# folder, the script maps `sverka stream` over three partitions of a JSON
# Lines file, and its output must equal one `sverka stream` of the whole
# file byte for byte; a worker that cannot run sverka makes it exit 1 with
# the partition named and no output. Every process started is stopped by its
# pid. Usage: dask.sh SVERKA SOURCE_ROOT. TAP; skips only when
# python3-distributed is not installed.
set -u
sverka=$(realpath "$1")
src=$(realpath "$2")
py=/usr/bin/python3
if ! "$py" -c 'import distributed' 2>/dev/null || ! command -v dask-scheduler >/dev/null \
   || ! command -v dask-worker >/dev/null; then
  echo "1..0 # SKIP python3-distributed is not installed"
  exit 0
fi
tmp=$(mktemp -d)
pids=()
stop () {
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null
  done
  for pid in "${pids[@]}"; do
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null
  done
  rm -rf "$tmp"
}
trap stop EXIT
. "$src/tests/tap.sh"
tap_lines=0
export DASK_TEMPORARY_DIRECTORY=$tmp

dask-scheduler --host 127.0.0.1 --port 0 --no-dashboard --scheduler-file "$tmp/scheduler.json" \
  >"$tmp/scheduler.log" 2>&1 &
pids+=($!)
for _ in $(seq 300); do [ -s "$tmp/scheduler.json" ] && break; sleep 0.1; done
for w in 1 2; do
  dask-worker --scheduler-file "$tmp/scheduler.json" --host 127.0.0.1 --nthreads 1 \
    --no-nanny --no-dashboard --local-directory "$tmp/worker$w" >"$tmp/worker$w.log" 2>&1 &
  pids+=($!)
done
workers=0
for _ in $(seq 300); do
  workers=$("$py" -c 'import sys
from distributed import Client
c = Client(scheduler_file=sys.argv[1], timeout=5)
print(len(c.scheduler_info()["workers"]))
c.close()' "$tmp/scheduler.json" 2>/dev/null || echo 0)
  [ "$workers" = 2 ] && break
  sleep 0.2
done
if [ "$workers" = 2 ]; then
  ok "a Dask scheduler and two workers up on 127.0.0.1"
else
  cat "$tmp"/*.log >"$tmp/err" 2>/dev/null
  not_ok "a Dask scheduler and two workers up on 127.0.0.1"
  tap_done
  exit 1
fi

# Seven pairs of the injected notes set and a record sverka refuses.
"$py" - "$src" "$tmp/in.jsonl" <<'PY'
import glob, json, os, sys
src, out = sys.argv[1], sys.argv[2]
rows = []
for ru in sorted(glob.glob(os.path.join(src, "tests", "notes", "*.ru")))[:7]:
    name = os.path.basename(ru)[:-3]
    rows.append(json.dumps({"id": name, "ru": open(ru, encoding="utf-8").read(),
                            "en": open(ru[:-3] + ".en", encoding="utf-8").read()},
                           ensure_ascii=False))
rows.insert(3, '{"id": "empty", "ru": "", "en": "Hello."}')
open(out, "w", encoding="utf-8").write("\n".join(rows) + "\n")
PY
opts=(--no-notes --lexicon "$src/dictionaries/ru-en.tsv")
"$sverka" stream -q -j 1 "${opts[@]}" <"$tmp/in.jsonl" >"$tmp/one.jsonl" 2>"$tmp/err"
"$py" "$src/scripts/dask-align.py" --scheduler-file "$tmp/scheduler.json" --partitions 3 \
  --sverka "$sverka" "$tmp/in.jsonl" "$tmp/dask.jsonl" -- "${opts[@]}" 2>"$tmp/err"
rc=$?
if [ $rc = 0 ] && [ "$(wc -l <"$tmp/dask.jsonl")" = 8 ]; then
  ok "dask-align.py: three partitions on two workers, one record per input line"
else
  not_ok "dask-align.py: three partitions on two workers, one record per input line (exit $rc)"
fi
# The error record (line 4 of the file, line 2 of the second partition)
# keeps the file's line number.
if cmp -s "$tmp/one.jsonl" "$tmp/dask.jsonl" && grep -q '"id":"empty","line":4,' "$tmp/dask.jsonl"; then
  ok "the records equal one sverka stream's byte for byte, in input order"
else
  diff "$tmp/one.jsonl" "$tmp/dask.jsonl" | cut -c1-200 >"$tmp/err"
  not_ok "the records equal one sverka stream's, in input order"
fi
"$py" "$src/scripts/dask-align.py" --scheduler-file "$tmp/scheduler.json" --partitions 2 \
  --sverka "$tmp/no-such-sverka" "$tmp/in.jsonl" "$tmp/bad.jsonl" 2>"$tmp/err"
rc=$?
if [ $rc = 1 ] && [ ! -e "$tmp/bad.jsonl" ] && grep -q "partition 1 of 2 (input lines 1-4)" "$tmp/err"; then
  ok "a worker that cannot run sverka: exit 1, the partition named, no output"
else
  not_ok "a worker that cannot run sverka: exit 1, the partition named, no output (exit $rc)"
fi
tap_done
