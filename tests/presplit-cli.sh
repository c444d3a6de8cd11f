#!/bin/bash
# Text already split into sentences (`--split none`) and the vecalign
# format: one sentence per line whatever it holds, nothing trimmed, blank
# lines as paragraph breaks, ids as line numbers in every output, and
# `--format vecalign` read back. Usage: presplit-cli.sh SVERKA SOURCE_ROOT.
# Prints TAP.
set -u
sverka=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$src/tests/tap.sh"

check () {
  local desc=$1 got=$2 want=$3
  if [ "$got" = "$want" ]; then
    ok "$desc"
  else
    printf '# got:  %s\n# want: %s\n' "$got" "$want" >"$tmp/err"
    not_ok "$desc"
  fi
}

# Line 1 holds two sentences, line 2 is page furniture, line 3 is blank,
# and the file ends with CRLF.
printf 'Президент прибыл в Брюссель. Его встретил генеральный секретарь.\r\nПоделиться\r\n\r\nСтороны обсудили безопасность.\r\n' >"$tmp/ru.txt"
printf 'The President arrived in Brussels. The Secretary General met him.\r\nShare\r\n\r\nThey discussed security.\r\n' >"$tmp/en.txt"

"$sverka" align -q --split none "$tmp/ru.txt" "$tmp/en.txt" --out-dir "$tmp/o" --notes-jsonl "$tmp/notes.jsonl" 2>"$tmp/err"
check "three sentences a side, ids are line numbers (TSV)" \
  "$(cut -f4,5 "$tmp/o/alignment.tsv" | tail -n +2 | tr '\n' ' ')" "1	1 2	2 4	4 "
check "a line of two sentences stays one sentence" \
  "$(awk -F'\t' 'NR == 2 { print $1 }' "$tmp/o/alignment.tsv")" "Президент прибыл в Брюссель. Его встретил генеральный секретарь."
check "ids are line numbers (JSON Lines)" \
  "$(grep -o '"ru_ids": \[[0-9,]*\]' "$tmp/o/alignment.jsonl" | tr '\n' ' ')" '"ru_ids": [1] "ru_ids": [2] "ru_ids": [4] '
check "vecalign: 0-based line numbers" \
  "$(cut -d: -f1,2 "$tmp/o/alignment.vecalign" | tr '\n' ' ')" "[0]:[0] [1]:[1] [3]:[3] "
check "TMX ids are line numbers" \
  "$(grep -o 'x-sverka-ru-ids">[0-9,]*' "$tmp/o/alignment.tmx" | sed 's/.*>//' | tr '\n' ' ')" "1 2 4 "
"$sverka" segment --split none --ids "$tmp/ru.txt" >"$tmp/seg.txt" 2>"$tmp/err"
check "segment --split none: one line, one sentence, numbered by line" "$(cut -f1 "$tmp/seg.txt" | tr "\n" " ")" "1 2 4 "

# Without --split none the same files are segmented and trimmed.
"$sverka" align -q "$tmp/ru.txt" "$tmp/en.txt" -o "$tmp/plain.tsv" 2>"$tmp/err"
check "without it the first line is two sentences" \
  "$(awk -F'\t' 'NR == 2 { print $4 }' "$tmp/plain.tsv")" "1"

# vecalign's format on running text: every sentence once, in order.
ru=$src/corpus/2021-12-14-brussels/ru.txt
en=$src/corpus/2021-12-14-brussels/en.txt
"$sverka" align -q --mode parallel --format vecalign "$ru" "$en" -o "$tmp/b.vec" 2>"$tmp/err"
"$sverka" align -q --mode parallel "$ru" "$en" -o "$tmp/b.tsv" 2>"$tmp/err"
python3 - "$tmp/b.vec" "$tmp/b.tsv" >"$tmp/err" <<'PY'
import json, sys
vec = [l.rstrip("\n").split(":") for l in open(sys.argv[1], encoding="utf-8")]
tsv = [l.rstrip("\n").split("\t") for l in open(sys.argv[2], encoding="utf-8")][1:]
ids = lambda c: [int(x) for x in c.split(",")] if c else []
assert len(vec) == len(tsv), (len(vec), len(tsv))
for (a, b, s), row in zip(vec, tsv):
    assert json.loads(a) == [i - 1 for i in ids(row[3])], (a, row)
    assert json.loads(b) == [i - 1 for i in ids(row[4])], (b, row)
    assert s == row[2], (s, row)
print("ok")
PY
if [ $? -eq 0 ]; then ok "vecalign: the TSV's beads, 0-based, with their scores"; else not_ok "vecalign: the TSV's beads, 0-based, with their scores"; fi

# XCES (OPUS): the link file names the two sentence files beside it; each
# link's xtargets are ids of <s> elements there, and every sentence is in
# exactly one link (parallel mode); with --split none the ids are lines.
mkdir -p "$tmp/x"
"$sverka" align -q --mode parallel --format xces -o "$tmp/x/al.xces" "$ru" "$en" 2>"$tmp/err"
"$sverka" align -q --split none --out-dir "$tmp/y" "$tmp/ru.txt" "$tmp/en.txt" 2>"$tmp/err"
python3 - "$tmp/x/al.xces" "$tmp/b.tsv" "$tmp/y/alignment.xces" >"$tmp/err" 2>&1 <<'PY'
import os, sys
import xml.etree.ElementTree as ET
def check(link_path, tsv_path=None, want_ids=None):
    root = ET.parse(link_path).getroot()
    assert root.tag == "cesAlign", root.tag
    groups = root.findall("linkGrp")
    assert len(groups) == 1 and groups[0].get("targType") == "s"
    g = groups[0]
    sents = {}
    for side, attr in (("ru", "fromDoc"), ("en", "toDoc")):
        path = os.path.join(os.path.dirname(link_path), g.get(attr))
        doc = ET.parse(path).getroot()
        assert doc.tag == "document"
        sents[side] = [s.get("id") for p in doc.findall("p") for s in p.findall("s")]
        assert len(sents[side]) == len(set(sents[side]))
    seen = {"ru": [], "en": []}
    links = []
    for link in g.findall("link"):
        a, b = link.get("xtargets").split(";")
        c = float(link.get("certainty"))
        assert 0.0 <= c <= 1.0
        for side, part in (("ru", a), ("en", b)):
            for x in part.split():
                assert x in sents[side], (side, x)
                seen[side].append(x)
        links.append((a, b, link.get("certainty")))
    assert sorted(seen["ru"]) == sorted(sents["ru"]) and sorted(seen["en"]) == sorted(sents["en"])
    if tsv_path:
        rows = [l.rstrip("\n").split("\t") for l in open(tsv_path, encoding="utf-8")][1:]
        want = [(r[3].replace(",", " "), r[4].replace(",", " "), r[2]) for r in rows]
        assert links == want, (links[:3], want[:3])
    if want_ids:
        assert sents["ru"] == want_ids, sents["ru"]
check(sys.argv[1], sys.argv[2])
check(sys.argv[3], want_ids=["1", "2", "4"])
print("ok")
PY
if [ $? -eq 0 ]; then ok "XCES: link file and sentence files agree with the TSV; line ids with --split none"; else not_ok "XCES: link file and sentence files agree with the TSV; line ids with --split none"; fi
expect 2 "--format xces writes three files" "xces to standard output is refused" -- align --format xces "$ru" "$en"
expect 2 "--split: expected sentences or none, found 'lines'" "bad --split value" -- align --split lines "$ru" "$en"
tap_done
