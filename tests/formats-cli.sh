#!/bin/bash
# The command line of the output formats: --format, --jsonl-style, --out-dir,
# --notes-jsonl, moses's two files, --help with every option's default, and
# the man page against --help. Usage: formats-cli.sh SVERKA SOURCE_ROOT.
# Prints TAP. (The formats' content is checked by formats.py.)
set -u
sverka=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$src/tests/tap.sh"

ru=$src/corpus/2021-12-14-brussels/ru.txt
en=$src/corpus/2021-12-14-brussels/en.txt
printf 'Первая строка.\nВторая \xff строка.\n' >"$tmp/bad-utf8.txt"

expect 2 "--format: expected tsv, tmx, jsonl, ladder, moses, vecalign or xces, found 'xml'" "bad --format value" -- align --format xml "$ru" "$en"
expect 2 "--jsonl-style: expected sverka or hf, found 'hub'" "bad --jsonl-style value" -- align --jsonl-style hub "$ru" "$en"
expect 2 "--format moses writes two files.*-o PREFIX.*--out-dir" "moses to standard output is refused" -- align --format moses "$ru" "$en"
expect 2 "--format moses writes two files" "moses to -o - is refused" -- align --format moses -o - "$ru" "$en"
expect 5 "cannot create the output folder" "--out-dir under a file" -- align -q --out-dir "$ru/sub" "$ru" "$en"

# --out-dir: creates nested folders, writes exactly the documented files,
# nothing on standard output.
"$sverka" align -q --out-dir "$tmp/a/b" "$ru" "$en" >"$tmp/stdout" 2>"$tmp/err"
listed=$("$sverka" align --help | sed -n 's/^  \(\(alignment\|notes\|report\)\.[a-z.]*\) .*/\1/p' | sort | tr '\n' ' ')
written=$(ls "$tmp/a/b" | sort | tr '\n' ' ')
if [ "$listed" = "$written" ] && [ ! -s "$tmp/stdout" ] && [ "$(echo $written | wc -w)" -eq 14 ]; then
  ok "--out-dir writes the 14 files --help lists: $written"
else
  echo "# --help lists: $listed; written: $written"
  not_ok "--out-dir writes the files --help lists"
fi

# Each --format on standard output is the file --out-dir writes.
for f in tsv tmx jsonl ladder; do
  if "$sverka" align -q --format "$f" "$ru" "$en" 2>"$tmp/err" | cmp -s - "$tmp/a/b/alignment.$f"; then
    ok "--format $f = alignment.$f"
  else
    not_ok "--format $f = alignment.$f"
  fi
done
"$sverka" align -q --notes-jsonl "$tmp/notes.jsonl" -o /dev/null "$ru" "$en" 2>"$tmp/err"
if cmp -s "$tmp/notes.jsonl" "$tmp/a/b/notes.jsonl"; then ok "--notes-jsonl = notes.jsonl"; else not_ok "--notes-jsonl = notes.jsonl"; fi

# moses -o PREFIX writes PREFIX.ru and PREFIX.en, the files --out-dir writes.
"$sverka" align -q --format moses -o "$tmp/corpus" "$ru" "$en" 2>"$tmp/err"
if cmp -s "$tmp/corpus.ru" "$tmp/a/b/alignment.ru" && cmp -s "$tmp/corpus.en" "$tmp/a/b/alignment.en" \
   && [ "$(wc -l <"$tmp/corpus.ru")" -eq "$(wc -l <"$tmp/corpus.en")" ] && [ -s "$tmp/corpus.ru" ]; then
  ok "--format moses -o PREFIX writes PREFIX.ru and PREFIX.en, $(wc -l <"$tmp/corpus.ru") lines each"
else
  not_ok "--format moses -o PREFIX writes PREFIX.ru and PREFIX.en"
fi

# --out-dir with -o: both; --jsonl-style reaches the --out-dir file too.
"$sverka" align -q --out-dir "$tmp/c" --jsonl-style hf --format tmx -o "$tmp/c.tmx" "$ru" "$en" 2>"$tmp/err"
if cmp -s "$tmp/c.tmx" "$tmp/c/alignment.tmx" && head -1 "$tmp/c/alignment.jsonl" | grep -q '^{"translation": {"ru": '; then
  ok "--out-dir with -o writes both; --jsonl-style applies to the folder"
