#!/usr/bin/env python3
"""Checks sverka's output against its input: nothing lost, TSV rows whole.

  check-output.py segment INPUT SENTENCES STDERR
      SENTENCES is `sverka segment --ids --show-trimmed INPUT`, STDERR its
      standard error. Checks that the sentences are numbered 1..n, hold no
      tab, line break or control character, and that their text is the text
      of INPUT's kept lines (every line but those --show-trimmed lists),
      ignoring white space and control characters.

  check-output.py align [--jsonl JSONL] TSV MODE RU_SENTENCES EN_SENTENCES [RU_INPUT RU_STDERR EN_INPUT EN_STDERR]
      TSV is the parallel TSV of `sverka align --mode MODE`, the SENTENCES
      files are as above. Checks the header, 5 fields in every row, each
      cell equal to its sentences joined by a space, and the ids: in
      parallel mode every sentence once and in order; in comparable mode
      every Russian sentence once and every English one at least once. With
      the inputs, also that the Russian column (and in parallel mode the
      English one) read top to bottom is the input's kept text.

      Parallel mode with moved blocks: JSONL, the same alignment as JSON
      Lines (--format jsonl), tells which rows belong to a moved block
      ("moved_block"). Its rows must match the TSV's; the Russian ids must
      still read 1..n top to bottom, and every English sentence appear once;
      the English ids must increase down the rows of no block, and down the
      rows of each block; each block must have both sides in every row and
      cross a row that is not moved (or it is no move); and the English
      column, its rows taken in the order of their first English sentence,
      must be the input's kept text. Without JSONL a moved row fails the
      order check, as before.

Exits with 1 and a message on the first failure.
"""
import re
import sys
import unicodedata

# What "modulo white space" ignores: what shows nothing (white space,
# control and format characters, separators), which the writers turn into a
# space or sentences leave out at their edges.
INVISIBLE = ("Cc", "Cf", "Zs", "Zl", "Zp")
BREAKS = re.compile(r"[\t\n\r\x0b\x0c\x1c-\x1f\x85\u2028\u2029\x00-\x08\x0e-\x1b\x7f-\x9f]")


def fail(msg):
    sys.exit(f"check-output: {msg}")


def visible(text):
    return "".join(c for c in text
                   if not c.isspace() and unicodedata.category(c) not in INVISIBLE)


def read_text(path):
    with open(path, "rb") as f:
        data = f.read()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    return data.decode("utf-8")


def kept_text(input_path, stderr_path):
    """The input without the lines --show-trimmed listed, as one string."""
    trimmed = set()
    with open(stderr_path, encoding="utf-8", errors="replace") as f:
        for line in f:
            m = re.match(r"  .*:(\d+): ", line)
            if m:
                trimmed.add(int(m.group(1)))
    # sverka's lines end at LF, CR or CRLF.
    lines = re.split(r"\r\n|\r|\n", read_text(input_path))
    return "".join(l for i, l in enumerate(lines, 1) if i not in trimmed)


def read_sentences(path):
    out = []
    with open(path, encoding="utf-8", newline="\n") as f:
        for n, line in enumerate(f.read().split("\n")[:-1], 1):
            num, sep, text = line.partition("\t")
            if sep != "\t" or num != str(n):
                fail(f"{path}:{n}: expected the number {n} and a tab, found {line[:40]!r}")
            if BREAKS.search(text):
                fail(f"{path}:{n}: a tab, line break or control character in {text!r}")
            out.append(text)
    return out


def check_segment(input_path, sentences_path, stderr_path):
    sentences = read_sentences(sentences_path)
    want = visible(kept_text(input_path, stderr_path))
    got = visible("".join(sentences))
    if want != got:
        i = next((k for k in range(min(len(want), len(got))) if want[k] != got[k]),
                 min(len(want), len(got)))
        fail(f"{input_path}: sentences differ from the kept text at character {i}: "
             f"input {want[i:i + 30]!r}, sentences {got[i:i + 30]!r}")


def parse_ids(cell, limit, where):
    if cell == "":
        return []
    ids = []
    for x in cell.split(","):
        if not x.isdigit() or not 1 <= int(x) <= limit:
            fail(f"{where}: bad id {x!r} (1..{limit})")
        ids.append(int(x))
    return ids


def read_moved(jsonl_path, rows):
    """The moved block of each row (0 for none) from the JSON Lines of the
    same alignment, checking that its rows are the TSV's."""
    import json
    with open(jsonl_path, encoding="utf-8") as f:
        objs = [json.loads(line) for line in f if line.strip()]
    if len(objs) != len(rows):
        fail(f"{jsonl_path}: {len(objs)} objects, the TSV has {len(rows)} rows")
    blocks, last = [], 0
    for n, (o, (r, e)) in enumerate(zip(objs, rows), 1):
        where = f"{jsonl_path}:{n}"
        if o.get("ru_ids") != r or o.get("en_ids") != e:
            fail(f"{where}: ids {o.get('ru_ids')} / {o.get('en_ids')}, the TSV row has {r} / {e}")
        k = o.get("moved_block", 0)
        if not isinstance(k, int) or k < 0 or (k and k not in (last, last + 1)) or (k and last == 0 and k != 1):
            fail(f"{where}: moved_block {k!r} out of sequence (last block {last})")
        if k:
            if not r or not e:
                fail(f"{where}: a moved row with a side empty")
            last = k
        blocks.append(k)
    return blocks


