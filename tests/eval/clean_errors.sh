#!/bin/bash
# False alarms on clean translations: runs `sverka align --mode parallel
# --notes` on every pair folder made by make_pairs.py and counts the error
# notes per kind, against the number of two-sided beads.
#
#   tests/eval/clean_errors.sh SVERKA PAIRS_DIR
#
# e.g.  tests/eval/make_pairs.py --set ntrex -q /tmp/ntrex-clean
#       tests/eval/clean_errors.sh build/align/sverka /tmp/ntrex-clean
set -u
if [ $# -ne 2 ]; then
	echo "usage: $0 SVERKA PAIRS_DIR" >&2
	exit 2
fi
sverka=$1
dir=$2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sverka-clean.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
pairs=0
: >"$tmp/kinds"
for d in "$dir"/*/; do
	[ -f "$d/ru.txt" ] || continue
	if ! "$sverka" align -q --mode parallel "$d/ru.txt" "$d/en.txt" -o "$tmp/a.tsv" \
		--notes "$tmp/n.tsv"; then
		echo "$0: $d: sverka failed" >&2
		exit 1
	fi
	b=$(awk -F'\t' 'NR > 1 && $4 != "" && $5 != ""' "$tmp/a.tsv" | wc -l)
	pairs=$((pairs + b))
	awk -F'\t' '$2 == "error" { print $1 }' "$tmp/n.tsv" >>"$tmp/kinds"
done
errors=$(wc -l <"$tmp/kinds")
echo "aligned pairs $pairs, error notes $errors$( [ "$errors" -gt 0 ] && awk -v p="$pairs" -v e="$errors" 'BEGIN { printf ", one per %.1f pairs", p / e }')"
sort "$tmp/kinds" | uniq -c | sort -rn
