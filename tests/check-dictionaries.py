#!/usr/bin/env python3
"""Checks sverka's dictionary files as the program reads them.

  check-dictionaries.py DICTIONARY_DIR

Every .txt and .tsv file under DICTIONARY_DIR (its subfolders included) is
read by its format line, the first line:

  # sverka-stopwords 1          one field: a function word
  # sverka-segment-exceptions 1 two: an abbreviation ending in '.', a rule
                                (never, digit, name, break)
  # sverka-numbers 1            three: word, value, kind (cardinal, hundred,
                                multiplier, ordinal)
  # sverka-lemmas 1             two: form, lemma
  # sverka-months 1             two: a month word (or a beginning ending in
                                '*'), its month from 1 to 12
  # sverka-times 1              two or three: a kind (before, hour, minute,
                                part, word) and a phrase, with a part of the
                                day (am, pm, night) or a time HH:MM; or a
                                rule (clock 12 or 24, needs-before and
                                bare-minutes yes or no), each once
  # sverka-weekdays 1           two or three: a weekday's form (name,
                                guarded, number-only, abbreviation) with
                                its day 1-7, or a word around it (guard,
                                not-followed-by, lead, trail, year-word,
                                day-suffix, day-month-word); and once
                                abbreviations-capitalised yes or no
  # sverka-lexicon 1            two or three: one side, the other, tags

Other files (README.md, meson.build) are left alone. Each file must be
UTF-8 in NFC with no NUL byte, carriage return or white space at the end of
a line or beside a tab; empty lines and lines starting with '#' are
comments. Entries are checked as sverka_dict_file_foreach() and the
loaders in align/sverka-context.c and align/sverka-lexicon.c read them:

  - the number of tab-separated fields, none of them empty;
  - stop words, number words and lemma lines in lower case;
  - known rule, kind and tag names; values and num=/p= tags that parse as
    the program parses them (finite decimal numbers, p from 0 to 1);
  - no key twice where the program would keep only one of the lines: a
    stop word folded as sverka folds a word of the text (case folded, ß as
    ss, quotes as ', ё as е); a number word or a lemma's form in lower case
    (the later line replaces the earlier); an abbreviation in lower case
    with another rule, or the same spelling twice (the same abbreviation
    written capitalised and in lower case with one rule is meant: the
    lower-case line makes it an abbreviation before a lower-case word
    too); a lexicon pair whose two sides are written alike (the later line
    is dropped, its tags lost);
  - a lemma different from its form;
  - abbreviations the segmenter can reach: not initials ("J.", "J.R.",
    which follow the name rule without being looked up), at most three
    words, and not a phrase whose last word is listed or is an initial
    (the last word alone is looked up first and its rule taken);
  - lexicon sides with a letter or a digit.

Prints FILE:LINE: problem for each problem and exits 1 if there was any,
0 otherwise. Standard library only.
"""

import math
import os
import re
import sys
import unicodedata

FORMATS = {
    "sverka-stopwords": (1, 1),
    "sverka-segment-exceptions": (2, 2),
    "sverka-numbers": (3, 3),
    "sverka-lemmas": (2, 2),
    "sverka-months": (2, 2),
    "sverka-times": (2, 3),
    "sverka-weekdays": (2, 3),
    "sverka-lexicon": (2, 3),
    "sverka-language": (2, 3),
}
# the keys of a language pack's language.tsv (sverka-language-pack.c)
PACK_KEYS = ("code", "name", "script", "locale", "stemmer", "hunspell", "hunspell-alt",
             "transliteration", "decimal-comma", "inflected-numbers", "month-first-dates",
             "ordinal-suffixes", "pronouns", "capitalised-nouns", "files")
VERSION = 1
TIME_RULES = {"clock": ("12", "24"), "needs-before": ("yes", "no"),
              "bare-minutes": ("yes", "no")}
TIME_PARTS = ("am", "pm", "night")
RULES = ("never", "digit", "name", "break")
KINDS = ("cardinal", "hundred", "multiplier", "ordinal")
TAGS = ("term", "name", "title", "org", "month", "day", "general", "learned")
# what g_ascii_strtod() reads in full, without the hexadecimal, "inf" and
# "nan" forms no dictionary means
NUMBER = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$")
QUOTES = str.maketrans({
    "\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'", "\u02bc": "'",
    "\u2032": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"',
    "\u00ab": '"', "\u00bb": '"', "\u2033": '"',
})
INITIALS = re.compile(r"^(?:[^\W\d_]\.)+$")


class Checker:
    def __init__(self):
        self.problems = 0

    def report(self, path, lineno, message):
        print("%s:%d: %s" % (path, lineno, message))
        self.problems += 1


