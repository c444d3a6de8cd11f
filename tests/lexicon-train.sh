#!/bin/bash
# sverka lexicon train (issue 18): a translation table learned with IBM
# Model 1 from a parallel corpus. The same corpus (TICO-19 and FLORES-200
# devtest, from corpus/parallel-ru-en) given as a Moses corpus, as TSV
# (with a header, and with its columns swapped under an "en ru" header), as
# TMX (inline codes, language tags as CAT tools write them, UTF-16) and as
# XLIFF gives the same table, twice the same bytes; its pairs are translations and no
# stop words; the aligner reads it; malformed corpora and options are
# refused with the file, the line and what to do. Usage: lexicon-train.sh
# SVERKA SOURCE_ROOT. Prints TAP.
set -u
sverka=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$src/tests/tap.sh"
python=/usr/bin/python3
[ -x "$python" ] || python=python3
par=$src/corpus/parallel-ru-en

# The corpus as Moses files: both sets in one, 3,112 pairs.
cat "$par/tico19-test.ru" "$par/flores200-devtest.ru" >"$tmp/c.ru"
cat "$par/tico19-test.en" "$par/flores200-devtest.en" >"$tmp/c.en"
entries () { grep -v '^#' "$1"; }
export -f entries

"$sverka" lexicon train -o "$tmp/moses.tsv" "$tmp/c" 2>"$tmp/err"
check "Moses corpus named by its prefix: exit 0, the pairs read and the entries written on standard error" \
  bash -c "[ $? -eq 0 ] && grep -q 'c: 3112 pairs read, 0 skipped' '$tmp/err' && grep -qE 'trained on 3112 pairs .*; [0-9]+ entries written' '$tmp/err'"
n_entries=$(entries "$tmp/moses.tsv" | wc -l)
check "the table is a lexicon file: format line, then 'russian<TAB>english<TAB>learned,p=P' with P from 0.1 to 1 ($n_entries entries)" \
  bash -c "head -1 '$tmp/moses.tsv' | grep -qx '# sverka-lexicon 1' && [ $n_entries -gt 1000 ] \
    && entries '$tmp/moses.tsv' | awk -F'\t' 'NF != 3 || \$3 !~ /^learned,p=[01]\.[0-9][0-9][0-9]$/ {bad = 1} {split(\$3, a, \"=\"); if (a[2] < 0.1 || a[2] > 1) bad = 1} END {exit bad}'"
tap_err=$tmp/moses.tsv
check "its pairs include the translations of the medical words of TICO-19 (кашель/cough, дыхание/breathing, температура/fever)" \
  bash -c "grep -qP '^кашель\tcough\t' '$tmp/moses.tsv' && grep -qP '^дыхание\tbreathing\t' '$tmp/moses.tsv' && grep -qP '^температура\tfever\t' '$tmp/moses.tsv'"
check "no stop word and no single letter on either side (и/and, в/in, the)" \
  bash -c "! entries '$tmp/moses.tsv' | grep -qP '^(и|в|на|не|а|что)\t|\t(the|and|of|in|to|a)\t'"
check "no cognate the aligner already matches by its sound (вирус/virus is not written)" \
  bash -c "! entries '$tmp/moses.tsv' | grep -qP '^вирус\tvirus\t'"
unset tap_err

"$sverka" lexicon train -q -o "$tmp/moses2.tsv" "$tmp/c.en" 2>"$tmp/err"
check "the same again, named by its English file: the same bytes but for the name in the comment" \
  cmp -s "$tmp/moses.tsv" <(sed 's/^# Trained on: c\.en (/# Trained on: c (/' "$tmp/moses2.tsv")

# TSV: a header, a pair with an empty side (skipped), CRLF line ends.
{ printf 'ru\ten\n'; paste "$tmp/c.ru" "$tmp/c.en"; printf 'одна сторона\t\n'; } | sed 's/$/\r/' >"$tmp/c.tsv"
"$sverka" lexicon train -o "$tmp/tsv.tsv" "$tmp/c.tsv" 2>"$tmp/err"
check "TSV with a header and CRLF line ends: the same entries; a pair with an empty side skipped and counted" \
  bash -c "[ $? -eq 0 ] && cmp -s <(entries '$tmp/moses.tsv') <(entries '$tmp/tsv.tsv') && grep -q '3112 pairs read, 1 skipped' '$tmp/err'"
{ printf 'en\tru\tscore\n'; paste "$tmp/c.en" "$tmp/c.ru" | sed 's/$/\t0.9/'; } >"$tmp/swapped.tsv"
"$sverka" lexicon train -q -o "$tmp/swapped-out.tsv" "$tmp/swapped.tsv" 2>"$tmp/err"
check "TSV whose header says 'en ru' (and a third column): columns swapped, the same entries" \
  cmp -s <(entries "$tmp/moses.tsv") <(entries "$tmp/swapped-out.tsv")

