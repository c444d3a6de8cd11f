#!/usr/bin/python3
"""Output formats read back by real consumers, against the TSV of the same run.

Usage: formats.py SVERKA SOURCE_ROOT. Prints TAP.

For the bundled pair (comparable and parallel) and a pair full of characters
that need escaping, `sverka align --out-dir` writes every format; then:
- TMX: translate-toolkit's tmx storage class (Debian package
  translate-toolkit) reads one unit per bead with text on both sides, each
  character of both sides as in the TSV (characters XML forbids as U+FFFD),
  with the score and ids as props; the header has the attributes TMX 1.4b
  requires;
- JSON Lines (both styles) and the notes as JSON Lines: every line parses
  with Python's json and with jq, and matches the TSV row or note;
- the ladder: rungs from 0 0 to N M that never go back; its segments are the
  TSV's beads (parallel) or a non-crossing part of them (comparable);
- Moses: the two files have one line per two-sided bead, equal to the TSV.
"""
import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

from translate.storage import tmx

sverka, src = sys.argv[1], sys.argv[2]
n = 0
failed = 0


def check(ok, desc, detail=""):
    global n, failed
    n += 1
    if ok:
        print(f"ok {n} - {desc}")
    else:
        failed += 1
        print(f"not ok {n} - {desc}")
        for line in str(detail).splitlines()[:20]:
            print(f"# {line}")


def run(*args):
    p = subprocess.run([sverka, *args], capture_output=True)
    if p.returncode != 0:
        raise RuntimeError(f"sverka {' '.join(args)}: exit {p.returncode}: {p.stderr.decode()}")
    return p


def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def ids(cell):
    return [int(x) for x in cell.split(",")] if cell else []


def read_tsv(path):
    """Rows split on line feeds only: U+2028 and friends are text."""
    lines = read(path).split("\n")
    assert lines[-1] == ""
    return [line.split("\t") for line in lines[1:-1]]


def xml_safe(s):
    return "".join("\ufffd" if (ord(c) < 0x20 and c not in "\t\n\r") or c in "\ufffe\uffff"
                   else c for c in s)


def line_safe(s):
    return "".join(" " if c in "\x85\u2028\u2029" else c for c in s)


def check_jsonl(path, what):
    """Each line is JSON for Python and for jq; returns the objects."""
    text = read(path)
    objs = []
    try:
        for line in text.split("\n")[:-1]:
            objs.append(json.loads(line))
        ok = text.endswith("\n") or text == ""
    except ValueError as e:
        ok = False
        text = f"{e}: {line}"
    check(ok, f"{what}: every line is JSON (Python)", text[:500])
    p = subprocess.run(["jq", "-c", "."], stdin=open(path, "rb"), capture_output=True)
    jq_objs = [json.loads(l) for l in p.stdout.decode().split("\n")[:-1]] if p.returncode == 0 else None
    check(p.returncode == 0 and jq_objs == objs, f"{what}: jq reads the same {len(objs)} objects",
          p.stderr.decode())
    return objs


