#!/bin/bash
# Robustness of the command line (issue 7): hostile input gets a clear
# message, the documented exit code and no output file; awkward input just
# works; nothing is lost; outputs are atomic and deterministic.
# Usage: robust.sh SVERKA SOURCE_ROOT NO_STEMMER_SO. Prints TAP.
# SVERKA_TEST_JOBS lists the thread counts the determinism test tries (an
# empty value or 1 runs without -j; sverka has no threads yet).
set -u
sverka=$1
src=$2
no_stemmer=$3
check=$src/tests/check-output.py
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$src/tests/tap.sh"
check () { if "$@" 2>>"$tmp/err"; then return 0; fi; return 1; }

# expect CODE PATTERN DESCRIPTION -- ARGS...: replaces tap.sh's expect; runs
# sverka ARGS with -o $tmp/never.out, checks the exit code, that standard
# error matches PATTERN and that no output file was left.
expect () {
  local code=$1 pattern=$2 desc=$3
  shift 4
  rm -f "$tmp"/never.out*
  "$sverka" "$1" -o "$tmp/never.out" "${@:2}" >"$tmp/out" 2>"$tmp/err"
  local rc=$?
  if [ "$rc" -eq "$code" ] && grep -qE -- "$pattern" "$tmp/err" && ! ls "$tmp"/never.out* >/dev/null 2>&1; then
    ok "$desc"
  else
    echo "# exit $rc, expected $code; stderr must match: $pattern; output file: $(ls "$tmp"/never.out* 2>&1)"
    not_ok "$desc"
  fi
}

ru=$src/corpus/2021-12-14-brussels/ru.txt
en=$src/corpus/2021-12-14-brussels/en.txt
seed=$src/dictionaries/ru-en.tsv
printf 'Генеральный секретарь НАТО провел встречу в Брюсселе.\nАзербайджан является надежным поставщиком газа.\n' >"$tmp/small.ru"
printf 'The NATO Secretary General held a meeting in Brussels.\nAzerbaijan is a reliable gas supplier.\n' >"$tmp/small.en"

# ---- Input that must be refused ----------------------------------------
expect 3 "mem: cannot read: .*; give a readable text file" "unreadable file" -- segment /proc/self/mem
if [ "$(id -u)" -ne 0 ]; then
  cp "$tmp/small.ru" "$tmp/locked.txt" && chmod 000 "$tmp/locked.txt"
  expect 3 "locked.txt: permission denied; make the file readable" "file without read permission" -- align "$tmp/locked.txt" "$tmp/small.en"
else
  skip "file without read permission" "root reads any file"
fi
expect 3 "is a directory; give a text file" "align: a directory" -- align "$tmp" "$tmp/small.en"
printf 'H\0e\0l\0l\0o\0 \0w\0o\0r\0l\0d\0.\0' >"$tmp/u16le.txt"
printf '\0H\0e\0l\0l\0o\0 \0w\0o\0r\0l\0d\0.' >"$tmp/u16be.txt"
printf 'H\0\0\0i\0\0\0.\0\0\0 \0\0\0O\0\0\0k\0\0\0.\0\0\0' >"$tmp/u32le.txt"
printf '\0\0\0H\0\0\0i\0\0\0.\0\0\0 \0\0\0O\0\0\0k\0\0\0.' >"$tmp/u32be.txt"
expect 3 "u16le.txt: the text looks like UTF-16LE without a byte order mark.*iconv -f UTF-16LE" "UTF-16LE without a byte order mark" -- align "$tmp/u16le.txt" "$tmp/small.en"
expect 3 "u16be.txt: the text looks like UTF-16BE .*iconv -f UTF-16BE" "UTF-16BE without a byte order mark" -- align "$tmp/small.ru" "$tmp/u16be.txt"
expect 3 "u32le.txt: the text looks like UTF-32LE .*iconv -f UTF-32LE" "UTF-32LE without a byte order mark" -- segment "$tmp/u32le.txt"
expect 3 "u32be.txt: the text looks like UTF-32BE .*iconv -f UTF-32BE" "UTF-32BE without a byte order mark" -- segment "$tmp/u32be.txt"
head -c 3000 "$sverka" >"$tmp/elf.bin"
expect 3 "elf.bin:1: NUL byte at byte [0-9]+ .*binary data, not text" "an executable" -- align "$tmp/elf.bin" "$tmp/small.en"
printf 'Text\x01\x02\x03\x04 with\x1b[0m\x1b[1m escapes\x7f.\n' >"$tmp/controls.txt"
expect 3 "controls.txt:1: control character U\+0001 at byte 4 \(column 5\), one of 7 in .*binary data" "text full of control characters" -- segment "$tmp/controls.txt"
: >"$tmp/empty.txt"
printf '\n \r\n\t\f\n' >"$tmp/blank.txt"
expect 3 "empty.txt: the file is empty" "align: an empty Russian side" -- align "$tmp/empty.txt" "$tmp/small.en"
expect 3 "blank.txt: the file holds only white space" "align: a white-space English side" -- align "$tmp/small.ru" "$tmp/blank.txt"
expect 3 "standard input: the file is empty" "align: empty standard input" -- align - "$tmp/small.en" </dev/null