else
  not_ok "--out-dir with -o writes both; --jsonl-style applies to the folder"
fi

# A failed run creates no folder and leaves a previous one as it was.
expect 3 "bad-utf8.txt:2: invalid UTF-8" "bad input with --out-dir" -- align --out-dir "$tmp/none" "$tmp/bad-utf8.txt" "$en"
if [ ! -e "$tmp/none" ]; then ok "failed run creates no output folder"; else not_ok "failed run creates no output folder"; fi
cp -r "$tmp/a/b" "$tmp/before"
"$sverka" align -q --out-dir "$tmp/a/b" "$tmp/bad-utf8.txt" "$en" 2>"$tmp/err"
if diff -r "$tmp/before" "$tmp/a/b" >"$tmp/err"; then ok "failed run leaves the previous folder"; else not_ok "failed run leaves the previous folder"; fi

# Same bytes whatever the locale.
LC_ALL=C "$sverka" align -q --out-dir "$tmp/lc-c" "$ru" "$en" 2>"$tmp/err"
LANG= LC_ALL= "$sverka" align -q --out-dir "$tmp/lc-none" "$ru" "$en" 2>>"$tmp/err"
if diff -r "$tmp/lc-c" "$tmp/a/b" >>"$tmp/err" && diff -r "$tmp/lc-none" "$tmp/a/b" >>"$tmp/err"; then
  ok "--out-dir files are the same under LC_ALL=C, C.UTF-8 and none"
else
  not_ok "--out-dir files are the same under any locale"
fi

# --min-score: every format that feeds translation memories and corpora
# keeps only the rows scoring at least X; the notes, the HTML report and the
# ladder keep every row; standard error says how many were left out, even
# with -q; a bad value is a usage error naming the option.
expect 2 "--min-score: expected a number from 0 to 1.*found '1.5'" "--min-score above 1 is refused" -- align --min-score 1.5 "$ru" "$en"
expect 2 "--min-score: expected a number from 0 to 1.*found 'high'" "--min-score not a number is refused" -- align --min-score high "$ru" "$en"
expect 2 "--min-score: expected a number from 0 to 1.*found '-0.1'" "--min-score below 0 is refused" -- align --min-score -0.1 "$ru" "$en"
expect 2 "--min-score: expected a number from 0 to 1.*found 'nan'" "--min-score nan is refused" -- align --min-score nan "$ru" "$en"
tsv=$tmp/a/b/alignment.tsv
# The threshold: the median score of the two-sided rows, so that some rows
# are kept and some left out.
x=$(awk -F'\t' 'NR > 1 && $4 != "" && $5 != "" {print $3}' "$tsv" | sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}')
total=$(($(wc -l <"$tsv") - 1))
awk -F'\t' -v x="$x" 'NR == 1 || $3 >= x' "$tsv" >"$tmp/want.tsv"
kept=$(($(wc -l <"$tmp/want.tsv") - 1))
pairs=$(awk -F'\t' 'NR > 1 && $4 != "" && $5 != ""' "$tmp/want.tsv" | wc -l)
"$sverka" align -q --min-score "$x" --out-dir "$tmp/ms" "$ru" "$en" >/dev/null 2>"$tmp/ms.err"
if [ "$kept" -gt 0 ] && [ "$kept" -lt "$total" ] && cmp -s "$tmp/want.tsv" "$tmp/ms/alignment.tsv"; then
  ok "--min-score $x: the TSV keeps the $kept of $total rows scoring $x or more, header included"
else
  cp "$tmp/ms.err" "$tmp/err"; not_ok "--min-score $x: the TSV keeps the rows scoring $x or more ($kept of $total)"
fi
# The message gives the threshold as printf's %g does (0.860 is "0.86").
xg=$(LC_ALL=C printf '%g' "$x")
if grep -qx "sverka: --min-score $xg: $((total - kept)) of $total rows scored less and were left out of .*" "$tmp/ms.err"; then
  ok "--min-score says on standard error how many rows were left out, even with -q"
else
  cp "$tmp/ms.err" "$tmp/err"; not_ok "--min-score says on standard error how many rows were left out"
