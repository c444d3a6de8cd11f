#!/usr/bin/env python3
"""HTML report benchmark: the notes, the similarity map and the writer on
10,000 lines a side.

Usage: bench-html.py BENCH_HTML DICT_DIR NEWSTEST_DIR [LEXICON...]

Builds the pair the browser test uses (the first 10,000 lines of WMT
newstest 2012-2015, every 50th Russian line left out) and runs bench-html
on it with the seed lexicon (or the lexicons given).
"""
import os
import subprocess
import sys
import tempfile

FILES = ["newstest2012", "newstest2013", "newstest2014", "newstest2015"]


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    bench, dict_dir, data = sys.argv[1:4]
    lexicons = sys.argv[4:] or [os.path.join(dict_dir, "ru-en.tsv")]
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for lang in ("ru", "en"):
            lines = []
            for name in FILES:
                with open(os.path.join(data, f"{name}.{lang}"), encoding="utf-8") as f:
                    lines.extend(line.rstrip("\n") for line in f)
            path = os.path.join(tmp, f"{lang}.txt")
            with open(path, "w", encoding="utf-8") as f:
                for i, line in enumerate(lines[:10000]):
                    if lang != "ru" or i % 50 != 7:
                        f.write(line + "\n")
            paths.append(path)
        print("== 10000 lines a side, every 50th Russian line left out", flush=True)
        return subprocess.run([bench, dict_dir] + paths + lexicons).returncode


if __name__ == "__main__":
    sys.exit(main())
