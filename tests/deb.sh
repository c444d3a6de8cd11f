#!/bin/bash
# The Debian packages (issue 23): a clean copy of the source tree (the files
# git tracks or would track) is built with `dpkg-buildpackage -us -uc -b`;
# lintian must report no error and no warning; each package must hold what
# it should; the packages are unpacked into a throw-away root, where the
# installed sverka must align the bundled pair with no source tree around,
# byte for byte as the build tree's binary does with the same dictionaries,
# `man` must render sverka(1), and the README's library example must
# compile with the packaged pkg-config file and run against the packaged
# libsverka.so. Nothing is installed on the machine.
# Usage: deb.sh SOURCE_ROOT BUILD_TREE_SVERKA. Prints TAP.
set -u
src=$1
build_sverka=$(readlink -f "$2")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$src/tests/tap.sh"
finish () { tap_done; exit; }

missing=""
for tool in dpkg-buildpackage dh lintian dpkg-deb dpkg-architecture pkg-config man; do
  command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
done
if [ -n "$missing" ]; then
  echo "missing:$missing (scripts/install-deps.sh --test installs them)" >"$tmp/err"
  not_ok "the packaging tools are installed"
  finish
fi

# A clean copy: what git tracks plus new files it does not ignore, as a clone
# of the commit would have them; without git, everything but build folders.
copy=$tmp/sverka
mkdir -p "$copy"
if git -C "$src" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  (cd "$src" && git ls-files -z --cached --others --exclude-standard \
     | while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done \
     | tar --null -T - -cf -) | tar -xf - -C "$copy"
else
  (cd "$src" && tar --exclude='./build*' --exclude='./obj-*' -cf - .) | tar -xf - -C "$copy"
fi
if [ -f "$copy/debian/control" ] && [ ! -e "$copy/build" ]; then
  ok "a clean copy of the source tree ($(find "$copy" -type f | wc -l) files)"
else
  not_ok "a clean copy of the source tree"
  finish
fi

if (cd "$copy" && dpkg-buildpackage -us -uc -b) >"$tmp/build.log" 2>&1; then
  ok "dpkg-buildpackage -us -uc -b"
else
  tail -30 "$tmp/build.log" >"$tmp/err"
  not_ok "dpkg-buildpackage -us -uc -b"
  finish
fi
if grep -q '^smoke: the bundled pair aligned' "$tmp/build.log"; then
  ok "the package build's own check ran: $(grep '^smoke:' "$tmp/build.log" | sed 's/^smoke: //')"
else
  not_ok "the package build's own check ran"
fi

changes=$(ls "$tmp"/sverka_*.changes)
lintian --fail-on error,warning "$changes" >"$tmp/lintian" 2>&1
rc=$?
grep -v '^running with root privileges' "$tmp/lintian" >"$tmp/err"
if [ "$rc" -eq 0 ] && ! grep -q '^[EW]:' "$tmp/err"; then
  ok "lintian: no errors, no warnings"
else
  not_ok "lintian: no errors, no warnings"
fi

arch=$(dpkg-architecture -qDEB_HOST_MULTIARCH)
deb () { ls "$tmp/$1"_*.deb 2>/dev/null | head -1; }
# has PACKAGE PATH...: every PATH is in the package.
has () {
  local pkg=$1 file list
  shift
  file=$(deb "$pkg")
  [ -n "$file" ] || { echo "no $pkg package" >"$tmp/err"; return 1; }
  list=$(dpkg-deb -c "$file" | awk '{ print $6 }' | sed 's|^\./|/|')
  for path in "$@"; do
    echo "$list" | grep -qx -- "$path" || { echo "$pkg lacks $path" >"$tmp/err"; return 1; }
  done
}
check_has () {
  local desc=$1
  shift
  if has "$@"; then ok "$desc"; else not_ok "$desc"; fi
}
check_has "sverka: /usr/bin/sverka, sverka(1), copyright" \
  sverka /usr/bin/sverka /usr/share/man/man1/sverka.1.gz /usr/share/doc/sverka/copyright
check_has "libsverka0: libsverka.so.0, the compiled lexicon and the tables of word forms and lemmas" \
  libsverka0 "/usr/lib/$arch/libsverka.so.0" "/usr/lib/$arch/libsverka.so.0.1.0" \
  "/usr/lib/$arch/sverka/compiled-ru-en.lex" "/usr/lib/$arch/sverka/forms-ru_RU.svk" \
  "/usr/lib/$arch/sverka/forms-en_US.svk" "/usr/lib/$arch/sverka/forms-en_GB.svk" \
  "/usr/lib/$arch/sverka/lemmas-ru_RU.svk" "/usr/lib/$arch/sverka/lemmas-en_US.svk"
check_has "libsverka-dev: the headers, libsverka.so and sverka.pc" \
  libsverka-dev /usr/include/sverka/sverka.h /usr/include/sverka/sverka-align.h \
  "/usr/lib/$arch/libsverka.so" "/usr/lib/$arch/pkgconfig/sverka.pc"
check_has "sverka-data: the dictionaries and the imported Mueller lexicon" \
  sverka-data /usr/share/sverka/dictionaries/ru-en.tsv /usr/share/sverka/dictionaries/ru/stopwords.txt \
  /usr/share/sverka/dictionaries/mueller7-ru-en.tsv /usr/share/doc/sverka-data/copyright
if dpkg-deb -c "$(deb libsverka-dev)" | grep -q 'private'; then
  echo "a -private.h header is packaged" >"$tmp/err"
  not_ok "libsverka-dev ships no -private.h header"
else
  ok "libsverka-dev ships no -private.h header"
