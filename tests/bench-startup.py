#!/usr/bin/env python3
"""Start-up of sverka (issue 19): a context and the default lexicons, before
anything is aligned, with the compiled lexicon mapped and with the lexicon
files read and analysed, each in a process of its own; then the whole command
line on a one-sentence pair.

Usage: bench-startup.py BENCH_STARTUP SVERKA DICT_DIR BUILD_DICT_DIR
"""
import os
import subprocess
import sys
import tempfile
import time


def peak(cmd):
    """Runs @cmd under /usr/bin/time; returns (seconds, peak RSS in MB)."""
    t0 = time.monotonic()
    r = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, capture_output=True, text=True)
    wall = time.monotonic() - t0
    if r.returncode != 0:
        sys.exit(f"{cmd[0]} failed: {r.stderr}")
    return wall, int(r.stderr.strip().splitlines()[-1]) / 1024, r.stdout


def main():
    bench, sverka, dict_dir, build_dict = sys.argv[1:5]
    files = [os.path.join(dict_dir, "ru-en.tsv")]
    for name in ("learned-ru-en.tsv", "mueller7-ru-en.tsv"):
        path = os.path.join(build_dict, name)
        if os.path.exists(path):
            files.append(path)
    compiled = os.path.join(build_dict, "compiled-ru-en.lex")
    runs = [("compiled", [compiled])] if os.path.exists(compiled) else []
    runs.append(("lexicon files", files))
    for name, lexicons in runs:
        outs = [peak([bench, dict_dir] + lexicons)[2].strip() for _ in range(3)]
        best = min(outs, key=lambda o: float(o.split("start-up ")[1].split(" ")[0]))
        print(f"{name}, best of 3: {best}")
    with tempfile.TemporaryDirectory() as tmp:
        ru, en = os.path.join(tmp, "ru.txt"), os.path.join(tmp, "en.txt")
        with open(ru, "w", encoding="utf-8") as f:
            f.write("Мир.\n")
        with open(en, "w", encoding="utf-8") as f:
            f.write("Peace.\n")
        walls = []
        for _ in range(5):
            wall, rss, _ = peak([sverka, "align", "-q", ru, en, "-o", os.devnull])
            walls.append((wall, rss))
        wall, rss = min(walls)
        print(f"sverka align, one sentence a side (default lexicons), best of 5: "
              f"{wall:.3f} s, peak RSS {rss:.1f} MB")


if __name__ == "__main__":
    main()
