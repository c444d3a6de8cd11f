#!/bin/bash
# Tests of `sverka batch` and `sverka stream`: output identical for any -j
# and identical to `sverka align` pair by pair, failed pairs reported and
# skipped, --resume reading complete pairs back, atomic outputs, manifest
# errors, JSON Lines records and error records, per-record flushing, a GNU
# parallel pipeline, and lexicon learning. Usage: batch.sh SVERKA
# SOURCE_ROOT. Prints TAP.
set -u
sverka=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$src/tests/tap.sh"
lex=(--lexicon "$src/dictionaries/ru-en.tsv")


# The manifest: eight pairs of the injected notes set and the bundled pair,
# then three bad pairs (missing file, invalid UTF-8, empty) in the middle.
notes=$src/tests/notes
printf 'Первая строка.\nВторая \xff строка.\n' >"$tmp/bad.ru"
: >"$tmp/empty.en"
{
  echo "id	ru_path	en_path"
  i=0
  for f in "$notes"/*.ru; do
    i=$((i + 1))
    [ $i -gt 8 ] && break
    b=$(basename "$f" .ru)
    printf '%s\t%s\t%s\n' "$b" "$f" "${f%.ru}.en"
    if [ $i -eq 4 ]; then
      printf 'missing\tnope.ru\tnope.en\n'
      printf 'bad-utf8\tbad.ru\t%s\n' "${f%.ru}.en"
      printf 'empty\t%s\tempty.en\n' "$f"
    fi
  done
  printf 'brussels\t%s\t%s\n' "$src/corpus/2021-12-14-brussels/ru.txt" \
    "$src/corpus/2021-12-14-brussels/en.txt"
} >"$tmp/manifest.tsv"

# ---- batch ----
for j in 1 2 3; do
  "$sverka" batch -q -j $j "${lex[@]}" --out-dir "$tmp/out$j" "$tmp/manifest.tsv" \
    >"$tmp/out" 2>"$tmp/err$j"
  echo $? >"$tmp/rc$j"
done
cp "$tmp/err2" "$tmp/err"
check "batch: exit 3 when some pairs failed" [ "$(cat "$tmp/rc1" "$tmp/rc2" "$tmp/rc3" | tr -d '\n')" = 333 ]
check "batch: failed pairs named on standard error with manifest line" \
  grep -q "manifest.tsv:7: pair bad-utf8 skipped: .*bad.ru:2: invalid UTF-8" "$tmp/err2"
check "batch: failed.tsv lists the three failed pairs" \
  [ "$(cut -f1 "$tmp/out2/failed.tsv" | tr '\n' ' ')" = "id missing bad-utf8 empty " ]
check "batch: the other pairs are aligned" \
  grep -qx "aligned	9" "$tmp/out2/summary.tsv"
check "batch: -j 1, 2 and 3 give identical per-pair files" \
  diff -r "$tmp/out1/pairs" "$tmp/out2/pairs"
check "batch: -j 1, 2 and 3 give an identical corpus" \
  cmp -s "$tmp/out1/corpus.tsv" "$tmp/out3/corpus.tsv"
check "batch: summary counts are the same for any -j" \
  diff <(grep -v seconds "$tmp/out1/summary.tsv") <(grep -v seconds "$tmp/out3/summary.tsv")

# ---- --shard K/N: three shards together are the whole batch ----
for k in 1 2 3; do
  "$sverka" batch -q -j 2 "${lex[@]}" --shard $k/3 --out-dir "$tmp/shard$k" "$tmp/manifest.tsv" \
    >"$tmp/out" 2>"$tmp/err"
done
mkdir -p "$tmp/shards/pairs"
cp "$tmp"/shard?/pairs/* "$tmp/shards/pairs/"
check "shard: the three shards' pair files are the unsharded batch's" \
  diff -r "$tmp/out1/pairs" "$tmp/shards/pairs"
{ head -1 "$tmp/shard1/corpus.tsv"; for k in 1 2 3; do tail -n +2 "$tmp/shard$k/corpus.tsv"; done; } \
  >"$tmp/shards/corpus.tsv"
check "shard: their corpora, concatenated in order, are the unsharded corpus" \
  cmp -s "$tmp/shards/corpus.tsv" "$tmp/out1/corpus.tsv"
check "shard: each shard has a third of the 12 pairs" \
  [ "$(grep -h '^pairs' "$tmp"/shard?/summary.tsv | cut -f2 | tr '\n' ' ')" = "4 4 4 " ]
expect 2 "--shard: expected K/N with 1 <= K <= N" "bad --shard 4/3" -- batch --shard 4/3 --out-dir "$tmp/x" "$tmp/manifest.tsv"
expect 2 "--shard: expected K/N" "bad --shard 0/3" -- batch --shard 0/3 --out-dir "$tmp/x" "$tmp/manifest.tsv"
expect 2 "--shard with --learn" "--shard with --learn refused" -- batch --shard 1/2 --learn --out-dir "$tmp/x" "$tmp/manifest.tsv"

same_as_align=true
while IFS=$'\t' read -r id ru en; do
  [ "$id" = id ] || [ -f "$tmp/out2/pairs/$id.tsv" ] || continue
  [ "$id" = id ] && continue
  "$sverka" align -q "${lex[@]}" "$ru" "$en" -o "$tmp/a.tsv" --notes "$tmp/a.notes.tsv" 2>"$tmp/err"
  cmp -s "$tmp/a.tsv" "$tmp/out2/pairs/$id.tsv" || { same_as_align=false; echo "# $id.tsv differs"; }
  cmp -s "$tmp/a.notes.tsv" "$tmp/out2/pairs/$id.notes.tsv" || { same_as_align=false; echo "# $id.notes.tsv differs"; }
done <"$tmp/manifest.tsv"
check "batch: each pair's TSV and notes equal sverka align's" $same_as_align

# The corpus is the per-pair rows with the id in front, in manifest order.
: >"$tmp/expected-corpus.tsv"
echo "id	ru	en	score	ru_ids	en_ids" >"$tmp/expected-corpus.tsv"
while IFS=$'\t' read -r id ru en; do
  [ -f "$tmp/out2/pairs/$id.tsv" ] && tail -n +2 "$tmp/out2/pairs/$id.tsv" | sed "s/^/$id	/"
done <"$tmp/manifest.tsv" >>"$tmp/expected-corpus.tsv"
check "batch: corpus.tsv is the pairs' rows in manifest order" \
  cmp -s "$tmp/expected-corpus.tsv" "$tmp/out2/corpus.tsv"
check "batch: summary counts beads and notes" \
  [ "$(grep '^beads' "$tmp/out2/summary.tsv" | cut -f2)" = "$(($(wc -l <"$tmp/out2/corpus.tsv") - 1))" ]
check "batch: no temporary file left" [ -z "$(find "$tmp"/out? -name '.*')" ]

# --resume: a complete pair is read back, not aligned again (a row planted
# in its file shows up in the corpus); a pair with a missing file is redone.
cp -r "$tmp/out2" "$tmp/res"
rm "$tmp/res/pairs/brussels.notes.tsv"
printf 'planted\trow\t1.000\t1\t1\n' >>"$tmp/res/pairs/brussels-aliyev-1.tsv"
"$sverka" batch -j 2 "${lex[@]}" --resume --out-dir "$tmp/res" "$tmp/manifest.tsv" \
  >"$tmp/out" 2>"$tmp/err"
check "batch --resume: incomplete pair aligned again, others resumed" \
  grep -q "12 pairs (1 aligned, 8 resumed, 3 failed)" "$tmp/err"
check "batch --resume: the corpus is rebuilt from the pairs' files" \
  grep -q "^brussels-aliyev-1	planted	row" "$tmp/res/corpus.tsv"
check "batch --resume: the redone pair's notes are back" \
  cmp -s "$tmp/out2/pairs/brussels.notes.tsv" "$tmp/res/pairs/brussels.notes.tsv"
check "batch --resume: the same summary counts, with the planted bead" \
  diff <(grep -v -e seconds -e aligned -e resumed "$tmp/out2/summary.tsv" \
         | awk -F'\t' -v OFS='\t' '$1 == "beads" { $2++ } 1') \
       <(grep -v -e seconds -e aligned -e resumed "$tmp/res/summary.tsv")

# The verdicts: one per aligned pair, in pairs/ID.verdict and verdicts.tsv
# (manifest order), counted in the summary, read back by --resume.
check "batch: verdicts.tsv has one row per aligned pair, in manifest order" \
  [ "$(cut -f1 "$tmp/out2/verdicts.tsv" | tr '\n' ' ')" = "id $(tail -n +2 "$tmp/out2/corpus.tsv" | cut -f1 | uniq | tr '\n' ' ')" ]
vok=true
while IFS=$'\t' read -r id verdict reason; do
  [ "$id" = id ] && continue
  [ "$(printf '%s\t%s\n' "$verdict" "$reason")" = "$(cat "$tmp/out2/pairs/$id.verdict")" ] || vok=false
  "$sverka" align "${lex[@]}" "$(grep "^$id	" "$tmp/manifest.tsv" | cut -f2)" \
    "$(grep "^$id	" "$tmp/manifest.tsv" | cut -f3)" -o /dev/null 2>"$tmp/a.err"
  grep -qxF "sverka: verdict $verdict ($reason)" "$tmp/a.err" || { vok=false; echo "# $id: $verdict"; }
done <"$tmp/out2/verdicts.tsv"
check "batch: each pair's verdict is sverka align's, and pairs/ID.verdict holds it" $vok
check "batch: the bundled pair is comparable" grep -q "^brussels	comparable	comparable: " "$tmp/out2/verdicts.tsv"
check "batch: the summary counts the verdicts" \
  [ "$(grep '^verdict_' "$tmp/out2/summary.tsv" | awk -F'\t' '{s += $2} END {print s}')" = "$(($(wc -l <"$tmp/out2/verdicts.tsv") - 1))" ]
check "batch --resume: the verdicts are read back" cmp -s "$tmp/out2/verdicts.tsv" "$tmp/res/verdicts.tsv"

# --min-score: corpus.tsv keeps the rows scoring X or more; pairs/ID.tsv
# keeps every row (it is the pair's whole record); the summary and standard
# error (even with -q) say how many rows were left out.
x=$(tail -n +2 "$tmp/out2/corpus.tsv" | cut -f4 | sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}')
"$sverka" batch -q -j 2 "${lex[@]}" --min-score "$x" --out-dir "$tmp/ms" "$tmp/manifest.tsv" \
  >"$tmp/out" 2>"$tmp/ms.err"
awk -F'\t' -v x="$x" 'NR == 1 || $4 >= x' "$tmp/out2/corpus.tsv" >"$tmp/want-corpus.tsv"
left=$(($(wc -l <"$tmp/out2/corpus.tsv") - $(wc -l <"$tmp/want-corpus.tsv")))
cp "$tmp/ms.err" "$tmp/err"
if [ "$left" -gt 0 ] && cmp -s "$tmp/want-corpus.tsv" "$tmp/ms/corpus.tsv"; then
  ok "batch --min-score $x: corpus.tsv keeps the rows scoring $x or more ($left left out)"
else
  not_ok "batch --min-score $x: corpus.tsv keeps the rows scoring $x or more ($left left out)"
fi
check "batch --min-score: pairs/ID.tsv keep every row" diff -r "$tmp/out2/pairs" "$tmp/ms/pairs"
check "batch --min-score: summary.tsv counts the rows left out" \
  grep -qx "corpus_rows_left_out	$left" "$tmp/ms/summary.tsv"
# The message gives the threshold as printf's %g does (0.850 is "0.85").
xg=$(LC_ALL=C printf '%g' "$x")
check "batch --min-score: standard error says how many rows were left out, even with -q" \
  grep -q "^sverka batch: --min-score $xg: $left of [0-9]* rows scored less and were left out of corpus.tsv" "$tmp/ms.err"
check "batch: without --min-score no row is left out" grep -qx "corpus_rows_left_out	0" "$tmp/out2/summary.tsv"
expect 2 "--min-score: expected a number from 0 to 1.*found '2'" "batch: bad --min-score" \
  -- batch --min-score 2 --out-dir "$tmp/o" "$tmp/manifest.tsv"

# An output that cannot be written stops the batch (exit 5), leaving no
# corpus: here a folder stands where the first pair's TSV should go.
mkdir -p "$tmp/o5/pairs/$(sed -n 2p "$tmp/manifest.tsv" | cut -f1).tsv"
"$sverka" batch -q -j 2 "${lex[@]}" --out-dir "$tmp/o5" "$tmp/manifest.tsv" >"$tmp/out" 2>"$tmp/err"
check "batch: an unwritable output stops the batch with exit 5" \
  [ $? -eq 5 -a ! -e "$tmp/o5/corpus.tsv" ]
check "batch: the unwritable output is named" grep -q "tsv: cannot write: .*the batch stopped" "$tmp/err"
printf 'x' >"$tmp/o6"
expect 5 "o6/pairs: cannot make the folder" "batch: an --out-dir that cannot be made" \
  -- batch --out-dir "$tmp/o6" "$tmp/manifest.tsv"

# Manifest errors stop the batch before any work.
printf 'a\tx.ru\n' >"$tmp/m1.tsv"
printf 'a\tx.ru\tx.en\nb\ty.ru\ty.en\na\tz.ru\tz.en\n' >"$tmp/m2.tsv"
printf '../up\tx.ru\tx.en\n' >"$tmp/m3.tsv"
expect 3 "m1.tsv:1: expected 'id<TAB>ru_path<TAB>en_path', found 2 fields" \
  "manifest: a line with two fields" -- batch --out-dir "$tmp/o" "$tmp/m1.tsv"
expect 3 "m2.tsv:3: the id 'a' is already used on line 1" \
  "manifest: a duplicate id" -- batch --out-dir "$tmp/o" "$tmp/m2.tsv"
expect 3 "m3.tsv:1: the id '../up' cannot name a file" \
  "manifest: an id that is not a file name" -- batch --out-dir "$tmp/o" "$tmp/m3.tsv"
expect 3 "nothere.tsv: cannot open the manifest" \
  "manifest: missing" -- batch --out-dir "$tmp/o" "$tmp/nothere.tsv"
expect 3 "the manifest must be a regular file" "manifest: a pipe" \
  -- batch --out-dir "$tmp/o" <(cat "$tmp/m2.tsv")
expect 2 "--out-dir DIR is required" "batch: no --out-dir" -- batch "$tmp/m2.tsv"
expect 2 "expected auto, parallel or comparable" "batch: bad --mode" \
  -- batch --mode fast --out-dir "$tmp/o" "$tmp/m2.tsv"
check "manifest errors: no output folder made" [ ! -e "$tmp/o" ]

# ---- stream ----
python3 - "$src" "$tmp/in.jsonl" <<'EOF'
import json, sys
src, out = sys.argv[1], sys.argv[2]
d = src + "/tests/notes/"
rows = []
for name in ["brussels-aliyev-1", "brussels-aliyev-2", "brussels-aliyev-en-side"]:
    rows.append(json.dumps({"id": name, "ru": open(d + name + ".ru").read(),
                            "en": open(d + name + ".en").read()}, ensure_ascii=False))
rows.append('{"id": 4, "ru": "Привет.", ')                        # line 4: broken JSON
rows.append('{"id": 5, "ru": "Привет."}')                         # line 5: no "en"
rows.append('{"id": 6, "ru": "", "en": "Hello."}')                # line 6: empty text
rows.append(json.dumps({"id": [7], "ru": "Он сказал: \"нет\".\tТочка.",
                        "en": "He said \"no\".\u0001 Done."}))     # line 7: escapes
open(out, "w").write("\n".join(rows) + "\n")
EOF
printf '{"id":"bad","ru":"\xff","en":"a"}\n' >>"$tmp/in.jsonl"  # line 8: invalid UTF-8
"$sverka" stream -j 2 "${lex[@]}" <"$tmp/in.jsonl" >"$tmp/s2.jsonl" 2>"$tmp/err"
check "stream: exit 0 with error records" [ $? -eq 0 ]
"$sverka" stream -q -j 1 "${lex[@]}" <"$tmp/in.jsonl" >"$tmp/s1.jsonl" 2>"$tmp/err"
check "stream: -j 1 and -j 2 give the same records" cmp -s "$tmp/s1.jsonl" "$tmp/s2.jsonl"
check "stream: one record per input line, in order" \
  [ "$(python3 -c 'import json,sys; print(" ".join(str(json.loads(l)["id"]) for l in open(sys.argv[1])))' "$tmp/s2.jsonl")" \
    = "brussels-aliyev-1 brussels-aliyev-2 brussels-aliyev-en-side None 5 6 [7] None" ]
check "stream: error records name the line" \
  python3 - "$tmp/s2.jsonl" <<'EOF'
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
want = {4: "line 4: byte 34: expected a string, found the end of the line",
        5: 'line 5: expected a member "en": the English text as a string, or its sentences',
        6: "line 6: ru: the file is empty",
        8: "line 8: byte 19: expected UTF-8 text"}
for line, msg in want.items():
    r = recs[line - 1]
    assert r.get("line") == line and r["error"].startswith(msg), (line, r)
# Quotes survive the round trip; a control character is cleaned as in the TSV.
assert recs[6]["beads"][0]["ru"] == 'Он сказал: "нет".', recs[6]
assert recs[6]["beads"][1]["en"] == "Done.", recs[6]
EOF
check "stream: beads and notes equal sverka align's TSV" \
  python3 - "$sverka" "$src" "$tmp/s2.jsonl" "$src/dictionaries/ru-en.tsv" <<'EOF'
import json, subprocess, sys
sverka, src, path, lex = sys.argv[1:]
recs = [json.loads(l) for l in open(path)][:3]
for r in recs:
    base = src + "/tests/notes/" + r["id"]
    out = subprocess.run([sverka, "align", "-q", "--lexicon", lex, base + ".ru", base + ".en",
                          "--notes", "/dev/stdout", "-o", "/dev/null"], capture_output=True,
                         text=True, check=True).stdout.splitlines()[1:]
    tsv = subprocess.run([sverka, "align", "-q", "--lexicon", lex, base + ".ru", base + ".en"],
                         capture_output=True, text=True, check=True).stdout.splitlines()[1:]
    ids = lambda l: ",".join(str(i) for i in l)
    assert [(b["ru"], b["en"], "%.3f" % b["score"], ids(b["ru_ids"]), ids(b["en_ids"]))
            for b in r["beads"]] == [tuple(row.split("\t")) for row in tsv], r["id"]
    assert [(n["kind"], n["severity"], ids(n["ru_ids"]), ids(n["en_ids"]), n["message"])
            for n in r["notes"]] == [tuple(row.split("\t")[i] for i in (0, 1, 2, 3, 6))
                                     for row in out], r["id"]
EOF

# The verdict in every record; --min-score keeps the beads scoring X or
# more, "left_out" counts the others, and standard error the total.
check "stream: every record carries the verdict and its evidence" \
  python3 - "$tmp/s2.jsonl" <<'EOF'
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
ok = [r for r in recs if "error" not in r]
assert len(ok) == 4, len(ok)
for r in ok:
    assert r["verdict"] in ("translation", "comparable", "unrelated", "untranslated"), r
    assert r["verdict_reason"].startswith(r["verdict"] + ": "), r
    assert "left_out" not in r, r
EOF
"$sverka" stream -q -j 2 "${lex[@]}" --min-score 0.5 <"$tmp/in.jsonl" >"$tmp/s-ms.jsonl" 2>"$tmp/s-ms.err"
check "stream --min-score: only beads scoring 0.5 or more, the others counted in left_out" \
  python3 - "$tmp/s2.jsonl" "$tmp/s-ms.jsonl" "$tmp/s-ms.err" <<'EOF'
import json, sys
full = [json.loads(l) for l in open(sys.argv[1])]
kept = [json.loads(l) for l in open(sys.argv[2])]
total = left = 0
for f, k in zip(full, kept):
    if "error" in f:
        assert k == f, k
        continue
    want = [b for b in f["beads"] if b["score"] >= 0.5]
    assert k["beads"] == want and k["left_out"] == len(f["beads"]) - len(want), k["id"]
    assert k["notes"] == f["notes"], k["id"]
    total += len(f["beads"])
    left += k["left_out"]
err = open(sys.argv[3]).read()
assert "sverka stream: --min-score 0.5: %d of %d rows scored less" % (left, total) in err, err
EOF
printf '{"id":1,"ru":"a","en":"b"}\n' | "$sverka" stream --min-score x >"$tmp/out" 2>"$tmp/err"
if [ "${PIPESTATUS[1]}" -eq 2 ] && grep -q -- "--min-score: expected a number from 0 to 1.*found 'x'" "$tmp/err"; then
  ok "stream: a bad --min-score is a usage error"
else
  not_ok "stream: a bad --min-score is a usage error"
fi

# Flushing per record: a record comes back while standard input is still open.
coproc STREAM { "$sverka" stream -q -j 2 "${lex[@]}" 2>/dev/null; }
head -1 "$tmp/in.jsonl" >&"${STREAM[1]}"
if read -r -t 60 first <&"${STREAM[0]}" && [ "${first:0:26}" = '{"id":"brussels-aliyev-1",' ]; then
  ok "stream: a record is written and flushed before the input ends"
else
  not_ok "stream: a record is written and flushed before the input ends"
fi
exec {STREAM[1]}>&-
wait "$STREAM_PID" 2>/dev/null

# A GNU parallel pipeline gives the same records, in order.
if command -v parallel >/dev/null; then
  parallel --will-cite --pipe -N 3 -k -j 2 "$sverka" stream -q -j 1 "${lex[@]}" \
    <"$tmp/in.jsonl" >"$tmp/par.jsonl" 2>"$tmp/err"
  # Line numbers restart in each block of 3 lines.
  check "stream: a GNU parallel --pipe pipeline gives the same beads and notes" \
    cmp -s <(grep -v '"error"' "$tmp/par.jsonl") <(grep -v '"error"' "$tmp/s2.jsonl")
else
  echo "# GNU parallel is missing: scripts/install-deps.sh installs the Debian package parallel" >"$tmp/err"
  not_ok "stream: a GNU parallel --pipe pipeline gives the same beads and notes"
fi

# ---- lexicon learning ----
grep -v -e missing -e bad-utf8 -e empty "$tmp/manifest.tsv" >"$tmp/good.tsv"
"$sverka" batch -q -j 2 --no-notes "${lex[@]}" --learned-lexicon "$tmp/l2.tsv" \
  --out-dir "$tmp/learn2" "$tmp/good.tsv" 2>"$tmp/err"
check "learn: batch succeeds" [ $? -eq 0 ]
"$sverka" batch -q -j 1 --no-notes "${lex[@]}" --learned-lexicon "$tmp/l1.tsv" \
  --out-dir "$tmp/learn1" "$tmp/good.tsv" 2>"$tmp/err"
check "learn: the learned lexicon is a lexicon file with entries" \
  [ "$(head -1 "$tmp/l2.tsv")" = "# sverka-lexicon 1" -a "$(grep -vc '^#' "$tmp/l2.tsv")" -gt 0 ]
check "learn: the same entries for -j 1 and -j 2" cmp -s "$tmp/l1.tsv" "$tmp/l2.tsv"
check "learn: the summary counts the entries" \
  grep -qx "learned_entries	$(grep -vc '^#' "$tmp/l2.tsv")" "$tmp/learn2/summary.tsv"
"$sverka" align -q "${lex[@]}" --lexicon "$tmp/l2.tsv" "$notes/brussels-aliyev-1.ru" \
  "$notes/brussels-aliyev-1.en" -o "$tmp/al.tsv" 2>"$tmp/err"
check "learn: the realigned pair equals align with the saved learned lexicon" \
  cmp -s "$tmp/al.tsv" "$tmp/learn2/pairs/brussels-aliyev-1.tsv"

# ---- text already split: --split none, and arrays of sentences ----
printf 'Президент прибыл в Брюссель. Его встретили.\n\nСтороны обсудили безопасность.\n' >"$tmp/split.ru"
printf 'The President arrived in Brussels. He was met.\n\nThey discussed security.\n' >"$tmp/split.en"
printf 'split\tsplit.ru\tsplit.en\n' >"$tmp/split.tsv"
"$sverka" batch -q -j 1 --split none "${lex[@]}" --out-dir "$tmp/split" "$tmp/split.tsv" 2>"$tmp/err"
"$sverka" align -q --split none "${lex[@]}" "$tmp/split.ru" "$tmp/split.en" -o "$tmp/split-align.tsv" 2>>"$tmp/err"
check "split none: batch writes what align --split none writes (line numbers as ids)" \
  cmp -s "$tmp/split/pairs/split.tsv" "$tmp/split-align.tsv"
check "split none: the ids are the line numbers 1 and 3" \
  [ "$(cut -f4 "$tmp/split-align.tsv" | tail -n +2 | tr '\n' ' ')" = "1 3 " ]
{
  printf '{"id":"arrays","ru":["Президент прибыл в Брюссель. Его встретили.","","Стороны обсудили безопасность."],"en":["The President arrived in Brussels. He was met.","","They discussed security."]}\n'
  printf '{"id":"lines","ru":"Президент прибыл в Брюссель. Его встретили.\\n\\nСтороны обсудили безопасность.","en":"The President arrived in Brussels. He was met.\\n\\nThey discussed security."}\n'
  printf '{"id":"bad","ru":["a",3],"en":["b"]}\n'
} >"$tmp/split.jsonl"
"$sverka" stream -q -j 1 --no-notes "${lex[@]}" <"$tmp/split.jsonl" >"$tmp/split-s.jsonl" 2>"$tmp/err"
"$sverka" stream -q -j 1 --no-notes --split none "${lex[@]}" <"$tmp/split.jsonl" >"$tmp/split-n.jsonl" 2>>"$tmp/err"
beads () { sed -n "$2p" "$1" | grep -o '"beads":.*'; }
check "stream: a side given as an array of sentences is aligned as lines (ids 1 and 3)" \
  [ "$(sed -n 1p "$tmp/split-s.jsonl" | grep -o '"ru_ids":\[[0-9]*\]' | tr '\n' ' ')" = '"ru_ids":[1] "ru_ids":[3] ' ]
check "stream --split none: a string side as lines gives the same beads as the arrays" \
  [ "$(beads "$tmp/split-n.jsonl" 2)" = "$(beads "$tmp/split-s.jsonl" 1)" ]
check "stream: an array with a non-string is an error record naming the byte" \
  grep -q '"id":"bad","line":3,"error":"line 3: ru: the sentences: byte 6: expected a string' "$tmp/split-s.jsonl"

# ---- --format: every pair and the combined corpus in other formats ----
grep -v -e missing -e bad-utf8 -e empty "$tmp/manifest.tsv" | head -5 >"$tmp/fmt.tsv"
fmts=jsonl,tmx,vecalign,moses,xces
for j in 1 2; do
  "$sverka" batch -q -j $j --no-notes "${lex[@]}" --format $fmts --out-dir "$tmp/fmt$j" "$tmp/fmt.tsv" \
    2>"$tmp/err"
done
check "format: -j 1 and 2 give the same files" diff -r "$tmp/fmt1" "$tmp/fmt2" -x summary.tsv
first=$(sed -n 2p "$tmp/fmt.tsv" | cut -f1)
"$sverka" align -q "${lex[@]}" "$(sed -n 2p "$tmp/fmt.tsv" | cut -f2)" "$(sed -n 2p "$tmp/fmt.tsv" | cut -f3)" \
  --out-dir "$tmp/fmt-align" 2>"$tmp/err"
same_as_align () {
  for f in jsonl tmx vecalign ru en; do
    cmp "$tmp/fmt1/pairs/$first.$f" "$tmp/fmt-align/alignment.$f" || return 1
  done
}
check "format: a pair's JSON Lines, TMX, vecalign and Moses files are sverka align's" same_as_align
python3 - "$tmp/fmt1" >"$tmp/err" 2>&1 <<'PY'
import json, os, sys
import xml.etree.ElementTree as ET
d = sys.argv[1]
rows = [l.rstrip("\n").split("\t") for l in open(os.path.join(d, "corpus.tsv"), encoding="utf-8")][1:]
recs = [json.loads(l) for l in open(os.path.join(d, "corpus.jsonl"), encoding="utf-8")]
ids = lambda c: [int(x) for x in c.split(",")] if c else []
assert [(r["id"], r["ru"], r["en"], "%.3f" % r["score"], r["ru_ids"], r["en_ids"]) for r in recs] == \
       [(r[0], r[1], r[2], r[3], ids(r[4]), ids(r[5])) for r in rows]
both = [r for r in rows if r[1] and r[2]]
tus = ET.parse(os.path.join(d, "corpus.tmx")).getroot().findall("body/tu")
assert [(t.find("prop[@type='x-sverka-pair']").text, t.findall("tuv/seg")[0].text,
         t.findall("tuv/seg")[1].text) for t in tus] == [(r[0], r[1], r[2]) for r in both]
assert open(os.path.join(d, "corpus.ru"), encoding="utf-8").read().splitlines() == [r[1] for r in both]
assert open(os.path.join(d, "corpus.en"), encoding="utf-8").read().splitlines() == [r[2] for r in both]
groups = ET.parse(os.path.join(d, "corpus.xces")).getroot().findall("linkGrp")
links = []
for g in groups:
    pid = os.path.basename(g.get("fromDoc"))[:-len(".xces.ru.xml")]
    for side in ("fromDoc", "toDoc"):
        assert os.path.exists(os.path.join(d, g.get(side))), g.get(side)
    links += [(pid,) + tuple(l.get("xtargets").split(";")) for l in g.findall("link")]
assert links == [(r[0], r[4].replace(",", " "), r[5].replace(",", " ")) for r in rows]
print("ok")
PY
check "format: corpus.jsonl, .tmx, .ru/.en and .xces hold corpus.tsv's rows" [ $? = 0 ]
rm "$tmp/fmt2"/corpus.*
"$sverka" batch -q -j 2 --resume --no-notes "${lex[@]}" --format $fmts --out-dir "$tmp/fmt2" "$tmp/fmt.tsv" 2>"$tmp/err"
check "format: --resume rebuilds the same combined files from the pairs' files" diff -r "$tmp/fmt1" "$tmp/fmt2" -x summary.tsv
"$sverka" batch -q -j 2 --no-notes "${lex[@]}" --format jsonl --jsonl-style hf --out-dir "$tmp/hf" "$tmp/fmt.tsv" 2>"$tmp/err"
"$sverka" align -q "${lex[@]}" --format jsonl --jsonl-style hf -o "$tmp/hf-align.jsonl" \
  "$(sed -n 2p "$tmp/fmt.tsv" | cut -f2)" "$(sed -n 2p "$tmp/fmt.tsv" | cut -f3)" 2>"$tmp/err"
check "format: --jsonl-style hf, a pair's file is sverka align's" cmp -s "$tmp/hf/pairs/$first.jsonl" "$tmp/hf-align.jsonl"
hf_corpus () {
  local f
  for f in $(cut -f1 "$tmp/fmt.tsv"); do cat "$tmp/hf/pairs/$f.jsonl"; done | cmp -s - "$tmp/hf/corpus.jsonl" \
    && [ "$(wc -l <"$tmp/hf/corpus.jsonl")" -eq "$(tail -n +2 "$tmp/hf/corpus.tsv" | awk -F'\t' '$2 != "" && $3 != ""' | wc -l)" ]
}
check "format: --jsonl-style hf, corpus.jsonl is the pairs' files in order, one object per two-sided row of corpus.tsv" hf_corpus
expect 2 "--jsonl-style: expected sverka or hf, found 'xx'" "batch: bad --jsonl-style" -- batch --jsonl-style xx --out-dir "$tmp/x" "$tmp/fmt.tsv"
expect 2 "--format: expected a comma-separated list" "batch: bad --format" -- batch --format jsonl,docx --out-dir "$tmp/x" "$tmp/fmt.tsv"

tap_done
