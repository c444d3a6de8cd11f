#!/bin/bash
# Command-line tests: bad input gets a clear message and the documented exit
# code, output files are written whole or not at all, output is the same
# under any locale. Usage: cli.sh SVERKA SOURCE_ROOT. Prints TAP.
set -u
sverka=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$src/tests/tap.sh"
# A failure's comments are the whole of $tmp/err (the notes of the bundled
# pair, say), not 20 lines.
tap_lines=0

ru=$src/corpus/2021-12-14-brussels/ru.txt
en=$src/corpus/2021-12-14-brussels/en.txt

: >"$tmp/empty.txt"
printf ' \n\t\n' >"$tmp/blank.txt"
printf 'Первая строка.\nВторая \xff строка.\n' >"$tmp/bad-utf8.txt"
printf '\xff\xfeH\x00i\x00' >"$tmp/utf16.txt"
printf '\x00\x00\xfe\xffH' >"$tmp/utf32.txt"
printf 'text\nwith a \x00 NUL\n' >"$tmp/nul.txt"
printf '\xef\xbb\xbfBOM text. Second.\r\n' >"$tmp/bom-crlf.txt"

expect 3 "nonexistent.txt: no such file" "missing file" -- segment "$tmp/nonexistent.txt"
expect 3 "is a directory" "directory" -- segment "$tmp"
expect 3 "empty.txt: the file is empty" "empty file" -- segment "$tmp/empty.txt"
expect 3 "blank.txt: the file holds only white space" "white space only" -- segment "$tmp/blank.txt"
expect 3 "bad-utf8.txt:2: invalid UTF-8 at byte 40 \(column 8, byte 0xFF\)" "invalid UTF-8: line and byte" -- segment "$tmp/bad-utf8.txt"
expect 3 "UTF-16LE.*iconv" "UTF-16 with byte order mark" -- segment "$tmp/utf16.txt"
expect 3 "UTF-32.*iconv" "UTF-32 with byte order mark" -- segment "$tmp/utf32.txt"
expect 3 "nul.txt:2: NUL byte at byte 12" "NUL byte" -- segment "$tmp/nul.txt"
expect 2 "unknown command 'frobnicate'" "unknown command" -- frobnicate "$ru"
expect 2 "Unknown option --frobnicate" "unknown option" -- segment --frobnicate "$ru"
expect 2 "--lang: expected ru, en or auto, found 'de'" "bad --lang value" -- segment --lang de "$ru"
expect 2 "expected one FILE" "no file" -- segment
expect 4 "dictionary folder /nonexistent not found" "missing dictionaries" -- segment --dict-dir /nonexistent "$ru"

# A 10 MB line without a newline is text like any other.
head -c 10485760 /dev/zero | tr '\0' 'a' | sed 's/a\{40\}/Word after word and then a full stop. /g' >"$tmp/long.txt"
if "$sverka" segment -q "$tmp/long.txt" >"$tmp/out" 2>"$tmp/err" && [ "$(wc -l <"$tmp/out")" -gt 200000 ]; then
  ok "10 MB line without a newline"
else
  not_ok "10 MB line without a newline"
fi

# Byte order mark stripped, CRLF accepted.
if [ "$("$sverka" segment "$tmp/bom-crlf.txt" 2>"$tmp/err")" = "$(printf 'BOM text.\nSecond.')" ]; then
  ok "UTF-8 byte order mark and CRLF"
else
  not_ok "UTF-8 byte order mark and CRLF"
fi

# Standard input.
if [ "$("$sverka" segment - <"$ru" 2>"$tmp/err")" = "$("$sverka" segment "$ru" 2>/dev/null)" ]; then
  ok "- reads standard input"
else
  not_ok "- reads standard input"
fi

# --ids numbers the sentences.
if "$sverka" segment --ids "$ru" 2>"$tmp/err" | awk -F'\t' '$1 != NR { bad = 1 } END { exit bad || NR != 18 }'; then
  ok "--ids numbers 18 sentences"
else
  not_ok "--ids numbers 18 sentences"
fi

# Trimming is reported, listed and can be turned off.
"$sverka" segment --show-trimmed "$en" >"$tmp/out" 2>"$tmp/err"
if grep -q "set aside 104 lines of page furniture" "$tmp/err" && grep -q "en.txt:58: Share news on social media" "$tmp/err"; then
  ok "--show-trimmed lists the furniture"
else
  not_ok "--show-trimmed lists the furniture"