# TMX, as CAT tools write it.
"$python" - "$tmp/c.ru" "$tmp/c.en" "$tmp/c.tmx" <<'PY'
import sys
from xml.sax.saxutils import escape
ru = open(sys.argv[1], encoding="utf-8").read().split("\n")[:-1]
en = open(sys.argv[2], encoding="utf-8").read().split("\n")[:-1]
with open(sys.argv[3], "w", encoding="utf-8") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n'
            '<header creationtool="test" segtype="sentence" adminlang="en-US" srclang="en-US" '
            'datatype="plaintext" o-tmf="test"/>\n<body>\n')
    for k, (r, e) in enumerate(zip(ru, en)):
        f.write('<tu tuid="%d">\n' % (k + 1))
        # a third language, the English first, tags in every case
        f.write('  <tuv xml:lang="de-DE"><seg>Deutsch</seg></tuv>\n')
        f.write('  <tuv xml:lang="%s"><seg>%s</seg></tuv>\n' % ("EN-GB" if k % 2 else "en-US", escape(e)))
        words = escape(r).split(" ", 1)
        seg = words[0] + '<ph x="1">&lt;br/&gt;</ph> ' + (words[1] if len(words) > 1 else "")
        if k % 3 == 0:
            seg = '<bpt i="1">&lt;b&gt;</bpt>' + seg + '<ept i="1">&lt;/b&gt;</ept>'
        f.write('  <tuv xml:lang="%s"><seg>%s</seg></tuv>\n' % ("ru-RU" if k % 2 else "RU", seg))
        f.write('</tu>\n')
    f.write('<tu><tuv xml:lang="ru"><seg>Без английского</seg></tuv></tu>\n</body>\n</tmx>\n')
PY
"$sverka" lexicon train -o "$tmp/tmx.tsv" "$tmp/c.tmx" 2>"$tmp/err"
check "TMX 1.4 (ru, RU-ru, en-US, EN-GB, a German <tuv>, <ph>/<bpt>/<ept> codes): the same entries; a <tu> without English skipped" \
  bash -c "[ $? -eq 0 ] && cmp -s <(entries '$tmp/moses.tsv') <(entries '$tmp/tmx.tsv') && grep -q '3112 pairs read, 1 skipped' '$tmp/err'"
iconv -f UTF-8 -t UTF-16 "$tmp/c.tmx" | sed '1s/encoding="UTF-8"/encoding="UTF-16"/' >/dev/null 2>&1
"$python" -c "import sys; t = open(sys.argv[1], encoding='utf-8').read().replace('encoding=\"UTF-8\"', 'encoding=\"UTF-16\"'); open(sys.argv[2], 'w', encoding='utf-16').write(t)" "$tmp/c.tmx" "$tmp/c16.tmx"
"$sverka" lexicon train -q -o "$tmp/tmx16.tsv" "$tmp/c16.tmx" 2>"$tmp/err"
check "the same TMX in UTF-16 with a byte order mark: the same entries" \
  cmp -s <(entries "$tmp/moses.tsv") <(entries "$tmp/tmx16.tsv")

# XLIFF: a translator's bilingual file, a segment per pair, with one
# segment left without its target (skipped).
{ printf 'ru\ten\tscore\tru_ids\ten_ids\n'; paste "$tmp/c.ru" "$tmp/c.en" | awk -F'\t' '{print $1 "\t" $2 "\t1\t" NR "\t" NR}'; printf 'Без перевода\t\t0\t3113\t\n'; } >"$tmp/rows.tsv"
"$python" "$src/tests/input/tsv-to-xliff.py" 2.0 "$tmp/rows.tsv" "$tmp/c.xlf"
"$sverka" lexicon train -o "$tmp/xlf.tsv" "$tmp/c.xlf" 2>"$tmp/err"
check "XLIFF 2.0 (English source): the same entries; the segment without target skipped" \
  bash -c "[ $? -eq 0 ] && cmp -s <(entries '$tmp/moses.tsv') <(entries '$tmp/xlf.tsv') && grep -q '3112 pairs read, 1 skipped' '$tmp/err'"

