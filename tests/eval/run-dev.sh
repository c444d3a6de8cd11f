#!/bin/bash
# The standard development evaluations of the aligner: one summary line per set.
#
#   tests/eval/run-dev.sh SVERKA [SCORE_OPTION...]
#
# SVERKA is the sverka binary; the other arguments go to score.py (e.g.
# --mode auto, --jobs 4, --cmd '...'). Pairs are built in a temporary folder,
# removed at the end. Data: ../shared/data next to the repository, or
# $SVERKA_EVAL_DATA. Development sets only: the report-only sets (wmt21,
# wmt23) are not run here. Exits 1 if a set could not be built or scored.
set -u

if [ $# -lt 1 ] || [ "$1" = "-h" ] || [ "$1" = "--help" ]; then
	echo "usage: $0 SVERKA [SCORE_OPTION...]" >&2
	exit 2
fi
sverka=$1
shift
score_args=("$@")
if [ ! -x "$sverka" ]; then
	echo "$0: $sverka: not an executable" >&2
	exit 2
fi

here=$(cd "$(dirname "$0")" && pwd)
py=${PYTHON:-python3}
data_opt=()
if [ -n "${SVERKA_EVAL_DATA:-}" ]; then
	data_opt=(--data "$SVERKA_EVAL_DATA")
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sverka-eval.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

status=0
n=0
# name  make_pairs options
run() {
	name=$1
	shift
	n=$((n + 1))
	dir=$tmp/$n-$name
	if ! "$py" "$here/make_pairs.py" -q "${data_opt[@]}" "$@" "$dir"; then
		echo "$name: make_pairs failed"
		status=1
		return
	fi
	"$py" "$here/score.py" --oneline --sverka "$sverka" --label "$name" \
		"${score_args[@]}" "$dir"
	rc=$?
	if [ $rc -ne 0 ]; then
		echo "$name: score.py exit $rc"
		status=1
	fi
}


if [ "${RUN_DEV_SETS:-dev}" = report ]; then
	run wmt23-ruen-lines       --set wmt23-ruen --paragraphs real-lines
	run wmt23-ruen-lines-del10 --set wmt23-ruen --paragraphs real-lines --delete-frac 0.1 --delete-side ru --seed 1
	run wmt23-ruen-real        --set wmt23-ruen --paragraphs real
	run wmt21-ruen             --set wmt21-ruen
	run wmt21-ruen-del10       --set wmt21-ruen --delete-frac 0.1 --delete-side ru --seed 1
	exit $status
fi
run ntrex            --set ntrex
run ntrex-del-ru10   --set ntrex --delete-frac 0.1 --delete-side ru --seed 1
run ntrex-del-en10   --set ntrex --delete-frac 0.1 --delete-side en --seed 2
run wmt22-enru       --set wmt22-enru
run wmt22-enru-del10 --set wmt22-enru --delete-frac 0.1 --delete-side ru --seed 1
run wmt24            --set wmt24
# The documents as running text: each set's lines on lines of their own
# (WMT22 has no paragraph ids: a document is one paragraph), and as one
# paragraph whose lines are joined by spaces, which only the sentence
# segmenter can split again (score.py prints the ceiling that the
# segmentation allows).
run wmt22-enru-lines       --set wmt22-enru --paragraphs real-lines
run wmt22-enru-lines-del10 --set wmt22-enru --paragraphs real-lines --delete-frac 0.1 --delete-side ru --seed 1
run wmt22-ruen-lines       --set wmt22-ruen --paragraphs real-lines
run wmt22-ruen-lines-del10 --set wmt22-ruen --paragraphs real-lines --delete-frac 0.1 --delete-side ru --seed 1
run wmt22-enru-doc         --set wmt22-enru --paragraphs doc
run wmt22-ruen-doc         --set wmt22-ruen --paragraphs doc

exit $status
