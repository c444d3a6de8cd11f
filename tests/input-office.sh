#!/bin/bash
# Word (DOCX) and OpenDocument (ODT) documents as input (issue 21): the
# bundled pair written as a DOCX and an ODT by the tools Debian has
# (python3-docx, python3-odf) aligns byte for byte as its text files do;
# tests/input/structure.docx and .odt (tests/input/make-office.py) give their
# heading, paragraphs, table cell by cell and footnote, and not their deleted
# text, field codes or comments; sentences carry their element path; other
# ZIP archives, damaged ones and empty documents are refused with what to
# do. Usage: input-office.sh SVERKA SOURCE_ROOT. Prints TAP.
set -u
sverka=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$src/tests/tap.sh"
same2 () { cmp -s "$1" "$2" && cmp -s "$3" "$4"; }

ru=$src/corpus/2021-12-14-brussels/ru.txt
en=$src/corpus/2021-12-14-brussels/en.txt
python=/usr/bin/python3
[ -x "$python" ] || python=python3
if "$python" - "$ru" "$en" "$tmp" <<'PY' 2>"$tmp/err"
import sys
import docx
from odf.opendocument import OpenDocumentText
from odf.text import P
ru, en, out = sys.argv[1:4]
for name, path in (("ru", ru), ("en", en)):
    lines = [l for l in open(path, encoding="utf-8").read().split("\n") if l.strip()]
    d = docx.Document()
    for l in lines:
        d.add_paragraph(l)
    d.save(f"{out}/{name}.docx")
    o = OpenDocumentText()
    for l in lines:
        o.text.addElement(P(text=l))
    o.save(f"{out}/{name}.odt")
PY
then
  ok "python3-docx and python3-odf write the bundled pair as DOCX and ODT"
else
  not_ok "python3-docx and python3-odf write the bundled pair as DOCX and ODT"
  tap_done
  exit
fi
"$sverka" align -q "$ru" "$en" -o "$tmp/text.tsv" --notes "$tmp/text-notes.tsv" 2>"$tmp/err"
for f in docx odt; do
  "$sverka" align -q "$tmp/ru.$f" "$tmp/en.$f" -o "$tmp/$f.tsv" --notes "$tmp/$f-notes.tsv" 2>"$tmp/err"
  check "the bundled pair as $f aligns as its text files do (TSV and notes)" \
    same2 "$tmp/text.tsv" "$tmp/$f.tsv" "$tmp/text-notes.tsv" "$tmp/$f-notes.tsv"
done
"$sverka" align -q "$tmp/ru.docx" "$tmp/en.odt" -o "$tmp/mixed.tsv" 2>"$tmp/err"
check "a DOCX against an ODT (and either against text) aligns the same" cmp -s "$tmp/text.tsv" "$tmp/mixed.tsv"

expected="Встреча в Брюсселе|Президент прибыл в Брюссель.|Встреча длилась час.|Стороны обсудили вопросы энергетики.|Затем они ответили на вопросы.|Поле и текст.|Ячейка один.|Ячейка два.|Ячейка три.|Ячейка четыре.|Последний абзац.|Сноска о встрече.|"
for f in docx odt; do
  "$sverka" segment "$src/tests/input/structure.$f" >"$tmp/s-$f.txt" 2>"$tmp/err"
  check "structure.$f: heading, paragraphs (tab and line break a space), table cell by cell, the footnote last; no deleted text, field code or comment" \
    [ "$(tr '\n' '|' <"$tmp/s-$f.txt")" = "$expected" ]
done
"$sverka" align -q --mode parallel --out-dir "$tmp/o" "$src/tests/input/structure.docx" "$src/tests/input/structure.odt" 2>"$tmp/err"
check "JSON Lines: a table cell's element paths in DOCX and ODT" \
  grep -q '"origin": {"ru": \["document/body/tbl/tr/tc/p"\], "en": \["document-content/body/text/table/table-row/table-cell/p"\]}' "$tmp/o/alignment.jsonl"
