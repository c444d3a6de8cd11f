#!/usr/bin/env python3
"""Batch throughput and memory: `sverka batch` over about 1,000,000 sentence pairs.

Usage: bench-batch.py SVERKA DATA_DIR [--pairs N] [--jobs 1,2] [--notes]
                      [--memory-check] [--keep DIR]

Documents: the WMT newstest 2012-2020 line pairs cut into documents of 30
lines (they have no document ids), and the WMT22 general test documents
(en-ru and ru-en, by their document ids), one line per paragraph. The
manifest repeats these documents under new ids until it holds N sentence
(line) pairs (default 1,000,000); the files are written once and named many
times, since each pair is read and aligned on its own. For each -j the
batch runs with --no-notes (unless --notes) into a fresh output folder; the
script prints wall time, pairs per second and the peak RSS of sverka
(getrusage of the child). --memory-check also runs a tenth of the manifest
with the first -j, to show that peak memory does not grow with the number
of pairs. Figures only; nothing is asserted.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

NEWSTEST = ["newstest2012", "newstest2013", "newstest2014", "newstest2015", "newstest2016",
            "newstest2017", "newstest2018", "newstest2019.en-ru", "newstest2019.ru-en",
            "newstest2020.en-ru", "newstest2020.ru-en"]
WMT22 = [("en-ru", "src.en", "ref.A.ru"), ("ru-en", "ref.A.en", "src.ru")]


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\r\n").strip() for line in f]


def documents(data):
    """Yields (name, ru lines, en lines)."""
    folder = os.path.join(data, "wmt-newstest2012-2020-plain")
    for name in NEWSTEST:
        ru = read_lines(os.path.join(folder, f"{name}.ru"))
        en = read_lines(os.path.join(folder, f"{name}.en"))
        for i in range(0, len(ru), 30):
            yield f"{name}-{i // 30}", ru[i:i + 30], en[i:i + 30]
    folder = os.path.join(data, "wmt22-generaltest-enru-ruen")
    for pair, en_suffix, ru_suffix in WMT22:
        ids = [line.split("\t")[0] for line in read_lines(
            os.path.join(folder, f"generaltest2022.{pair}.docids.tsv"))]
        ru = read_lines(os.path.join(folder, f"generaltest2022.{pair}.{ru_suffix}"))
        en = read_lines(os.path.join(folder, f"generaltest2022.{pair}.{en_suffix}"))
        start = 0
        for i in range(1, len(ids) + 1):
            if i == len(ids) or ids[i] != ids[start]:
                yield f"wmt22-{pair}-{ids[start]}", ru[start:i], en[start:i]
                start = i


def run(cmd, label, n_pairs, n_sentences):
    start = time.monotonic()
    proc = subprocess.Popen(cmd)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    cpu = usage.ru_utime + usage.ru_stime
    code = os.waitstatus_to_exitcode(status)
    print(f"{label}: {n_pairs} document pairs, {n_sentences} sentence pairs: "
          f"{wall:.1f} s wall, {cpu:.1f} s CPU, {n_sentences / wall:.0f} sentence pairs/s, "
          f"{n_pairs / wall:.0f} document pairs/s, peak RSS {usage.ru_maxrss / 1024:.0f} MB"
          f"{'' if code == 0 else f', exit {code}'}", flush=True)
    return code


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sverka")
    ap.add_argument("data")
    ap.add_argument("--pairs", type=int, default=1000000)
    ap.add_argument("--jobs", default="1,2")
    ap.add_argument("--notes", action="store_true")
    ap.add_argument("--memory-check", action="store_true")
    ap.add_argument("--keep", help="build the documents and outputs here (kept)")
    args = ap.parse_args()

    tmp = args.keep or tempfile.mkdtemp(prefix="sverka-bench-batch.")
    try:
        docs = []
        os.makedirs(os.path.join(tmp, "docs"), exist_ok=True)
        for name, ru, en in documents(args.data):
            base = os.path.join(tmp, "docs", name)
            for side, text in (("ru", ru), ("en", en)):
                with open(f"{base}.{side}", "w", encoding="utf-8") as f:
                    f.write("\n".join(text) + "\n")
            docs.append((name, len(ru)))
        manifest = os.path.join(tmp, "manifest.tsv")
        n_sentences = n_pairs = 0
        rows = []
        while n_sentences < args.pairs:
            name, n = docs[n_pairs % len(docs)]
            rows.append((n_pairs, name, n))
            n_pairs += 1
            n_sentences += n
        with open(manifest, "w", encoding="utf-8") as f:
            for i, name, _ in rows:
                f.write(f"p{i:07d}\tdocs/{name}.ru\tdocs/{name}.en\n")
        print(f"{len(docs)} distinct documents ({sum(n for _, n in docs)} line pairs), "
              f"manifest of {n_pairs} pairs, {n_sentences} line pairs", flush=True)
        notes = [] if args.notes else ["--no-notes"]
        jobs = [int(j) for j in args.jobs.split(",")]
        for j in jobs:
            out = os.path.join(tmp, f"out-j{j}")
            shutil.rmtree(out, ignore_errors=True)
            run([args.sverka, "batch", "-q", "-j", str(j), *notes,
                 "--out-dir", out, manifest], f"-j {j}", n_pairs, n_sentences)
        if len(jobs) > 1:
            same = subprocess.run(["cmp", os.path.join(tmp, f"out-j{jobs[0]}", "corpus.tsv"),
                                   os.path.join(tmp, f"out-j{jobs[-1]}", "corpus.tsv")]).returncode
            print(f"corpus.tsv identical for -j {jobs[0]} and -j {jobs[-1]}: "
                  f"{'yes' if same == 0 else 'NO'}")
        if args.memory_check:
            small = os.path.join(tmp, "manifest-tenth.tsv")
            k = max(1, n_pairs // 10)
            with open(small, "w", encoding="utf-8") as f:
                for i, name, _ in rows[:k]:
                    f.write(f"p{i:07d}\tdocs/{name}.ru\tdocs/{name}.en\n")
            out = os.path.join(tmp, "out-tenth")
            shutil.rmtree(out, ignore_errors=True)
            run([args.sverka, "batch", "-q", "-j", str(jobs[0]), *notes,
                 "--out-dir", out, small], f"-j {jobs[0]}, a tenth of the manifest", k,
                sum(n for _, _, n in rows[:k]))
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
