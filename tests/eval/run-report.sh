#!/bin/bash
# The report-only evaluations (WMT21, WMT23): measure and report, never tune
# on them (see README.md). One summary line per set, as run-dev.sh prints.
#
#   tests/eval/run-report.sh SVERKA [SCORE_OPTION...]
#
# WMT23 is built from its real paragraphs: the set's lines on lines of their
# own, a blank line between paragraphs (real-lines), and as running text,
# each paragraph's lines joined by spaces (real).
set -u
if [ $# -lt 1 ] || [ "$1" = "-h" ] || [ "$1" = "--help" ]; then
	echo "usage: $0 SVERKA [SCORE_OPTION...]" >&2
	exit 2
fi
sverka=$1
shift
here=$(cd "$(dirname "$0")" && pwd)
exec env RUN_DEV_SETS=report "$here/run-dev.sh" "$sverka" "$@"
