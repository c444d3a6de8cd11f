#!/usr/bin/env python3
"""Scale benchmark of the CLI for issue 7: memory must grow linearly.

Usage: bench-robust.py SVERKA SOURCE_ROOT [SIZES...]

Writes a Russian and an English text of N sentences a side (default N =
50,000, 100,000 and 200,000), made from entries of the seed lexicon
(dictionaries/ru-en.tsv) so that the sentences share words across the
languages, and runs `sverka align --mode parallel` on each, printing the
wall and CPU time and the peak resident set size, and RSS per 1,000 sentences.
Then the degenerate shapes: one sentence against 100,000, and a 10 MB line
without a newline against a short text. Every run must succeed and keep
every sentence (rows are counted). Figures only: nothing here is timed.
"""
import os
import random
import subprocess
import sys
import tempfile
import time

MEASURE = ("import resource, subprocess, sys\n"
           "r = subprocess.run(sys.argv[1:])\n"
           "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
           "print(u.ru_utime + u.ru_stime, u.ru_maxrss, r.returncode)\n")


def run(cmd):
    """Runs @cmd in a fresh process; returns (wall seconds, CPU seconds,
    peak RSS in MB)."""
    t0 = time.monotonic()
    out = subprocess.run([sys.executable, "-c", MEASURE] + cmd, check=True,
                         stdout=subprocess.PIPE, text=True).stdout.split()
    seconds = time.monotonic() - t0
    cpu, rss_kb, rc = float(out[-3]), int(out[-2]), int(out[-1])
    if rc != 0:
        sys.exit(f"bench-robust: {' '.join(cmd)}: exit {rc}")
    return seconds, cpu, rss_kb / 1024


def lexicon(src):
    pairs = []
    with open(os.path.join(src, "dictionaries", "ru-en.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or "\t" not in line:
                continue
            ru, en = line.rstrip("\n").split("\t")[:2]
            pairs.append((ru, en))
    return pairs


def write_pair(tmp, n, pairs, rng):
    rp, ep = os.path.join(tmp, "ru.txt"), os.path.join(tmp, "en.txt")
    with open(rp, "w", encoding="utf-8") as r, open(ep, "w", encoding="utf-8") as e:
        for i in range(n):
            words = [rng.choice(pairs) for _ in range(rng.randint(4, 9))]
            r.write(" ".join(w[0] for w in words).capitalize() + f" {i}.\n")
            e.write(" ".join(w[1] for w in words).capitalize() + f" {i}.\n")
    return rp, ep


def rows(path):
    with open(path, encoding="utf-8") as f:
        return sum(1 for _ in f) - 1


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    sverka, src = sys.argv[1:3]
    sizes = [int(x) for x in sys.argv[3:]] or [50000, 100000, 200000]
    rng = random.Random(7)
    pairs = lexicon(src)
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out.tsv")
        for n in sizes:
            rp, ep = write_pair(tmp, n, pairs, rng)
            s, cpu, mb = run([sverka, "align", "-q", "--mode", "parallel", "-o", out, rp, ep])
            print(f"{n} sentences a side: {s:.1f} s wall, {cpu:.1f} s CPU, peak RSS {mb:.0f} MB "
                  f"({1000 * mb / n:.2f} MB per 1,000 sentences), {rows(out)} rows", flush=True)
        rp, ep = write_pair(tmp, 100000, pairs, rng)
        one = os.path.join(tmp, "one.txt")
        with open(one, "w", encoding="utf-8") as f:
            f.write("Генеральный секретарь провёл встречу.\n")
        for mode in ("parallel", "comparable"):
            s, cpu, mb = run([sverka, "align", "-q", "--mode", mode, "-o", out, one, ep])
            print(f"1 against 100000 ({mode}): {s:.1f} s wall, {cpu:.1f} s CPU, peak RSS {mb:.0f} MB, {rows(out)} rows",
                  flush=True)
        longp = os.path.join(tmp, "long.txt")
        with open(longp, "w", encoding="utf-8") as f:
            n = 0
            while n < 10 * 1024 * 1024:
                w = rng.choice(pairs)[1] + " "
                f.write(w)
                n += len(w.encode())
        s, cpu, mb = run([sverka, "align", "-q", "-o", out, one, longp])
        print(f"10 MB line without a newline against 1 sentence: {s:.1f} s wall, {cpu:.1f} s CPU, "
              f"peak RSS {mb:.0f} MB, {rows(out)} rows", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
