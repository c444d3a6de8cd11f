#!/bin/bash
# A pair other than Russian and English (`--langs`): German and French,
# with their language packs and the seed lexicon dictionaries/de-fr.tsv, on
# tests/langs/de.txt and fr.txt (five German sentences, six French: the
# third French one has no counterpart). Usage: langs-cli.sh SVERKA
# SOURCE_ROOT. Prints TAP.
set -u
sverka=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$src/tests/tap.sh"

de=$src/tests/langs/de.txt
fr=$src/tests/langs/fr.txt

"$sverka" align --langs de,fr --split none --mode parallel "$de" "$fr" >"$tmp/out.tsv" 2>"$tmp/err"
check "exit 0" [ $? -eq 0 ]
check "the header names the pair" \
  [ "$(head -1 "$tmp/out.tsv")" = "$(printf 'de\tfr\tscore\tde_ids\tfr_ids')" ]
check "every sentence once, the extra French one alone" \
  [ "$(tail -n +2 "$tmp/out.tsv" | cut -f4,5 | tr '\t\n' ': ')" = "1:1 2:2 :3 3:4 4:5 5:6 " ]
# The lexicon takes part: the German words are analysed as German and the
# French as French, so Gletschern/glaciers and Hütten/cabanes meet through
# it; with a lexicon of nothing they do not.
check "the seed lexicon matches every German sentence (verdict: 5 of 5), the languages named" \
  grep -q "5 of 5 German sentences with content words match a French one" "$tmp/err"
"$sverka" align --langs de,fr --split none "$de" "$fr" >/dev/null 2>"$tmp/auto.err"
check "auto mode: parallel, its reason naming the languages" \
  grep -q "mode parallel (parallel: 5 German and 6 French sentences" "$tmp/auto.err"
printf '# sverka-lexicon 1\nXyzzy\tqwxz\n' >"$tmp/none.tsv"
"$sverka" align --langs de,fr --split none --mode parallel --lexicon "$tmp/none.tsv" "$de" "$fr" \
  >"$tmp/none.out" 2>"$tmp/none.err"
check "without the lexicon, none does (0 of 5)" \
  grep -q "0 of 5 German sentences with content words match" "$tmp/none.err"
check "with a lexicon of one entry, no unrelated verdict, and the reason said" \
  grep -q "judged for another pair than Russian and English only with a lexicon of 50000 entries or more; this one has 1)" "$tmp/none.err"
# With the default lexicons (the seed lexicon and FreeDict's, which the
# set-up installs) unrelated texts are told: the German text against five
# French sentences about cooking.
printf "La recette demande trois oeufs et un peu de farine.\nOn fait cuire la pâte à feu doux pendant dix minutes.\nLe marché du samedi vend des fromages de la région.\nLes enfants préfèrent les crêpes au sucre.\nLe boulanger ouvre sa boutique très tôt le matin.\n" >"$tmp/cook.fr"
"$sverka" align --langs de,fr --split none "$de" "$tmp/cook.fr" >"$tmp/cook.tsv" 2>"$tmp/cook.err"
check "unrelated German and French texts: the unrelated verdict, no row scored above 0.5" \
  bash -c "grep -q 'verdict unrelated (unrelated: ' '$tmp/cook.err' && [ \$(tail -n +2 '$tmp/cook.tsv' | awk -F '\t' '\$3 > 0.5' | wc -l) -eq 0 ]"
check "the German text and its translation: the verdict translation" \
  grep -q "verdict translation (translation: 5 German and 6 French sentences" "$tmp/err"
# The pair the other way round (fr,de) has no lexicon of its own: de-fr.tsv
# is read with its columns swapped, and matches as it does for de,fr.
"$sverka" align --langs fr,de --split none --mode parallel "$fr" "$de" >"$tmp/rev.tsv" 2>"$tmp/rev.err"
check "fr,de: the header names the pair" \
  [ "$(head -1 "$tmp/rev.tsv")" = "$(printf 'fr\tde\tscore\tfr_ids\tde_ids')" ]
check "fr,de: de-fr.tsv read the other way round, and said so" \
  grep -q "lexicons for fr-de read the other way round: de-fr.tsv" "$tmp/rev.err"