printf '# sverka-lexicon 1\nмир\tpeace\n\nдом\thouse\tterm\tnoun\n' >"$tmp/fields.tsv"
expect 4 "fields.tsv:4: expected 2 to 3 tab-separated fields, found 4" "lexicon: too many fields (FILE:LINE)" -- align --lexicon "$tmp/fields.tsv" "$tmp/small.ru" "$tmp/small.en"
printf '# sverka-lexicon 1\nмир\tpeace\nдом\n' >"$tmp/onefield.tsv"
expect 4 "onefield.tsv:3: expected 2 to 3 tab-separated fields, found 1" "lexicon: one field (FILE:LINE)" -- align --lexicon "$tmp/onefield.tsv" "$tmp/small.ru" "$tmp/small.en"
printf 'мир\tpeace\n' >"$tmp/noformat.tsv"
expect 4 "noformat.tsv:1: expected the format line '# sverka-lexicon 1'" "lexicon: no format line" -- align --lexicon "$tmp/noformat.tsv" "$tmp/small.ru" "$tmp/small.en"
printf '# sverka-lexicon 7\nмир\tpeace\n' >"$tmp/version.tsv"
expect 4 "version.tsv:1: unsupported version" "lexicon: unknown version" -- align --lexicon "$tmp/version.tsv" "$tmp/small.ru" "$tmp/small.en"
expect 4 "nonexistent.tsv: cannot read the dictionary" "lexicon: missing file" -- align --lexicon "$tmp/nonexistent.tsv" "$tmp/small.ru" "$tmp/small.en"

mkdir -p "$tmp/no-hunspell"
expect 4 "hunspell dictionary .*/no-hunspell/ru_RU.dic not found; install the Debian package hunspell-ru" "missing Russian hunspell dictionary (--hunspell-dir)" -- align --hunspell-dir "$tmp/no-hunspell" "$tmp/small.ru" "$tmp/small.en"
cp /usr/share/hunspell/ru_RU.* "$tmp/no-hunspell/" 2>/dev/null
SVERKA_HUNSPELL_DIR=$tmp/no-hunspell expect 4 "hunspell dictionary .*/no-hunspell/en_US.dic not found; install the Debian package hunspell-en-us" "missing English hunspell dictionary (\$SVERKA_HUNSPELL_DIR)" -- align "$tmp/small.ru" "$tmp/small.en"
LD_PRELOAD=$no_stemmer ASAN_OPTIONS=verify_asan_link_order=0 expect 4 "the Snowball stemmer 'russian' is not available; install the Debian package libstemmer0d" "missing stemmer" -- align "$tmp/small.ru" "$tmp/small.en"
expect 5 "cannot write" "output in a missing folder" -- align "$tmp/small.ru" "$tmp/small.en" -o "$tmp/no/such/dir/out.tsv"
expect 2 "--mode: expected auto, parallel or comparable, found 'Parallel'" "option value in the wrong case" -- align --mode Parallel "$tmp/small.ru" "$tmp/small.en"
expect 2 "--fail-on: expected error or warning, found ''" "empty option value" -- align --fail-on= "$tmp/small.ru" "$tmp/small.en"

