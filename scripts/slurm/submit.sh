#!/bin/sh
# Submits a sharded sverka batch to Slurm: an array of N shard tasks, then a
# merge job that runs once they all succeeded. Prints the two job ids.
#
#   scripts/slurm/submit.sh MANIFEST OUT_DIR N [BATCH_OPTION...]
#
# Extra sbatch options go in $SBATCH_OPTIONS (e.g. "--partition=cpu
# --cpus-per-task=4"); $SVERKA names the sverka program.
set -eu
[ $# -ge 3 ] || { echo "usage: $0 MANIFEST OUT_DIR N [BATCH_OPTION...]" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
manifest=$1
out=$2
n=$3
shift 3
# shellcheck disable=SC2086
array=$(sbatch --parsable ${SBATCH_OPTIONS:-} --array="1-$n" "$here/sverka-shard.sbatch" \
  "$manifest" "$out" "$n" "$@")
array=${array%%;*}
# shellcheck disable=SC2086
merge=$(sbatch --parsable ${SBATCH_OPTIONS:-} --dependency="afterok:$array" \
  "$here/sverka-merge.sbatch" "$out" "$n")
echo "$array ${merge%%;*}"
