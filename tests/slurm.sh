#!/bin/bash
# A sharded batch on a real Slurm cluster of one machine (Debian's slurm-wlm
# and munge): munged, slurmctld and slurmd are started with a private
# configuration under a temporary folder, on 127.0.0.1 only (nothing is
# written to /etc); scripts/slurm/submit.sh submits a 3-task array of
# `sverka batch --shard K/3` and a merge job that depends on it; the merged
# outputs must equal one `sverka batch` of the whole manifest byte for byte.
# Then a lost shard: the merge refuses and lists it in retry.txt, a rerun of
# that task alone and a second merge give the same outputs. Every daemon
# started is stopped by its pid. Usage: slurm.sh SVERKA SOURCE_ROOT. TAP;
# skips only when slurm-wlm or munge is not installed.
set -u
sverka=$(realpath "$1")
src=$(realpath "$2")
for p in munged mungekey slurmctld slurmd sbatch squeue sinfo; do
  if ! command -v "$p" >/dev/null 2>&1 && [ ! -x "/usr/sbin/$p" ]; then
    echo "1..0 # SKIP $p is not installed (Debian packages slurm-wlm and munge)"
    exit 0
  fi
done
if [ "$(id -u)" != 0 ]; then
  echo "1..0 # SKIP slurmd runs jobs as their user only when started as root"
  exit 0
fi
PATH=$PATH:/usr/sbin
tmp=$(mktemp -d)
chmod 700 "$tmp"
pids=()
stop () {
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null
  done
  for pid in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null
  done
  rm -rf "$tmp"
}
trap stop EXIT
. "$src/tests/tap.sh"
tap_lines=0

# ---- the cluster ----
mkdir -m 700 "$tmp/munge" "$tmp/state" "$tmp/spool" "$tmp/log" "$tmp/work"
mungekey -c -k "$tmp/munge/munge.key" -b 1024 2>"$tmp/err"
munged -f --socket="$tmp/munge/sock" --key-file="$tmp/munge/munge.key" \
  --log-file="$tmp/log/munged.log" --pid-file="$tmp/munge/pid" --seed-file="$tmp/munge/seed" \
  2>"$tmp/err"
for _ in $(seq 50); do [ -s "$tmp/munge/pid" ] && break; sleep 0.1; done
pids+=("$(cat "$tmp/munge/pid")")
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat >"$tmp/slurm.conf" <<CONF
ClusterName=sverkatest
SlurmctldHost=localhost(127.0.0.1)
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=$(id -un)
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$tmp/munge/sock
CredType=cred/munge
StateSaveLocation=$tmp/state
SlurmdSpoolDir=$tmp/spool
SlurmctldPidFile=$tmp/slurmctld.pid
SlurmdPidFile=$tmp/slurmd.pid
SlurmctldLogFile=$tmp/log/slurmctld.log
SlurmdLogFile=$tmp/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
MpiDefault=none
SwitchType=switch/none
ReturnToService=2
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
JobCompType=jobcomp/none
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=test Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF=$tmp/slurm.conf
slurmctld -i >"$tmp/log/slurmctld.out" 2>&1
for _ in $(seq 100); do [ -s "$tmp/slurmctld.pid" ] && break; sleep 0.1; done
[ -s "$tmp/slurmctld.pid" ] && pids+=("$(cat "$tmp/slurmctld.pid")")
slurmd >"$tmp/log/slurmd.out" 2>&1
for _ in $(seq 100); do [ -s "$tmp/slurmd.pid" ] && break; sleep 0.1; done
[ -s "$tmp/slurmd.pid" ] && pids+=("$(cat "$tmp/slurmd.pid")")
up=0
for _ in $(seq 300); do
  if sinfo -h -o %t 2>/dev/null | grep -qx idle; then up=1; break; fi
  sleep 0.1
done
if [ $up = 1 ]; then
  ok "munged, slurmctld and slurmd up on 127.0.0.1 (port $port)"
