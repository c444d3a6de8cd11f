#!/bin/bash
# sverka lexicon compile (issue 19): lexicons compiled at build time and
# mapped read-only at start-up. A compiled lexicon gives the same bytes in
# every output as the lexicon files it was made from, by default and with
# --lexicon, alone or with files added; it is made the same twice; it is
# not used when its files changed (a notice, then the files are read); a
# damaged file, or one whose stems another Snowball would not give, is
# refused with its name and what to do. Usage: lexicon-compile.sh SVERKA
# SOURCE_ROOT BUILD_ROOT. Prints TAP.
set -u
sverka=$1
src=$2
build=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$src/tests/tap.sh"
python=/usr/bin/python3
[ -x "$python" ] || python=python3
ru=$src/corpus/2021-12-14-brussels/ru.txt
en=$src/corpus/2021-12-14-brussels/en.txt
seed=$src/dictionaries/ru-en.tsv
files=("$seed")
for f in learned-ru-en.tsv mueller7-ru-en.tsv; do
  [ -f "$build/dictionaries/$f" ] && files+=("$build/dictionaries/$f")
done
printf '# sverka-lexicon 1\nзубробизон\twisent\tterm\nсоюзник по НАТО\tNATO ally\n' >"$tmp/extra.tsv"
printf '# sverka-lexicon 1\nполумесяц\tcrescent\n' >"$tmp/extra2.tsv"

# Outputs of one run: the TSV and the notes, in $tmp/NAME.*.
run () {
  local name=$1
  shift
  "$sverka" align "$@" "$ru" "$en" -o "$tmp/$name.tsv" --notes "$tmp/$name.notes.tsv" 2>"$tmp/$name.err"
}
same () { cmp -s "$tmp/$1.tsv" "$tmp/$2.tsv" && cmp -s "$tmp/$1.notes.tsv" "$tmp/$2.notes.tsv"; }

"$sverka" lexicon compile -o "$tmp/c.lex" "$seed" "$tmp/extra.tsv" 2>"$tmp/err"
check "compile: exit 0, the entries and the file named on standard error" \
  bash -c "[ $? -eq 0 ] && grep -qE '^sverka: [0-9]+ entries from 2 lexicon files compiled into $tmp/c.lex$' '$tmp/err'"
"$sverka" lexicon compile -q -o "$tmp/c2.lex" "$seed" "$tmp/extra.tsv"
check "compiled twice, the same bytes" cmp -s "$tmp/c.lex" "$tmp/c2.lex"

run files --lexicon "$seed" --lexicon "$tmp/extra.tsv"
run compiled --lexicon "$tmp/c.lex"
check "--lexicon COMPILED: the TSV and the notes of the bundled pair are those of the files it was made from" \
  same files compiled
run files-p --mode parallel --lexicon "$seed" --lexicon "$tmp/extra.tsv"
run compiled-p --mode parallel --lexicon "$tmp/c.lex"
check "the same in parallel mode" same files-p compiled-p
run files3 --lexicon "$seed" --lexicon "$tmp/extra.tsv" --lexicon "$tmp/extra2.tsv"
run compiled3 --lexicon "$tmp/c.lex" --lexicon "$tmp/extra2.tsv"
check "a compiled lexicon and a file after it: as the three files" same files3 compiled3
run files-after --lexicon "$tmp/extra2.tsv" --lexicon "$seed" --lexicon "$tmp/extra.tsv"
run compiled-after --lexicon "$tmp/extra2.tsv" --lexicon "$tmp/c.lex"
check "a file and a compiled lexicon after it: as the three files" same files-after compiled-after

# The default lexicons: the build's compiled-ru-en.lex is mapped.
if [ -f "$build/dictionaries/compiled-ru-en.lex" ]; then
  lexopts=()
  for f in "${files[@]}"; do lexopts+=(--lexicon "$f"); done
  run default-files "${lexopts[@]}"
  run default
  check "by default the build's compiled lexicon, with no notice: the outputs of its ${#files[@]} files" \
    bash -c "cmp -s '$tmp/default.tsv' '$tmp/default-files.tsv' && cmp -s '$tmp/default.notes.tsv' '$tmp/default-files.notes.tsv' && ! grep -q 'out of date' '$tmp/default.err'"
  # A dictionary folder whose seed lexicon has one entry more.
  mkdir "$tmp/dict"
  cp -r "$src"/dictionaries/. "$tmp/dict/"
  printf 'полумесяц\tcrescent\n' >>"$tmp/dict/ru-en.tsv"
  lexopts[1]=$tmp/dict/ru-en.tsv
  run changed-files --dict-dir "$tmp/dict" "${lexopts[@]}"
  run changed --dict-dir "$tmp/dict"
  check "a seed lexicon changed since the build: a notice that the compiled one is out of date, and the files' outputs" \
    bash -c "grep -q 'compiled-ru-en.lex is out of date: it was not compiled from the lexicon files as they are now ($tmp/dict/ru-en.tsv differs); reading the lexicon files instead' '$tmp/changed.err' && cmp -s '$tmp/changed.tsv' '$tmp/changed-files.tsv' && cmp -s '$tmp/changed.notes.tsv' '$tmp/changed-files.notes.tsv'"