# The aligner reads the table, and counts its pairs.
printf 'Кашель и температура держались неделю.\n' >"$tmp/a.ru"
printf 'The cough and the fever lasted a week.\n' >"$tmp/a.en"
"$sverka" align -q --lexicon "$src/dictionaries/ru-en.tsv" --lexicon "$tmp/moses.tsv" "$tmp/a.ru" "$tmp/a.en" >"$tmp/a.tsv" 2>"$tmp/err"
check "align --lexicon reads the learned table (exit 0, one 1-1 row)" \
  bash -c "[ $? -eq 0 ] && [ \$(wc -l <'$tmp/a.tsv') -eq 2 ] && awk -F'\t' 'NR == 2 && \$4 == 1 && \$5 == 1 {ok = 1} END {exit !ok}' '$tmp/a.tsv'"
printf '# sverka-lexicon 1\nкашель\tcough\tlearned,p=1.5\n' >"$tmp/bad-p.tsv"
expect 4 "bad-p.tsv:2: expected a probability from 0 to 1 after 'p=', found '1.5'" "a lexicon entry with p= out of 0..1 is refused with FILE:LINE" -- align --lexicon "$tmp/bad-p.tsv" "$tmp/a.ru" "$tmp/a.en"

# Refusals.
printf 'кашель\tcough\nтемпература fever\n' >"$tmp/notab.tsv"
expect 3 "notab.tsv:2: expected 'russian<TAB>english', found no tab" "a TSV line without a tab: FILE:LINE and the forms a corpus may take" -- lexicon train "$tmp/notab.tsv"
head -5 "$tmp/c.ru" >"$tmp/short.ru"; head -6 "$tmp/c.en" >"$tmp/short.en"
expect 3 "short.ru has 5 lines and .*short.en 6" "Moses files of different lengths" -- lexicon train "$tmp/short"
cp "$tmp/short.ru" "$tmp/alone.ru"
expect 3 "a Moses corpus is two files, .*alone.ru and .*alone.en, and one of them is not there" "one file of a Moses pair without the other" -- lexicon train "$tmp/alone.ru"
expect 3 "nothing: no such file, nor .*nothing.ru and .*nothing.en" "a corpus that is not there" -- lexicon train "$tmp/nothing"
printf 'кашель\tcough\n\xcf\xf0\xe8\tbad\n' >"$tmp/cp1251.tsv"
expect 3 "cp1251.tsv:2: invalid UTF-8 at byte" "a TSV that is not UTF-8: the line and byte" -- lexicon train "$tmp/cp1251.tsv"
printf '<?xml version="1.0"?>\n<tmx version="1.4"><body>\n<tu><tuv xml:lang="ru"><seg>a</seg></tuv>\n</body></tmx>\n' >"$tmp/broken.tmx"
expect 3 "broken.tmx:4: not well-formed XML" "a TMX that is not well-formed: the line" -- lexicon train "$tmp/broken.tmx"
printf '<?xml version="1.0"?>\n<tmx version="1.4"><body>\n<tu><tuv xml:lang="de"><seg>Hallo</seg></tuv><tuv xml:lang="fr"><seg>Salut</seg></tuv></tu>\n</body></tmx>\n' >"$tmp/defr.tmx"
expect 3 "defr.tmx: none of its 1 translation units holds both a Russian and an English segment .*other languages found: de, fr" "a TMX of other languages says which it holds" -- lexicon train "$tmp/defr.tmx"
printf 'ru\ten\n' >"$tmp/header-only.tsv"
expect 3 "no pairs of segments to train on" "a corpus with no pairs" -- lexicon train "$tmp/header-only.tsv"
expect 2 "--min-p expects a number from 0 to 1, found '2'" "--min-p out of range: a usage error" -- lexicon train --min-p 2 "$tmp/c"
expect 2 "--min-count expects a whole number from 1, found '0'" "--min-count 0: a usage error" -- lexicon train --min-count 0 "$tmp/c"
expect 2 "expected 'import-dictd INDEX', 'train CORPUS...' or 'compile -o FILE LEXICON...'" "train without a corpus: a usage error" -- lexicon train

# --min-p and --min-count choose fewer pairs.
"$sverka" lexicon train -q --min-p 0.5 --min-count 5 -o "$tmp/strict.tsv" "$tmp/c" 2>"$tmp/err"
n_strict=$(entries "$tmp/strict.tsv" | wc -l)
check "--min-p 0.5 --min-count 5: fewer pairs ($n_strict of $n_entries), all with p >= 0.5" \
  bash -c "[ $n_strict -gt 0 ] && [ $n_strict -lt $n_entries ] && entries '$tmp/strict.tsv' | awk -F'\t' '{split(\$3, a, \"=\"); if (a[2] < 0.5) bad = 1} END {exit bad}'"

tap_done