def fold_for_matching(word):
    """sverka_normalize (..., SVERKA_NORMALIZE_FOR_MATCHING): quotes, full
    case folding (ß as ss), ё as е, NFC; how a word of the text is folded."""
    word = word.translate(QUOTES).casefold()
    word = word.replace("\u0451", "\u0435")
    return unicodedata.normalize("NFC", word)


def fold_simple(word):
    """sverka_simple_fold(): each character in lower case, ё as е; how the
    tables of numbers, lemmas and abbreviations are keyed."""
    return word.lower().replace("\u0451", "\u0435")


def is_initials(word):
    """is_initials() of sverka-segment.c: capital letters each with a dot."""
    return INITIALS.match(word) is not None and all(
        c.isupper() for c in word if c != ".")


def parse_number(text):
    if not NUMBER.match(text):
        return None
    value = float(text)
    return value if math.isfinite(value) else None


def check_tags(ck, path, lineno, field):
    if field == "general":
        return
    for tag in field.split(","):
        tag = tag.strip()
        if tag in TAGS:
            continue
        if tag.startswith("num="):
            if parse_number(tag[4:]) is None:
                ck.report(path, lineno, "expected a finite number after 'num=', found %r"
                          % tag[4:])
        elif tag.startswith("p="):
            p = parse_number(tag[2:])
            if p is None or not 0 <= p <= 1:
                ck.report(path, lineno, "expected a probability from 0 to 1 after 'p=', "
                          "found %r" % tag[2:])
        else:
            ck.report(path, lineno, "unknown tag %r (known: %s, num=VALUE, p=PROBABILITY)"
                      % (tag, ", ".join(TAGS)))


def has_word(side):
    return any(c.isalnum() for c in side)


