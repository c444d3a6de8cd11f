#!/bin/bash
# Legacy encodings and mojibake: a Russian file in KOI8-R, Windows-1251,
# CP866 or ISO-8859-5 is refused with that encoding named in the advice,
# --encoding NAME reads it as the UTF-8 file is read, and Russian decoded
# with the wrong encoding (UTF-8 read as Windows-1251, Latin-1, KOI8-R,
# CP866 or ISO-8859-5; one code page read as another) is refused, never
# aligned. Usage: encoding-cli.sh SVERKA SOURCE_ROOT. Prints TAP.
set -u
sverka=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$src/tests/tap.sh"

en=$src/corpus/2021-12-14-brussels/en.txt
# The bundled report with what the four code pages cannot all hold (« »,
# dashes, ¹) made plain: every one of them holds this text.
ru=$tmp/ru.txt
python3 - "$src/corpus/2021-12-14-brussels/ru.txt" "$ru" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
for a, b in {"«": '"', "»": '"', "—": "-", "–": "-", "…": "...", "№": "N", "’": "'"}.items():
    text = text.replace(a, b)
text = "".join(c for c in text if all(c.encode(e, "ignore") for e in ("koi8_r", "cp1251", "cp866", "iso8859_5")) or c in "\n")
open(sys.argv[2], "w", encoding="utf-8").write(text)
PY
"$sverka" align -q "$ru" "$en" -o "$tmp/utf8.tsv" 2>"$tmp/err"
for enc in KOI8-R WINDOWS-1251 CP866 ISO-8859-5; do
  iconv -f UTF-8 -t "$enc" "$ru" >"$tmp/$enc.txt"
  expect 3 "read as Russian in $enc: convert the file with 'iconv -f $enc -t UTF-8" \
    "a $enc file: the advice names $enc" -- align -q "$tmp/$enc.txt" "$en"
  "$sverka" align -q --encoding "$enc,UTF-8" "$tmp/$enc.txt" "$en" -o "$tmp/$enc.tsv" 2>"$tmp/err"
  # The TSV names no file: the rows are those of the UTF-8 file.
  if cmp -s "$tmp/$enc.tsv" "$tmp/utf8.tsv"; then
    ok "--encoding $enc,UTF-8 aligns as the UTF-8 files do"
  else
    not_ok "--encoding $enc,UTF-8 aligns as the UTF-8 files do"
  fi
done

python3 - "$ru" "$tmp" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
raw = text.encode("utf-8")
cases = {
    "utf8-as-1251": raw.decode("cp1251", errors="replace"),
    "utf8-as-latin1": raw.decode("latin-1"),
    "utf8-as-koi8": raw.decode("koi8_r"),
    "utf8-as-cp866": raw.decode("cp866"),
    "utf8-as-iso5": raw.decode("iso8859_5"),
    "1251-as-koi8": text.encode("cp1251").decode("koi8_r"),
    "koi8-as-1251": text.encode("koi8_r").decode("cp1251", errors="replace"),
}
for name, t in cases.items():
    open(f"{sys.argv[2]}/{name}.txt", "w", encoding="utf-8").write(t)
PY
[ -s "$tmp/koi8-as-1251.txt" ] || not_ok "the mojibake files were made"
for name in utf8-as-1251 utf8-as-latin1 utf8-as-koi8 utf8-as-cp866 utf8-as-iso5 1251-as-koi8 koi8-as-1251; do
  expect 3 "$name.txt: the text looks like Russian decoded with the wrong encoding" \
    "mojibake ($name) refused" -- align -q "$tmp/$name.txt" "$en"
done
expect 3 "the text looks like Russian decoded with the wrong encoding \(UTF-8 read as KOI8-R\)" \
  "--encoding KOI8-R on a UTF-8 file: the mojibake it makes is refused" -- align -q --encoding KOI8-R,UTF-8 "$ru" "$en"
expect 2 "--encoding: iconv does not know 'KOI9'" "unknown --encoding" -- align -q --encoding KOI9 "$ru" "$en"
expect 3 "WINDOWS-1251.txt: byte [0-9]+: not UTF-8" "--encoding UTF-8 on a Windows-1251 file names the byte" \
  -- align -q --encoding UTF-8 "$tmp/WINDOWS-1251.txt" "$en"
tap_done