# ---- Input that must just work -----------------------------------------
# align_ok DESC RU EN [OPTION...]: aligns with the seed lexicon, then checks
# with check-output.py that nothing is lost and no row is broken.
align_ok () {
  local desc=$1 r=$2 e=$3
  shift 3
  : >"$tmp/err"
  # --langs ru,en: the files as given, even in the wrong scripts
  if "$sverka" align --langs ru,en --lexicon "$seed" --show-trimmed "$@" -o "$tmp/a.tsv" "$r" "$e" 2>"$tmp/a.err"; then
    local mode keep=()
    mode=$(sed -n 's/^sverka: mode \([a-z]*\) .*/\1/p' "$tmp/a.err")
    for o in "$@"; do [ "$o" = --keep-all ] && keep=(--keep-all); done
    if "$sverka" segment --ids --show-trimmed "${keep[@]}" --lang ru "$r" >"$tmp/r.ids" 2>"$tmp/r.err" \
       && "$sverka" segment --ids --show-trimmed "${keep[@]}" --lang en "$e" >"$tmp/e.ids" 2>"$tmp/e.err" \
       && check python3 "$check" segment "$r" "$tmp/r.ids" "$tmp/r.err" \
       && check python3 "$check" segment "$e" "$tmp/e.ids" "$tmp/e.err" \
       && check python3 "$check" align "$tmp/a.tsv" "$mode" "$tmp/r.ids" "$tmp/e.ids" "$r" "$tmp/r.err" "$e" "$tmp/e.err"; then
      ok "$desc ($mode, $(($(wc -l <"$tmp/a.tsv") - 1)) rows)"
      return 0
    fi
  else
    cp "$tmp/a.err" "$tmp/err"
  fi
  not_ok "$desc"
  return 1
}

"$sverka" align --langs ru,en "$en" "$ru" -o "$tmp/swap.tsv" 2>"$tmp/err"
if grep -q "warning: .*en.txt is given as the Russian side but 100% of its letters are Latin, and .*ru.txt as the English side but 100% Cyrillic: the files look swapped" "$tmp/err" && [ -s "$tmp/swap.tsv" ]; then
  ok "swapped files with --langs ru,en: warned, aligned as asked"
else not_ok "swapped files with --langs ru,en: warned, aligned as asked"; fi
cat "$en" | "$sverka" align - "$ru" -o "$tmp/swap.tsv" 2>"$tmp/err"
if grep -q "warning: standard input is given as the Russian side but 100% of its letters are Latin" "$tmp/err" && [ -s "$tmp/swap.tsv" ]; then
  ok "swapped files, one of them standard input (not read twice): warned, aligned as asked"
else not_ok "swapped files, one of them standard input (not read twice): warned, aligned as asked"; fi
"$sverka" align "$ru" "$ru" -o "$tmp/same.tsv" 2>"$tmp/err"
if grep -q "warning: both files look Russian" "$tmp/err" && [ -s "$tmp/same.tsv" ]; then
  ok "both files Russian: warned, aligned"
else not_ok "both files Russian: warned, aligned"; fi
"$sverka" align "$tmp/small.en" "$tmp/small.en" -o "$tmp/same.tsv" 2>"$tmp/err"
if grep -q "warning: both files look English" "$tmp/err" && [ "$(wc -l <"$tmp/same.tsv")" -eq 3 ]; then
  ok "both files English: warned, aligned"
else not_ok "both files English: warned, aligned"; fi
printf '2021 — 1994.\n' >"$tmp/digits.txt"
"$sverka" align "$tmp/digits.txt" "$tmp/small.en" -o "$tmp/same.tsv" 2>"$tmp/err"
if grep -q "warning: .*digits.txt has no letters" "$tmp/err" && ! grep -q "Latin" "$tmp/err"; then
  ok "a side without letters: warned as such"
else not_ok "a side without letters: warned as such"; fi
align_ok "swapped files: nothing lost" "$en" "$ru"

python3 - "$tmp" <<'PY'
import random, sys
random.seed(1)
tmp = sys.argv[1]
words = "peace security energy gas supplier meeting alliance partner region agreement".split()
with open(f"{tmp}/en10k.txt", "w") as f:
    for i in range(10000):
        f.write(" ".join(random.choice(words) for _ in range(7)).capitalize() + f" number {i}.\n")
with open(f"{tmp}/ru1.txt", "w") as f:
    f.write("Генеральный секретарь НАТО провёл встречу в Брюсселе.\n")
