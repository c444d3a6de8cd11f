#!/bin/sh
# One data-driven segmentation case through the command line:
#   run-cli-segment-case.sh SVERKA INPUT EXPECTED
set -u
sverka=$1 input=$2 expected=$3
out=$("$sverka" segment -q "$input") || { echo "not ok 1 - $input: exit $?"; exit 1; }
echo "1..1"
if [ "$out" = "$(cat "$expected")" ]; then
  echo "ok 1 - $input"
else
  echo "not ok 1 - $input"
  printf '%s\n' "$out" | diff "$expected" - | sed 's/^/# /'
  exit 1
fi
