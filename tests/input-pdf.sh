#!/bin/bash
# PDF documents as input (issue 21): the bundled pair printed as PDFs by
# python3-cairo (tests/input/make-pdf.py: wrapped lines, long words
# hyphenated at line ends, a running header and page numbers) aligns as its
# text files do; a hand-made PDF (tests/input/structure-pdf.txt) gives its
# heading and paragraphs with hyphenation undone (a real compound kept), a
# paragraph joined across a page break and the furniture left out, also
# when it is two lines deep (tests/input/make-pdf.py --footer, --number-top); every
# sentence knows its page; damaged, empty and misread PDFs are refused with
# what to do. Usage: input-pdf.sh SVERKA SOURCE_ROOT. Prints TAP.
set -u
sverka=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$src/tests/tap.sh"
same2 () { cmp -s "$1" "$2" && cmp -s "$3" "$4"; }

ru=$src/corpus/2021-12-14-brussels/ru.txt
en=$src/corpus/2021-12-14-brussels/en.txt
make=$src/tests/input/make-pdf.py
python=/usr/bin/python3
[ -x "$python" ] || python=python3
if "$python" "$make" wrap "$ru" "$tmp/ru.pdf" --header "Пресс-служба Президента" --hyphenate 2>"$tmp/err" \
   && "$python" "$make" wrap "$en" "$tmp/en.pdf" --header "NATO press conference" --hyphenate 2>>"$tmp/err" \
   && "$python" "$make" lines "$src/tests/input/structure-pdf.txt" "$tmp/structure.pdf" --header "Пресс-служба НАТО" 2>>"$tmp/err" \
   && "$python" "$make" blank "$tmp/blank.pdf" 2>>"$tmp/err"; then
  ok "python3-cairo writes the bundled pair and the hand-made document as PDFs"
else
  not_ok "python3-cairo writes the bundled pair and the hand-made document as PDFs"
  tap_done
  exit
fi

"$sverka" align -q "$ru" "$en" -o "$tmp/text.tsv" --notes "$tmp/text-notes.tsv" 2>"$tmp/err"
"$sverka" align -q "$tmp/ru.pdf" "$tmp/en.pdf" -o "$tmp/pdf.tsv" --notes "$tmp/pdf-notes.tsv" 2>"$tmp/err"
check "the bundled pair as PDFs (several pages each, hyphenated words, header and page numbers) aligns as its text files do (TSV and notes)" \
  same2 "$tmp/text.tsv" "$tmp/pdf.tsv" "$tmp/text-notes.tsv" "$tmp/pdf-notes.tsv"
"$sverka" segment "$tmp/ru.pdf" >"$tmp/ru-pdf.seg" 2>"$tmp/err"
"$sverka" segment "$ru" >"$tmp/ru-text.seg" 2>"$tmp/err"
tap_err=$tmp/ru-pdf.seg
check "the Russian PDF gives the text file's sentences" cmp -s "$tmp/ru-pdf.seg" "$tmp/ru-text.seg"
unset tap_err
"$sverka" align -q --out-dir "$tmp/pair" "$tmp/ru.pdf" "$tmp/en.pdf" 2>"$tmp/err"
check "the PDFs run over several pages (so their headers, page numbers and page breaks were met): sentences from page 5" \
  grep -q '"page\[5\]/p\[' "$tmp/pair/alignment.jsonl"

expected="Встреча в Брюсселе|Президент прибыл в Брюссель для сотрудничества с альянсом.|Северо-западный регион обсуждали отдельно.|Обсуждали и северо-западный маршрут.|Стороны договорились продолжить работу, которая продолжится в следующем году.|The NATO-led mission ended in 2021.|Последний абзац.|"
"$sverka" segment "$tmp/structure.pdf" >"$tmp/s.txt" 2>"$tmp/err"
tap_err=$tmp/s.txt
check "structure.pdf: the heading, hyphenation undone (a compound met elsewhere and NATO-led keep theirs), a paragraph across the page break joined, header and page numbers left out" \
  [ "$(tr '\n' '|' <"$tmp/s.txt")" = "$expected" ]
unset tap_err
"$sverka" align -q --mode parallel --out-dir "$tmp/o" "$tmp/structure.pdf" "$tmp/structure.pdf" 2>"$tmp/err"
check "JSON Lines: the sentence joined across pages has the page and paragraph it began in" \
  grep -q '"origin": {"ru": \["page\[1\]/p\[4\]"\], "en": \["page\[1\]/p\[4\]"\]}' "$tmp/o/alignment.jsonl"
