#!/usr/bin/python3
"""Writes a PDF with python3-cairo (the toy text API, DejaVu Sans), as a
word processor would print a document: pages of lines, a running header
and page numbers, paragraphs set apart by a gap.

  make-pdf.py wrap IN.txt OUT.pdf [--header TEXT] [--hyphenate]
      each non-empty line of IN.txt is a paragraph, wrapped at the page's
      width; with --hyphenate a long word that does not fit is split with a
      hyphen (a word with a hyphen of its own is never split);
  make-pdf.py lines IN.txt OUT.pdf [--header TEXT]
      each line of IN.txt is a line of the page as it is; an empty line is
      a paragraph gap, a line "%page" starts a new page, a line beginning
      "# " is a heading (larger type);
  make-pdf.py blank OUT.pdf
      a page with only a rectangle on it: no text (a scan has none).
Every page but a blank one gets the header (if given) at its top and its
number, "- N -", at its bottom; with --footer TEXT, TEXT under the number;
with --number-top, the number as "Page N" under the header instead."""
import sys

import cairo

W, H = 420, 595
LEFT, RIGHT, TOP, BOTTOM = 50, 370, 70, 540
SIZE, HEAD_SIZE, LEADING, GAP = 11, 16, 14, 9


class Doc:
    def __init__(self, path, header, footer=None, number_top=False):
        self.surface = cairo.PDFSurface(path, W, H)
        self.ctx = cairo.Context(self.surface)
        self.ctx.select_font_face("DejaVu Sans")
        self.header = header
        self.footer = footer
        self.number_top = number_top
        self.page = 0
        self.y = None

    def start_page(self):
        if self.page > 0:
            self.furniture()
            self.ctx.show_page()
        self.page += 1
        self.y = TOP

    def furniture(self):
        ctx = self.ctx
        ctx.set_font_size(9)
        if self.header:
            ctx.move_to(LEFT, 40)
            ctx.show_text(self.header)
        if self.number_top:
            ctx.move_to(LEFT, 52)
            ctx.show_text(f"Page {self.page}")
        else:
            ctx.move_to(W / 2 - 10, 570)
            ctx.show_text(f"- {self.page} -")
        if self.footer:
            ctx.move_to(LEFT, 583)
            ctx.show_text(self.footer)

    def line(self, text, size=SIZE):
        if self.y is None or self.y + LEADING > BOTTOM:
            self.start_page()
        self.ctx.set_font_size(size)
        self.y += size + (LEADING - SIZE)
        self.ctx.move_to(LEFT, self.y)
        self.ctx.show_text(text)

    def gap(self):
        if self.y is not None:
            self.y += GAP

    def width(self, text):
        self.ctx.set_font_size(SIZE)
        return self.ctx.text_extents(text).x_advance

    def close(self):
        if self.page > 0:
            self.furniture()
        self.surface.finish()


def wrap(doc, para, hyphenate):
    line = ""
    for word in para.split():
        cand = f"{line} {word}" if line else word
        if doc.width(cand) <= RIGHT - LEFT:
            line = cand
            continue
        if hyphenate and len(word) >= 8 and "-" not in word and word.isalpha():
            for cut in range(len(word) - 3, 2, -1):
                head = f"{line} {word[:cut]}-" if line else f"{word[:cut]}-"
                if doc.width(head) <= RIGHT - LEFT:
                    doc.line(head)
                    line = word[cut:]
                    break
            else:
                doc.line(line)
                line = word
            continue
        doc.line(line)
        line = word
    if line:
        doc.line(line)


def main():
    args = sys.argv[1:]
    header = None
    if "--header" in args:
        i = args.index("--header")
        header = args[i + 1]
        del args[i:i + 2]
    footer = None
    if "--footer" in args:
        i = args.index("--footer")
        footer = args[i + 1]
        del args[i:i + 2]
    hyphenate = "--hyphenate" in args
    number_top = "--number-top" in args
    args = [a for a in args if a not in ("--hyphenate", "--number-top")]
    if args[0] == "blank":
        surface = cairo.PDFSurface(args[1], W, H)
        ctx = cairo.Context(surface)
        ctx.rectangle(100, 100, 200, 300)
        ctx.fill()
        surface.finish()
        return 0
    kind, src, out = args
    doc = Doc(out, header, footer, number_top)
    text = open(src, encoding="utf-8").read().split("\n")
    if kind == "wrap":
        for para in text:
            if para.strip():
                wrap(doc, para.strip(), hyphenate)
                doc.gap()
    else:
        for line in text:
            if line == "%page":
                doc.start_page()
            elif line == "":
                doc.gap()
            elif line.startswith("# "):
                doc.line(line[2:], HEAD_SIZE)
            else:
                doc.line(line)
    doc.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
