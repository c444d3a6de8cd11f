#!/bin/bash
# Bilingual XLIFF files as input (issue 21): each segment's source and target
# checked as the file pairs them, without realignment, the notes naming the
# units. tests/input/units-1.2.xlf (Russian source) and units-2.0.xlf
# (English source) give their rows, inline markup, translate="no" units and
# empty targets; every pair of tests/notes/, aligned and written as XLIFF 1.2
# and 2.0 (tests/input/tsv-to-xliff.py, a segment per row), gives the same
# rows and the same notes on the content as the text pair; broken files and
# misuse are refused with what to do. Usage: input-xliff.sh SVERKA
# SOURCE_ROOT. Prints TAP.
set -u
sverka=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$src/tests/tap.sh"
python=/usr/bin/python3
[ -x "$python" ] || python=python3

x12=$src/tests/input/units-1.2.xlf
x20=$src/tests/input/units-2.0.xlf

"$sverka" align "$x12" -o "$tmp/12.tsv" --notes "$tmp/12-notes.tsv" 2>"$tmp/err"
check "XLIFF 1.2: aligned alone, exit 0" [ $? -eq 0 ]
check "XLIFF 1.2: says how many segments, which way, and the translate=\"no\" unit left out" \
  grep -q "units-1.2.xlf: 6 segments, Russian to English; 1 unit marked translate=\"no\" left out" "$tmp/err"
check "XLIFF 1.2: the mode says the units are as given" grep -q "mode parallel (parallel: the units as given, not realigned)" "$tmp/err"
cut -f1,2,4,5 "$tmp/12.tsv" >"$tmp/12.rows"
cat >"$tmp/12.expected" <<'ROWS'
ru	en	ru_ids	en_ids
Встреча в Брюсселе	Meeting in Brussels	1	1
Президент прибыл в Брюссель 14 декабря.	The President arrived in Brussels on 15 December.	2	2
Встреча длилась час.	The meeting lasted an hour.	3	3
Стороны обсудили поставки газа в объёме 12 млрд кубометров.	The sides discussed gas supplies of 12 billion cubic metres.	4	4
Затем они ответили на вопросы журналистов.		5	
Генеральный секретарь поблагодарил президента.	The Secretary General thanked the President.	6	5
ROWS
tap_err=$tmp/12.rows
check "XLIFF 1.2: a row per segment (each <mrk mtype=\"seg\"> one), <g> text kept, <ph> codes and the translate=\"no\" unit left out" \
  cmp -s "$tmp/12.rows" "$tmp/12.expected"
tap_err=$tmp/12-notes.tsv
check "XLIFF 1.2: the wrong date, named by its unit and segment" \
  grep -q "^date	error	2	2	.*	trans-unit\[t2\]/mrk\[1\]: " "$tmp/12-notes.tsv"
check "XLIFF 1.2: the empty target is an omission of the Russian source" \
  grep -q "^omission	error	5		.*	trans-unit\[t5\]: ru segment with no English translation (empty target)" "$tmp/12-notes.tsv"
check "XLIFF 1.2: nothing else" [ "$(wc -l <"$tmp/12-notes.tsv")" -eq 3 ]
unset tap_err

"$sverka" align -q "$x20" -o "$tmp/20.tsv" --notes "$tmp/20-notes.tsv" --notes-jsonl "$tmp/20.jsonl" 2>"$tmp/err"
cut -f1,2 "$tmp/20.tsv" >"$tmp/20.rows"
check "XLIFF 2.0 (English source): the same text, its Russian targets on the Russian side, <cp> decoded (a no-break space), <ignorable> left out" \
  [ "$(cut -f1,2 "$tmp/12.tsv" | sed 's/12 млрд/12\xc2\xa0млрд/' | grep -v 'Затем\|^ru')" = "$(grep -v 'Then they\|^ru' "$tmp/20.rows")" ]
check "XLIFF 2.0: the empty target is an omission of the English source" \
  grep -q "^omission	error		5	.*	unit\[u5\]/segment\[s1\]: en segment with no Russian translation (empty target)" "$tmp/20-notes.tsv"
check "XLIFF 2.0: the notes JSON Lines give the units" \
  grep -q '"ru_origins": \["unit\[u2\]/segment\[s1\]"\], "en_origins": \["unit\[u2\]/segment\[s1\]"\]' "$tmp/20.jsonl"
"$sverka" align -q "$x20" --out-dir "$tmp/o" 2>"$tmp/err"
check "XLIFF 2.0: --out-dir writes every output, the HTML report with each sentence's unit" \
  grep -q 'data-origin="unit\[u3\]/segment\[1\]"' "$tmp/o/report.html"
check "XLIFF from standard input" sh -c "'$sverka' align -q - <'$x12' | cmp -s - '$tmp/12.tsv'"

# Every pair of tests/notes/ as a CAT tool would export it: the same rows, and
# the same notes on numbers, dates, names, spelling and the rest (kind,
# severity and the words marked); omissions, additions and length notes are
# about segments then, not sentences, and are left out of the comparison.
cat >"$tmp/cmp.py" <<'PY'
import json, sys
def key(path):
    out = []
    for line in open(path, encoding="utf-8"):
        n = json.loads(line)
        if n["kind"] in ("addition", "omission", "length"):
            continue
        out.append((n["kind"], n["severity"], tuple(sorted((m["lang"], m["text"]) for m in n["marks"]))))
    return sorted(out)