check "fr,de: the same links, sides swapped" \
  [ "$(tail -n +2 "$tmp/rev.tsv" | cut -f4,5 | tr '\t\n' ': ')" = "1:1 2:2 3: 4:3 5:4 6:5 " ]
check "fr,de: the lexicon matches every German sentence (5 of 6 French sentences match)" \
  grep -q "5 of 6 French sentences with content words match a German one" "$tmp/rev.err"
"$sverka" align -q --langs de,fr --split none --format vecalign "$de" "$fr" >"$tmp/out.vec" 2>"$tmp/err"
check "--format vecalign" [ "$(cut -d: -f1,2 "$tmp/out.vec" | tr '\n' ' ')" = "[0]:[0] [1]:[1] []:[2] [2]:[3] [3]:[4] [4]:[5] " ]

# The notes: the checks that need no Russian or English data, the others
# named as skipped.
"$sverka" align --langs de,fr --split none "$de" "$fr" -o /dev/null --notes "$tmp/n.tsv" \
  --notes-jsonl "$tmp/n.jsonl" 2>"$tmp/err"
check "notes: exit 0" [ $? -eq 0 ]
check "notes TSV: the header names the pair" \
  [ "$(head -1 "$tmp/n.tsv")" = "$(printf 'kind\tseverity\tde_ids\tfr_ids\tde_text\tfr_text\tmessage')" ]
check "notes: the extra French sentence is an omission, named in the pair's terms" \
  [ "$(tail -n +2 "$tmp/n.tsv" | cut -f1,2,4,7)" = "$(printf 'omission\terror\t3\tfr sentence with no German counterpart')" ]
check "notes JSON Lines: the pair's keys" grep -q '"de_ids": \[\], "fr_ids": \[3\]' "$tmp/n.jsonl"
check "every check is made for de,fr: none named as not made" \
  bash -c "! grep -q 'not checked' '$tmp/err'"
# The name check for any pair: a name the German dictionary does not know
# (every German noun is capitalised: `capitalised-nouns`) put for another
# is an error; a name spelled a little differently is the same name.
printf 'Die Träger erreichten am Abend die Hütten unter den Gletschern.\nAm Abend traf Morawec die Träger im Lager.\nDer Sturm zerriss in der Nacht drei Zelte am Grat.\nAm Morgen sah Dyhrenfurth frischen Schnee auf allen Felsen.\n' >"$tmp/nm.de"
printf 'Les porteurs atteignirent les cabanes sous les glaciers le soir.\nLe soir, Ratay rejoignit les porteurs au camp.\nLa tempête déchira trois tentes sur l’arête pendant la nuit.\nLe matin, Dyhrenfurt vit la neige fraîche sur tous les rochers.\n' >"$tmp/nm.fr"
"$sverka" align -q --langs de,fr --split none --mode parallel "$tmp/nm.de" "$tmp/nm.fr" -o /dev/null --notes "$tmp/nm.tsv"
check "name: Morawec / Ratay is one name put for another; Dyhrenfurth / Dyhrenfurt no note" \
  [ "$(tail -n +2 "$tmp/nm.tsv" | cut -f1-4,7)" = "$(printf 'name\terror\t2\t2\tde Morawec; fr Ratay: no match for these names on the other side')" ]
# The spelling check for any pair: a typo one edit from a word the
# dictionary knows, on either side; "coeur" for "cœur", a German title in
# the French text and a part of a word joined by an apostrophe are none.
printf 'Die Träger erreichten am Abend die Hütten unter den Gletschern.\nIm Nebel verloren zwei Bergsteiger den Weg zum Lager.\nDer Sturm zerrisss in der Nacht drei Zelte am Grat.\n' >"$tmp/sp.de"
printf "Les porteurs atteignirent les cabanes sous les glaciers le soir, le coeur léger.\nDans le brouillard, deux alpinistes perdirent le chemin du campp.\nLa tempête déchira trois tentes sur l'arête pendant la nuit, comme le dit Die Alpen aujourd' hui.\n" >"$tmp/sp.fr"
"$sverka" align -q --langs de,fr --split none --mode parallel "$tmp/sp.de" "$tmp/sp.fr" -o /dev/null --notes "$tmp/sp.tsv"
check "spelling: zerrisss and campp, no more" \
  [ "$(tail -n +2 "$tmp/sp.tsv" | cut -f1-4 | sort)" = "$(printf 'spelling\twarning\t\t2\nspelling\twarning\t3\t')" ]