# Mixed scripts within words and sentences, Windows and old Mac line ends,
# tabs, form feeds and the Unicode line breaks.
with open(f"{tmp}/mixed.ru", "w", newline="") as f:
    f.write("В Брюсселе (Brussels) прошла встреча NATO и НАТО.\r\nКАМАЗ и K\u0410\u041c\u0410\u0417 — не одно и то же.\r\n"
            "Компания Apple выпустила iPhone.\tА Microsoft — нет.\f\nЦена 2,5 млн\u2028руб. за iPhone\u0085Pro.\r")
with open(f"{tmp}/mixed.en", "w", newline="") as f:
    f.write("A meeting of NATO took place in Brussels (Брюссель).\rKAMAZ and KAMA3 are not the same.\r"
            "Apple released the iPhone.\vMicrosoft did not.\x0c\nThe price is 2.5 million\u2029roubles.\r\n")
PY
align_ok "one sentence against 10,000 (auto)" "$tmp/ru1.txt" "$tmp/en10k.txt"
align_ok "10,000 sentences against one (parallel)" "$tmp/en10k.txt" "$tmp/ru1.txt" --mode parallel
align_ok "one sentence against 10,000 (comparable)" "$tmp/ru1.txt" "$tmp/en10k.txt" --mode comparable
align_ok "mixed scripts, CRLF, CR, tabs, form feeds, NEL, U+2028/9 (parallel)" "$tmp/mixed.ru" "$tmp/mixed.en" --mode parallel
align_ok "the same (comparable, --keep-all)" "$tmp/mixed.ru" "$tmp/mixed.en" --mode comparable --keep-all
"$sverka" tokens -q "$tmp/mixed.ru" >"$tmp/tok.tsv" 2>"$tmp/err"
if grep -q "^2	K$(printf 'АМАЗ')	.*mixed-script"  "$tmp/tok.tsv" && grep -q '^3	iPhone	.*latin.*foreign' "$tmp/tok.tsv"; then
  ok "mixed scripts: words flagged mixed-script and foreign"
else not_ok "mixed scripts: words flagged mixed-script and foreign"; fi
head -c 2097152 /dev/zero | tr '\0' 'a' | sed 's/a\{24\}/Мир и безопасность всем. /g' | tr -d '\n' >"$tmp/long.ru"
align_ok "a 2 MB line without a newline against a short text" "$tmp/long.ru" "$tmp/small.en" --mode comparable

# ---- Nothing lost -------------------------------------------------------
align_ok "bundled pair: nothing lost (auto)" "$ru" "$en"
align_ok "bundled pair: nothing lost (parallel)" "$ru" "$en" --mode parallel
align_ok "bundled pair: nothing lost (comparable, --keep-all)" "$ru" "$en" --mode comparable --keep-all
for pair in brussels-aliyev-1 brussels-aliyev-en-side; do
  align_ok "tests/notes/$pair: nothing lost" "$src/tests/notes/$pair.ru" "$src/tests/notes/$pair.en"
