#!/usr/bin/python3
"""Writes the rows of a parallel TSV (sverka's) as a bilingual XLIFF file,
a row per segment, as a CAT tool exports a translation: XLIFF 1.2 with
Russian as the source, or XLIFF 2.0 with English as the source. A row with
one side empty is a segment without target (or without source).

Usage: tsv-to-xliff.py 1.2|2.0 IN.tsv OUT.xlf"""
import csv
import sys
from xml.sax.saxutils import escape


def main():
    version, tsv, out = sys.argv[1:4]
    with open(tsv, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    lines = ['<?xml version="1.0" encoding="UTF-8"?>']
    if version == "1.2":
        lines.append('<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">')
        lines.append('<file original="pair" source-language="ru" target-language="en-GB" '
                     'datatype="plaintext"><body>')
        for i, r in enumerate(rows, 1):
            tgt = f"<target>{escape(r['en'])}</target>" if r["en"] else ""
            lines.append(f'<trans-unit id="{i}"><source>{escape(r["ru"])}</source>{tgt}'
                         "</trans-unit>")
        lines.append("</body></file></xliff>")
    else:
        lines.append('<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" '
                     'srcLang="en-US" trgLang="ru-RU"><file id="f1">')
        for i, r in enumerate(rows, 1):
            tgt = f"<target>{escape(r['ru'])}</target>" if r["ru"] else ""
            lines.append(f'<unit id="u{i}"><segment id="s1"><source>{escape(r["en"])}</source>'
                         f"{tgt}</segment></unit>")
        lines.append("</file></xliff>")
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