# The date check reads the months from the packs (months.tsv): a month that
# differs, and a numeric date against a spelled one (German and French put
# the day first).
printf 'Die Expedition erreichte den Gipfel am 14. März 2021.\nIm Mai 1956 kam die zweite Seilschaft.\nDas Lager wurde am 14.03.2021 abgebrochen.\n' >"$tmp/d.de"
printf "L'expédition atteignit le sommet le 14 mars 2021.\nEn avril 1956 vint la deuxième cordée.\nLe camp fut levé le 15 mars 2021.\n" >"$tmp/d.fr"
"$sverka" align -q --langs de,fr --split none --mode parallel "$tmp/d.de" "$tmp/d.fr" -o /dev/null --notes "$tmp/d.tsv"
check "date: the months differ (Mai / avril), the dates differ (14.03.2021 / 15 mars 2021), no more" \
  [ "$(tail -n +2 "$tmp/d.tsv" | cut -f1-4,7)" = "$(printf 'date\twarning\t2\t2\tde "Mai" = May; fr "avril": the months differ\ndate\terror\t3\t3\tde "14.03.2021" = 2021-03-14; fr "15 mars 2021" = 2021-03-15: the dates differ')" ]
# A pack without months.tsv: the date check is skipped, and named; the
# number check, which needs no months, reads the spelled date's figures.
cp -r "$src/dictionaries" "$tmp/dict"
sed -i 's/ months / /' "$tmp/dict/fr/language.tsv"
"$sverka" align --dict-dir "$tmp/dict" --langs de,fr --split none --mode parallel "$tmp/d.de" "$tmp/d.fr" \
  -o /dev/null --notes "$tmp/d2.tsv" 2>"$tmp/err"
check "a pack without months: no date check, named as not made; the figures of '15 mars 2021' a number note" \
  bash -c "[ \"\$(tail -n +2 '$tmp/d2.tsv' | cut -f1-4,7)\" = \"\$(printf 'date\twarning\t3\t3\tde none; fr 15 = 15, 2021 = 2021')\" ] && grep -q 'not checked for de and fr: date (these checks need data files the packs lack)' '$tmp/err'"
# Times of day from the packs' times.tsv: German "15.30 Uhr" is French "15
# h 30", "15h30" or "15 h. 30"; the number check leaves their figures to
# the time check. Figures are read in both languages' ways (French "2e").
printf 'Um 15.30 Uhr verliessen sie das Lager.\nUm 20.30 Uhr erreichten sie den Gipfel.\nDer Gipfel ist 6719 m hoch.\nSie kamen als Zweite an, am 7. Juli um 13.30 Uhr.\n' >"$tmp/t.de"
printf "A 15h30 ils quittèrent le camp.\nA 21 h. 30 ils atteignirent le sommet.\nLe sommet a 6179 m.\nIls arrivèrent 2e, le 7 juillet à 13 h 30.\n" >"$tmp/t.fr"
"$sverka" align -q --langs de,fr --split none --mode parallel "$tmp/t.de" "$tmp/t.fr" -o /dev/null --notes "$tmp/t.tsv"
check "times and numbers for de and fr: 20.30 Uhr / 21 h. 30 a time error, 6719 / 6179 a number error, no more" \
  [ "$(tail -n +2 "$tmp/t.tsv" | cut -f1-4,7)" = "$(printf 'time\terror\t2\t2\tde "20.30 Uhr" = 20:30; fr "21 h. 30" = 21:30: the times differ\nnumber\terror\t3\t3\tde 6719 = 6719; fr 6179 = 6179')" ]
sed -i 's/ times / /' "$tmp/dict/fr/language.tsv"
"$sverka" align --dict-dir "$tmp/dict" --langs de,fr --split none --mode parallel "$tmp/t.de" "$tmp/t.fr" \
  -o /dev/null --notes /dev/null 2>"$tmp/err"