else
  skip "by default the build's compiled lexicon" "the build has no compiled-ru-en.lex"
  skip "a seed lexicon changed since the build" "the build has no compiled-ru-en.lex"
fi

# Damaged files. The header: magic, byte order, version, five counts, the
# number of sources, then the sections' offsets (sources, entries, ...).
head -c 5000 "$tmp/c.lex" >"$tmp/short.lex"
"$sverka" align --lexicon "$tmp/short.lex" "$ru" "$en" -o "$tmp/out.tsv" 2>"$tmp/err"
check "a truncated file: exit 4 (a dictionary error), no output, its name and 'compile it again with sverka lexicon compile'" \
  bash -c "[ $? -eq 4 ] && [ ! -e '$tmp/out.tsv' ] && grep -q 'short.lex: not a usable compiled lexicon (truncated or extended); compile it again' '$tmp/err'"
"$python" - "$tmp/c.lex" "$tmp/bad-entry.lex" "$tmp/bad-stem.lex" <<'PY'
import struct, sys
data = bytearray(open(sys.argv[1], "rb").read())
(n_entries, n_stem_offs, n_buckets, n_keys, strings_len, n_sources) = struct.unpack_from("<6I", data, 16)
(sources_off, entries_off, stem_offs_off, next_off, buckets_off, strings_off) = struct.unpack_from("<6Q", data, 40)
# entry 1's first stem far past the stems
bad = bytearray(data)
struct.pack_into("<I", bad, entries_off + 40 + 8, 0xFFFFFF00)
open(sys.argv[2], "wb").write(bad)
# entry 0's English stem changed as another stemmer might have made it
ru, en, stems, n_ru, n_en = struct.unpack_from("<5I", data, entries_off)
off = struct.unpack_from("<I", data, stem_offs_off + 4 * (stems + n_ru))[0]
pos = strings_off + off
data[pos] = ord("q") if data[pos] != ord("q") else ord("z")
open(sys.argv[3], "wb").write(data)
PY
"$sverka" align --lexicon "$tmp/bad-entry.lex" "$ru" "$en" -o "$tmp/out.tsv" 2>"$tmp/err"
check "an entry pointing outside the file: refused with the file's name, exit 4" \
  bash -c "[ $? -eq 4 ] && grep -q 'bad-entry.lex: not a usable compiled lexicon (an entry is out of bounds)' '$tmp/err'"
"$sverka" align --lexicon "$tmp/bad-stem.lex" "$ru" "$en" -o "$tmp/out.tsv" 2>"$tmp/err"
check "a stem today's analysis does not give: refused as made with another Snowball or ICU" \
  bash -c "[ $? -eq 4 ] && grep -q 'bad-stem.lex: made with another version of the word analysis (Snowball or ICU)' '$tmp/err'"

expect 2 'a compiled lexicon is a binary file; name it with -o FILE' "compile without -o: a usage error" \
  -- lexicon compile "$seed"
expect 4 "$tmp/none.tsv" "compile a file that is not there: its name" \
  -- lexicon compile -o "$tmp/x.lex" "$tmp/none.tsv"
check "... and no output file left" test ! -e "$tmp/x.lex"
printf '# sverka-lexicon 1\nодин\n' >"$tmp/badline.tsv"
expect 4 "badline.tsv:2:" "compile a malformed lexicon file: FILE:LINE" \
  -- lexicon compile -o "$tmp/x.lex" "$tmp/badline.tsv"
expect 3 "$tmp/none/x.lex: cannot write the compiled lexicon .*; check that its folder exists" \
  "compile into a folder that is not there: the file named, exit 3" \
  -- lexicon compile -o "$tmp/none/x.lex" "$seed"
tap_done
