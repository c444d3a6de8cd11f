#!/bin/sh
# One data-driven notes case through the command line:
#   run-cli-notes-case.sh SVERKA SOURCE_ROOT MODE RU EN EXPECTED_NOTES [EXPECTED_TSV]
# `sverka align --mode MODE --lexicon dictionaries/ru-en.tsv --notes`, the
# notes TSV (and with EXPECTED_TSV the alignment) compared byte for byte.
# Prints TAP. See tests/notes-cases/README.md.
set -u
sverka=$1 root=$2 mode=$3 ru=$4 en=$5 expected=$6 expected_tsv=${7:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ -n "$expected_tsv" ]; then echo "1..2"; else echo "1..1"; fi
if ! "$sverka" align -q --mode "$mode" --lexicon "$root/dictionaries/ru-en.tsv" \
     --notes "$tmp/notes.tsv" -o "$tmp/a.tsv" "$ru" "$en" 2>"$tmp/err"; then
  echo "not ok 1 - $ru: sverka align failed"
  sed 's/^/# /' "$tmp/err"
  exit 1
fi
status=0
# check N WHAT GOT EXPECTED
check () {
  if cmp -s "$3" "$4"; then
    echo "ok $1 - $2"
  else
    echo "not ok $1 - $2 differs from $4"
    diff "$4" "$3" | sed 's/^/# /'
    status=1
  fi
}
check 1 notes "$tmp/notes.tsv" "$expected"
if [ -n "$expected_tsv" ]; then
  check 2 alignment "$tmp/a.tsv" "$expected_tsv"
fi
exit $status
