#!/bin/bash
# Notes on small hand-made pairs (tests/notes-cases): each kind of problem a
# translation can hide is found, and the clean version of the same text gets
# none of those notes. Usage: notes-cases.sh SVERKA SOURCE_ROOT. Prints TAP.
set -u
sverka=$1
cases=$2/tests/notes-cases
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$2/tests/tap.sh"

# has KIND SEVERITY RU_IDS EN_IDS PATTERN DESCRIPTION: the notes hold a row
# of that kind, severity and ids whose message matches PATTERN.
has () {
  if awk -F'\t' -v k="$1" -v s="$2" -v r="$3" -v e="$4" -v p="$5" \
       '$1 == k && $2 == s && $3 == r && $4 == e && $7 ~ p { found = 1 } END { exit !found }' \
       "$tmp/notes.tsv"; then
    ok "$6"
  else
    cp "$tmp/notes.tsv" "$tmp/err"
    not_ok "$6"
  fi
}

if "$sverka" align -q --mode parallel --notes "$tmp/notes.tsv" -o "$tmp/a.tsv" \
     "$cases/vienna.ru" "$cases/vienna.en" 2>"$tmp/err"; then
  ok "align vienna"
else
  not_ok "align vienna"
fi
# "co-chairs" is "сопредседатели" in ru 2 and "председатели" in ru 3.
has terminology warning 2,3 2,3 'co-chair.*сопредседатель.*председатель' \
  "terminology: a part of a compound term is another term"
# ru 4 renders only the first half of en 4.
has length warning 4 4 'words in a row' "length: a partial translation"
# ru 6 repeats words of ru 5 and says nothing of its own; the alignment puts
# it with ru 5.
if awk -F'\t' '$4 == "5,6" && $5 == "5"' "$tmp/a.tsv" | grep -q .; then
  ok "the added ru 6 is aligned with ru 5"
else
  cp "$tmp/a.tsv" "$tmp/err"
  not_ok "the added ru 6 is aligned with ru 5"
fi
has addition error 6 '' 'aligned with others' "addition: a sentence absorbed by its neighbour's bead"
# -ственн- keeps its double н before an ending, even though the lexicon
# knows the stem.
has spelling warning 7 '' 'единственная' "spelling: единственая"

if "$sverka" align -q --mode parallel --notes "$tmp/notes.tsv" -o "$tmp/a.tsv" \
     "$cases/vienna-clean.ru" "$cases/vienna-clean.en" 2>"$tmp/err" \
   && [ "$(wc -l <"$tmp/notes.tsv")" -eq 1 ]; then
  ok "the clean version gets no notes"
else
  cp "$tmp/notes.tsv" "$tmp/err"
  not_ok "the clean version gets no notes"
fi
tap_done