fi
tus=$(grep -c '<tu>' "$tmp/ms/alignment.tmx")
low=$(grep -o '<prop type="x-sverka-score">[0-9.]*<' "$tmp/ms/alignment.tmx" | grep -o '[0-9.]*' | awk -v x="$x" '$1 < x' | wc -l)
if [ "$tus" -eq "$pairs" ] && [ "$low" -eq 0 ]; then ok "--min-score: the TMX has the $pairs two-sided rows kept"; else not_ok "--min-score: TMX units ($tus, $low below $x; want $pairs)"; fi
jl=$(wc -l <"$tmp/ms/alignment.jsonl")
jlow=$(grep -o '"score": [0-9.]*' "$tmp/ms/alignment.jsonl" | grep -o '[0-9.]*$' | awk -v x="$x" '$1 < x' | wc -l)
if [ "$jl" -eq "$kept" ] && [ "$jlow" -eq 0 ]; then ok "--min-score: JSON Lines (sverka) has the $kept rows kept"; else not_ok "--min-score: JSON Lines ($jl lines, $jlow below $x; want $kept)"; fi
"$sverka" align -q --min-score "$x" --format jsonl --jsonl-style hf "$ru" "$en" >"$tmp/ms-hf.jsonl" 2>"$tmp/err"
if [ "$(wc -l <"$tmp/ms-hf.jsonl")" -eq "$pairs" ]; then ok "--min-score: JSON Lines (hf) has the $pairs two-sided rows kept"; else not_ok "--min-score: JSON Lines (hf) has $(wc -l <"$tmp/ms-hf.jsonl") lines, want $pairs"; fi
"$sverka" align -q --min-score "$x" --format moses -o "$tmp/ms-moses" "$ru" "$en" 2>"$tmp/err"
if [ "$(wc -l <"$tmp/ms-moses.ru")" -eq "$pairs" ] && [ "$(wc -l <"$tmp/ms-moses.en")" -eq "$pairs" ] \
   && cmp -s "$tmp/ms-moses.ru" "$tmp/ms/alignment.ru"; then
  ok "--min-score: Moses has the $pairs two-sided rows kept, -o and --out-dir alike"
else
  not_ok "--min-score: Moses lines"
fi
if "$sverka" align -q --min-score "$x" "$ru" "$en" 2>"$tmp/err" | cmp -s - "$tmp/ms/alignment.tsv"; then ok "--min-score: --format tsv = alignment.tsv"; else not_ok "--min-score: --format tsv = alignment.tsv"; fi
if cmp -s "$tmp/ms/alignment.ladder" "$tmp/a/b/alignment.ladder" && cmp -s "$tmp/ms/notes.tsv" "$tmp/a/b/notes.tsv" \
   && cmp -s "$tmp/ms/notes.md" "$tmp/a/b/notes.md" && cmp -s "$tmp/ms/report.html" "$tmp/a/b/report.html"; then
  ok "--min-score: the ladder, the notes and the HTML report keep every row"
else
  not_ok "--min-score: the ladder, the notes and the HTML report keep every row"
fi
"$sverka" align -q --min-score 0 "$ru" "$en" >"$tmp/ms0.tsv" 2>"$tmp/err"
"$sverka" align -q --min-score 1 "$ru" "$en" >"$tmp/ms1.tsv" 2>>"$tmp/err"
if cmp -s "$tmp/ms0.tsv" "$tsv" && awk -F'\t' 'NR > 1 && $3 < 1 {bad = 1} END {exit bad}' "$tmp/ms1.tsv" \
   && [ "$(head -1 "$tmp/ms1.tsv")" = "$(head -1 "$tsv")" ]; then
  ok "--min-score 0 keeps every row; --min-score 1 only rows scoring 1, under the same header"
else
  not_ok "--min-score 0 and 1"
fi

# --help: the top level lists the commands; each command's help lists its
# own options, each with its default; every option of every command is in
# the man page and the README (below), so the three cannot drift apart.
commands="align segment tokens batch stream lexicon"
"$sverka" --help >"$tmp/help" 2>"$tmp/err"
missing_cmd=""
for c in $commands; do
  grep -qE "^  $c( |$)" "$tmp/help" || missing_cmd="$missing_cmd $c"
done
if [ -z "$missing_cmd" ] && grep -q "sverka COMMAND --help" "$tmp/help" \
   && ! grep -qE '^  (-[a-z], )?--(mode|notes|ids)' "$tmp/help"; then
  ok "sverka --help lists the commands and points to each command's --help"