fi
if [ "$(dpkg-deb -f "$(deb sverka-data)" Architecture)" = all ] \
   && dpkg-deb -f "$(deb sverka)" Depends | grep -q 'libsverka0 (= ' \
   && dpkg-deb -f "$(deb libsverka0)" Depends | grep -q 'sverka-data (= ' \
   && dpkg-deb -f "$(deb libsverka0)" Depends | grep -q 'hunspell-ru, hunspell-en-us, hunspell-en-gb' \
   && dpkg-deb -f "$(deb libsverka-dev)" Depends | grep -q 'libglib2.0-dev'; then
  ok "dependencies: sverka → libsverka0 → sverka-data and the three hunspell dictionaries; libsverka-dev → libglib2.0-dev; sverka-data is arch all"
else
  for p in sverka libsverka0 libsverka-dev sverka-data; do
    echo "$p: $(dpkg-deb -f "$(deb "$p")" Architecture Depends | tr '\n' ' ')"
  done >"$tmp/err"
  not_ok "package dependencies"
fi
if grep -q 'mueller7-ru-en.tsv' "$copy/debian/copyright" \
   && grep -q 'GPL-2+' "$copy/debian/copyright"; then
  ok "debian/copyright gives the imported Mueller lexicon's licence"
else
  not_ok "debian/copyright gives the imported Mueller lexicon's licence"
fi

# The throw-away root: every package unpacked, nothing installed.
root=$tmp/root
for p in sverka libsverka0 libsverka-dev sverka-data; do
  dpkg-deb -x "$(deb "$p")" "$root"
done
lib=$root/usr/lib/$arch
dicts=$root/usr/share/sverka/dictionaries
run=$tmp/run
mkdir -p "$run"
cp "$src/corpus/2021-12-14-brussels/ru.txt" "$src/corpus/2021-12-14-brussels/en.txt" "$run/"
if (cd "$run" && LD_LIBRARY_PATH=$lib SVERKA_DICT_DIR=$dicts "$root/usr/bin/sverka" align -q ru.txt en.txt \
      -o installed.tsv --notes installed-notes.tsv) 2>"$tmp/err" \
   && LD_LIBRARY_PATH=$lib ldd "$root/usr/bin/sverka" | grep -q "$lib/libsverka.so.0"; then
  ok "the packaged sverka, with the packaged libsverka.so.0, aligns the bundled pair away from the source tree"
else
  not_ok "the packaged sverka aligns the bundled pair"
  finish
fi
(cd "$run" && SVERKA_DICT_DIR=$dicts "$build_sverka" align -q ru.txt en.txt -o build.tsv --notes build-notes.tsv) 2>"$tmp/err"
if cmp -s "$run/installed.tsv" "$run/build.tsv" && cmp -s "$run/installed-notes.tsv" "$run/build-notes.tsv"; then
  ok "its TSV and notes are the build tree's, byte for byte ($(($(wc -l <"$run/installed.tsv") - 1)) rows, $(($(wc -l <"$run/installed-notes.tsv") - 1)) notes)"
else
  { diff "$run/installed.tsv" "$run/build.tsv"; diff "$run/installed-notes.tsv" "$run/build-notes.tsv"; } \
    | cut -c1-200 | head -8 >>"$tmp/err"
  not_ok "its TSV and notes are the build tree's"
fi
if [ "$(grep -cv '^#' "$dicts/mueller7-ru-en.tsv")" -gt 100000 ]; then
  ok "the packaged Mueller lexicon has $(grep -cv '^#' "$dicts/mueller7-ru-en.tsv") pairs"
else
  not_ok "the packaged Mueller lexicon has over 100,000 pairs"
fi

if MANWIDTH=80 man -l "$root/usr/share/man/man1/sverka.1.gz" 2>"$tmp/err" | grep -q 'sverka align'; then
  ok "man renders the packaged sverka(1)"
else
  not_ok "man renders the packaged sverka(1)"
fi

# The README's library example against the packaged development files.
awk '/^<!-- library example: tests\/install.sh compiles and runs it -->$/ { on = 1; next }
     on && /^```c$/ { in_code = 1; next }
     in_code && /^```$/ { exit }
     in_code { print }' "$src/README.md" >"$tmp/example.c"
# The packaged sverka.pc, its prefix moved to the throw-away root.
mkdir -p "$tmp/pc"
sed "s|^prefix=.*|prefix=$root/usr|" "$lib/pkgconfig/sverka.pc" >"$tmp/pc/sverka.pc"
flags=$(PKG_CONFIG_PATH=$tmp/pc pkg-config --cflags --libs sverka 2>"$tmp/err")
if echo "$flags" | grep -q -- "-I$root/usr/include/sverka" && echo "$flags" | grep -q -- "-lsverka"; then
  ok "pkg-config --cflags --libs sverka with the packaged sverka.pc"
else
  not_ok "pkg-config --cflags --libs sverka with the packaged sverka.pc"
fi
# shellcheck disable=SC2086
if cc -std=c17 -Wall -Wextra -Werror "$tmp/example.c" -o "$tmp/example" $flags >"$tmp/err" 2>&1 \
   && (cd "$run" && LD_LIBRARY_PATH=$lib SVERKA_DICT_DIR=$dicts "$tmp/example" ru.txt en.txt) >"$tmp/out" 2>"$tmp/err" \
   && tail -1 "$tmp/out" | grep -q "^$(($(wc -l <"$run/installed-notes.tsv") - 1)) notes$"; then
  ok "the README's library example builds and runs against the packaged library"
else
  not_ok "the README's library example builds and runs against the packaged library"
fi

finish