sys.exit(0 if key(sys.argv[1]) == key(sys.argv[2]) else 1)
PY
for v in 1.2 2.0; do
  pairs=0 rows_same=0 notes_same=0 notes_total=0
  : >"$tmp/diff-$v"
  for r in "$src"/tests/notes/*.ru; do
    b=${r%.ru}
    k=$(basename "$b")
    "$sverka" align -q --mode parallel "$b.ru" "$b.en" -o "$tmp/$k.tsv" --notes-jsonl "$tmp/$k.jsonl" 2>>"$tmp/diff-$v" || continue
    "$python" "$src/tests/input/tsv-to-xliff.py" "$v" "$tmp/$k.tsv" "$tmp/$k.xlf"
    "$sverka" align -q "$tmp/$k.xlf" -o "$tmp/$k.x.tsv" --notes-jsonl "$tmp/$k.x.jsonl" 2>>"$tmp/diff-$v" || { echo "$k: exit $?" >>"$tmp/diff-$v"; continue; }
    pairs=$((pairs + 1))
    if [ "$(cut -f1,2 "$tmp/$k.tsv")" = "$(cut -f1,2 "$tmp/$k.x.tsv")" ]; then
      rows_same=$((rows_same + 1))
    else
      echo "$k: rows differ" >>"$tmp/diff-$v"
    fi
    notes_total=$((notes_total + $(wc -l <"$tmp/$k.jsonl")))
    if "$python" "$tmp/cmp.py" "$tmp/$k.jsonl" "$tmp/$k.x.jsonl"; then
      notes_same=$((notes_same + 1))
    else
      echo "$k: notes differ" >>"$tmp/diff-$v"
    fi
  done
  tap_err=$tmp/diff-$v
  check "XLIFF $v of the $pairs pairs of tests/notes ($notes_total notes): rows the same in $rows_same, notes on the content the same in $notes_same" \
    [ "$pairs" -ge 20 ] && [ "$rows_same" -eq "$pairs" ] && [ "$notes_same" -eq "$pairs" ]
  unset tap_err
done

# Refusals and misuse, with what to do.
printf '<?xml version="1.0"?>\n<xliff version="1.2">\n<file source-language="ru" target-language="en"><body>\n<trans-unit id="1"><source>Текст</trans-unit>\n</body></file></xliff>\n' >"$tmp/broken.xlf"
expect 3 "broken.xlf:4: not well-formed XML .*fix the file or export it again" "a file that is not well-formed, with its line" -- align "$tmp/broken.xlf"
sed 's/ru-RU/de-DE/; s/en-US/fr-FR/' "$x12" >"$tmp/defr.xlf"
expect 3 "defr.xlf: an XLIFF file from de-DE to fr-FR; sverka checks Russian against English \(another pair: --langs\)" "other languages" -- align "$tmp/defr.xlf"
sed 's/<target>[^<]*<\/target>//g; s/<target><mrk.*<\/target>//; s/<target>Meeting.*<\/target>//' "$x12" >"$tmp/untranslated.xlf"
expect 3 "untranslated.xlf: no segment of the XLIFF file has a target; translate it first" "no targets at all" -- align "$tmp/untranslated.xlf"
sed 's/version="1.2"/version="3.0"/; s/urn:oasis:names:tc:xliff:document:1.2/urn:x/' "$x12" >"$tmp/v3.xlf"
expect 3 "v3.xlf: XLIFF version '3.0' unknown; sverka reads XLIFF 1.2 and 2.x" "an unknown version" -- align "$tmp/v3.xlf"
expect 3 "units-1.2.xlf: this is an XLIFF file, which holds both sides: check it alone" "an XLIFF file as one side of a pair" -- align "$x12" "$src/corpus/2021-12-14-brussels/en.txt"
expect 2 "--review does not apply to a bilingual \(XLIFF\) file" "--review with an XLIFF file" -- align --review "$tmp/none.tsv" "$x12"
expect 2 "--split does not apply to a bilingual \(XLIFF\) file" "--split with an XLIFF file" -- align --split none "$x12"
expect 2 "an XLIFF file holds both sides: give it alone" "--input-format xliff with two files" -- align --input-format xliff "$x12" "$x20"
expect 2 "one file is aligned only when it is a bilingual XLIFF file" "one file that is not XLIFF" -- align "$src/corpus/2021-12-14-brussels/en.txt"
printf '<?xml version="1.0"?>\n<!DOCTYPE xliff [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<xliff version="1.2"><file source-language="ru" target-language="en"><body><trans-unit id="1"><source>Текст &x;</source><target>Text</target></trans-unit></body></file></xliff>\n' >"$tmp/xxe.xlf"
"$sverka" align -q "$tmp/xxe.xlf" -o "$tmp/xxe.tsv" 2>"$tmp/err"
check "an external entity is not read (no file contents in the output)" sh -c "! grep -q 'root:' '$tmp/xxe.tsv'"

tap_done