else
  cat "$tmp/log/"* >"$tmp/err" 2>/dev/null
  not_ok "munged, slurmctld and slurmd up on 127.0.0.1"
  tap_done
  exit 1
fi

# ---- the batch: eight pairs, one of them failing ----
notes=$src/tests/notes
{
  i=0
  for f in "$notes"/*.ru; do
    i=$((i + 1))
    [ $i -gt 7 ] && break
    printf '%s\t%s\t%s\n' "$(basename "$f" .ru)" "$f" "${f%.ru}.en"
    [ $i -eq 3 ] && printf 'missing\tnope.ru\tnope.en\n'
  done
} >"$tmp/work/manifest.tsv"
opts=(--no-notes --lexicon "$src/dictionaries/ru-en.tsv")
"$sverka" batch -q -j 1 "${opts[@]}" --out-dir "$tmp/work/one" "$tmp/work/manifest.tsv" 2>"$tmp/err"

wait_jobs () {
  for _ in $(seq 1200); do
    [ -z "$(squeue -h -o %i 2>/dev/null)" ] && return 0
    sleep 0.1
  done
  return 1
}
same_as_one () {
  diff -r "$tmp/work/one/pairs" "$1/pairs" >"$tmp/err" 2>&1 \
    && for f in corpus.tsv verdicts.tsv failed.tsv; do cmp "$tmp/work/one/$f" "$1/$f" || return 1; done >>"$tmp/err" 2>&1
}

ids=$(cd "$tmp/work" && SVERKA=$sverka SBATCH_OPTIONS="--chdir=$tmp/work" \
  "$src/scripts/slurm/submit.sh" "$tmp/work/manifest.tsv" "$tmp/work/out" 3 "${opts[@]}" 2>"$tmp/err")
if [ -n "$ids" ] && wait_jobs; then
  ok "submit.sh: a 3-task array and a merge job ($ids) ran to the end"
else
  not_ok "submit.sh: a 3-task array and a merge job ran to the end"
fi
if same_as_one "$tmp/work/out"; then
  ok "the merged shards equal one sverka batch: pairs/, corpus.tsv, verdicts.tsv, failed.tsv"
else
  cat "$tmp/work"/*.log >>"$tmp/err" 2>/dev/null
  not_ok "the merged shards equal one sverka batch"
fi
if grep -q "^missing	" "$tmp/work/out/failed.tsv"; then
  ok "the failed pair's shard counted as done, the pair listed in failed.tsv"
else
  not_ok "the failed pair's shard counted as done, the pair listed in failed.tsv"
fi

# ---- a lost shard: refused, listed, rerun alone, merged ----
rm -rf "$tmp/work/out/shard-2" "$tmp/work/out/corpus.tsv"
"$src/scripts/slurm/sverka-merge.sbatch" "$tmp/work/out" 3 2>"$tmp/err"
rc=$?
if [ $rc = 1 ] && [ "$(cat "$tmp/work/out/retry.txt" 2>/dev/null)" = 2 ] && [ ! -e "$tmp/work/out/corpus.tsv" ] \
   && grep -q -- "--array=2 " "$tmp/err"; then
  ok "a missing shard: the merge exits 1, merges nothing and lists it in retry.txt"
else
  not_ok "a missing shard: the merge exits 1, merges nothing and lists it in retry.txt"
fi
(cd "$tmp/work" && SVERKA=$sverka sbatch --parsable --chdir="$tmp/work" --array=2 \
  "$src/scripts/slurm/sverka-shard.sbatch" "$tmp/work/manifest.tsv" "$tmp/work/out" 3 "${opts[@]}" \
  >/dev/null 2>"$tmp/err")
wait_jobs
"$src/scripts/slurm/sverka-merge.sbatch" "$tmp/work/out" 3 2>"$tmp/err"
if [ $? = 0 ] && [ ! -e "$tmp/work/out/retry.txt" ] && same_as_one "$tmp/work/out"; then
  ok "shard 2 rerun alone, merged again: the same outputs"
else
  not_ok "shard 2 rerun alone, merged again: the same outputs"
fi
tap_done
