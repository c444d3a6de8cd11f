#!/bin/sh
# Runs each libFuzzer harness (fuzz/) for SECONDS, one at a time on one
# core, over a seed corpus made from corpus/, tests/ and dictionaries/ plus
# the corpus kept from earlier runs (build-fuzz/fuzz-corpus/). Configures
# and builds build-fuzz/ first (clang, -Dfuzz=true, ASan and UBSan).
#
# Usage: scripts/fuzz.sh [--build-dir DIR] [--only load|lexicon|align|review|json|office|xliff|pdf|bitext|compiled|wordforms|freedict|language-pack|times|weekdays|word-break|sentence-break] SECONDS [LIBFUZZER_ARG...]
#
# Prints, for each harness, the executions, coverage (libFuzzer's cov: and
# ft:) and the crashes, whose inputs are saved in DIR/fuzz-crashes/. Exits
# with 1 if any harness crashed, leaked or hung. A crash input belongs in
# tests/regress/fuzz-NAME/ once fixed (see tests/regress/README.md).
set -eu
cd "$(dirname "$0")/.."
src=$(pwd)
build=build-fuzz
only=""
while [ $# -gt 0 ]; do
  case $1 in
    --build-dir) build=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    *) break ;;
  esac
done
[ $# -ge 1 ] || { echo "usage: scripts/fuzz.sh [--build-dir DIR] [--only NAME] SECONDS" >&2; exit 2; }
seconds=$1
shift

if [ ! -f "$build/build.ninja" ]; then
  CC=clang meson setup "$build" -Dfuzz=true -Db_sanitize=address,undefined -Db_lundef=false \
    -Ddefault_library=static -Dtests=false -Dmueller7_index= -Dfreedict_deu_fra_index= \
    -Dfreedict_fra_deu_index= >/dev/null
fi
# Inside `meson compile fuzz` the harnesses are already built (and ninja is
# busy): do not run it again.
[ -n "${MESON_BUILD_ROOT:-}" ] || meson compile -C "$build" >/dev/null

export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
export ASAN_OPTIONS="detect_leaks=1"
export SVERKA_DICT_DIR="$src/dictionaries"
seeds=$build/fuzz-seeds
rm -rf "$seeds"
python3 scripts/fuzz-seeds.py "$src" "$seeds"
mkdir -p "$build/fuzz-crashes"
status=0
for name in load lexicon align review json office xliff pdf bitext compiled wordforms freedict language-pack times weekdays word-break sentence-break; do
  [ -z "$only" ] || [ "$only" = "$name" ] || continue
  case $name in
    load) max_len=4096; dict=fuzz/text.dict ;;
    lexicon) max_len=4096; dict=fuzz/lexicon.dict ;;
    align) max_len=3072; dict=fuzz/text.dict ;;
    review) max_len=2048; dict=fuzz/review.dict ;;
    json) max_len=4096; dict=fuzz/review.dict ;;
    office) max_len=4096; dict=fuzz/office.dict ;;
    xliff) max_len=4096; dict=fuzz/xliff.dict ;;
    pdf) max_len=16384; dict=fuzz/pdf.dict ;;
    bitext) max_len=4096; dict=fuzz/bitext.dict ;;
    compiled) max_len=4096; dict=fuzz/lexicon.dict ;;
    wordforms) max_len=4096; dict=fuzz/wordforms.dict ;;
    freedict) max_len=2048; dict=fuzz/freedict.dict ;;
    language-pack) max_len=2048; dict=fuzz/language-pack.dict ;;
    times) max_len=2048; dict=fuzz/times.dict ;;
    weekdays) max_len=2048; dict=fuzz/weekdays.dict ;;
    word-break) max_len=512; dict=fuzz/text.dict ;;
    sentence-break) max_len=1024; dict=fuzz/text.dict ;;
  esac
  corpus=$build/fuzz-corpus/$name
  mkdir -p "$corpus"
  regress=tests/regress/fuzz-$name
  dirs="$corpus $seeds/$name"
  [ -d "$regress" ] && dirs="$dirs $regress"
  log=$build/fuzz-$name.log
  # shellcheck disable=SC2086
  if "$build/fuzz/fuzz-$name" $dirs -max_total_time="$seconds" -max_len="$max_len" \
       -dict="$dict" -timeout=30 -rss_limit_mb=2048 -print_final_stats=1 \
       -artifact_prefix="$build/fuzz-crashes/$name-" "$@" >"$log" 2>&1; then
    result=ok
  else
    result=FAILED
    status=1
  fi
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  last=$(grep -E '^#[0-9]+' "$log" | tail -1 | sed 's/^#[0-9]* *[A-Z]* *//')
  echo "fuzz-$name: $result, ${seconds}s, ${execs:-?} executions; $last"
  if [ "$result" != ok ]; then
    grep -E 'ERROR|SUMMARY|property failed|Test unit written' "$log" | head -8 | sed 's/^/  /'
  fi
done
exit $status