done
for f in "$src"/corpus/neighbours/*.txt; do
  "$sverka" segment --ids --show-trimmed "$f" >"$tmp/s.ids" 2>"$tmp/s.err"
  : >"$tmp/err"
  if check python3 "$check" segment "$f" "$tmp/s.ids" "$tmp/s.err"; then
    ok "segment $(basename "$f"): nothing lost"
  else not_ok "segment $(basename "$f"): nothing lost"; fi
done

# ---- Atomic output ------------------------------------------------------
"$sverka" align -q "$ru" "$en" -o "$tmp/ref.tsv" 2>"$tmp/err"
echo previous >"$tmp/prev.tsv"
chmod 640 "$tmp/prev.tsv"
# A write that fails half way (the file size limit, 4 KB, is below the
# TSV's size): exit 5, the previous file as it was, no temporary file left.
(ulimit -f 4; exec "$sverka" align -q "$ru" "$en" -o "$tmp/prev.tsv") 2>"$tmp/err"
rc=$?
if [ $rc -eq 5 ] && grep -q "prev.tsv: cannot write: write failed: File too large" "$tmp/err" \
   && [ "$(cat "$tmp/prev.tsv")" = previous ] && [ -z "$(ls "$tmp" | grep '^prev.tsv.')" ]; then
  ok "write failing half way: previous file kept, no temporary file"
else
  echo "# exit $rc; files: $(ls "$tmp" | grep prev)"
  not_ok "write failing half way: previous file kept, no temporary file"
fi
"$sverka" align -q "$ru" "$en" -o "$tmp/prev.tsv" 2>"$tmp/err"
if cmp -s "$tmp/prev.tsv" "$tmp/ref.tsv" && [ "$(stat -c %a "$tmp/prev.tsv")" = 640 ]; then
  ok "a replaced file keeps its mode"
else not_ok "a replaced file keeps its mode"; fi
# Killed while running (at whatever point the signal lands): the file is
# the previous one or the whole new one, and no temporary file is left.
for delay in 0.2 0.5 1 2; do
  echo previous >"$tmp/killed.tsv"
  "$sverka" align -q "$ru" "$en" -o "$tmp/killed.tsv" 2>"$tmp/err" &
  pid=$!
  sleep "$delay"
  kill -TERM "$pid" 2>/dev/null
  wait "$pid"
  if { [ "$(cat "$tmp/killed.tsv")" = previous ] || cmp -s "$tmp/killed.tsv" "$tmp/ref.tsv"; } \
     && [ -z "$(ls "$tmp" | grep '^killed.tsv.')" ]; then
    ok "killed after ${delay}s: previous or whole file, no temporary file"
  else
    echo "# files: $(ls "$tmp" | grep killed)"
    not_ok "killed after ${delay}s: previous or whole file, no temporary file"
  fi
done

# ---- Determinism ----------------------------------------------------------
# Locales: the standard ones, and ru_RU, tr_TR (dotted and dotless i) and
# de_DE (decimal comma) compiled into a private folder when the locale
# sources are installed (Debian package locales).
locales="C POSIX C.UTF-8 -"
if command -v localedef >/dev/null && [ -d /usr/share/i18n/locales ]; then
  mkdir -p "$tmp/locale"
  for l in ru_RU tr_TR de_DE; do
    localedef -i "$l" -f UTF-8 "$tmp/locale/$l.UTF-8" 2>/dev/null && locales="$locales $l.UTF-8"
  done
  export LOCPATH=$tmp/locale
fi
jobs=${SVERKA_TEST_JOBS:-1}
run_all () {
  local out=$1
  shift
  "$@" align -q --notes "$out.notes" --notes-md "$out.md" -o "$out.tsv" "$ru" "$en" \
    && "$@" align -q --mode parallel --notes "$out.pnotes" -o "$out.ptsv" "$tmp/mixed.ru" "$tmp/mixed.en" \
    && "$@" tokens -q -o "$out.tokens" "$tmp/mixed.ru"
}
run_all "$tmp/base" "$sverka" 2>"$tmp/err"
same=1
tried=""
for j in $jobs; do
  jopt=()
  [ "$j" != 1 ] && jopt=(-j "$j")
  for l in $locales; do
    for run in 1 2; do
      if [ "$l" = - ]; then
        env -u LC_ALL -u LANG -u LANGUAGE "$sverka" --version >/dev/null
        run_all "$tmp/x" env -u LC_ALL -u LANG "$sverka" "${jopt[@]}" 2>>"$tmp/err"
      else
        run_all "$tmp/x" env LC_ALL="$l" "$sverka" "${jopt[@]}" 2>>"$tmp/err"
      fi
      for ext in tsv notes md ptsv pnotes tokens; do
        if ! cmp -s "$tmp/base.$ext" "$tmp/x.$ext"; then
          same=0
          echo "# differs: LC_ALL=$l jobs=$j run $run: .$ext" >>"$tmp/err"
          diff "$tmp/base.$ext" "$tmp/x.$ext" | head -4 >>"$tmp/err"
        fi
      done
    done
  done
  tried="$tried $j"
done
if [ $same -eq 1 ] && [ -s "$tmp/base.tsv" ] && [ -s "$tmp/base.notes" ]; then
  ok "byte-identical outputs over 2 runs, LC_ALL in {$locales}, jobs in {${tried# }}"
else not_ok "byte-identical outputs over runs, locales and jobs"; fi

tap_done