def check_file(ck, path):
    with open(path, "rb") as f:
        data = f.read()
    if b"\0" in data:
        ck.report(path, data[:data.index(b"\0")].count(b"\n") + 1, "NUL byte")
        return
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        ck.report(path, data[:e.start].count(b"\n") + 1,
                  "not UTF-8 text (bad byte at offset %d)" % e.start)
        return
    if text.startswith("\ufeff"):
        ck.report(path, 1, "byte order mark before the format line")
        text = text[1:]
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines:
        ck.report(path, 1, "empty file: expected a format line")
        return
    first = lines[0].rstrip("\r")
    m = re.match(r"^# (sverka-[a-z-]+) (\S+)$", first)
    if not m or m.group(1) not in FORMATS:
        ck.report(path, 1, "expected a format line such as '# sverka-lexicon 1', found %r"
                  % first[:60])
        return
    fmt = m.group(1)
    if m.group(2) != str(VERSION):
        ck.report(path, 1, "unsupported version: expected '# %s %d', found %r"
                  % (fmt, VERSION, first))
        return
    min_fields, max_fields = FORMATS[fmt]

    seen = {}          # key -> (lineno, extra)
    exceptions = []    # (lineno, abbreviation, rule)
    for lineno, raw in enumerate(lines, 1):
        if raw.endswith("\r"):
            ck.report(path, lineno, "carriage return at the end of the line")
            raw = raw[:-1]
        if raw != raw.rstrip(" \t\u00a0\u3000"):
            ck.report(path, lineno, "white space at the end of the line")
        if unicodedata.normalize("NFC", raw) != raw:
            ck.report(path, lineno, "not in NFC (compose the accented letters)")
        if lineno == 1:
            continue
        line = raw.strip()
        if line == "" or line.startswith("#"):
            continue
        fields = line.split("\t")
        if any(f != f.strip() for f in fields):
            ck.report(path, lineno, "white space beside a tab")
        fields = [f.strip() for f in fields]
        if not min_fields <= len(fields) <= max_fields:
            want = (str(min_fields) if min_fields == max_fields
                    else "%d to %d" % (min_fields, max_fields))
            ck.report(path, lineno, "expected %s tab-separated field%s, found %d"
                      % (want, "" if max_fields == 1 else "s", len(fields)))
            continue
        empty = [i + 1 for i, f in enumerate(fields) if f == ""]
        if empty:
            ck.report(path, lineno, "field %d is empty" % empty[0])
            continue

        if fmt == "sverka-stopwords":
            word = fields[0]
            if word != word.lower():
                ck.report(path, lineno, "%r: write stop words in lower case" % word)
            key = fold_for_matching(word)
            if key in seen:
                ck.report(path, lineno, "%r is a duplicate of line %d (both %r once folded)"
                          % (word, seen[key][0], key))
            else:
                seen[key] = (lineno, None)

        elif fmt == "sverka-segment-exceptions":
            abbr, rule = fields
            if not abbr.endswith("."):
                ck.report(path, lineno, "expected an abbreviation ending in '.', found %r"
                          % abbr)
                continue
            if rule not in RULES:
                ck.report(path, lineno, "expected the rule %s, found %r"
                          % (", ".join(repr(r) for r in RULES), rule))
                continue
            if is_initials(abbr):
                ck.report(path, lineno, "%r is initials: they follow the name rule without "
                          "being looked up, so this line is never read" % abbr)
                continue
            words = abbr.split(" ")
            if "" in words or len(words) > 3:
                ck.report(path, lineno, "%r: the segmenter looks up one to three words "
                          "joined by single spaces" % abbr)
                continue
            key = fold_simple(abbr)
            if key in seen:
                prev_line, prev_abbr, prev_rule = seen[key]
                if prev_abbr == abbr:
                    ck.report(path, lineno, "%r is a duplicate of line %d" % (abbr, prev_line))
                elif prev_rule != rule:
                    ck.report(path, lineno, "%r (%s) replaces %r (%s) of line %d: the "
                              "abbreviations are looked up in lower case, one rule each"
                              % (abbr, rule, prev_abbr, prev_rule, prev_line))
            else:
                seen[key] = (lineno, abbr, rule)
            exceptions.append((lineno, abbr, words))

        elif fmt == "sverka-language":
            key = fields[0]
            if key not in PACK_KEYS:
                ck.report(path, lineno, "unknown key %r" % key)
            elif key == "pronouns" and any(
                    not w.isalpha() or w != w.lower() for w in fields[1].split()):
                ck.report(path, lineno, "pronouns are lower-case words of letters, found %r"
                          % fields[1])
            elif key == "capitalised-nouns" and fields[1] not in ("yes", "no"):
                ck.report(path, lineno, "capitalised-nouns is yes or no, found %r" % fields[1])
            elif key in seen:
                ck.report(path, lineno, "%r given twice (line %d)" % (key, seen[key][0]))
            else:
                seen[key] = (lineno, None)
        elif fmt == "sverka-numbers":
            word, value, kind = fields
            if word != word.lower():
                ck.report(path, lineno, "%r: write number words in lower case" % word)
            if parse_number(value) is None:
                ck.report(path, lineno, "expected a number in field 2, found %r" % value)
            if kind not in KINDS:
                ck.report(path, lineno, "expected the kind %s, found %r"
                          % (", ".join(repr(k) for k in KINDS), kind))
            key = fold_simple(word)
            if key in seen:
                ck.report(path, lineno, "%r is already on line %d (the later line replaces it)"
                          % (word, seen[key][0]))
            else:
                seen[key] = (lineno, None)

        elif fmt == "sverka-months":
            word, month = fields
            stem = word[:-1] if word.endswith("*") else word
            if word != word.lower():
                ck.report(path, lineno, "%r: write month words in lower case" % word)
            if len(stem.encode("utf-8")) < 2:
                ck.report(path, lineno, "%r: a month word of two letters or more" % word)
            if not (month.isdigit() and 1 <= int(month) <= 12):
                ck.report(path, lineno, "expected a month from 1 to 12 in field 2, found %r"
                          % month)
            key = fold_simple(word)
            if key in seen:
                ck.report(path, lineno, "%r is already on line %d" % (word, seen[key][0]))
            else:
                seen[key] = (lineno, None)

        elif fmt == "sverka-times":
            check_time_line(ck, path, lineno, fields, seen)

        elif fmt == "sverka-weekdays":
            check_weekday_line(ck, path, lineno, fields, seen)

        elif fmt == "sverka-lemmas":
            form, lemma = fields
            if form != form.lower() or lemma != lemma.lower():
                ck.report(path, lineno, "%r -> %r: write forms and lemmas in lower case"
                          % (form, lemma))
            key = fold_simple(form)
            if key == fold_simple(lemma):
                ck.report(path, lineno, "the form %r is its own lemma; remove the line" % form)
            if key in seen:
                ck.report(path, lineno, "%r is already on line %d (the later line replaces it)"
                          % (form, seen[key][0]))
            else:
                seen[key] = (lineno, None)

        elif fmt == "sverka-lexicon":
            a, b = fields[0], fields[1]
            if not has_word(a) or not has_word(b):
                ck.report(path, lineno, "expected words on both sides, found %r and %r" % (a, b))
            if len(fields) == 3:
                check_tags(ck, path, lineno, fields[2])
            key = a + "\t" + b
            if key in seen:
                ck.report(path, lineno, "%r -> %r is already on line %d (this line is dropped)"
                          % (a, b, seen[key][0]))
            else:
                seen[key] = (lineno, None)

    # A phrase is looked up only when its last word alone (then its last two
    # words) found nothing: not when that word is listed or is an initial.
    if fmt == "sverka-segment-exceptions":
        for lineno, abbr, words in exceptions:
            for n in range(1, len(words)):
                tail = " ".join(words[len(words) - n:])
                if is_initials(tail) and n == 1:
                    ck.report(path, lineno, "%r is never looked up: its last word %r is an "
                              "initial, which takes the name rule first" % (abbr, tail))
                    break
                if fold_simple(tail) in seen:
                    ck.report(path, lineno, "%r is never looked up: %r (line %d) is found "
                              "first" % (abbr, tail, seen[fold_simple(tail)][0]))
                    break


