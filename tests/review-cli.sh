#!/bin/bash
# `sverka align --review FILE` without a browser: a hand-written review of
# the bundled pair is applied (links as decided, scored 1, "reviewed" in
# JSON Lines, the later of two lines for one sentence wins, the same bytes
# twice), and every malformed or mismatched review file is refused with
# the file, the line and what to do, writing nothing. Then the same for
# German and French (tests/langs), the review file's keys in their codes,
# and a review made for one pair refused under the other.
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

# Another pair: German and French (tests/langs: five German sentences, the
# report, and six French ones, the source). The review file's keys are the
# pair's codes, as the page gives them.
de=$src/tests/langs/de.txt
fr=$src/tests/langs/fr.txt
"$sverka" align -q --langs de,fr --split none --mode comparable "$de" "$fr" --html "$tmp/page.html" -o /dev/null
check "de,fr: the page has the review editor and names the pair's codes (data-langs)" \
  bash -c "grep -q 'sverka_review' '$tmp/page.html' && [ '$(attr langs)' = 'de fr' ]"
check "de,fr: the report is the German side (data-report, the side of the page)" [ "$(attr report)" = ru ]
de_head="{\"sverka_review\":1,\"report\":\"de\",\"de_sentences\":$(attr n-ru),\"fr_sentences\":$(attr n-en),\"de_sha256\":\"$(attr ru-sha256)\",\"fr_sha256\":\"$(attr en-sha256)\"}"
check "de,fr: the page's digests are the SHA-256 of the files" \
  [ "$(attr ru-sha256) $(attr en-sha256)" = "$(sha256sum "$de" | cut -d' ' -f1) $(sha256sum "$fr" | cut -d' ' -f1)" ]
de_review=$tmp/de-fr.jsonl
{
  echo "$de_head"
  echo '{"report_id":2,"links":[3,2]}'
  echo '{"report_id":4,"links":[]}'
} >"$de_review"
de_align () { "$sverka" align -q --langs de,fr --split none "$de" "$fr" "$@"; }
if de_align --review "$de_review" --out-dir "$tmp/d" 2>"$tmp/err"; then
  ok "de,fr: a review applies"
else
  not_ok "de,fr: a review applies"
fi
check "de,fr: the TSV header names the pair" \
  [ "$(head -1 "$tmp/d/alignment.tsv")" = "$(printf 'de\tfr\tscore\tde_ids\tfr_ids')" ]
drow () { awk -F'\t' -v id="$1" 'NR > 1 && $4 == id { print $5 "|" $3 }' "$2"; }
for want in "2 2,3|1.000" "4 |1.000"; do
  id=${want%% *}
  if [ "$(drow "$id" "$tmp/d/alignment.tsv")" = "${want#* }" ]; then
    ok "de,fr: report sentence $id: links and score as decided (${want#* })"
  else
    echo "# got: $(drow "$id" "$tmp/d/alignment.tsv")" >"$tmp/err"
    not_ok "de,fr: report sentence $id: links and score as decided (${want#* })"
  fi
done
check "de,fr: two rows \"reviewed\" in JSON Lines" \
  [ "$(grep -c '"reviewed": true' "$tmp/d/alignment.jsonl")" = 2 ]
de_align --mode comparable -o "$tmp/dplain.tsv"
check "de,fr: a sentence not decided keeps sverka's links and score" \
  [ "$(drow 1 "$tmp/d/alignment.tsv") $(drow 5 "$tmp/d/alignment.tsv")" = "$(drow 1 "$tmp/dplain.tsv") $(drow 5 "$tmp/dplain.tsv")" ]
de_align --review "$de_review" -o "$tmp/dagain.tsv"
check "de,fr: the same review gives the same bytes" cmp -s "$tmp/dagain.tsv" "$tmp/d/alignment.tsv"
check "de,fr: the rebuilt report's editor names the pair" grep -q 'data-langs="de fr"' "$tmp/d/report.html"
# The members in another order, and the pair the other way round (fr,de,
# the files swapped): the same decisions.
printf '%s\n' "{\"fr_sha256\":\"$(attr en-sha256)\",\"fr_sentences\":$(attr n-en),\"report\":\"de\",\"sverka_review\":1,\"de_sentences\":$(attr n-ru),\"de_sha256\":\"$(attr ru-sha256)\"}" \
  '{"report_id":2,"links":[3,2]}' '{"report_id":4,"links":[]}' >"$tmp/fr-first.jsonl"
de_align --review "$tmp/fr-first.jsonl" -o "$tmp/dswap.tsv"
check "de,fr: the header's members in any order" cmp -s "$tmp/dswap.tsv" "$tmp/d/alignment.tsv"
"$sverka" align -q --langs fr,de --split none "$fr" "$de" --review "$de_review" -o "$tmp/fd.tsv" 2>"$tmp/err"
check "fr,de with the files swapped: the de,fr review applies, the same links" \
  [ "$(awk -F'\t' 'NR > 1 { print $5 ":" $4 ":" $3 }' "$tmp/fd.tsv" | grep -E '^(2|4):' | tr '\n' ' ')" = "2:2:1.000 2:3:1.000 4::1.000 " ]

# A review made for another pair, and codes that are none.
expect 3 "review.jsonl: line 1: the review was made for the pair ru,en, but .*de.txt and .*fr.txt are aligned as de,fr; align the files the report was made from with --langs ru,en" \
  "a ru,en review refused under --langs de,fr, naming the pair to use" -- \
  align -q --langs de,fr --split none "$de" "$fr" --review "$review" -o "$tmp/y.tsv"
expect 3 "de-fr.jsonl: line 1: the review was made for the pair de,fr, but .*ru.txt and .*en.txt are aligned as ru,en; align the files the report was made from with --langs de,fr" \
  "a de,fr review refused for ru,en, naming the pair to use" -- \
  align -q "$ru" "$en" --review "$de_review" -o "$tmp/y.tsv"
bad upper "${de_head/\"de_sentences\"/\"DE_sentences\"}"
bad long "${de_head/\"de_sha256\"/\"deutsch_sha256\"}"
bad report "${de_head/\"report\":\"de\"/\"report\":\"ru\"}"
bad three "${de_head/\"fr_sentences\"/\"it_sentences\":5,\"fr_sentences\"}"
bad one "${de_head/\"fr_sentences\":$(attr n-en),/}"
bad stray "${de_head/\"sverka_review\":1,/\"sverka_review\":1,\"it_sha256\":\"x\",}"
# A bad header of a de,fr review (the file $tmp/NAME.jsonl), refused.
refused_de () {
  expect 3 "$1.jsonl: line 1: $2" "$3" -- \
    align -q --langs de,fr --split none "$de" "$fr" --review "$tmp/$1.jsonl" -o "$tmp/y.tsv"
}
refused_de upper "\"DE_sentences\": 'DE' is not a language code" "an upper-case code"
refused_de long "\"deutsch_sha256\": 'deutsch' is not a language code" "a code of seven letters"
refused_de report "\"report\" must be \"de\" or \"fr\"" "a report language not of the pair"
refused_de three "sentence counts for three languages \(de, it, fr\)" "three languages"
refused_de one "expected the sentence counts of the pair's two languages .*found one" "one language"
refused_de stray "\"it_sha256\" names a language that has no sentence count; the pair is de,fr" \
  "a digest of a third language"
check "a refused review of another pair writes nothing" [ ! -e "$tmp/y.tsv" ]
tap_done
