#!/bin/bash
# The installed library: `meson install --destdir` into a temporary folder,
# then the README's library example compiled with the installed pkg-config
# file, header and shared library, and run on the bundled pair; its beads
# must be the CLI's TSV. Usage: install.sh BUILD_ROOT SOURCE_ROOT CC SANITIZE.
# Prints TAP.
set -u
build=$1
src=$2
cc=$3
sanitize=${4:-none}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$src/tests/tap.sh"
finish () { tap_done; exit; }

dest=$tmp/dest
if meson install -C "$build" --destdir "$dest" --no-rebuild >"$tmp/err" 2>&1; then
  ok "meson install --destdir"
else
  not_ok "meson install --destdir"
  finish
fi

pc=$(find "$dest" -name sverka.pc | head -1)
prefix=$(sed -n 's/^prefix=//p' "$pc" 2>/dev/null)
root=$dest$prefix
libdir=$(dirname "$(dirname "$pc")")
dicts=$root/share/sverka/dictionaries
if [ -n "$pc" ] && [ -f "$root/include/sverka/sverka.h" ] && [ -z "$(ls "$root/include/sverka" | grep private)" ] \
   && ls "$libdir"/libsverka.so* >/dev/null 2>&1 && [ -f "$dicts/ru-en.tsv" ] && [ -f "$root/bin/sverka" ] \
   && [ -f "$root/share/man/man1/sverka.1" ]; then
  ok "installed: sverka.pc, include/sverka/ (no -private.h), libsverka.so, dictionaries, bin/sverka, sverka.1"
else
  find "$dest" >"$tmp/err"
  not_ok "installed files"
fi
if [ -d "$build/dictionaries" ] && [ -f "$build/dictionaries/mueller7-ru-en.tsv" ]; then
  if cmp -s "$build/dictionaries/mueller7-ru-en.tsv" "$dicts/mueller7-ru-en.tsv"; then
    ok "the imported Mueller lexicon is installed beside the dictionaries"
  else
    not_ok "the imported Mueller lexicon is installed beside the dictionaries"
  fi
fi

# The example, exactly as the README gives it.
awk '/^<!-- library example: tests\/install.sh compiles and runs it -->$/ { on = 1; next }
     on && /^```c$/ { in_code = 1; next }
     in_code && /^```$/ { exit }
     in_code { print }' "$src/README.md" >"$tmp/example.c"
lines=$(grep -cv '^\s*$' "$tmp/example.c")
if [ "$lines" -ge 10 ] && [ "$lines" -le 22 ]; then
  ok "the README example: $lines lines"
else
  echo "# $lines non-blank lines" >"$tmp/err"
  not_ok "the README example is there and short"
fi

san=()
[ "$sanitize" != "none" ] && [ -n "$sanitize" ] && san=("-fsanitize=$sanitize")
# The installed sverka.pc, moved to where --destdir put the files (as a
# packager's staging folder would need).
mkdir -p "$tmp/pc"
sed "s|^prefix=.*|prefix=$root|" "$pc" >"$tmp/pc/sverka.pc"
export PKG_CONFIG_PATH=$tmp/pc
flags=$(pkg-config --cflags --libs sverka 2>"$tmp/err")
if [ -n "$flags" ] && echo "$flags" | grep -q -- "-I$root/include/sverka" && echo "$flags" | grep -q -- "-lsverka"; then
  ok "pkg-config --cflags --libs sverka: $(echo "$flags" | sed "s|$tmp|TMP|g")"
else
  not_ok "pkg-config --cflags --libs sverka"
fi
# shellcheck disable=SC2086
if "$cc" -std=c17 -Wall -Wextra -Werror "${san[@]}" "$tmp/example.c" -o "$tmp/example" $flags \
     -Wl,-rpath,"$libdir" >"$tmp/err" 2>&1; then
  ok "the example compiles against the installed library"
else
  not_ok "the example compiles against the installed library"
  finish
fi

pair=$src/corpus/2021-12-14-brussels
if SVERKA_DICT_DIR=$dicts "$tmp/example" "$pair/ru.txt" "$pair/en.txt" >"$tmp/out" 2>"$tmp/err" \
   && ldd "$tmp/example" | grep -q "$libdir/libsverka.so"; then
  ok "the example runs on the bundled pair with the installed libsverka.so"
else
  not_ok "the example runs on the bundled pair with the installed libsverka.so"
  finish
fi
# Its beads are the CLI's: ru, en, score of every TSV row; then the notes.
SVERKA_DICT_DIR=$dicts "$build/align/sverka" align -q "$pair/ru.txt" "$pair/en.txt" --notes "$tmp/notes.tsv" \
  | tail -n +2 | cut -f1-3 >"$tmp/cli"
echo "$(($(wc -l <"$tmp/notes.tsv") - 1)) notes" >>"$tmp/cli"
if cmp -s "$tmp/out" "$tmp/cli"; then
  ok "the example prints the CLI's $(($(wc -l <"$tmp/cli") - 1)) beads and the notes count"
else
  diff "$tmp/out" "$tmp/cli" | head >"$tmp/err"
  not_ok "the example prints the CLI's beads"
fi

# Bad input: the example reports the library's message.
printf 'Вторая \xff строка.\n' >"$tmp/bad.txt"
if ! SVERKA_DICT_DIR=$dicts "$tmp/example" "$tmp/bad.txt" "$pair/en.txt" >/dev/null 2>"$tmp/err" \
   && grep -q "Russian text:1: invalid UTF-8" "$tmp/err"; then
  ok "the example reports bad input with the library's message"
else
  not_ok "the example reports bad input with the library's message"
fi

finish