def check_case(name, ru, en, mode_args):
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "out")
        run("align", "-q", *mode_args, "--out-dir", out, ru, en)
        hf_path = os.path.join(d, "hf.jsonl")
        run("align", "-q", *mode_args, "--format", "jsonl", "--jsonl-style", "hf", "-o", hf_path, ru, en)
        rows = read_tsv(os.path.join(out, "alignment.tsv"))
        both = [r for r in rows if r[0] and r[1]]
        n_ru = len(run("segment", "-q", "--lang", "ru", ru).stdout.decode().split("\n")) - 1
        n_en = len(run("segment", "-q", "--lang", "en", en).stdout.decode().split("\n")) - 1

        # TMX through translate-toolkit.
        path = os.path.join(out, "alignment.tmx")
        store = tmx.tmxfile.parsefile(path)
        units = store.units
        bad = []
        for u, r in zip(units, both):
            tuvs = u.getlanguageNodes()
            langs = [t.get("{http://www.w3.org/XML/1998/namespace}lang") for t in tuvs]
            props = {p.get("type"): p.text for p in u.xmlelement.iterchildren("prop")}
            want_props = {"x-sverka-score": r[2], "x-sverka-ru-ids": r[3], "x-sverka-en-ids": r[4]}
            if (langs != ["ru", "en"] or u.source != xml_safe(r[0])
                    or u.gettarget(lang="en") != xml_safe(r[1]) or props != want_props):
                bad.append(f"{langs} {u.source!r} / {r[0]!r}; {u.gettarget(lang='en')!r} / {r[1]!r}; {props}")
        check(len(units) == len(both) and not bad,
              f"{name}: TMX read by translate-toolkit: {len(units)} units = {len(both)} two-sided beads, "
              "every character and prop as in the TSV", "\n".join(bad[:3]) + f"\n{len(units)} units")
        root = ET.parse(path).getroot()
        header = root.find("header")
        required = ["creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang", "datatype"]
        check(root.tag == "tmx" and root.get("version") == "1.4" and header is not None
              and all(header.get(a) for a in required) and header.get("segtype") == "sentence",
              f"{name}: TMX 1.4 root and header attributes", ET.tostring(header or root)[:300])

        # JSON Lines.
        objs = check_jsonl(os.path.join(out, "alignment.jsonl"), f"{name}: alignment.jsonl")
        want = [{"ru": r[0], "en": r[1], "score": float(r[2]), "ru_ids": ids(r[3]), "en_ids": ids(r[4])}
                for r in rows]
        # "speaker" (the turns of a transcript) and "candidates" (comparable
        # mode) are checked below.
        plain = [{k: v for k, v in o.items() if k not in ("speaker", "candidates")} for o in objs]
        bad_c = []
        for o in objs:
            for c in o.get("candidates", []):
                key = "en_id" if "en_id" in c else "ru_id"
                side = "en_ids" if key == "en_id" else "ru_ids"
                if (set(c) != {key, "probability", "evidence", "linked"} or not isinstance(c[key], int)
                        or c[key] < 1 or not 0 <= c["probability"] <= 1
                        or not isinstance(c["evidence"], (int, float))
                        or c["linked"] != (c[key] in o[side])):
                    bad_c.append(c)
            if len(o.get("candidates", [])) > 3:
                bad_c.append(o["candidates"])
        check(not bad_c, f"{name}: alignment.jsonl candidates well formed (at most 3, linked = in the row)",
              f"{bad_c[:3]}")
        diff = [f"{o} / {w}" for o, w in zip(plain, want) if o != w]
        check(len(objs) == len(rows) and not diff and all(list(o) == list(want[0]) for o in plain),
              f"{name}: alignment.jsonl = the TSV, {len(rows)} beads", "\n".join(diff[:3]))
        speakers = [o["speaker"] for o in objs if "speaker" in o]
        bad = [sp for sp in speakers
               if not isinstance(sp, dict) or not sp or set(sp) - {"ru", "en"}
               or any(not v or not all(isinstance(x, str) and x for x in v) for v in sp.values())]
        named = {x for sp in speakers for v in sp.values() for x in v}
        if "brussels" in name or "bundled" in name:
            # The transcript's turns: its labels, the moderator's among them.
            check(not bad and {"Moderator", "President Ilham Aliyev",
                               "Secretary General Jens Stoltenberg"} <= named,
                  f"{name}: alignment.jsonl gives the transcript's speakers", f"{bad[:2]} {sorted(named)}")
        else:
            check(not bad, f"{name}: alignment.jsonl speakers well formed", f"{bad[:2]}")
        hf = check_jsonl(hf_path, f"{name}: --jsonl-style hf")
        want = [{"translation": {"ru": r[0], "en": r[1]}} for r in both]
        check(hf == want, f"{name}: hf style = the {len(both)} two-sided beads of the TSV",
              f"{hf[:2]}\n{want[:2]}")

        # Notes as JSON Lines against the notes TSV.
        notes = read_tsv(os.path.join(out, "notes.tsv"))
        objs = check_jsonl(os.path.join(out, "notes.jsonl"), f"{name}: notes.jsonl")
        want = [{"kind": r[0], "severity": r[1], "ru_ids": ids(r[2]), "en_ids": ids(r[3]),
                 "ru_text": r[4], "en_text": r[5], "message": r[6]} for r in notes]
        # The TSV's fields, then the ITS type and the marks (checked in
        # formats-cli.sh).
        diff = [f"{o} / {w}" for o, w in zip(objs, want)
                if {k: v for k, v in o.items() if k not in ("its_type", "marks")} != w
                or list(o)[7:] != ["its_type", "marks"]]
        check(len(objs) == len(notes) and not diff, f"{name}: notes.jsonl = notes.tsv, {len(notes)} notes",
              "\n".join(diff[:3]))

        # The ladder.
        rungs = [tuple(line.split("\t")) for line in read(os.path.join(out, "alignment.ladder")).split("\n")[:-1]]
        pos = [(int(i), int(j)) for i, j, _ in rungs]
        steps_ok = all(b[0] >= a[0] and b[1] >= a[1] and b != a for a, b in zip(pos, pos[1:]))
        check(all(len(r) == 3 for r in rungs) and pos[0] == (0, 0) and pos[-1] == (n_ru, n_en) and steps_ok,
              f"{name}: ladder from 0 0 to {n_ru} {n_en}, never going back", rungs[:5])
        segments = [(list(range(a[0] + 1, b[0] + 1)), list(range(a[1] + 1, b[1] + 1)), s[2])
                    for a, b, s in zip(pos, pos[1:], rungs)]
        beads = [(ids(r[3]), ids(r[4]), r[2]) for r in rows]
        if mode_args == ["--mode", "parallel"]:
            check(segments == beads, f"{name}: ladder segments = the {len(beads)} TSV beads",
                  f"{segments[:4]}\n{beads[:4]}")
        else:
            linked = [s for s in segments if s[0] and s[1]]
            stray = [s for s in linked if s not in beads]
            unlinked_ok = all(s[2] == "0.000" and len(s[0]) + len(s[1]) == 1
                              for s in segments if not (s[0] and s[1]))
            check(linked and not stray and unlinked_ok,
                  f"{name}: ladder keeps {len(linked)} of {len(both)} two-sided beads, "
                  "the rest as 1-0 and 0-1 steps", f"{stray[:3]}")

        # Moses.
        mru = read(os.path.join(out, "alignment.ru")).split("\n")
        men = read(os.path.join(out, "alignment.en")).split("\n")
        check(mru[-1] == "" and men[-1] == "" and mru[:-1] == [line_safe(r[0]) for r in both]
              and men[:-1] == [line_safe(r[1]) for r in both],
              f"{name}: Moses files: {len(mru) - 1} and {len(men) - 1} lines, the two-sided beads",
              f"{mru[:2]}\n{[r[0] for r in both[:2]]}")