check "the HTML report: each sentence's page (the paragraph run on from page 1 is not counted on page 2)" grep -q 'data-origin="page\[2\]/p\[2\]"' "$tmp/o/report.html"

# Furniture two lines deep: a page number over a running footer, a running
# header over a page number; and a document whose only line repeats on every
# page is read, not refused as furniture only.
"$python" "$make" lines "$src/tests/input/structure-pdf.txt" "$tmp/footer.pdf" --header "Пресс-служба НАТО" \
  --footer "Брюссель, 14 декабря 2021 г." 2>"$tmp/err"
"$sverka" segment "$tmp/footer.pdf" >"$tmp/s2.txt" 2>>"$tmp/err"
tap_err=$tmp/s2.txt
check "a page number over a running footer: both left out" [ "$(tr '\n' '|' <"$tmp/s2.txt")" = "$expected" ]
unset tap_err
"$python" "$make" lines "$src/tests/input/structure-pdf.txt" "$tmp/top.pdf" --header "Пресс-служба НАТО" \
  --number-top 2>"$tmp/err"
"$sverka" segment "$tmp/top.pdf" >"$tmp/s3.txt" 2>>"$tmp/err"
tap_err=$tmp/s3.txt
check "a running header over a page number: both left out" [ "$(tr '\n' '|' <"$tmp/s3.txt")" = "$expected" ]
unset tap_err
printf 'Одна строка.\n%%page\nОдна строка.\n%%page\nОдна строка.\n' >"$tmp/one.txt"
"$python" "$make" lines "$tmp/one.txt" "$tmp/one.pdf" 2>"$tmp/err"
"$sverka" segment "$tmp/one.pdf" >"$tmp/s4.txt" 2>>"$tmp/err"
tap_err=$tmp/s4.txt
check "the same line on every page is the text, not furniture (its page numbers still go)" \
  [ "$(tr '\n' '|' <"$tmp/s4.txt")" = "Одна строка.|Одна строка.|Одна строка.|" ]
unset tap_err
printf 'Мягкий пере\302\255\nнос и сере\302\255дина.\n\nРазрыв пере\302\255\nВарениками.\n' >"$tmp/soft.txt"
"$python" "$make" lines "$tmp/soft.txt" "$tmp/soft.pdf" 2>"$tmp/err"
"$sverka" segment "$tmp/soft.pdf" >"$tmp/s5.txt" 2>>"$tmp/err"
tap_err=$tmp/s5.txt
check "soft hyphens: one at a line's end joins the word whatever follows, others are dropped" \
  [ "$(tr '\n' '|' <"$tmp/s5.txt")" = "Мягкий перенос и середина.|Разрыв переВарениками.|" ]
unset tap_err

# Refusals, with what to do.
head -c 900 "$tmp/ru.pdf" >"$tmp/cut.pdf"
expect 3 "cut.pdf: a PDF document that poppler cannot read .*check that the file is whole" "a truncated PDF" -- segment "$tmp/cut.pdf"
expect 3 "blank.pdf: a PDF document with no text, only images \(a scan\?\): run OCR on it first" "a PDF without text" -- segment "$tmp/blank.pdf"
expect 3 "not a pdf document \(those are PDF documents\); read it by its content" "--input-format pdf on a text" -- segment --input-format pdf "$ru"
expect 3 "a PDF document, not text: let sverka read it by its content" "--split none on a PDF" -- segment --split none "$tmp/ru.pdf"
expect 2 "input format 'pdf' does not apply to text already split into sentences" "--input-format pdf with --split none is refused, not ignored" -- segment --split none --input-format pdf "$tmp/ru.pdf"
expect 3 "a PDF document, not text" "--input-format text on a PDF" -- segment --input-format text "$tmp/ru.pdf"
"$sverka" segment --input-format pdf "$tmp/structure.pdf" >"$tmp/forced.txt" 2>"$tmp/err"
check "--input-format pdf reads a PDF as by content" cmp -s "$tmp/forced.txt" "$tmp/s.txt"
"$sverka" segment "$tmp/cut.pdf" >/dev/null 2>"$tmp/err"
check "poppler's own complaints about a damaged file do not reach standard error" \
  [ "$(grep -vc '^sverka: ' "$tmp/err")" -eq 0 ]

tap_done
