#!/bin/bash
# sverka lexicon compile-forms and compile-lemmas (issue 19): the word
# forms of hunspell's dictionaries compiled for the spelling notes, and
# hunspell's lemmas of them for word analysis. Usage errors are named; a
# dictionary is compiled with its counts on standard error, one the tables
# cannot cover with the reason; and the TSV and the notes are the same bytes
# with the build's tables as with hunspell alone (a copy of the hunspell
# folder whose .aff files gained an empty line, which leaves hunspell's
# answers as they are but puts every table out of date). Usage:
# wordforms-cli.sh SVERKA SOURCE_ROOT HUNSPELL_DIR. Prints TAP.
set -u
sverka=$1
src=$2
hunspell=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$src/tests/tap.sh"
fixtures=$src/tests/wordforms

expect 2 "a compiled table is a binary file; name it with -o FILE" \
  "compile-forms without -o: exit 2, what to do" -- lexicon compile-forms ru_RU
expect 2 "expected the name of a hunspell dictionary such as ru_RU" \
  "compile-forms with a path: exit 2, what it expects" -- lexicon compile-forms -o "$tmp/x.svk" /usr/share/hunspell/ru_RU
expect 4 "no such hunspell dictionary file; name the folder that holds it with --hunspell-dir" \
  "compile-forms of a dictionary that is not there: exit 4, what to do" -- \
  lexicon compile-forms --hunspell-dir "$tmp" -o "$tmp/x.svk" xx_XX
check "  ... naming the file" grep -q "$tmp/xx_XX.aff" "$tmp/err"
expect 4 "$tmp/xx_XX.aff: no such hunspell dictionary file; name the folder that holds it with --hunspell-dir" \
  "compile-lemmas of a dictionary that is not there: exit 4, the file and what to do" -- \
  lexicon compile-lemmas --hunspell-dir "$tmp" -o "$tmp/x.svk" xx_XX
check "  ... and no table left" test ! -e "$tmp/x.svk"
expect 0 "^sverka: 18 forms of 7 entries of $fixtures/small.dic compiled into $tmp/small.svk$" \
  "compile-forms: the forms and entries on standard error" -- \
  lexicon compile-forms --hunspell-dir "$fixtures" -o "$tmp/small.svk" small
check "  ... and the table written" test -s "$tmp/small.svk"
expect 0 "^sverka: the lemmas of 18 forms of $fixtures/small.dic compiled into $tmp/small-lemmas.svk$" \
  "compile-lemmas: the forms on standard error" -- \
  lexicon compile-lemmas --hunspell-dir "$fixtures" -o "$tmp/small-lemmas.svk" small
expect 2 "a compiled table is a binary file; name it with -o FILE" \
  "compile-lemmas without -o: exit 2, what to do" -- lexicon compile-lemmas ru_RU
expect 0 "the table covers nothing \(.*long-flags.aff:2: FLAG, which sverka's table does not cover\)" \
  "a dictionary with two-letter flags: a table that covers nothing, and why" -- \
  lexicon compile-forms -q --hunspell-dir "$fixtures" -o "$tmp/long.svk" long-flags

# hunspell alone: the same dictionaries, each .aff with one more empty line
mkdir "$tmp/hunspell"
for d in ru_RU en_US en_GB; do
  cp "$hunspell/$d.dic" "$tmp/hunspell/"
  { cat "$hunspell/$d.aff"; echo; } >"$tmp/hunspell/$d.aff"
done
pairs=("$src/corpus/2021-12-14-brussels/ru.txt $src/corpus/2021-12-14-brussels/en.txt")
for ru in "$src"/tests/notes-cases/spelling/*.ru "$src"/tests/notes/*.ru; do
  pairs+=("$ru ${ru%.ru}.en")
done
differ=0
for p in "${pairs[@]}"; do
  set -- $p
  "$sverka" align -q "$1" "$2" -o "$tmp/with.out.tsv" --notes "$tmp/with.tsv" 2>>"$tmp/run.err"
  "$sverka" align -q --hunspell-dir "$tmp/hunspell" "$1" "$2" -o "$tmp/without.out.tsv" \
    --notes "$tmp/without.tsv" 2>>"$tmp/run.err"
  for f in tsv out.tsv; do
    if ! cmp -s "$tmp/with.$f" "$tmp/without.$f"; then
      differ=$((differ + 1))
      echo "$1: the ${f/out.tsv/TSV} differ" >>"$tmp/differ"
      diff "$tmp/with.$f" "$tmp/without.$f" | head -5 >>"$tmp/differ"
    fi
  done
  grep -c "^spelling" "$tmp/with.tsv" >>"$tmp/spelling-counts"
done
tap_err=$tmp/differ
check "the TSV and the notes of ${#pairs[@]} pairs: the same bytes with the tables and with hunspell alone" \
  test "$differ" -eq 0
spelling=$(awk '{ s += $1 } END { print s + 0 }' "$tmp/spelling-counts")
tap_err=$tmp/run.err
check "  ... of which $spelling spelling notes (at least 10)" test "$spelling" -ge 10
tap_done
