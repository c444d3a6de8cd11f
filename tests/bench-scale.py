#!/usr/bin/env python3
"""Alignment scale benchmark: 10k, 30k and 100k sentences a side.

Usage: bench-scale.py BENCH_ALIGN DICT_DIR NEWSTEST_DIR [LEXICON...]

Builds one long Russian and one long English document from the WMT
newstest 2012-2020 line pairs (27,813 lines a side, in file order; the
100k run repeats them), and runs bench-align on each size: reading,
segmentation, analysis and parallel alignment on one thread. Prints the
time of each phase, sentences per second and peak RSS.
"""
import os
import subprocess
import sys
import tempfile

FILES = ["newstest2012", "newstest2013", "newstest2014", "newstest2015", "newstest2016",
         "newstest2017", "newstest2018", "newstest2019.en-ru", "newstest2019.ru-en",
         "newstest2020.en-ru", "newstest2020.ru-en"]


def lines(directory, lang):
    out = []
    for name in FILES:
        with open(os.path.join(directory, f"{name}.{lang}"), encoding="utf-8") as f:
            out.extend(line.rstrip("\n") for line in f)
    return out


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    bench, dict_dir, data = sys.argv[1:4]
    lexicons = sys.argv[4:]
    ru, en = lines(data, "ru"), lines(data, "en")
    assert len(ru) == len(en), "newstest sides differ in length"
    with tempfile.TemporaryDirectory() as tmp:
        for size in (10000, 30000, 100000):
            rp, ep = os.path.join(tmp, "ru.txt"), os.path.join(tmp, "en.txt")
            for path, side in ((rp, ru), (ep, en)):
                with open(path, "w", encoding="utf-8") as f:
                    for i in range(size):
                        f.write(side[i % len(side)] + "\n")
            print(f"== {size} lines a side", flush=True)
            r = subprocess.run([bench, dict_dir, rp, ep] + lexicons)
            if r.returncode != 0:
                return r.returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