check "a pack without times.tsv: the time check named as not made" \
  grep -q 'not checked for de and fr: date, time (' "$tmp/err"
# Weekdays from the packs' weekdays.tsv: a German weekday against another
# French one, and a weekday beside a date that fell on another day
# ("Montag, den 14. Dezember 2021": a Tuesday; the French "mardi 14
# décembre 2021" is right); "die Montage" (an assembly) is no Monday.
printf 'Am Montag, den 14. Dezember 2021, brachen sie auf.\nAm Dienstag erreichten sie das Lager.\nDie Montage der Hütte dauerte lange.\n' >"$tmp/w.de"
printf "Le mardi 14 décembre 2021, ils partirent.\nLe mercredi ils atteignirent le camp.\nLe montage de la cabane dura longtemps.\n" >"$tmp/w.fr"
"$sverka" align -q --langs de,fr --split none --mode parallel "$tmp/w.de" "$tmp/w.fr" -o /dev/null --notes "$tmp/w.tsv"
check "weekdays for de and fr: Montag / mardi an error, Montag beside 14. Dezember 2021 a warning, Dienstag / mercredi an error, no more" \
  [ "$(tail -n +2 "$tmp/w.tsv" | cut -f1-4,7)" = "$(printf 'weekday\terror\t1\t1\tde "Montag" = Monday; fr "mardi" = Tuesday: the weekdays differ\nweekday\twarning\t1\t\tde "Montag" beside "14. Dezember 2021": 14 December 2021 was a Tuesday, not a Monday\nweekday\terror\t2\t2\tde "Dienstag" = Tuesday; fr "mercredi" = Wednesday: the weekdays differ')" ]
# A German sentence left in the French text (a pair of one script: told by
# the stop words of the other language, "im", "den", "zum").
sed -n 2p "$de" >"$tmp/line2"
awk 'NR==FNR { l = $0; next } FNR == 2 { print l; next } { print }' "$tmp/line2" "$fr" >"$tmp/u.fr"
"$sverka" align -q --langs de,fr --split none --mode parallel "$de" "$tmp/u.fr" -o /dev/null --notes "$tmp/u.tsv"
check "untranslated for de and fr: the German sentence in the French text is an error, copied" \
  grep -q "^untranslated	error		2	.*	fr sentence in German, the same as on the other side: untranslated$" "$tmp/u.tsv"
sed 's/Gletschern/Gl\xd0\xb5tschern/' "$de" >"$tmp/mixed.de"
"$sverka" align -q --langs de,fr --split none "$tmp/mixed.de" "$fr" -o /dev/null --notes "$tmp/mixed.tsv"
check "notes: a German word with a Cyrillic look-alike letter is a mixed-script error, in the pair's terms" \
  grep -q "^mixed-script	error	1		.*	de \"Gl.tschern\": е (U+0435, Cyrillic) in a Latin word; search and spelling miss it$" "$tmp/mixed.tsv"
"$sverka" align -q --langs de,fr --split none "$de" "$fr" -o /dev/null --notes-md "$tmp/n.md" 2>"$tmp/err"
check "Markdown notes: the languages named in the heading and the sections" \
  bash -c "grep -q '^German: .*, French: ' '$tmp/n.md' && ! grep -q '^Not checked'  '$tmp/n.md' && grep -q '^## French sentences with no counterpart (omissions) (1)' '$tmp/n.md' && grep -q '> \*\*fr 3\*\*' '$tmp/n.md'"
# An XLIFF file of the pair (French to German, as a CAT tool exports it).
{
  printf '<?xml version="1.0" encoding="UTF-8"?>\n'
  printf '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="fr-CH" trgLang="de-CH">\n<file id="f">\n'
  paste -d '\t' <(sed -n '1,2p;4,6p' "$fr") "$de" | awk -F '\t' '{ printf "<unit id=\"u%d\"><segment><source>%s</source><target>%s</target></segment></unit>\n", NR, $1, $2 }'
  printf '</file>\n</xliff>\n'
} >"$tmp/frde.xlf"
"$sverka" align --langs de,fr "$tmp/frde.xlf" >"$tmp/xlf.tsv" 2>"$tmp/err"
check "XLIFF: exit 0, 5 segments, French to German" \
  bash -c "[ $? -eq 0 ] && grep -q 'frde.xlf: 5 segments, French to German' '$tmp/err'"
