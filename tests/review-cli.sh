#!/bin/bash
# `sverka align --review FILE` without a browser: a hand-written review of
# the bundled pair is applied (links as decided, scored 1, "reviewed" in
# JSON Lines, the later of two lines for one sentence wins, the same bytes
# twice), and every malformed or mismatched review file is refused with
# the file, the line and what to do, writing nothing.
# Usage: review-cli.sh SVERKA SOURCE_ROOT. Prints TAP.
set -u
sverka=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$src/tests/tap.sh"

ru=$src/corpus/2021-12-14-brussels/ru.txt
en=$src/corpus/2021-12-14-brussels/en.txt

# The header as the report's review editor writes it, from the page.
"$sverka" align -q "$ru" "$en" --html "$tmp/page.html" -o /dev/null
attr () { grep -o "data-$1=\"[^\"]*\"" "$tmp/page.html" | head -1 | sed 's/.*="\(.*\)"/\1/'; }
n_ru=$(attr n-ru)
n_en=$(attr n-en)
head="{\"sverka_review\":1,\"report\":\"$(attr report)\",\"ru_sentences\":$n_ru,\"en_sentences\":$n_en,\"ru_sha256\":\"$(attr ru-sha256)\",\"en_sha256\":\"$(attr en-sha256)\"}"
if [ "$(attr ru-sha256)" = "$(sha256sum "$ru" | cut -d' ' -f1)" ]; then
  ok "the page's digest is the SHA-256 of the Russian file"
else
  not_ok "the page's digest is the SHA-256 of the Russian file"
fi

review=$tmp/review.jsonl
{
  echo "$head"
  echo '{"report_id":3,"links":[27,11]}'
  echo '{"report_id":5,"links":[]}'
  echo '{"report_id":8,"links":[1]}'
  echo '{"report_id":8,"links":[20]}'
} >"$review"
if "$sverka" align -q "$ru" "$en" --review "$review" --out-dir "$tmp/o" 2>"$tmp/err"; then
  ok "a review applies"
else
  not_ok "a review applies"
fi
row () { awk -F'\t' -v id="$1" 'NR > 1 && $4 == id { print $5 "|" $3 }' "$tmp/o/alignment.tsv"; }
for want in "3 11,27|1.000" "5 |1.000" "8 20|1.000"; do
  id=${want%% *}
  if [ "$(row "$id")" = "${want#* }" ]; then
    ok "report sentence $id: links and score as decided (${want#* })"
  else
    echo "# got: $(row "$id")" >"$tmp/err"
    not_ok "report sentence $id: links and score as decided (${want#* })"
  fi
done
if [ "$(grep -c '"reviewed": true' "$tmp/o/alignment.jsonl")" = 3 ]; then
  ok "three rows \"reviewed\" in JSON Lines"
else
  not_ok "three rows \"reviewed\" in JSON Lines"
fi
"$sverka" align -q "$ru" "$en" -o "$tmp/plain.tsv"
if [ "$(row 1)" = "$(awk -F'\t' 'NR > 1 && $4 == 1 { print $5 "|" $3 }' "$tmp/plain.tsv")" ]; then
  ok "a sentence not decided keeps sverka's links and score"
else
  not_ok "a sentence not decided keeps sverka's links and score"
fi
"$sverka" align -q "$ru" "$en" --review "$review" -o "$tmp/again.tsv"
if cmp -s "$tmp/again.tsv" "$tmp/o/alignment.tsv"; then
  ok "the same review gives the same bytes"
else
  not_ok "the same review gives the same bytes"
fi

bad () {
  local name=$1
  shift
  printf '%s\n' "$@" >"$tmp/$name.jsonl"
}
bad syntax "$head" '{"report_id":3,"links":[11,}'
bad range "$head" '{"report_id":3,"links":[11]}' '{"report_id":40,"links":[1]}'
bad source "$head" "{\"report_id\":3,\"links\":[$((n_en + 1))]}"
bad zero "$head" '{"report_id":3,"links":[0]}'
bad nohead '{"report_id":3,"links":[11]}'
bad version '{"sverka_review":2}'
bad other "${head/$(attr ru-sha256)/$(printf '%064d' 0)}"
bad count "${head/\"ru_sentences\":$n_ru/\"ru_sentences\":$((n_ru + 1))}"
: >"$tmp/empty.jsonl"
expect 3 "syntax.jsonl: line 2: byte [0-9]+" "malformed JSON: file, line and byte" -- align -q "$ru" "$en" --review "$tmp/syntax.jsonl" -o "$tmp/x.tsv"
expect 3 "range.jsonl: line 3: report sentence 40 is past the end of the report \($n_ru sentences\)" "report sentence out of range" -- align -q "$ru" "$en" --review "$tmp/range.jsonl" -o "$tmp/x.tsv"
expect 3 "source.jsonl: line 2: source sentence $((n_en + 1)) is past the end" "source sentence out of range" -- align -q "$ru" "$en" --review "$tmp/source.jsonl" -o "$tmp/x.tsv"
expect 3 "zero.jsonl: line 2: \"links\" must be a list of source sentence numbers \(from 1\)" "sentence 0" -- align -q "$ru" "$en" --review "$tmp/zero.jsonl" -o "$tmp/x.tsv"
expect 3 "nohead.jsonl: line 1: expected the header" "no header" -- align -q "$ru" "$en" --review "$tmp/nohead.jsonl" -o "$tmp/x.tsv"
expect 3 "version.jsonl: line 1: this sverka reads review files of version 1 only" "unknown version" -- align -q "$ru" "$en" --review "$tmp/version.jsonl" -o "$tmp/x.tsv"
expect 3 "other.jsonl: line 1: the review was made on another Russian text" "another text" -- align -q "$ru" "$en" --review "$tmp/other.jsonl" -o "$tmp/x.tsv"
expect 3 "count.jsonl: line 1: the review was made on $((n_ru + 1)) Russian sentences" "another sentence split" -- align -q "$ru" "$en" --review "$tmp/count.jsonl" -o "$tmp/x.tsv"
expect 3 "empty.jsonl: empty" "empty review file" -- align -q "$ru" "$en" --review "$tmp/empty.jsonl" -o "$tmp/x.tsv"
expect 3 "nonexistent.jsonl: cannot read the review file" "missing review file" -- align -q "$ru" "$en" --review "$tmp/nonexistent.jsonl" -o "$tmp/x.tsv"
expect 2 "--review: a review applies to comparable mode" "--review with --mode parallel" -- align -q --mode parallel "$ru" "$en" --review "$review" -o "$tmp/x.tsv"
if [ -e "$tmp/x.tsv" ]; then
  not_ok "a refused review writes nothing"
else
  ok "a refused review writes nothing"
fi
tap_done
