#!/bin/sh
# The package build's check: the tool just built aligns the bundled pair
# into a parallel TSV with every sentence of both texts, and writes notes.
# Usage: tests-smoke.sh SVERKA PAIR_DIR
set -eu
sverka=$1
pair=$2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$sverka" align -q "$pair/ru.txt" "$pair/en.txt" -o "$out/pair.tsv" --notes "$out/notes.tsv"
head -1 "$out/pair.tsv" | grep -q '^ru	en	score	ru_ids	en_ids$'
ru=$("$sverka" segment -q "$pair/ru.txt" | wc -l)
ru_ids=$(tail -n +2 "$out/pair.tsv" | cut -f4 | tr ',' '\n' | grep -c .)
[ "$ru" -gt 0 ] && [ "$ru" -eq "$ru_ids" ]
[ "$(wc -l <"$out/notes.tsv")" -gt 1 ]
echo "smoke: the bundled pair aligned: $ru Russian sentences, $(($(wc -l <"$out/notes.tsv") - 1)) notes"