check "XLIFF: the German first, as --langs gives the pair, each unit a row" \
  bash -c "[ \"\$(head -1 '$tmp/xlf.tsv')\" = \"\$(printf 'de\tfr\tscore\tde_ids\tfr_ids')\" ] && [ \"\$(sed -n 2p '$tmp/xlf.tsv' | cut -f1,4,5)\" = \"\$(printf 'Die Träger erreichten am Abend die Hütten unter den Gletschern.\t1\t1')\" ] && [ \$(wc -l <'$tmp/xlf.tsv') -eq 6 ]"
sed 's/ srcLang="fr-CH" trgLang="de-CH"//' "$tmp/frde.xlf" >"$tmp/nolang.xlf"
"$sverka" align --langs de,fr "$tmp/nolang.xlf" >/dev/null 2>"$tmp/err"
check "XLIFF naming no languages, a pair of one script: the source is the pair's first language" \
  grep -q 'nolang.xlf: 5 segments, German to French' "$tmp/err"
sed 's/srcLang="fr-CH" trgLang="de-CH"/srcLang="en" trgLang="ru"/' "$tmp/frde.xlf" >"$tmp/enru.xlf"
expect 3 "enru.xlf: an XLIFF file from en to ru; the pair asked for is de and fr" \
  "XLIFF of another pair than --langs: refused, both named" -- align --langs de,fr "$tmp/enru.xlf"

# --accept: the notes TSV of the pair, its header in the pair's codes.
"$sverka" align --langs de,fr --split none "$de" "$fr" -o /dev/null --notes "$tmp/n2.tsv" \
  --accept "$tmp/n.tsv" 2>"$tmp/err"
check "--accept: the accepted omission left out, and said so" \
  bash -c "[ \$(wc -l <'$tmp/n2.tsv') -eq 1 ] && grep -q '1 note accepted in .*n.tsv left out' '$tmp/err'"
printf 'kind\tseverity\tru_ids\ten_ids\tru_text\ten_text\tmessage\n' >"$tmp/accept-ru-en.tsv"
expect 3 "accept-ru-en.tsv:1: expected the header of the notes TSV \(kind, severity, de_ids, fr_ids, de_text, fr_text, message\)" \
  "--accept: a Russian-English accept file refused for de,fr, the header expected named" -- \
  align --langs de,fr "$de" "$fr" --notes "$tmp/n3.tsv" --accept "$tmp/accept-ru-en.tsv"
check "... and no notes file left" [ ! -e "$tmp/n3.tsv" ]
"$sverka" align -q --langs de,fr --split none --format jsonl "$de" "$fr" >"$tmp/out.jsonl" 2>"$tmp/err"
check "JSON Lines: the pair's codes as keys" \
  [ "$(head -1 "$tmp/out.jsonl" | grep -o '"[a-z_]*":' | tr '\n' ' ')" = '"de": "fr": "score": "de_ids": "fr_ids": ' ]
"$sverka" align -q --langs de,fr --split none --format jsonl --jsonl-style hf "$de" "$fr" >"$tmp/out.hf" 2>"$tmp/err"
check "JSON Lines (hf): the pair's codes" grep -q '^{"translation": {"de": "Die Träger' "$tmp/out.hf"
"$sverka" align -q --langs de,fr --split none --format tmx "$de" "$fr" >"$tmp/out.tmx" 2>"$tmp/err"
check "TMX: srclang and xml:lang are the pair's codes" \
  [ "$(grep -c '<tuv xml:lang="de">' "$tmp/out.tmx"):$(grep -c '<tuv xml:lang="fr">' "$tmp/out.tmx"):$(grep -c 'srclang="de"' "$tmp/out.tmx")" = "5:5:1" ]
check "... its properties too" grep -q 'x-sverka-fr-ids' "$tmp/out.tmx"
"$sverka" align -q --langs de,fr --split none --format moses -o "$tmp/m" "$de" "$fr" 2>"$tmp/err"
check "Moses: PREFIX.de and PREFIX.fr, five lines each" \
  [ "$(wc -l <"$tmp/m.de"):$(wc -l <"$tmp/m.fr")" = "5:5" ]
