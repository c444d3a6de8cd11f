#!/bin/bash
# The command line of the output formats: --format, --jsonl-style, --out-dir,
# --notes-jsonl, moses's two files, --help with every option's default, and
# the man page against --help. Usage: formats-cli.sh SVERKA SOURCE_ROOT.
# Prints TAP. (The formats' content is checked by formats.py.)
set -u
sverka=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$src/tests/tap.sh"

ru=$src/corpus/2021-12-14-brussels/ru.txt
en=$src/corpus/2021-12-14-brussels/en.txt
printf 'Первая строка.\nВторая \xff строка.\n' >"$tmp/bad-utf8.txt"

expect 2 "--format: expected tsv, tmx, jsonl, ladder or moses, found 'xml'" "bad --format value" -- align --format xml "$ru" "$en"
expect 2 "--jsonl-style: expected sverka or hf, found 'hub'" "bad --jsonl-style value" -- align --jsonl-style hub "$ru" "$en"
expect 2 "--format moses writes two files.*-o PREFIX.*--out-dir" "moses to standard output is refused" -- align --format moses "$ru" "$en"
expect 2 "--format moses writes two files" "moses to -o - is refused" -- align --format moses -o - "$ru" "$en"
expect 5 "cannot create the output folder" "--out-dir under a file" -- align -q --out-dir "$ru/sub" "$ru" "$en"

# --out-dir: creates nested folders, writes exactly the documented files,
# nothing on standard output.
"$sverka" align -q --out-dir "$tmp/a/b" "$ru" "$en" >"$tmp/stdout" 2>"$tmp/err"
listed=$("$sverka" --help | sed -n 's/^  \(\(alignment\|notes\|report\)\.[a-z]*\) .*/\1/p' | sort | tr '\n' ' ')
written=$(ls "$tmp/a/b" | sort | tr '\n' ' ')
if [ "$listed" = "$written" ] && [ ! -s "$tmp/stdout" ] && [ "$(echo $written | wc -w)" -eq 10 ]; then
  ok "--out-dir writes the 10 files --help lists: $written"
else
  echo "# --help lists: $listed; written: $written"
  not_ok "--out-dir writes the files --help lists"
fi

# Each --format on standard output is the file --out-dir writes.
for f in tsv tmx jsonl ladder; do
  if "$sverka" align -q --format "$f" "$ru" "$en" 2>"$tmp/err" | cmp -s - "$tmp/a/b/alignment.$f"; then
    ok "--format $f = alignment.$f"
  else
    not_ok "--format $f = alignment.$f"
  fi
done
"$sverka" align -q --notes-jsonl "$tmp/notes.jsonl" -o /dev/null "$ru" "$en" 2>"$tmp/err"
if cmp -s "$tmp/notes.jsonl" "$tmp/a/b/notes.jsonl"; then ok "--notes-jsonl = notes.jsonl"; else not_ok "--notes-jsonl = notes.jsonl"; fi

# moses -o PREFIX writes PREFIX.ru and PREFIX.en, the files --out-dir writes.
"$sverka" align -q --format moses -o "$tmp/corpus" "$ru" "$en" 2>"$tmp/err"
if cmp -s "$tmp/corpus.ru" "$tmp/a/b/alignment.ru" && cmp -s "$tmp/corpus.en" "$tmp/a/b/alignment.en" \
   && [ "$(wc -l <"$tmp/corpus.ru")" -eq "$(wc -l <"$tmp/corpus.en")" ] && [ -s "$tmp/corpus.ru" ]; then
  ok "--format moses -o PREFIX writes PREFIX.ru and PREFIX.en, $(wc -l <"$tmp/corpus.ru") lines each"
else
  not_ok "--format moses -o PREFIX writes PREFIX.ru and PREFIX.en"
fi

# --out-dir with -o: both; --jsonl-style reaches the --out-dir file too.
"$sverka" align -q --out-dir "$tmp/c" --jsonl-style hf --format tmx -o "$tmp/c.tmx" "$ru" "$en" 2>"$tmp/err"
if cmp -s "$tmp/c.tmx" "$tmp/c/alignment.tmx" && head -1 "$tmp/c/alignment.jsonl" | grep -q '^{"translation": {"ru": '; then
  ok "--out-dir with -o writes both; --jsonl-style applies to the folder"
else
  not_ok "--out-dir with -o writes both; --jsonl-style applies to the folder"
fi

# A failed run creates no folder and leaves a previous one as it was.
expect 3 "bad-utf8.txt:2: invalid UTF-8" "bad input with --out-dir" -- align --out-dir "$tmp/none" "$tmp/bad-utf8.txt" "$en"
if [ ! -e "$tmp/none" ]; then ok "failed run creates no output folder"; else not_ok "failed run creates no output folder"; fi
cp -r "$tmp/a/b" "$tmp/before"
"$sverka" align -q --out-dir "$tmp/a/b" "$tmp/bad-utf8.txt" "$en" 2>"$tmp/err"
if diff -r "$tmp/before" "$tmp/a/b" >"$tmp/err"; then ok "failed run leaves the previous folder"; else not_ok "failed run leaves the previous folder"; fi

# Same bytes whatever the locale.
LC_ALL=C "$sverka" align -q --out-dir "$tmp/lc-c" "$ru" "$en" 2>"$tmp/err"
LANG= LC_ALL= "$sverka" align -q --out-dir "$tmp/lc-none" "$ru" "$en" 2>>"$tmp/err"
if diff -r "$tmp/lc-c" "$tmp/a/b" >>"$tmp/err" && diff -r "$tmp/lc-none" "$tmp/a/b" >>"$tmp/err"; then
  ok "--out-dir files are the same under LC_ALL=C, C.UTF-8 and none"
else
  not_ok "--out-dir files are the same under any locale"
fi

# --help: every option with its default, at the top level and for align.
"$sverka" --help >"$tmp/help" 2>"$tmp/err"
"$sverka" align --help >"$tmp/align-help" 2>>"$tmp/err"
opts=$(grep -oE '^  (-[a-z], )?--[a-z-]+' "$tmp/help" | grep -oE -- '--[a-z-]+' | sort -u)
no_default=$(grep -E '^  (-[a-z], )?--[a-z-]+' "$tmp/help" | grep -vE -- '--(help|version)' | grep -v '\[default' || true)
align_opts=$(grep -oE '^  (-[a-z], )?--[a-z-]+' "$tmp/align-help" | grep -oE -- '--[a-z-]+' | sort -u)
if [ "$(echo "$opts" | wc -l)" -ge 17 ] && [ -z "$no_default" ] && [ "$opts" = "$align_opts" ] \
   && grep -q 'align RU EN' "$tmp/help" && grep -q 'sverka align \[OPTION' "$tmp/align-help"; then
  ok "--help and align --help list all $(echo "$opts" | wc -l) options, each with its default"
else
  echo "# without a default: $no_default"
  not_ok "--help and align --help list every option with its default"
fi

# The man page: every option of --help and every --out-dir file, no groff
# warnings.
man=$src/doc/sverka.1
missing=""
for o in $opts $(echo $written); do
  grep -q -- "$(echo "$o" | sed 's/-/\\\\-/g')" "$man" || missing="$missing $o"
done
if [ -z "$missing" ]; then ok "sverka.1 documents every option and --out-dir file"; else echo "# missing:$missing"; not_ok "sverka.1 documents every option"; fi
if groff -man -Tutf8 -ww -z "$man" >"$tmp/err" 2>&1 && [ ! -s "$tmp/err" ]; then
  ok "sverka.1 formats without groff warnings"
else
  not_ok "sverka.1 formats without groff warnings"
fi

tap_done