def check_time_line(ck, path, lineno, fields, seen):
    """A line of times.tsv, as sverka_time_words_load() reads it."""
    kind = fields[0]
    if kind in TIME_RULES:
        if len(fields) != 2 or fields[1] not in TIME_RULES[kind]:
            ck.report(path, lineno, "%s takes one field, %s" % (kind, " or ".join(TIME_RULES[kind])))
        if kind in seen:
            ck.report(path, lineno, "%s given twice (line %d)" % (kind, seen[kind][0]))
        else:
            seen[kind] = (lineno, None)
        return
    want = {"before": 2, "hour": 2, "minute": 2, "part": 3, "word": 3}.get(kind)
    if want is None:
        ck.report(path, lineno, "unknown kind %r" % kind)
        return
    if len(fields) != want:
        ck.report(path, lineno, "a %s line has %d fields, found %d" % (kind, want, len(fields)))
        return
    phrase = fields[1]
    start = len(phrase) > 1 and phrase.endswith("*")
    body = phrase[:-1] if start else phrase
    if body != body.lower():
        ck.report(path, lineno, "%r: write phrases in lower case" % phrase)
    if kind in ("before", "word") and (start or not body.isalpha()):
        ck.report(path, lineno, "a %s is one word of letters, found %r" % (kind, phrase))
    if kind == "part" and fields[2] not in TIME_PARTS:
        ck.report(path, lineno, "expected am, pm or night in field 3, found %r" % fields[2])
    if kind == "word" and not re.fullmatch(r"([01][0-9]|2[0-3]):[0-5][0-9]", fields[2]):
        ck.report(path, lineno, "expected a time HH:MM in field 3, found %r" % fields[2])
    key = (kind, phrase)
    if key in seen:
        ck.report(path, lineno, "%r is already on line %d" % (phrase, seen[key][0]))
    else:
        seen[key] = (lineno, None)


def check_weekday_line(ck, path, lineno, fields, seen):
    """A line of weekdays.tsv, as sverka_weekdays_load() reads it."""
    kind = fields[0]
    if kind == "abbreviations-capitalised":
        if len(fields) != 2 or fields[1] not in ("yes", "no"):
            ck.report(path, lineno, "%s takes one field, yes or no" % kind)
        if kind in seen:
            ck.report(path, lineno, "%s given twice (line %d)" % (kind, seen[kind][0]))
        else:
            seen[kind] = (lineno, None)
        return
    forms = ("name", "guarded", "number-only", "abbreviation")
    words = ("guard", "not-followed-by", "lead", "trail", "year-word", "day-suffix",
             "day-month-word")
    if kind not in forms and kind not in words:
        ck.report(path, lineno, "unknown kind %r" % kind)
        return
    want = 3 if kind in forms else 2
    if len(fields) != want:
        ck.report(path, lineno, "a %s line has %d fields, found %d" % (kind, want, len(fields)))
        return
    if fields[1] != fields[1].lower():
        ck.report(path, lineno, "%r: write words in lower case" % fields[1])
    if kind in forms:
        if not (fields[2].isdigit() and 1 <= int(fields[2]) <= 7):
            ck.report(path, lineno, "expected a day from 1 to 7 in field 3, found %r" % fields[2])
        key = ("form", fold_simple(fields[1]))
    else:
        key = (kind, fields[1])
    if key in seen:
        ck.report(path, lineno, "%r is already on line %d" % (fields[1], seen[key][0]))
    else:
        seen[key] = (lineno, None)


def main(argv):
    if len(argv) != 2 or argv[1].startswith("-"):
        sys.stderr.write("usage: %s DICTIONARY_DIR\n" % os.path.basename(argv[0]))
        return 2
    root = argv[1]
    if not os.path.isdir(root):
        sys.stderr.write("%s: not a folder\n" % root)
        return 2
    ck = Checker()
    n_files = 0
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            if name.endswith((".txt", ".tsv")):
                check_file(ck, os.path.join(dirpath, name))
                n_files += 1
    if n_files == 0:
        sys.stderr.write("%s: no .txt or .tsv file\n" % root)
        return 1
    return 1 if ck.problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