"$sverka" align -q --langs de,fr --split none --out-dir "$tmp/od" "$de" "$fr" 2>"$tmp/err"
check "--out-dir: every output in the pair's names, the report too" \
  [ "$(ls "$tmp/od" | tr '\n' ' ')" = "alignment.de alignment.fr alignment.jsonl alignment.ladder alignment.tmx alignment.tsv alignment.vecalign alignment.xces alignment.xces.de.xml alignment.xces.fr.xml notes.jsonl notes.md notes.tsv report.html " ]
check "... the XCES link file names the pair's sentence files" \
  grep -q 'fromDoc="alignment.xces.de.xml" toDoc="alignment.xces.fr.xml"' "$tmp/od/alignment.xces"
"$sverka" align -q --langs de,fr --split none --format tmx --tmx-lang de-CH,fr-CH "$de" "$fr" >"$tmp/ch.tmx"
check "--tmx-lang de-CH,fr-CH: the pair's tags on srclang and every tuv" \
  bash -c "grep -q 'srclang=\"de-CH\"' '$tmp/ch.tmx' && [ \$(grep -c 'xml:lang=\"de-CH\"' '$tmp/ch.tmx') -eq 5 ] && [ \$(grep -c 'xml:lang=\"fr-CH\"' '$tmp/ch.tmx') -eq 5 ] && ! grep -q 'xml:lang=\"de\"' '$tmp/ch.tmx'"
expect 2 "--tmx-lang: expected the language tags of de and fr, comma-separated \(e.g. de-XX,fr-XX\), found 'ru-RU,en-US'" \
  "--tmx-lang of another pair's languages refused" -- \
  align --langs de,fr "$de" "$fr" --format tmx --tmx-lang ru-RU,en-US
# The HTML report in the pair's languages: its columns, map, counts and
# gaps named German and French, the texts' lang attributes the codes.
"$sverka" align -q --langs de,fr --split none --mode parallel "$de" "$fr" -o /dev/null --html "$tmp/r.html"
check "HTML: the columns, the map's axes and the counts name German and French" \
  bash -c "grep -q '<span>German</span><span>French</span><span>notes</span>' '$tmp/r.html' && grep -q '&#x2190; German sentence' '$tmp/r.html' && grep -q 'French sentence &#x2192;' '$tmp/r.html' && grep -q '5 German and 6 French sentences in 6 rows' '$tmp/r.html' && grep -q 'no German counterpart' '$tmp/r.html'"
check "HTML: the texts' lang attributes are the pair's codes, Russian and English named nowhere" \
  bash -c "[ \$(grep -o 'lang=\"de\"' '$tmp/r.html' | wc -l) -eq 6 ] && [ \$(grep -o 'lang=\"fr\"' '$tmp/r.html' | wc -l) -eq 6 ] && [ \$(grep -c 'Russian' '$tmp/r.html') -eq 0 ]"
"$sverka" align -q --langs de,fr --split none --mode comparable "$de" "$fr" -o /dev/null --html "$tmp/rc.html"
check "HTML, comparable: the report view names the pair, with the review editor and the pair's codes for its file" \
  bash -c "grep -q 'The report (German), sentence by sentence' '$tmp/rc.html' && grep -q 'The source (French)' '$tmp/rc.html' && grep -q 'sverka_review' '$tmp/rc.html' && grep -q 'data-langs=\"de fr\"' '$tmp/rc.html'"
expect 4 "no language pack for 'xx'.*the packs in .*de, en, fr, ru" \
  "an unknown code: the packs there are named" -- align --langs xx,fr "$de" "$fr"
expect 2 "expected two language codes separated by a comma" "one code" -- \
  align --langs de "$de" "$fr"
expect 2 "both 'de'" "twice the same" -- align --langs de,de "$de" "$fr"
expect 2 "'D\\.E' is not a language code" "a code that is no code" -- align --langs D.E,fr "$de" "$fr"

