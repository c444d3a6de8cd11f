#!/bin/bash
# What lexicon learning adds to link F1, starting from the seed lexicon
# alone (no Mueller import): for each development set, the pairs are
# aligned with the seed lexicon, then `sverka batch --learn` learns entries
# from a first pass over the whole set, and the set is scored again with
# the seed lexicon plus the learned entries.
#
#   tests/eval/learn-eval.sh SVERKA [SCORE_OPTION...]
#
# Prints two score.py lines per set (seed, seed+learned) and the number of
# entries learned. Data: ../shared/data or $SVERKA_EVAL_DATA. Learning
# uses no gold: only the aligner's own confident beads. $SVERKA_LEARN_BASE,
# space-separated lexicon files, replaces the seed lexicon as the base (e.g.
# the seed and build/dictionaries/mueller7-ru-en.tsv); $SVERKA_LEARN_SETS
# limits the sets run (space-separated names).
set -u

if [ $# -lt 1 ]; then
	echo "usage: $0 SVERKA [SCORE_OPTION...]" >&2
	exit 2
fi
sverka=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
shift
here=$(cd "$(dirname "$0")" && pwd)
base=${SVERKA_LEARN_BASE:-$(cd "$here/../.." && pwd)/dictionaries/ru-en.tsv}
lex=()
for f in $base; do
	lex+=(--lexicon "$f")
done
py=${PYTHON:-python3}
data_opt=()
if [ -n "${SVERKA_EVAL_DATA:-}" ]; then
	data_opt=(--data "$SVERKA_EVAL_DATA")
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sverka-learn.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

status=0
run() {
	name=$1
	shift
	if [ -n "${SVERKA_LEARN_SETS:-}" ] && [[ " $SVERKA_LEARN_SETS " != *" $name "* ]]; then
		return
	fi
	dir=$tmp/$name
	if ! "$py" "$here/make_pairs.py" -q "${data_opt[@]}" "$@" "$dir"; then
		echo "$name: make_pairs failed"
		status=1
		return
	fi
	for d in "$dir"/*/; do
		d=${d%/}
		printf '%s\t%s\t%s\n' "$(basename "$d")" "$d/ru.txt" "$d/en.txt"
	done > "$tmp/$name.manifest"
	"$py" "$here/score.py" --oneline --label "$name-seed" --sverka "$sverka" \
		--cmd "{sverka} align --keep-all -q --mode {mode} ${lex[*]} {ru} {en}" \
		"$dir" || status=1
	if ! "$sverka" batch -q --keep-all --mode parallel --no-notes "${lex[@]}" \
		--learned-lexicon "$tmp/$name.learned.tsv" --out-dir "$tmp/$name.out" \
		"$tmp/$name.manifest"; then
		echo "$name: sverka batch --learn failed"
		status=1
		return
	fi
	"$py" "$here/score.py" --oneline --label "$name-seed+learned" --sverka "$sverka" \
		--cmd "{sverka} align --keep-all -q --mode {mode} ${lex[*]} --lexicon $tmp/$name.learned.tsv {ru} {en}" \
		"$dir" || status=1
	echo "$name: $(grep -vc '^#' "$tmp/$name.learned.tsv") entries learned"
	if [ -n "${SVERKA_LEARN_KEEP:-}" ]; then
		cp "$tmp/$name.learned.tsv" "$SVERKA_LEARN_KEEP/$name.learned.tsv"
	fi
}

run ntrex            --set ntrex
run ntrex-del-ru10   --set ntrex --delete-frac 0.1 --delete-side ru --seed 1
run wmt22-enru       --set wmt22-enru
run wmt22-enru-del10 --set wmt22-enru --delete-frac 0.1 --delete-side ru --seed 1
run wmt22-ruen       --set wmt22-ruen
exit $status