fi
kept=$("$sverka" segment --keep-all "$en" 2>"$tmp/err" | grep -c "Share news on social media")
if [ "$kept" -eq 1 ]; then ok "--keep-all keeps it"; else not_ok "--keep-all keeps it"; fi

# -o writes atomically: a failed run leaves the previous file untouched.
echo "previous" >"$tmp/out.txt"
"$sverka" segment -o "$tmp/out.txt" "$tmp/bad-utf8.txt" 2>"$tmp/err"
if [ "$(cat "$tmp/out.txt")" = "previous" ] && [ -z "$(ls "$tmp" | grep '^out.txt.')" ]; then
  ok "failed run leaves the previous output"
else
  not_ok "failed run leaves the previous output"
fi
"$sverka" segment -o "$tmp/none.txt" "$tmp/nul.txt" 2>"$tmp/err"
if [ ! -e "$tmp/none.txt" ]; then ok "failed run writes no output"; else not_ok "failed run writes no output"; fi
expect 5 "cannot write" "unwritable output path" -- segment -o /nonexistent/dir/out.txt "$ru"
if "$sverka" segment -o "$tmp/good.txt" "$ru" 2>"$tmp/err" && [ "$(wc -l <"$tmp/good.txt")" -eq 18 ]; then
  ok "-o writes the file"
else
  not_ok "-o writes the file"
fi

# Deterministic whatever the locale.
LC_ALL=C "$sverka" tokens -q "$en" >"$tmp/c.tsv" 2>"$tmp/err"
LC_ALL=C.UTF-8 "$sverka" tokens -q "$en" >"$tmp/utf8.tsv" 2>>"$tmp/err"
LANG= LC_ALL= "$sverka" tokens -q "$en" >"$tmp/none.tsv" 2>>"$tmp/err"
if cmp -s "$tmp/c.tsv" "$tmp/utf8.tsv" && cmp -s "$tmp/c.tsv" "$tmp/none.tsv" && [ -s "$tmp/c.tsv" ]; then
  ok "same bytes under LC_ALL=C, C.UTF-8 and none"
else
  not_ok "same bytes under LC_ALL=C, C.UTF-8 and none"
fi

# align: nothing lost. Comparable (the bundled pair): every Russian sentence
# in exactly one row, every English sentence in at least one.
"$sverka" align "$ru" "$en" >"$tmp/pair.tsv" 2>"$tmp/err"
n_ru=$("$sverka" segment -q "$ru" | wc -l)
n_en=$("$sverka" segment -q "$en" | wc -l)
if grep -q "mode comparable" "$tmp/err" && [ "$(head -1 "$tmp/pair.tsv")" = "$(printf 'ru\ten\tscore\tru_ids\ten_ids')" ] \
   && awk -F'\t' -v nr="$n_ru" -v ne="$n_en" 'NR > 1 { if (NF != 5) bad = 1
        n = split($4, a, ","); for (i = 1; i <= n; i++) ru[a[i]]++
        n = split($5, b, ","); for (i = 1; i <= n; i++) en[b[i]]++ }
      END { for (i = 1; i <= nr; i++) if (ru[i] != 1) bad = 1
            for (i = 1; i <= ne; i++) if (en[i] < 1) bad = 1
            exit bad }' "$tmp/pair.tsv"; then
  ok "align (comparable): all $n_ru + $n_en sentences in the TSV"
else
  not_ok "align (comparable): all sentences in the TSV"
fi

# Parallel: every sentence of both sides exactly once, in order.
printf 'Генеральный секретарь провел встречу в Брюсселе.\nАэропорт Кабула сыграл важную роль в эвакуации 120 тысяч человек.\nАзербайджан является надежным поставщиком газа.\nСегодня мы обсудили энергетическую безопасность.\nМирное соглашение важно для региона.\n' >"$tmp/p.ru"
printf 'The Secretary General held a meeting in Brussels.\nKabul airport played an important role in the evacuation of 120,000 people.\nAzerbaijan is a reliable supplier.\nIt supplies gas.\nA peace agreement is important for the region.\n' >"$tmp/p.en"
"$sverka" align --mode parallel "$tmp/p.ru" "$tmp/p.en" >"$tmp/p.tsv" 2>"$tmp/err"
if [ "$(cut -f4 "$tmp/p.tsv" | tail -n +2 | tr '\n' ',' | tr -s ',')" = "1,2,3,4,5," ] \
   && [ "$(cut -f5 "$tmp/p.tsv" | tail -n +2 | tr '\n' ',' | tr -s ',')" = "1,2,3,4,5," ]; then
  ok "align (parallel): every sentence once, in order"