# sverka batch --langs: the corpus's columns, files and keys named by the pair.
printf 'id\tde_path\tfr_path\na\t%s\t%s\nb\t%s\t%s\n' "$de" "$fr" "$de" "$fr" >"$tmp/manifest.tsv"
"$sverka" batch -q --langs de,fr -j 2 --format jsonl,tmx,moses,xces --out-dir "$tmp/batch" \
  "$tmp/manifest.tsv" 2>"$tmp/err"
check "batch: exit 0, corpus.tsv's header names the pair" \
  [ "$(head -1 "$tmp/batch/corpus.tsv")" = "$(printf 'id\tde\tfr\tscore\tde_ids\tfr_ids')" ]
check "batch: 12 rows, the Moses corpus corpus.de and corpus.fr (10 lines each)" \
  [ "$(tail -n +2 "$tmp/batch/corpus.tsv" | wc -l):$(wc -l <"$tmp/batch/corpus.de"):$(wc -l <"$tmp/batch/corpus.fr")" = "12:10:10" ]
check "batch: each pair's files named by the codes, its notes in the pair's terms" \
  bash -c "[ -s '$tmp/batch/pairs/a.xces.de.xml' ] && [ -s '$tmp/batch/pairs/b.fr' ] && grep -q 'fr sentence with no German counterpart' '$tmp/batch/pairs/a.notes.tsv'"
check "batch: the combined JSON Lines and TMX in the pair's keys and tags" \
  bash -c "grep -q '\"de_ids\": \[1\]' '$tmp/batch/corpus.jsonl' && grep -q 'srclang=\"de\"' '$tmp/batch/corpus.tmx'"
cp "$tmp/batch/corpus.tsv" "$tmp/corpus-first.tsv"
"$sverka" batch -q --resume --langs de,fr -j 2 --format jsonl,tmx,moses,xces --out-dir "$tmp/batch" \
  "$tmp/manifest.tsv" 2>"$tmp/err"
check "batch --resume reads the pairs back by their codes' names: the same corpus" \
  cmp -s "$tmp/corpus-first.tsv" "$tmp/batch/corpus.tsv"

# A translation table learned for the pair: its words analysed by its
# packs (read as ru-en, the German side has no Cyrillic word to learn).
printf 'Der Gletscher ist groß.\tLe glacier est grand.\nDer Gletscher schmilzt schnell.\tLe glacier fond vite.\nDie Hütte ist klein.\tLa cabane est petite.\nDie Hütte brennt lichterloh.\tLa cabane brûle entièrement.\n' >"$tmp/corpus.tsv"
"$sverka" lexicon train --langs de,fr -o "$tmp/learned.tsv" "$tmp/corpus.tsv" 2>"$tmp/err"
check "lexicon train --langs de,fr: Gletscher/glacier and Hütte/cabane learned" \
  [ "$(grep -v '^#' "$tmp/learned.tsv" | cut -f1,2 | tr '\t\n' ': ')" = "gletscher:glacier hütte:cabane " ]
check "... the sides named" grep -q "(8 German and 8 French stems)\|German and .* French stems" "$tmp/err"

# The default pair is as it was: no --langs and --langs ru,en give the same bytes.
printf 'Президент прибыл в Брюссель.\n' >"$tmp/ru.txt"
printf 'The President arrived in Brussels.\n' >"$tmp/en.txt"
"$sverka" align -q "$tmp/ru.txt" "$tmp/en.txt" >"$tmp/a.tsv" 2>"$tmp/err"
"$sverka" align -q --langs ru,en "$tmp/ru.txt" "$tmp/en.txt" >"$tmp/b.tsv" 2>>"$tmp/err"
check "--langs ru,en is the default" cmp -s "$tmp/a.tsv" "$tmp/b.tsv"
"$sverka" align "$tmp/ru.txt" "$tmp/en.txt" -o /dev/null --notes "$tmp/ru-en.notes" 2>"$tmp/err"
check "ru,en: every check made, none named as skipped" \
  bash -c "! grep -q 'not checked' '$tmp/err' && head -1 '$tmp/ru-en.notes' | grep -q '^kind.severity.ru_ids.en_ids.ru_text.en_text.message$'"
check "... whose header is ru en" [ "$(head -1 "$tmp/a.tsv" | cut -f1,2)" = "$(printf 'ru\ten')" ]
tap_done
