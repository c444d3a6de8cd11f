#!/usr/bin/python3
"""Aligns a JSON Lines file of pairs with `sverka stream` on a Dask cluster.

Usage: dask-align.py [--scheduler ADDRESS | --scheduler-file FILE]
                     [--partitions N] [--sverka PATH] IN.jsonl OUT.jsonl
                     [-- STREAM_OPTION...]

IN.jsonl holds `sverka stream` records ({"id": ..., "ru": ..., "en": ...},
one a line). It is cut into N partitions of consecutive lines (default:
twice the workers' threads); each partition is piped through `sverka stream
-q -j 1 [STREAM_OPTION...]` on a worker (sverka must be installed there, or
--sverka names it), and the records come back in input order into OUT.jsonl,
written under a temporary name and renamed. The output is the same as one
`sverka stream` of the whole file, byte for byte: the line numbers of error
records, which each `sverka stream` counts from its partition's start, are
shifted back to the file's.

Without --scheduler or --scheduler-file, a local cluster of one worker per
core is started (dask.distributed.LocalCluster). For machines reached by
SSH, start the cluster with `dask ssh` (Debian: python3-distributed, and
asyncssh) and give its scheduler's address.

Exit status: 0 when every partition was aligned; 1 when a worker failed
(sverka missing, or a partition's `sverka stream` exited non-zero), with the
partition and its error on standard error and no output written; 2 usage.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile


def align_partition(lines, sverka, options):
    """Runs on a worker: one `sverka stream` over the partition's lines."""
    r = subprocess.run([sverka, "stream", "-q", "-j", "1"] + options,
                       input="".join(lines).encode("utf-8"), capture_output=True)
    if r.returncode != 0:
        raise RuntimeError(f"sverka stream exited {r.returncode}: "
                           f"{r.stderr.decode('utf-8', 'replace').strip()}")
    return r.stdout.decode("utf-8")


# An error record of `sverka stream`: {"id":…,"line":N,"error":"line N: …"}.
ERROR_LINE = re.compile(r'("line":)(\d+)(,"error":"line )(\d+)(: )')


def shift_lines(text, offset):
    """The records of one partition, their error records' line numbers
    counted from the start of the file instead of the partition's."""
    if offset == 0:
        return text
    out = []
    for record in text.splitlines(keepends=True):
        if '"error":"line ' in record:
            record = ERROR_LINE.sub(
                lambda m: (m.group(1) + str(int(m.group(2)) + offset) + m.group(3)
                           + str(int(m.group(4)) + offset) + m.group(5)), record, count=1)
        out.append(record)
    return "".join(out)


def main():
    argv = sys.argv[1:]
    extra = []
    if "--" in argv:
        cut = argv.index("--")
        argv, extra = argv[:cut], argv[cut + 1:]
    ap = argparse.ArgumentParser(usage=__doc__.split("\n\n")[1])
    ap.add_argument("--scheduler")
    ap.add_argument("--scheduler-file")
    ap.add_argument("--partitions", type=int)
    ap.add_argument("--sverka", default="sverka")
    ap.add_argument("input")
    ap.add_argument("output")
    args = ap.parse_args(argv)
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        print("dask-align.py: dask.distributed is not installed (Debian package "
              "python3-distributed)", file=sys.stderr)
        return 2
    with open(args.input, encoding="utf-8", newline="") as f:
        lines = [line if line.endswith("\n") else line + "\n" for line in f]

    cluster = None
    if args.scheduler:
        client = Client(args.scheduler)
    elif args.scheduler_file:
        client = Client(scheduler_file=args.scheduler_file)
    else:
        cluster = LocalCluster(threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        threads = sum(client.nthreads().values()) or 1
        n = max(1, min(args.partitions or 2 * threads, len(lines) or 1))
        bounds = [len(lines) * k // n for k in range(n + 1)]
        parts = [lines[bounds[k]:bounds[k + 1]] for k in range(n)]
        futures = client.map(align_partition, parts, sverka=args.sverka, options=extra,
                             pure=False)
        results = []
        for k, fut in enumerate(futures):
            try:
                results.append(fut.result())
            except Exception as e:  # the worker's error, as raised there
                print(f"dask-align.py: partition {k + 1} of {n} (input lines "
                      f"{bounds[k] + 1}-{bounds[k + 1]}): {e}", file=sys.stderr)
                return 1
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    out_dir = os.path.dirname(os.path.abspath(args.output))
    fd, tmp = tempfile.mkstemp(prefix="." + os.path.basename(args.output) + ".", dir=out_dir)
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
        for k, text in enumerate(results):
            f.write(shift_lines(text, bounds[k]))
    os.replace(tmp, args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