else
  not_ok "align (parallel): every sentence once, in order"
fi
if LC_ALL=C "$sverka" align -q "$ru" "$en" | cmp -s - "$tmp/pair.tsv" \
   && LANG= LC_ALL= "$sverka" align -q "$ru" "$en" | cmp -s - "$tmp/pair.tsv"; then
  ok "align output is the same under any locale"
else
  not_ok "align output is the same under any locale"
fi
expect 2 "--mode: expected auto, parallel or comparable, found 'diagonal'" "bad --mode value" -- align --mode diagonal "$ru" "$en"
expect 2 "one file is aligned only when it is a bilingual XLIFF file; give a Russian and an English file" "align with one file that is not XLIFF" -- align "$ru"
expect 2 "only one side can be read from standard input" "both sides from standard input" -- align - -
expect 3 "nonexistent.txt: no such file" "align: missing English file" -- align "$ru" "$tmp/nonexistent.txt"
printf '# sverka-lexicon 1\nмир\tpeace\tbogus\n' >"$tmp/bad-lex.tsv"
expect 4 "bad-lex.tsv:2: unknown tag 'bogus'" "align: bad lexicon line" -- align --lexicon "$tmp/bad-lex.tsv" "$ru" "$en"
# Files given the other way round are told by their scripts: the Russian
# first in the output, as if given first; --langs ru,en aligns as asked.
"$sverka" align "$en" "$ru" -o "$tmp/swapped.tsv" 2>"$tmp/err"
"$sverka" align -q "$ru" "$en" -o "$tmp/unswapped.tsv"
check "swapped files: said so, and the same TSV as the files in order" \
  bash -c "grep -q 'en.txt is English (100% of its letters Latin) and .*ru.txt Russian (100% Cyrillic): aligned with the Russian first' '$tmp/err' && cmp -s '$tmp/swapped.tsv' '$tmp/unswapped.tsv'"
expect 0 "warning: .*en.txt is given as the Russian side" "swapped sides with --langs ru,en: warned about" -- align --langs ru,en "$en" "$ru"

# Notes on the bundled pair: the typos, Zangezur/Zangazur, the explicit and
# relative year of August, the 1994 sentence; no note on 120 тысяч against
# "hundred and 20 thousand", nor on седьмой against "seventh".
"$sverka" align -q --notes "$tmp/notes.tsv" -o "$tmp/pair2.tsv" "$ru" "$en" 2>"$tmp/err"
if [ "$(head -1 "$tmp/notes.tsv")" = "$(printf 'kind\tseverity\tru_ids\ten_ids\tru_text\ten_text\tmessage')" ] \
   && grep -q '^spelling	warning		.*"vey"' "$tmp/notes.tsv" \
   && grep -q '^spelling	warning		.*"Azarbaijan"' "$tmp/notes.tsv" \
   && grep -q '^spelling	warning	18	.*"центрв"' "$tmp/notes.tsv" \
   && grep -q '^terminology	.*Zangezur.*Zangazur' "$tmp/notes.tsv" \
   && grep -q '^date	warning	10	.*2021.*this year' "$tmp/notes.tsv" \
   && grep -q '	14	.*1994' "$tmp/notes.tsv" \
   && ! grep -q '120 тысяч\|седьмой\|hundred and 20 thousand' <(cut -f1,7 "$tmp/notes.tsv"); then
  ok "notes on the bundled pair"
else
  sed 's/^/# /' "$tmp/notes.tsv" | grep -v '^# omission' >"$tmp/err"
  not_ok "notes on the bundled pair"
fi
expect 0 "notes: 0 errors" "--fail-on error: no errors on the bundled pair" -- align --fail-on error --notes "$tmp/n2.tsv" -o "$tmp/p2.tsv" "$ru" "$en"
expect 1 "notes: .* warnings" "--fail-on warning: exit 1 with warnings" -- align --fail-on warning -o "$tmp/p3.tsv" "$ru" "$en"
expect 2 "--fail-on: expected error or warning, found 'info'" "bad --fail-on value" -- align --fail-on info "$ru" "$en"
expect 5 "cannot write" "unwritable notes path" -- align --notes /nonexistent/dir/notes.tsv "$ru" "$en"