pair = os.path.join(src, "corpus", "2021-12-14-brussels")
check_case("bundled pair (auto)", os.path.join(pair, "ru.txt"), os.path.join(pair, "en.txt"), [])
check_case("bundled pair (parallel)", os.path.join(pair, "ru.txt"), os.path.join(pair, "en.txt"),
           ["--mode", "parallel"])

# Characters each format must escape or guard: quotes, backslash, markup,
# control characters, U+2028, a character outside the BMP, a noncharacter.
with tempfile.TemporaryDirectory() as d:
    ru = os.path.join(d, "escapes.ru")
    en = os.path.join(d, "escapes.en")
    with open(ru, "w", encoding="utf-8") as f:
        f.write('Цитата "в кавычках" и обратная \\ черта <тег> & амп.\n'
                "Управляющий \x01 символ и \x1b escape \x7f.\n"
                "Разделитель\u2028строк, \u0085 и эмодзи \U0001F600 тут.\n"
                "Несимвол \ufffe здесь ]]> и всё.\n")
    with open(en, "w", encoding="utf-8") as f:
        f.write('A quote "in quotes" and a back \\ slash <tag> & amp.\n'
                "A control \x01 character and \x1b escape \x7f.\n"
                "A line\u2028separator, \u0085 and an emoji \U0001F600 here.\n"
                "A non-character \ufffe here ]]> and that is all.\n")
    check_case("escapes", ru, en, ["--mode", "parallel"])

print(f"1..{n}")
sys.exit(1 if failed else 0)