check "JSON Lines: the footnote's" grep -q '"origin": {"ru": \["footnotes/footnote/p"\], "en": \["note-body/p"\]}' "$tmp/o/alignment.jsonl"
check "the HTML report: each sentence's element" grep -q 'data-origin="document/body/tbl/tr\[2\]/tc\[2\]/p"' "$tmp/o/report.html"

# Refusals, with what to do.
(cd "$tmp" && printf 'Просто текст.\n' >note.txt && "$python" -c "import zipfile; z=zipfile.ZipFile('plain.zip','w'); z.write('note.txt'); z.close()")
expect 3 "plain.zip: a ZIP archive that is neither a Word \(DOCX\) nor an OpenDocument text" "a ZIP of something else" -- segment "$tmp/plain.zip"
head -c 600 "$tmp/ru.docx" >"$tmp/cut.docx"
expect 3 "cut.docx: a ZIP archive that cannot be read" "a truncated DOCX" -- segment "$tmp/cut.docx"
(cd "$tmp" && "$python" -c "
import zipfile
z = zipfile.ZipFile('sheet.ods', 'w'); z.writestr('mimetype', 'application/vnd.oasis.opendocument.spreadsheet'); z.writestr('content.xml', '<x/>'); z.close()
z = zipfile.ZipFile('empty.docx', 'w'); z.writestr('word/document.xml', '<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p/></w:body></w:document>'); z.close()
z = zipfile.ZipFile('broken.docx', 'w'); z.writestr('word/document.xml', '<w:document><w:body><w:p>'); z.close()
")
expect 3 "sheet.ods: an OpenDocument file that is not a text document" "an ODS spreadsheet" -- segment "$tmp/sheet.ods"
expect 3 "empty.docx: a Word document with no text" "a DOCX with no text" -- segment "$tmp/empty.docx"
expect 3 "broken.docx: word/document.xml is not well-formed XML" "a DOCX whose XML is broken" -- segment "$tmp/broken.docx"
# --split none reads the bytes as lines of text: a DOCX is then refused as binary.
expect 3 "ZIP archive" "--split none does not read a DOCX as lines" -- segment --split none "$tmp/ru.docx"

# --input-format: a fragment of markup read as a page; a page or a DOCX read
# as text; a kind that is not the file's refused; an unknown one a usage error.
printf '<p>Первый абзац.</p><p>Второй абзац.</p>\n' >"$tmp/frag.txt"
"$sverka" segment --input-format html "$tmp/frag.txt" >"$tmp/frag.out" 2>"$tmp/err"
check "--input-format html reads a fragment as a page" [ "$(tr '\n' '|' <"$tmp/frag.out")" = "Первый абзац.|Второй абзац.|" ]
"$sverka" segment "$tmp/frag.txt" >"$tmp/frag2.out" 2>"$tmp/err"
check "without it the fragment is text" grep -q '^<p>Первый абзац.</p>' "$tmp/frag2.out"
expect 3 "an OpenDocument \(ODT\) document, not docx" "--input-format docx on an ODT" -- segment --input-format docx "$src/tests/input/structure.odt"
expect 3 "not a docx document" "--input-format docx on a text" -- segment --input-format docx "$tmp/frag.txt"
expect 3 "ZIP archive .*not text" "--input-format text on a DOCX" -- segment --input-format text "$tmp/ru.docx"
expect 2 "input format 'rtf' unknown" "--input-format rtf" -- align --input-format rtf "$ru" "$en"
"$sverka" align -q --input-format docx "$tmp/ru.docx" "$tmp/en.docx" -o "$tmp/forced.tsv" 2>"$tmp/err"
check "--input-format docx aligns a DOCX pair as by content" cmp -s "$tmp/forced.tsv" "$tmp/text.tsv"

tap_done
