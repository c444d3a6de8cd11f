#!/bin/bash
# Runs the regression inputs of tests/regress/fuzz-*/ through the CLI, as
# the harnesses (fuzz/fuzz-*.c) read them: fuzz-load as `segment`,
# fuzz-align as `align`, fuzz-lexicon as `align --lexicon`. Each must either
# fail with a message and the documented exit code, or give output that
# tests/check-output.py finds whole (nothing lost, no broken TSV row).
# Usage: regress-cli.sh SVERKA REGRESS_DIR. Prints TAP.
set -u
sverka=$1
regress=$2
here=$(cd "$(dirname "$0")" && pwd)
check=$here/check-output.py
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$here/tap.sh"
# A failure's comments: all of $tmp/why (check-output.py's findings, or
# sverka's standard error).
tap_err=$tmp/why
tap_lines=0

flags_of () { od -An -tu1 -N1 "$1" | tr -d ' '; }

# segment FILE LANG KEEP: segments FILE into $tmp/LANG.ids (with --ids and
# --show-trimmed; standard error in $tmp/LANG.err) and checks it.
segment () {
  local keep=()
  [ "$3" = 1 ] && keep=(--keep-all)
  "$sverka" segment --ids --show-trimmed "${keep[@]}" --lang "$2" "$1" >"$tmp/$2.ids" 2>"$tmp/$2.err"
}

for f in "$regress"/fuzz-load/*; do
  [ -f "$f" ] || continue
  name=fuzz-load/$(basename "$f")
  flags=$(flags_of "$f")
  tail -c +2 "$f" >"$tmp/in.txt"
  case $(( (flags >> 1) & 3 )) in 1) lang=ru ;; 2) lang=en ;; *) lang=auto ;; esac
  segment "$tmp/in.txt" "$lang" $((flags & 1))
  rc=$?
  if [ $rc -eq 0 ] && python3 "$check" segment "$tmp/in.txt" "$tmp/$lang.ids" "$tmp/$lang.err" 2>"$tmp/why"; then
    ok "$name: segment"
  elif [ $rc -eq 3 ] && grep -q "^sverka: $tmp/in.txt" "$tmp/$lang.err"; then
    ok "$name: segment refuses it: $(head -1 "$tmp/$lang.err" | cut -c1-80)"
  else
    [ -s "$tmp/why" ] || cp "$tmp/$lang.err" "$tmp/why"
    not_ok "$name: segment (exit $rc)"
  fi
done

for f in "$regress"/fuzz-align/*; do
  [ -f "$f" ] || continue
  name=fuzz-align/$(basename "$f")
  flags=$(flags_of "$f")
  python3 -c '
import sys
data = open(sys.argv[1], "rb").read()[1:]
ru, sep, en = data.partition(b"\f")
open(sys.argv[2], "wb").write(ru)
open(sys.argv[3], "wb").write(en)' "$f" "$tmp/ru.txt" "$tmp/en.txt"
  case $((flags & 3)) in 1) mode=parallel ;; 2) mode=comparable ;; *) mode=auto ;; esac
  keep=()
  [ $((flags & 4)) -ne 0 ] && keep=(--keep-all)
  "$sverka" align --mode "$mode" "${keep[@]}" --notes "$tmp/notes.tsv" -o "$tmp/out.tsv" \
    "$tmp/ru.txt" "$tmp/en.txt" 2>"$tmp/align.err"
  rc=$?
  : >"$tmp/why"
  if [ $rc -eq 0 ]; then
    used=$(sed -n 's/^sverka: mode \([a-z]*\) .*/\1/p' "$tmp/align.err")
    # The JSON Lines say which rows are moved blocks (their English is out
    # of order by design).
    if "$sverka" align -q --mode "$mode" "${keep[@]}" -f jsonl -o "$tmp/out.jsonl" \
         "$tmp/ru.txt" "$tmp/en.txt" 2>>"$tmp/why" \
       && segment "$tmp/ru.txt" ru $(( (flags >> 2) & 1 )) && segment "$tmp/en.txt" en $(( (flags >> 2) & 1 )) \
       && python3 "$check" align --jsonl "$tmp/out.jsonl" "$tmp/out.tsv" "$used" "$tmp/ru.ids" "$tmp/en.ids" \
            "$tmp/ru.txt" "$tmp/ru.err" "$tmp/en.txt" "$tmp/en.err" 2>"$tmp/why" \
       && awk -F'\t' 'NF != 7 { exit 1 }' "$tmp/notes.tsv"; then
      ok "$name: align ($used)"
    else
      not_ok "$name: align ($used)"
    fi
  elif [ $rc -eq 3 ] && grep -q "^sverka: $tmp/\(ru\|en\).txt" "$tmp/align.err"; then
    ok "$name: align refuses it: $(head -1 "$tmp/align.err" | cut -c1-80)"
  else
    cp "$tmp/align.err" "$tmp/why"
    not_ok "$name: align (exit $rc)"
  fi
done

printf 'Генеральный секретарь НАТО прибыл в Брюссель.\n' >"$tmp/ru.txt"
printf 'The NATO Secretary General arrived in Brussels.\n' >"$tmp/en.txt"
for f in "$regress"/fuzz-lexicon/*; do
  [ -f "$f" ] || continue
  name=fuzz-lexicon/$(basename "$f")
  "$sverka" align -q --lexicon "$f" "$tmp/ru.txt" "$tmp/en.txt" >"$tmp/out.tsv" 2>"$tmp/why"
  rc=$?
  if [ $rc -eq 0 ] || { [ $rc -eq 4 ] && grep -q "^sverka: $f:[0-9]*: " "$tmp/why"; }; then
    ok "$name: align --lexicon (exit $rc)"
  else
    not_ok "$name: align --lexicon (exit $rc)"
  fi
done

tap_done
