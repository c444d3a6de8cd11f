#!/bin/bash
# --accept FILE: the notes a translator accepted (the lines of --notes they
# keep) are left out of every notes output and of --fail-on, and come back
# when their sentences change; a file that is no notes TSV is refused with
# its line. Usage: accept-cli.sh SVERKA SOURCE_ROOT. Prints TAP.
set -u
sverka=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$src/tests/tap.sh"

ru=$src/corpus/2021-12-14-brussels/ru.txt
en=$src/corpus/2021-12-14-brussels/en.txt

"$sverka" align -q "$ru" "$en" --notes "$tmp/all.tsv" -o /dev/null 2>"$tmp/err"
# The translator accepts every warning and error.
{ head -1 "$tmp/all.tsv"; awk -F'\t' 'NR > 1 && $2 != "info"' "$tmp/all.tsv"; } >"$tmp/accept.tsv"
n_accept=$(($(wc -l <"$tmp/accept.tsv") - 1))
"$sverka" align "$ru" "$en" --accept "$tmp/accept.tsv" --out-dir "$tmp/o" --fail-on warning 2>"$tmp/err"
rc=$?
check "accepting the $n_accept warnings: none left in notes.tsv, and --fail-on warning passes" \
  [ $rc = 0 -a "$(awk -F'\t' 'NR > 1 && $2 != "info"' "$tmp/o/notes.tsv" | wc -l)" = 0 ]
check "standard error counts the notes left out" grep -q "sverka: $n_accept notes accepted in" "$tmp/err"
check "the notes JSON Lines and Markdown leave them out too" \
  [ "$(grep -c '"severity": "warning"' "$tmp/o/notes.jsonl")" = 0 ]
check "the other notes are as without --accept" \
  cmp -s <(awk -F'\t' '$2 == "info" || NR == 1' "$tmp/all.tsv") "$tmp/o/notes.tsv"

# An edit: a new misspelling in one sentence. Its note is new; the accepted
# notes of unchanged sentences stay accepted.
sed 's/Azerbaijan participates in NATO/Azerbaijan partisipates in NATO/' "$en" >"$tmp/en2.txt"
"$sverka" align -q "$ru" "$tmp/en2.txt" --accept "$tmp/accept.tsv" --notes "$tmp/n2.tsv" -o /dev/null 2>"$tmp/err"
check "after an edit, only the new note is shown" \
  [ "$(awk -F'\t' 'NR > 1 && $2 != "info"' "$tmp/n2.tsv" | cut -f1,7)" = "spelling	en \"partisipates\": not in the English dictionary; did you mean \"participates\"?" ]

printf 'kind\tseverity\n' >"$tmp/bad1.tsv"
{ head -1 "$tmp/all.tsv"; printf 'number\terror\t1\t1\tx\n'; } >"$tmp/bad2.tsv"
{ head -1 "$tmp/all.tsv"; printf 'colour\terror\t1\t1\tx\ty\tz\n'; } >"$tmp/bad3.tsv"
{ head -1 "$tmp/all.tsv"; printf 'number\terror\t1,\t1\tx\ty\tz\n'; } >"$tmp/bad4.tsv"
expect 3 "bad1.tsv:1: expected the header of the notes TSV" "no header" -- align -q "$ru" "$en" --accept "$tmp/bad1.tsv" --notes "$tmp/x.tsv"
expect 3 "bad2.tsv:2: expected 7 tab-separated fields" "too few fields" -- align -q "$ru" "$en" --accept "$tmp/bad2.tsv" --notes "$tmp/x.tsv"
expect 3 "bad3.tsv:2: unknown kind of note" "unknown kind" -- align -q "$ru" "$en" --accept "$tmp/bad3.tsv" --notes "$tmp/x.tsv"
expect 3 "bad4.tsv:2: the ids are not sentence numbers" "bad ids" -- align -q "$ru" "$en" --accept "$tmp/bad4.tsv" --notes "$tmp/x.tsv"
expect 3 "nope.tsv: cannot read the accept file" "missing accept file" -- align -q "$ru" "$en" --accept "$tmp/nope.tsv" --notes "$tmp/x.tsv"
check "a refused accept file writes nothing" [ ! -e "$tmp/x.tsv" ]
tap_done
