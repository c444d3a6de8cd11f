#!/usr/bin/env python3
"""Writes the seed corpora of the libFuzzer harnesses (fuzz/*.c).

Usage: fuzz-seeds.py SOURCE_ROOT OUT_DIR

OUT_DIR/load, OUT_DIR/lexicon, OUT_DIR/align, OUT_DIR/review, OUT_DIR/json, OUT_DIR/office, OUT_DIR/xliff, OUT_DIR/pdf, OUT_DIR/bitext, OUT_DIR/compiled (the lexicon seeds again) and
OUT_DIR/wordforms (hunspell .aff and .dic files, joined by a NUL), OUT_DIR/freedict (a
languages byte and an article of FreeDict's, from tests/regress/fuzz-freedict and, when
installed, the German-French dictionaries), OUT_DIR/word-break (lines
of text) and OUT_DIR/sentence-break (paragraphs) get small inputs made from
the repository's own texts: the corpus/ documents, the tests/segment cases,
the tests/notes pairs and the dictionaries/ files, cut at line boundaries,
plus a few hostile inputs (encodings, line ends, control characters). The
output is the same on every run, so a seed's name is its content's hash.
"""
import glob
import gzip
import hashlib
import os
import subprocess
import sys
import tempfile

LOAD_MAX = 2048
WORD_BREAK_MAX = 512
SENTENCE_BREAK_MAX = 1024
ALIGN_MAX = 1500
LEX_LINES = 40


def chunks(text, limit):
    """Pieces of at most @limit bytes, cut at line ends."""
    out, cur = [], b""
    for line in text.splitlines(keepends=True):
        if cur and len(cur) + len(line) > limit:
            out.append(cur)
            cur = b""
        cur += line[:limit]
    if cur:
        out.append(cur)
    return out


