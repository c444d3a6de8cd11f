#!/bin/bash
# The document verdict on the command line: on standard error next to the
# mode, in the TMX header, the HTML report's header and the Markdown notes;
# --fail-on fails a pair that is no translation; the scores of such a pair
# are low in every mode; a row with one side empty has no confidence colour
# in the HTML report. Usage: verdict-cli.sh SVERKA SOURCE_ROOT. Prints TAP.
set -u
sverka=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$src/tests/tap.sh"

v=$src/tests/verdict
clean=$src/tests/notes-cases/mixed/vienna-clean
brussels=$src/corpus/2021-12-14-brussels

# verdict NAME RU EN: the verdict sverka prints for the pair.
verdict () { "$sverka" align -o /dev/null "${@:2}" 2>&1 | sed -n 's/^sverka: verdict \([a-z]*\) (\1: .*)$/\1/p'; }

for m in auto parallel comparable; do
  got="$(verdict x "$v/recipe.ru" "$v/football.en" --mode $m) $(verdict x "$v/numbers.ru" "$v/numbers.en" --mode $m)"
  if [ "$got" = "unrelated unrelated" ]; then ok "--mode $m: a recipe against a football report, and two lists of numbers: unrelated"; else echo "# got: $got" >"$tmp/err"; not_ok "--mode $m: unrelated pairs"; fi
  got="$(verdict x "$clean.ru" "$clean.ru" --mode $m) $(verdict x "$clean.en" "$clean.en" --mode $m)"
  if [ "$got" = "untranslated untranslated" ]; then ok "--mode $m: one text on both sides: untranslated"; else echo "# got: $got" >"$tmp/err"; not_ok "--mode $m: untranslated pairs"; fi
  got="$(verdict x "$clean.ru" "$clean.en" --mode $m) $(verdict x "$brussels/ru.txt" "$brussels/en.txt" --mode $m)"
  if [ "$got" = "translation comparable" ]; then ok "--mode $m: a translation, and the bundled report against its transcript"; else echo "# got: $got" >"$tmp/err"; not_ok "--mode $m: translation and comparable"; fi
  # No bead with both sides above 0.5 where the texts are no translation.
  high=$(for p in "$v/recipe.ru $v/football.en" "$v/numbers.ru $v/numbers.en" "$clean.ru $clean.ru"; do
           "$sverka" align -q --mode $m $p; done | awk -F'\t' '$4 != "" && $5 != "" && $4 != "ru_ids" && $3 > 0.5' | wc -l)
  if [ "$high" -eq 0 ]; then ok "--mode $m: no bead with both sides scores above 0.5 in those pairs"; else not_ok "--mode $m: $high beads above 0.5"; fi
done

# The warning, and the exit status with --fail-on (outputs still written).
expect 0 "warning: the two texts look unrelated" "an unrelated pair: a warning, exit 0" -- align "$v/recipe.ru" "$v/football.en"
expect 1 "warning: the texts look untranslated.*with --fail-on, sverka exits with 1" "--fail-on warning: an untranslated pair exits 1" -- align --fail-on warning "$clean.ru" "$clean.ru"
expect 1 "look unrelated" "--fail-on error: an unrelated pair exits 1" -- align --fail-on error --out-dir "$tmp/u" "$v/recipe.ru" "$v/football.en"
if [ -s "$tmp/u/alignment.tsv" ] && [ -s "$tmp/u/report.html" ]; then ok "--fail-on: the outputs are written all the same"; else not_ok "--fail-on: the outputs are written all the same"; fi
expect 0 "verdict translation" "--fail-on error: a clean translation exits 0" -- align --fail-on error "$clean.ru" "$clean.en"

# In the outputs that have a header or a summary.
if grep -q '<prop type="x-sverka-verdict">unrelated</prop>' "$tmp/u/alignment.tmx" \
   && grep -q '<prop type="x-sverka-verdict-reason">unrelated: ' "$tmp/u/alignment.tmx"; then
  ok "TMX header: the verdict and its evidence"
else
  not_ok "TMX header: the verdict and its evidence"
fi
if grep -q '<p class="verdict bad" id="verdict">Verdict: unrelated (unrelated: ' "$tmp/u/report.html"; then ok "HTML header: the verdict, flagged"; else not_ok "HTML header: the verdict, flagged"; fi
if grep -q '^Verdict: \*\*unrelated\*\* (unrelated: ' "$tmp/u/notes.md"; then ok "Markdown notes: the verdict in the summary"; else not_ok "Markdown notes: the verdict in the summary"; fi
"$sverka" align -q --out-dir "$tmp/c" "$clean.ru" "$clean.en" 2>"$tmp/err"
if grep -q '<p class="verdict" id="verdict">Verdict: translation (translation: ' "$tmp/c/report.html" \
   && grep -q '^Verdict: \*\*translation\*\*' "$tmp/c/notes.md" \
   && grep -q '<prop type="x-sverka-verdict">translation</prop>' "$tmp/c/alignment.tmx"; then
  ok "a translation's verdict in the HTML, Markdown and TMX headers"
else
  not_ok "a translation's verdict in the HTML, Markdown and TMX headers"
fi
if [ "$(head -1 "$tmp/c/alignment.tsv")" = "ru	en	score	ru_ids	en_ids" ]; then ok "the TSV header row is unchanged"; else not_ok "the TSV header row is unchanged"; fi

# The HTML report: a row with one side empty has no confidence colour. The
# bundled pair is comparable: its page reads as the Russian report, and the
# rows alone are the report sentences with no support (the uncited English
# sentences are context in the source pane, not rows).
"$sverka" align -q --html "$tmp/b.html" "$brussels/ru.txt" "$brussels/en.txt" >"$tmp/b.tsv" 2>"$tmp/err"
alone=$(awk -F'\t' 'NR > 1 && $4 != "" && $5 == ""' "$tmp/b.tsv" | wc -l)
nc=$(grep -o '<div class="row alone[^>]*><a class="n"[^>]*>[0-9]*</a><span class="band nc" ' "$tmp/b.html" | wc -l)
coloured=$(grep -o '<div class="row alone[^>]*><a class="n"[^>]*>[0-9]*</a><span class="band b[0-9]' "$tmp/b.html" | wc -l)
if [ "$alone" -gt 0 ] && [ "$nc" -eq "$alone" ] && [ "$coloured" -eq 0 ]; then
  ok "HTML: the $alone rows with one side empty carry no confidence colour"
else
  echo "# rows alone $alone, uncoloured $nc, coloured $coloured" >"$tmp/err"
  not_ok "HTML: rows with one side empty carry no confidence colour"
fi

tap_done