"$sverka" align -q --notes-md "$tmp/notes.md" -o /dev/null "$ru" "$en" 2>"$tmp/err"
if head -1 "$tmp/notes.md" | grep -q '^# sverka: discrepancy notes' && grep -q '^## Terminology (1)' "$tmp/notes.md" \
   && grep -q '^  > \*\*ru 18\*\*: ' "$tmp/notes.md"; then
  ok "--notes-md writes the Markdown report"
else
  not_ok "--notes-md writes the Markdown report"
fi
# The quotes set the words a note is about in bold: the bundled pair's
# explicit year against "this year".
if grep -q '^  > \*\*ru [0-9]*\*\*: .* \*\*2021\*\* года\.$' "$tmp/notes.md" \
   && grep -q '^  > \*\*en [0-9]*\*\*: .* \*\*this year\*\* ' "$tmp/notes.md"; then
  ok "--notes-md quotes the flagged words in bold"
else
  grep -n '2021\|this year' "$tmp/notes.md" >"$tmp/err"
  not_ok "--notes-md quotes the flagged words in bold"
fi

# lexicon import-dictd: bad input, and no output file on failure.
expect 3 "x.index.*No such file" "import-dictd: missing index" -- lexicon import-dictd -o "$tmp/lex.tsv" "$tmp/x.index"
if [ ! -e "$tmp/lex.tsv" ]; then ok "import-dictd: failed run writes no output"; else not_ok "import-dictd: failed run writes no output"; fi
expect 2 "expected the path of a dictd index, ending in '.index'" "import-dictd: not an index" -- lexicon import-dictd "$ru"
expect 2 "expected 'import-dictd INDEX'" "lexicon: unknown subcommand" -- lexicon frobnicate