def write(directory, data):
    os.makedirs(directory, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()
    with open(os.path.join(directory, name), "wb") as f:
        f.write(data)


def read(path):
    with open(path, "rb") as f:
        return f.read()


HOSTILE_TEXTS = [
    b"",
    b" \n\t\n",
    b"\xef\xbb\xbfBOM text. Second.\r\nThird line.\r\n",
    b"\xff\xfeH\x00i\x00",
    b"\xfe\xff\x00H\x00i",
    b"\xff\xfe\x00\x00H\x00\x00\x00",
    b"H\x00e\x00l\x00l\x00o\x00 \x00w\x00o\x00r\x00l\x00d\x00.\x00",
    b"text\nwith a \x00 NUL\n",
    "Первая строка.\nВторая \xff строка.\n".encode("utf-8", "surrogateescape").replace(b"\xc3\xbf", b"\xff"),
    b"Old Mac line ends.\rSecond line.\rThird.",
    b"Tabs\tinside\ta sentence.\fForm feed.\vVertical tab. Next.\n",
    "Line\u2028separator. Next\u0085line. Para\u2029graph.\n".encode(),
    b"Control \x01\x02\x1b[31m chars. And \x1c\x1d\x1e\x1f more.\n",
    "Mixed scripts: Москва и Moscow, NATO и НАТО, KAMA3 и КАМАЗ.\n".encode(),
    "Т.е. и т.д. Г-н Иванов. Mr. Smith. 2,5 млн. руб. 120 000.\n".encode(),
    ("a" * 3000 + ". " + "б" * 500 + ".").encode(),
    b"...\n!!!\n???\n",
    "— Спасибо.\n— Пожалуйста.\n".encode(),
    "\u0301\u0308 combining first. e\u0301 ё е\u0308.\n".encode(),
    "🙂 emoji. 𝔘𝔫𝔦𝔠𝔬𝔡𝔢. ﷽.\n".encode(),
]


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    src, out = sys.argv[1:3]
    texts = sorted(glob.glob(os.path.join(src, "corpus", "**", "*.txt"), recursive=True))
    texts += sorted(glob.glob(os.path.join(src, "tests", "segment", "*.txt")))
    notes = sorted(glob.glob(os.path.join(src, "tests", "notes", "*.ru")))

    # load: an options byte (keep_all, language, analyse), then the text.
    i = 0
    for path in texts + [n[:-3] + ".en" for n in notes[:6]] + notes[:6]:
        for piece in chunks(read(path), LOAD_MAX):
            write(os.path.join(out, "load"), bytes([i % 16]) + piece)
            i += 1
    for j, t in enumerate(HOSTILE_TEXTS):
        for flags in (0, 9, 14):
            write(os.path.join(out, "load"), bytes([flags]) + t)

    # word-break: lines of the texts, as the word break meets sentences.
    for path in texts:
        for line in read(path).splitlines():
            if line.strip():
                write(os.path.join(out, "word-break"), line[:WORD_BREAK_MAX])

    # sentence-break: paragraphs of the texts, line ends as spaces (as the
    # segmenter gives them to ICU).
    for path in texts:
        for para in read(path).split(b"\n\n"):
            if para.strip():
                write(os.path.join(out, "sentence-break"),
                      para.replace(b"\r", b" ").replace(b"\n", b" ")[:SENTENCE_BREAK_MAX])

    # lexicon: the dictionary files, cut into pieces that keep the format line.
    for path in sorted(glob.glob(os.path.join(src, "dictionaries", "*.tsv"))
                       + glob.glob(os.path.join(src, "dictionaries", "*.txt"))):
        lines = read(path).splitlines(keepends=True)
        head = b"# sverka-lexicon 1\n"
        body = lines[1:]
        for k in range(0, min(len(body), 20 * LEX_LINES), LEX_LINES):
            write(os.path.join(out, "lexicon"), head + b"".join(body[k:k + LEX_LINES]))
    for t in [b"", b"# sverka-lexicon 1\n", b"# sverka-lexicon 2\n",
              b"# sverka-stopwords 1\nword\n", b"# sverka-lexicon 1\r\n\xd0\xbc\xd0\xb8\xd1\x80\tpeace\tterm,num=1e3\r\n",
              b"# sverka-lexicon 1\n\xd0\xbc\xd0\xb8\xd1\x80\tpeace\tbogus\n",
              b"# sverka-lexicon 1\none\n", b"# sverka-lexicon 1\na\tb\tc\td\n",
              b"# sverka-lexicon 1\n\t\t\n  # comment\n\xff\n",
              b"# sverka-lexicon 1\n...\t!!!\n", b"# sverka-lexicon 1\nx\ty\tnum=\n"]:
        write(os.path.join(out, "lexicon"), t)
    # compiled: the same lexicon files, which the harness compiles and maps
    for name in sorted(os.listdir(os.path.join(out, "lexicon"))):
        with open(os.path.join(out, "lexicon", name), "rb") as f:
            write(os.path.join(out, "compiled"), f.read())

    # align: an options byte (mode, keep_all, notes), the Russian text, a
    # form feed and the English text.
    pairs = [(n, n[:-3] + ".en") for n in notes]
    brussels = os.path.join(src, "corpus", "2021-12-14-brussels")
    pairs.append((os.path.join(brussels, "ru.txt"), os.path.join(brussels, "en.txt")))
    i = 0
    for ru_path, en_path in pairs:
        ru_parts = chunks(read(ru_path), ALIGN_MAX)
        en_parts = chunks(read(en_path), ALIGN_MAX)
        for k in range(min(len(ru_parts), len(en_parts), 4)):
            write(os.path.join(out, "align"), bytes([i % 16]) + ru_parts[k] + b"\f" + en_parts[k])
            i += 1
    for t in HOSTILE_TEXTS[9:]:
        write(os.path.join(out, "align"), bytes([9]) + "Мир. Москва.\n".encode() + b"\f" + t)
        write(os.path.join(out, "align"), bytes([10]) + t + b"\f" + b"Peace. Moscow.\n")

    # Web pages: the test page, cut, and a few broken ones (load and align).
    page = read(os.path.join(src, "tests", "input", "brussels-ru-cp1251.html"))
    for k, part in enumerate(chunks(page, LOAD_MAX)[:3]):
        write(os.path.join(out, "load"), bytes([k * 2]) + part)
    for t in [b"<!DOCTYPE html><p>\xd0\x9c\xd0\xb8\xd1\x80.<p>\xd0\x94\xd0\xb0.",
              b"<html><body><table><tr><td>a<td>b</table><script>x</script>",
              b"<?xml version='1.0'?><html><body>&amp;&#0;&#xD800;&bogus;</body></html>",
              b"<html>" + b"<div>" * 300 + b"deep" + b"</div>" * 300]:
        write(os.path.join(out, "load"), bytes([0]) + t)
        write(os.path.join(out, "align"), bytes([1]) + t + b"\f" + b"Peace. Yes.\n")

    # review: a byte (odd: the harness puts a valid header first), then a
    # review file's lines.
    for t in [b'{"report_id":1,"links":[2]}\n', b'{"report_id":2,"links":[]}\n',
              b'{"report_id":3,"links":[1,4,4]}\n{"report_id":3,"links":[5]}\n',
              b'{"report_id":1,"links":[9]}\n', b'{"report_id":0,"links":[1]}\n',
              b'\r\n  \n{"report_id":2,"links":[1, 2 ,3],"note":"x"}\r\n']:
        write(os.path.join(out, "review"), bytes([1]) + t)
    for t in [b"", b'{"sverka_review":2}\n', b'{"sverka_review":1,"report":"en"}\n',
              b'{"sverka_review":1,"report":"ru","ru_sentences":3,"en_sentences":5,'
              b'"ru_sha256":"' + b"a" * 64 + b'","en_sha256":"' + b"b" * 64 + b'"}\n',
              b'\xff\xfe{', b'{"report_id":1,"links":[1]}\n',
              b'{"sverka_review":1,"report":"de","de_sentences":3,"fr_sentences":5,'
              b'"de_sha256":"' + b"a" * 64 + b'","fr_sha256":"' + b"b" * 64 + b'"}\n',
              b'{"sverka_review":1,"report":"en","en_sentences":5,"RU_sentences":3}\n']:
        write(os.path.join(out, "review"), bytes([0]) + t)
    # bit 2: the valid header with the English members first.
    write(os.path.join(out, "review"), bytes([5]) + b'{"report_id":2,"links":[3,1]}\n')

    # review, bit 1: accept files (bit 0: the harness puts the header first).
    for t in [b"number\terror\t1\t1\tx\ty\tz\n", b"", b"spelling\twarning\t\t2\t\tx\ty\r\n\n"]:
        write(os.path.join(out, "review"), bytes([3]) + t)
    write(os.path.join(out, "review"), bytes([2]) + b"kind\tseverity\n")

    # json: stream records, text and arrays of sentences.
    for t in [b'{"id":1,"ru":"\xd0\x9c\xd0\xb8\xd1\x80.","en":"Peace."}',
              b'{"id":[2],"ru":["a","","b"],"en":["c"]}', b'{"ru":["a\\nb", "\\u0041"],"en":[]}',
              b'{"ru":[1,"a"]}', b'{"ru":["a",]}', b'{"en":"\\ud800"}', b'{"a":{"b":[1,{"c":null}]}}']:
        write(os.path.join(out, "json"), t)

    # office: a byte (0: a DOCX's word/document.xml, 1: an ODT's content.xml,
    # 2: a whole file), then the XML or the file.
    w = (b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
         b'<w:body><w:p><w:r><w:t>\xd0\x9c\xd0\xb8\xd1\x80.</w:t><w:tab/><w:t>Peace.</w:t></w:r></w:p>'
         b'<w:tbl><w:tr><w:tc><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'
         b'<w:p><w:del><w:r><w:delText>gone</w:delText></w:r></w:del></w:p></w:body></w:document>')
    o = (b'<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
         b'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
         b'<text:h>Title</text:h><text:p>One<text:s text:c="2"/>two<text:note><text:note-citation>1'
         b'</text:note-citation><text:note-body><text:p>A note.</text:p></text:note-body></text:note>'
         b'</text:p></office:text></office:body></office:document-content>')
    write(os.path.join(out, "office"), bytes([0]) + w)
    write(os.path.join(out, "office"), bytes([1]) + o)
    write(os.path.join(out, "office"), bytes([0]) + b"<w:p>" * 300)
    write(os.path.join(out, "office"), bytes([2]) + b"PK\x03\x04" + b"\x00" * 40)
    for name in ("structure.docx", "structure.odt"):
        path = os.path.join(src, "tests", "input", name)
        if os.path.exists(path):
            write(os.path.join(out, "office"), bytes([2]) + read(path))

    # xliff: the hand-made files, and small ones of each version.
    for name in ("units-1.2.xlf", "units-2.0.xlf"):
        path = os.path.join(src, "tests", "input", name)
        if os.path.exists(path):
            write(os.path.join(out, "xliff"), read(path))
    write(os.path.join(out, "xliff"),
          b'<xliff version="2.0" srcLang="ru" trgLang="en"><file><unit id="1"><segment>'
          b'<source>\xd0\x9c\xd0\xb8\xd1\x80 5.</source><target>Peace 6.</target></segment>'
          b'<segment><source>a</source></segment></unit></file></xliff>')
    write(os.path.join(out, "xliff"),
          b'<xliff version="1.2"><file><body><trans-unit id="1"><source>x</source>'
          b'<seg-source><mrk mtype="seg" mid="1">x</mrk></seg-source><target>'
          b'<mrk mtype="seg" mid="1">y</mrk></target></trans-unit></body></file></xliff>')

    # pdf: small PDFs printed by tests/input/make-pdf.py (python3-cairo),
    # when it runs here.
    make = os.path.join(src, "tests", "input", "make-pdf.py")
    with tempfile.TemporaryDirectory() as tmp:
        short = os.path.join(tmp, "short.txt")
        with open(short, "w", encoding="utf-8") as f:
            f.write("Встреча в Брюсселе длилась час, сотрудничество обсуждали.\n"
                    "The NATO-led mission ended in 2021.\n")
        jobs = [["wrap", short, "a.pdf", "--header", "Header", "--hyphenate"],
                ["lines", os.path.join(src, "tests", "input", "structure-pdf.txt"), "b.pdf",
                 "--header", "Header"],
                ["blank", "c.pdf"]]
        for job in jobs:
            out_pdf = os.path.join(tmp, job[2] if job[0] != "blank" else job[1])
            args = [a if not a.endswith(".pdf") else out_pdf for a in job]
            if subprocess.run(["/usr/bin/python3", make] + args, capture_output=True).returncode == 0:
                write(os.path.join(out, "pdf"), read(out_pdf))
    path = os.path.join(src, "tests", "input", "structure.pdf")
    if os.path.exists(path):
        write(os.path.join(out, "pdf"), read(path))
    write(os.path.join(out, "pdf"), b"%PDF-1.4\n%%EOF\n")

    # bitext: a first byte choosing the form (0 TSV, 1 TMX, 2 Moses with
    # the files split at a form feed), then a few pairs of the corpus.
    par = os.path.join(src, "corpus", "parallel-ru-en")
    ru = read(os.path.join(par, "tico19-test.ru")).split(b"\n")[:6]
    en = read(os.path.join(par, "tico19-test.en")).split(b"\n")[:6]
    write(os.path.join(out, "bitext"),
          b"\x00ru\ten\n" + b"".join(r + b"\t" + e + b"\n" for r, e in zip(ru, en)))
    write(os.path.join(out, "bitext"),
          b"\x01<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header/><body>\n"
          + b"".join(b'<tu><tuv xml:lang="ru"><seg>' + r.replace(b"&", b"&amp;").replace(b"<", b"&lt;")
                     + b'</seg></tuv><tuv xml:lang="en-US"><seg>'
                     + e.replace(b"&", b"&amp;").replace(b"<", b"&lt;") + b"</seg></tuv></tu>\n"
                     for r, e in zip(ru, en))
          + b"</body></tmx>\n")
    write(os.path.join(out, "bitext"), b"\x02" + b"\n".join(ru) + b"\f" + b"\n".join(en))

    # wordforms: an .aff, a NUL, a .dic: the test's small dictionaries, and
    # the start of each hunspell dictionary sverka opens, cut short
    wf = os.path.join(src, "tests", "wordforms")
    for name in ("small", "long-flags"):
        write(os.path.join(out, "wordforms"),
              read(os.path.join(wf, name + ".aff")) + b"\x00" + read(os.path.join(wf, name + ".dic")))
    hunspell = os.environ.get("SVERKA_HUNSPELL_DIR") or "/usr/share/hunspell"
    for name in ("ru_RU", "en_US", "en_GB"):
        aff = os.path.join(hunspell, name + ".aff")
        dic = os.path.join(hunspell, name + ".dic")
        if os.path.exists(aff) and os.path.exists(dic):
            aff_lines = read(aff).split(b"\n")
            dic_lines = read(dic).split(b"\n")
            write(os.path.join(out, "wordforms"),
                  b"\n".join(aff_lines[:60]) + b"\x00" + b"\n".join(dic_lines[:40]))

    # freedict: a byte choosing the languages (0 de-fr, 1 fr-de), then an
    # article; every 400th of the installed dictionaries, and the pinned ones.
    regress = os.path.join(src, "tests", "regress", "fuzz-freedict")
    for name in sorted(os.listdir(regress)) if os.path.isdir(regress) else []:
        write(os.path.join(out, "freedict"), read(os.path.join(regress, name)))
    for k, name in enumerate(("freedict-deu-fra", "freedict-fra-deu")):
        index = os.path.join("/usr/share/dictd", name + ".index")
        if not os.path.exists(index) or not os.path.exists(index[:-6] + ".dict.dz"):
            continue
        with gzip.open(index[:-6] + ".dict.dz", "rb") as f:
            data = f.read()
        for line in read(index).split(b"\n")[::400]:
            fields = line.split(b"\t")
            if len(fields) == 3:
                offset, length = (b64_number(x) for x in fields[1:])
                write(os.path.join(out, "freedict"), bytes([k]) + data[offset:offset + length])
    # language-pack: the packs' language.tsv, whose code is made the
    # harness's "xx"
    for name in sorted(os.listdir(os.path.join(src, "dictionaries"))):
        desc = os.path.join(src, "dictionaries", name, "language.tsv")
        if os.path.isfile(desc):
            text = read(desc)
            write(os.path.join(out, "language-pack"),
                  text.replace(b"code\t" + name.encode(), b"code\txx"))
    # times, weekdays: the packs' times.tsv and weekdays.tsv
    for name in sorted(os.listdir(os.path.join(src, "dictionaries"))):
        for harness in ("times", "weekdays"):
            data = os.path.join(src, "dictionaries", name, harness + ".tsv")
            if os.path.isfile(data):
                write(os.path.join(out, harness), read(data))
    return 0


def b64_number(digits):
    """A number in dictd's base64 (A-Z a-z 0-9 + /)."""
    alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    value = 0
    for d in digits:
        value = value * 64 + alphabet.index(d)
    return value


if __name__ == "__main__":
    sys.exit(main())