def check_moved_order(tsv_path, ru_rows, en_rows, blocks, n_en):
    """Parallel mode with moved blocks: the order rules above."""
    seen = sorted(x for e in en_rows for x in e)
    if seen != list(range(1, n_en + 1)):
        fail(f"{tsv_path}: parallel: not every English sentence exactly once")
    last = {}
    for n, (e, k) in enumerate(zip(en_rows, blocks), 2):
        for x in e:
            if x <= last.get(k, 0):
                what = f"moved block {k}" if k else "the rows that are not moved"
                fail(f"{tsv_path}:{n}: parallel: English sentence {x} out of order in {what}")
            last[k] = x
    for k in sorted(set(blocks) - {0}):
        rows = [i for i, b in enumerate(blocks) if b == k]
        ru_lo, ru_hi = min(ru_rows[rows[0]]), max(ru_rows[rows[-1]])
        en = [x for i in rows for x in en_rows[i]]
        en_lo, en_hi = min(en), max(en)
        crossed = any(blocks[i] == 0 and ru_rows[i] and en_rows[i]
                      and ((max(ru_rows[i]) < ru_lo and min(en_rows[i]) > en_hi)
                           or (min(ru_rows[i]) > ru_hi and max(en_rows[i]) < en_lo))
                      for i in range(len(blocks)))
        if not crossed:
            fail(f"{tsv_path}: moved block {k} (ru {ru_lo}-{ru_hi}, en {en_lo}-{en_hi}) "
                 "crosses no row: it is not a move")


def check_align(tsv_path, mode, ru_sent_path, en_sent_path, inputs, jsonl=None):
    if mode not in ("parallel", "comparable"):
        fail(f"mode: expected parallel or comparable, found {mode!r}")
    ru, en = read_sentences(ru_sent_path), read_sentences(en_sent_path)
    with open(tsv_path, encoding="utf-8", newline="\n") as f:
        rows = f.read().split("\n")
    if rows[-1] != "":
        fail(f"{tsv_path}: does not end with a line feed")
    rows = rows[:-1]
    if not rows or rows[0] != "ru\ten\tscore\tru_ids\ten_ids":
        fail(f"{tsv_path}: bad header {rows[:1]!r}")
    ru_seen, en_seen = [], []
    ru_col, en_col = [], []
    ru_rows, en_rows = [], []
    for n, row in enumerate(rows[1:], 2):
        where = f"{tsv_path}:{n}"
        fields = row.split("\t")
        if len(fields) != 5:
            fail(f"{where}: expected 5 fields, found {len(fields)}")
        ru_text, en_text, score, ru_ids, en_ids = fields
        if BREAKS.search(ru_text + en_text):
            fail(f"{where}: a line break or control character in the text")
        if not re.fullmatch(r"(0|1)\.\d{3}", score) or float(score) > 1:
            fail(f"{where}: bad score {score!r}")
        r, e = parse_ids(ru_ids, len(ru), where), parse_ids(en_ids, len(en), where)
        if not r and not e:
            fail(f"{where}: a row with no sentence")
        if ru_text != " ".join(ru[i - 1] for i in r) or en_text != " ".join(en[i - 1] for i in e):
            fail(f"{where}: the text is not that of sentences {ru_ids} / {en_ids}")
        ru_seen += r
        en_seen += e
        ru_rows.append(r)
        en_rows.append(e)
        ru_col.append(ru_text)
        en_col.append(en_text)
    blocks = [0] * len(ru_rows)
    if jsonl is not None:
        blocks = read_moved(jsonl, list(zip(ru_rows, en_rows)))
        if any(blocks) and mode != "parallel":
            fail(f"{jsonl}: moved blocks in {mode} mode")
    if mode == "parallel" and any(blocks):
        if ru_seen != list(range(1, len(ru) + 1)):
            fail(f"{tsv_path}: parallel: not every Russian sentence once and in order")
        check_moved_order(tsv_path, ru_rows, en_rows, blocks, len(en))
        # The English column in English order.
        order = sorted((e[0], i) for i, e in enumerate(en_rows) if e)
        en_col = [en_col[i] for _, i in order]
    elif mode == "parallel":
        if ru_seen != list(range(1, len(ru) + 1)) or en_seen != list(range(1, len(en) + 1)):
            fail(f"{tsv_path}: parallel: not every sentence once and in order")
    else:
        if sorted(ru_seen) != list(range(1, len(ru) + 1)):
            fail(f"{tsv_path}: comparable: not every Russian sentence exactly once")
        if set(en_seen) != set(range(1, len(en) + 1)):
            fail(f"{tsv_path}: comparable: an English sentence is missing")
    if inputs:
        ru_in, ru_err, en_in, en_err = inputs
        if visible("".join(ru_col)) != visible(kept_text(ru_in, ru_err)):
            fail(f"{tsv_path}: the Russian column is not the text of {ru_in}")
        if mode == "parallel" and visible("".join(en_col)) != visible(kept_text(en_in, en_err)):
            fail(f"{tsv_path}: the English column is not the text of {en_in}")


def main():
    a = sys.argv[1:]
    if len(a) == 4 and a[0] == "segment":
        check_segment(*a[1:])
    elif len(a) in (7, 11) and a[0] == "align" and a[1] == "--jsonl":
        check_align(a[3], a[4], a[5], a[6], a[7:], jsonl=a[2])
    elif len(a) in (5, 9) and a[0] == "align":
        check_align(a[1], a[2], a[3], a[4], a[5:])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