# lexicon import-dictd of FreeDict dictionaries (tests/test-freedict.c tests
# the articles): columns in the order of --langs, both directions merged.
# b64 N: N in dictd's base64. dictd PREFIX HEADWORD ARTICLE...: writes
# PREFIX.index and PREFIX.dict.
b64 () {
  local n=$1 d=ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/ s=
  while :; do s=${d:$((n % 64)):1}$s; n=$((n / 64)); [ $n -gt 0 ] || break; done
  printf %s "$s"
}
dictd () {
  local prefix=$1 off=0 len
  shift
  : >"$prefix.index"
  : >"$prefix.dict"
  while [ $# -ge 2 ]; do
    printf %s "$2" >>"$prefix.dict"
    len=$(printf %s "$2" | wc -c)
    printf '%s\t%s\t%s\n' "$1" "$(b64 $off)" "$(b64 "$len")" >>"$prefix.index"
    off=$((off + len))
    shift 2
  done
}
fd=$tmp/freedict
mkdir "$fd"
dictd "$fd/freedict-deu-fra" \
  00databaseshort $'Deutsch-français FreeDict+WikDict dictionary ver. 2022.11.18\n' \
  abend $'Abend /ˈaːbn̩t/ <n, masc>\n1. soir 2.\nTageszeit\n 3.\nEnde\n2. couchant\nWesten\n' \
  haus $'Haus /haʊ̯s/ <n, neut>\nmaison\nGebäude\n'
dictd "$fd/freedict-fra-deu" maison $'maison /mɛ.zɔ̃/ <n, fem>\nHaus, Heim\nBâtiment\n'
dictd "$fd/tiny" airport $'airport\n   [↗eɜpɘ:t] _n. аэропорт\n'
cp "$fd/freedict-deu-fra.dict" "$fd/de-fr.dict"
cp "$fd/freedict-deu-fra.index" "$fd/de-fr.index"
# pairs FILE: the entry lines of lexicon FILE, tabs as |
pairs () { grep -v '^#' "$1" | tr '\t' '|' | tr '\n' ' '; }
check_pairs () {
  local desc=$1 want=$2
  shift 2
  if "$sverka" lexicon import-dictd -o "$tmp/fd.tsv" "$@" 2>"$tmp/err" \
     && head -1 "$tmp/fd.tsv" | grep -qx '# sverka-lexicon 1' \
     && [ "$(pairs "$tmp/fd.tsv")" = "$want" ]; then
    ok "$desc"
  else
    { echo "expected: $want"; echo "found: $(pairs "$tmp/fd.tsv" 2>&1)"; } >>"$tmp/err"
    not_ok "$desc"
  fi
}
check_pairs "import-dictd FreeDict: the source language first" \
  "Abend|couchant|general Abend|soir|general Haus|maison|general " "$fd/freedict-deu-fra.index"
check_pairs "import-dictd FreeDict: fra-deu alone, French first" \
  "maison|Haus|general maison|Heim|general " "$fd/freedict-fra-deu.index"
check_pairs "import-dictd FreeDict: --langs de,fr swaps fra-deu" \
  "Haus|maison|general Heim|maison|general " --langs de,fr "$fd/freedict-fra-deu.index"
check_pairs "import-dictd FreeDict: both directions merged, sorted, once each" \
  "Abend|couchant|general Abend|soir|general Haus|maison|general Heim|maison|general " \
  --langs deu,fra "$fd/freedict-deu-fra.index" "$fd/freedict-fra-deu.index"
check_pairs "import-dictd FreeDict: both directions merged as --langs fr,de" \
  "couchant|Abend|general maison|Haus|general maison|Heim|general soir|Abend|general " \
  --langs fr,de "$fd/freedict-fra-deu.index" "$fd/freedict-deu-fra.index"
check_pairs "import-dictd FreeDict: known by its 00-database-short, languages from --langs" \
  "Abend|couchant|general Abend|soir|general Haus|maison|general " --langs de,fr "$fd/de-fr.index"
check_pairs "import-dictd: Mueller's layout otherwise" "аэропорт|airport|general " "$fd/tiny.index"
expect 0 "freedict-deu-fra.index \+ .*freedict-fra-deu.index: 4 headwords, 3 used, 1 skipped; 4 de-fr pairs written" \
  "import-dictd FreeDict: the counts on standard error" \
  -- lexicon import-dictd -o "$tmp/fd.tsv" "$fd/freedict-deu-fra.index" "$fd/freedict-fra-deu.index"
expect 2 "freedict-deu-fra.index is a de-fr dictionary, expected one between de and en \(--langs\)" \
  "import-dictd FreeDict: a dictionary that --langs does not name" \
  -- lexicon import-dictd --langs de,en "$fd/freedict-deu-fra.index"
expect 2 "--langs expects two different language codes.*found 'de'" "import-dictd: bad --langs" \
  -- lexicon import-dictd --langs de "$fd/freedict-deu-fra.index"
expect 2 "--langs expects two different language codes.*found 'fr,fra'" \
  "import-dictd: --langs naming one language twice" \
  -- lexicon import-dictd --langs fr,fra "$fd/freedict-deu-fra.index"
expect 2 "de-fr.index: a FreeDict dictionary whose file name does not give its languages.*--langs SRC,TGT" \
  "import-dictd FreeDict: languages neither in the name nor given" \
  -- lexicon import-dictd "$fd/de-fr.index"
expect 2 "tiny.index is not a FreeDict dictionary.*leave out --langs de,fr" \
  "import-dictd: --langs for Mueller's layout" -- lexicon import-dictd --langs de,fr "$fd/tiny.index"
expect 2 "tiny.index is not a FreeDict dictionary; only FreeDict dictionaries are imported several at a time" \
  "import-dictd: several dictionaries, one not FreeDict" \
  -- lexicon import-dictd "$fd/freedict-deu-fra.index" "$fd/tiny.index"
expect 3 "x.index.*No such file" "import-dictd FreeDict: a missing second index" \
  -- lexicon import-dictd -o "$tmp/fd-missing.tsv" "$fd/freedict-deu-fra.index" "$fd/x.index"
if [ ! -e "$tmp/fd-missing.tsv" ]; then ok "import-dictd FreeDict: failed run writes no output"; else not_ok "import-dictd FreeDict: failed run writes no output"; fi

# An output path that is a symbolic link (/dev/stdout leads through
# /proc/self/fd/1 to the real standard output) is written in place: the
# atomic rename must not replace the link, here with standard output a file.
ln -s "$tmp/target.tsv" "$tmp/link.tsv"
"$sverka" align -q --notes "$tmp/link.tsv" "$ru" "$en" >/dev/null 2>"$tmp/err"
"$sverka" align -q --notes /dev/stdout -o /dev/null "$ru" "$en" >"$tmp/stdout-notes.tsv" 2>>"$tmp/err"
if [ -L "$tmp/link.tsv" ] && head -1 "$tmp/target.tsv" | grep -q '^kind' && [ -L /dev/stdout ] \
   && cmp -s "$tmp/target.tsv" "$tmp/stdout-notes.tsv"; then
  ok "outputs through symbolic links (/dev/stdout) are written in place"
else
  not_ok "outputs through symbolic links (/dev/stdout) are written in place"
fi

tap_done
