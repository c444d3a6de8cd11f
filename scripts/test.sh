#!/bin/sh
# The whole test suite: installs what is missing, builds and tests sverka
# normally (with valgrind memcheck on the CLI), then again with
# AddressSanitizer and UndefinedBehaviorSanitizer (UBSan halts: see
# tests/meson.build; the Debian packages are built and checked in the
# normal build only), then runs each libFuzzer harness for 20 seconds. The
# sanitizer build does not import the Mueller dictionary: loading 120,000
# entries takes a minute per run there, and the seed lexicon exercises the
# same code.
set -eu
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
scripts/build.sh
meson test -C build --print-errorlogs
[ -f build-asan/build.ninja ] \
  || meson setup build-asan -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug \
       -Dmueller7_index=
meson compile -C build-asan
meson test -C build-asan --print-errorlogs --no-suite package
# The libFuzzer harnesses (clang, build-fuzz/): built and run briefly, over
# their seed corpus and the regression inputs, so that they do not rot.
fuzz_failed=0
scripts/fuzz.sh 20 || fuzz_failed=1
passed=$(cat build/meson-logs/testlog.json build-asan/meson-logs/testlog.json | grep -c '"result": "OK"' || true)
failed=$(cat build/meson-logs/testlog.json build-asan/meson-logs/testlog.json | grep -c '"result": "\(FAIL\|ERROR\|TIMEOUT\)"' || true)
echo "tests: $passed passed, $((failed + fuzz_failed)) failed"
[ "$fuzz_failed" -eq 0 ]
