#!/bin/bash
# Web pages as input: an HTML page is recognised by its start, its text is
# read block by block (scripts, navigation, asides and footers left out,
# entities decoded, the declared encoding honoured), it aligns as its text
# does, and its sentences carry their element path into the JSON Lines and
# the HTML report. Usage: input-html.sh SVERKA SOURCE_ROOT. Prints TAP.
set -u
sverka=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$src/tests/tap.sh"

page=$src/tests/input/brussels-ru-cp1251.html
ru=$src/corpus/2021-12-14-brussels/ru.txt
en=$src/corpus/2021-12-14-brussels/en.txt
"$sverka" align -q "$ru" "$en" -o "$tmp/text.tsv" 2>"$tmp/err"
"$sverka" align -q "$page" "$en" -o "$tmp/page.tsv" --out-dir "$tmp/o" 2>"$tmp/err"
check "the page (Windows-1251, declared) aligns as the text file does" cmp -s "$tmp/text.tsv" "$tmp/page.tsv"
"$sverka" segment "$page" >"$tmp/seg.txt" 2>"$tmp/err"
check "no script, navigation, aside or footer text" \
  [ "$(grep -c -e 'Скрипт' -e 'Главная' -e 'Читайте' -e 'права защищены' "$tmp/seg.txt")" = 0 ]
check "entities decoded («...»)" grep -q '«' "$tmp/seg.txt"
check "JSON Lines: each bead's element paths" \
  grep -q '"origin": {"ru": \["html/body/main/article/h1"\]}' "$tmp/o/alignment.jsonl"
check "the HTML report: each sentence's element" \
  grep -q 'data-origin="html/body/main/article/p\[3\]"' "$tmp/o/report.html"

# XHTML in UTF-8 with a byte order mark and an XML declaration; a table.
printf '\xef\xbb\xbf<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body><table><tr><td>Первая ячейка.</td><td>Вторая&#160;ячейка.</td></tr></table><p>Текст<br/>с переносом.</p></body></html>\n' >"$tmp/x.xhtml"
"$sverka" segment "$tmp/x.xhtml" >"$tmp/x.txt" 2>"$tmp/err"
check "XHTML: table cells and paragraphs are blocks, <br/> a space" \
  [ "$(tr '\n' '|' <"$tmp/x.txt")" = "Первая ячейка.|Вторая ячейка.|Текст с переносом.|" ]
printf '<!DOCTYPE html><html><head><title>Пусто</title></head><body><script>x()</script></body></html>' >"$tmp/empty.html"
expect 3 "empty.html: an HTML page with no text in its body" "a page without text is refused" -- segment "$tmp/empty.html"
# A text that mentions <html> is text.
printf 'Тег <html> открывает страницу.\n' >"$tmp/mention.txt"
"$sverka" segment "$tmp/mention.txt" >"$tmp/m.txt" 2>"$tmp/err"
check "a text that only mentions <html> is read as text" grep -q '^Тег <html> открывает страницу.$' "$tmp/m.txt"
# Files of other kinds are named, with what to do.
printf '%%PDF-1.4\n1 0 obj (Hello world. Second sentence.) Tj\n' >"$tmp/doc.pdf"
printf 'PK\003\004\024\000word/document.xml' >"$tmp/doc.docx"
printf '<?xml version="1.0"?>\n<xliff version="1.2"><file source-language="ru"></file></xliff>\n' >"$tmp/doc.xlf"
printf '{\\rtf1\\ansi Hello}\n' >"$tmp/doc.rtf"
expect 3 "doc.pdf: a PDF document that poppler cannot read" "a broken PDF with readable text objects is refused, not aligned as text" -- segment "$tmp/doc.pdf"
expect 3 "doc.docx: a ZIP archive that cannot be read" "a damaged DOCX is named" -- segment "$tmp/doc.docx"
expect 3 "doc.xlf: this is an XLIFF file" "an XLIFF file is named" -- segment "$tmp/doc.xlf"
expect 3 "doc.rtf: this is an RTF document" "an RTF file is named" -- segment "$tmp/doc.rtf"
printf 'Файлы <xliff> читают программы переводчиков.\n' >"$tmp/mention-xliff.txt"
"$sverka" segment "$tmp/mention-xliff.txt" >"$tmp/mx.txt" 2>"$tmp/err"
check "a text that only mentions <xliff> is read as text" grep -q 'Файлы <xliff>' "$tmp/mx.txt"
tap_done