else
  echo "# commands missing:$missing_cmd" >>"$tmp/err"
  not_ok "sverka --help lists the commands and points to each command's --help"
fi
opts=""
bad=""
for c in $commands; do
  "$sverka" $c --help >"$tmp/help-$c" 2>>"$tmp/err"
  grep -q "sverka $c \[OPTION" "$tmp/help-$c" || bad="$bad $c:usage"
  c_opts=$(grep -oE '^  (-[a-zA-Z], )?--[a-z0-9-]+' "$tmp/help-$c" | grep -oE -- '--[a-z0-9-]+' | grep -v -- '--help')
  [ "$(echo "$c_opts" | grep -c .)" -ge 2 ] || bad="$bad $c:options"
  nodef=$(grep -E '^  (-[a-zA-Z], )?--[a-z0-9-]+' "$tmp/help-$c" | grep -v -- '--help' | grep -v '\[default' || true)
  [ -z "$nodef" ] || bad="$bad $c:no-default($(echo "$nodef" | grep -oE -- '--[a-z0-9-]+' | head -1))"
  opts="$opts $c_opts"
done
opts=$(echo $opts | tr ' ' '\n' | sort -u)
# segment-only options are not align's
if [ -z "$bad" ] && ! grep -qE -- '--ids|--lang=' "$tmp/help-align" && ! grep -q -- '--notes' "$tmp/help-segment"; then
  ok "each command's --help lists its own options ($(echo "$opts" | wc -l) in all), each with its default"
else
  echo "# $bad"
  not_ok "each command's --help lists its own options, each with its default"
fi
missing=""
for o in $opts; do
  grep -q -- "\`$o" "$src/README.md" || missing="$missing $o"
done
if [ -z "$missing" ]; then
  ok "README.md documents every option of every command"
else
  echo "# missing:$missing"
  not_ok "README.md documents every option of every command"
fi

# TMX for CAT tools: language tags, a creation date only from
# SOURCE_DATE_EPOCH, only 1-1 rows with --tmx-1to1.
tmx_ru=$tmp/tmx-ru.txt
tmx_en=$tmp/tmx-en.txt
printf 'Президент прибыл в Брюссель.\nСтороны обсудили безопасность и энергетику. Встреча была долгой.\nОн поблагодарил хозяев.\n' >"$tmx_ru"
printf 'The President arrived in Brussels.\nThey discussed security and energy, and the meeting was long.\nHe thanked the hosts.\n' >"$tmx_en"
"$sverka" align -q --mode parallel --format tmx --tmx-lang ru-RU,en-US "$tmx_ru" "$tmx_en" >"$tmp/t1.tmx" 2>"$tmp/err"
if grep -q 'srclang="ru-RU"' "$tmp/t1.tmx" && [ "$(grep -c 'xml:lang="ru-RU"' "$tmp/t1.tmx")" = 3 ] \
   && [ "$(grep -c 'xml:lang="en-US"' "$tmp/t1.tmx")" = 3 ] && ! grep -q 'xml:lang="ru"' "$tmp/t1.tmx" \
   && ! grep -q creationdate "$tmp/t1.tmx"; then
  ok "--tmx-lang ru-RU,en-US tags every tuv and srclang; no creation date by default"
else
  cp "$tmp/t1.tmx" "$tmp/err"
  not_ok "--tmx-lang ru-RU,en-US tags every tuv and srclang; no creation date by default"
fi
SOURCE_DATE_EPOCH=1639500000 "$sverka" align -q --mode parallel --format tmx --tmx-1to1 "$tmx_ru" "$tmx_en" >"$tmp/t2.tmx" 2>"$tmp/err"
if grep -q 'creationdate="20211214T164000Z"' "$tmp/t2.tmx" && [ "$(grep -c '<tu>' "$tmp/t2.tmx")" = 2 ] \
   && ! grep -q 'x-sverka-ru-ids">[0-9]*,' "$tmp/t2.tmx" && ! grep -q 'x-sverka-en-ids">[0-9]*,' "$tmp/t2.tmx"; then
  ok "SOURCE_DATE_EPOCH gives the creation date; --tmx-1to1 keeps the two 1-1 rows of three"
else
  cp "$tmp/t2.tmx" "$tmp/err"
  not_ok "SOURCE_DATE_EPOCH gives the creation date; --tmx-1to1 keeps the two 1-1 rows of three"
fi
expect 2 "--tmx-lang: expected the Russian and the English language tags" "bad --tmx-lang" -- align --tmx-lang ru_RU "$tmx_ru" "$tmx_en"
expect 2 "--tmx-lang: expected" "--tmx-lang in the wrong order" -- align --tmx-lang en-US,ru-RU "$tmx_ru" "$tmx_en"
SOURCE_DATE_EPOCH=yesterday "$sverka" align -q "$tmx_ru" "$tmx_en" >"$tmp/out" 2>"$tmp/err"
if [ $? = 2 ] && grep -q "SOURCE_DATE_EPOCH: expected seconds since 1970" "$tmp/err"; then
  ok "a SOURCE_DATE_EPOCH that is no number is a usage error"
else
  not_ok "a SOURCE_DATE_EPOCH that is no number is a usage error"
fi

# Notes JSON Lines: every note's ITS 2.0 issue type is one of the standard's,
# and every mark's character offsets find its text in the file as read.
"$sverka" align -q "$ru" "$en" --notes-jsonl "$tmp/notes.jsonl" -o /dev/null 2>"$tmp/err"
python3 - "$tmp/notes.jsonl" "$ru" "$en" >"$tmp/err" 2>&1 <<'PY'
import json, sys
its = set("terminology mistranslation omission untranslated addition duplication inconsistency "
          "grammar legal register locale-specific-content locale-violation style characters "
          "misspelling typographical formatting inconsistent-entities numbers markup "
          "pattern-problem whitespace internationalization length non-conformance "
          "uncategorized other".split())
texts = {"ru": open(sys.argv[2], encoding="utf-8", newline="").read(),
         "en": open(sys.argv[3], encoding="utf-8", newline="").read()}
notes = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
marks = 0
for n in notes:
    assert n["its_type"] in its, n["its_type"]
    for m in n["marks"]:
        assert texts[m["lang"]][m["start"]:m["end"]] == m["text"], m
        assert m["sentence_id"] in n[m["lang"] + "_ids"], (m, n)
        marks += 1
assert marks > 0
print(len(notes), "notes,", marks, "marks")
PY
if [ $? = 0 ]; then
  ok "notes JSON Lines: ITS 2.0 issue types; marks' character offsets find their words ($(cat "$tmp/err"))"
else
  not_ok "notes JSON Lines: ITS 2.0 issue types; marks' character offsets find their words"
fi

# The man page: every option of --help and every --out-dir file, no groff
# warnings.
man=$src/doc/sverka.1
missing=""
for o in $opts $(echo $written); do
  grep -q -- "$(echo "$o" | sed 's/-/\\\\-/g')" "$man" || missing="$missing $o"
done
if [ -z "$missing" ]; then ok "sverka.1 documents every option and --out-dir file"; else echo "# missing:$missing"; not_ok "sverka.1 documents every option"; fi
# The JSON examples keep their quotes (a .B line would eat them), and every
# kind of note has its entry.
groff -man -Tutf8 "$man" 2>/dev/null | sed 's/\x1b\[[0-9;]*m//g; s/.\x08//g' >"$tmp/man.txt"
kinds_missing=""
for k in omission addition number date time weekday name spelling terminology length untranslated mixed-script moved; do
  grep -qE "^ {7}(.*, )?$k( |,|$)" "$tmp/man.txt" || kinds_missing="$kinds_missing $k"
done
if grep -q '{"ru": ..., "en": ..., "score"' "$tmp/man.txt" && grep -q '{"translation": {"ru": ...' "$tmp/man.txt" \
   && grep -q 'DISCREPANCY NOTES' "$tmp/man.txt" && grep -q 'HTML REPORT' "$tmp/man.txt" && [ -z "$kinds_missing" ]; then
  ok "sverka.1: JSON examples with their quotes; the notes' columns, severities and kinds; the HTML report"
else
  echo "# kinds missing:$kinds_missing"
  not_ok "sverka.1: JSON examples with their quotes; the notes' columns, severities and kinds; the HTML report"
fi
if groff -man -Tutf8 -ww -z "$man" >"$tmp/err" 2>&1 && [ ! -s "$tmp/err" ]; then
  ok "sverka.1 formats without groff warnings"
else
  not_ok "sverka.1 formats without groff warnings"
fi

tap_done
