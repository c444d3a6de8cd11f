#!/usr/bin/env python3
"""Check the discrepancy-notes test set in this folder.

For every NAME.ru: NAME.en and NAME.expected-notes.tsv exist; the TSV header is
exact; kinds and severities are valid (and the severity fits the kind); the ids
are in range of `sverka segment --ids -q` on the two files; omissions list only
English ids, additions only Russian ids, spelling only one side; and the two
sides' sentence counts differ exactly by additions minus omissions.

Usage: tests/notes/check.py [--sverka PATH] [DIR]
Exit status 0 if all is well, 1 otherwise. Prints the note counts per kind.
"""
import argparse
import collections
import os
import subprocess
import sys

HEADER = ['kind', 'severity', 'ru_ids', 'en_ids', 'evidence']
SEVERITY = {  # kind -> allowed severities
    'number': {'error'},
    'date': {'error', 'warning'},  # warning: explicit year against a relative one
    'name': {'error'},
    'omission': {'error'},
    'addition': {'error'},
    'length': {'error'},
    'spelling': {'warning'},
    'terminology': {'warning'},
    'weekday': {'error', 'warning'},  # warning: a weekday beside a date of another day (one side)
    'untranslated': {'error', 'warning'},  # warning: a phrase left in a translated sentence
    'mixed-script': {'error'},
    'moved': {'warning'},
}
ONE_SIDE = ('spelling', 'untranslated', 'mixed-script')  # kinds that list one side only


def segment(sverka, path):
    out = subprocess.run([sverka, 'segment', '--ids', '-q', path],
                         capture_output=True, text=True, check=True).stdout
    ids = [int(line.split('\t', 1)[0]) for line in out.splitlines()]
    if ids != list(range(1, len(ids) + 1)):
        raise ValueError(f'{path}: segmenter ids are not 1..n')
    return len(ids)


def parse_ids(field):
    if field == '':
        return []
    return [int(x) for x in field.split(',')]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--sverka', default=os.path.join(root, 'build', 'align', 'sverka'))
    ap.add_argument('dir', nargs='?', default=here)
    args = ap.parse_args()

    errors = []
    kinds = collections.Counter()
    sides = collections.Counter()
    names = sorted({f.rsplit('.', 1)[0] for f in os.listdir(args.dir) if f.endswith('.ru')})
    others = {f for f in os.listdir(args.dir)
              if f.endswith(('.en', '.expected-notes.tsv'))}
    clean = []
    for name in names:
        ru = os.path.join(args.dir, name + '.ru')
        en = os.path.join(args.dir, name + '.en')
        tsv = os.path.join(args.dir, name + '.expected-notes.tsv')
        others.discard(name + '.en')
        others.discard(name + '.expected-notes.tsv')
        missing = [p for p in (en, tsv) if not os.path.exists(p)]
        if missing:
            errors.append(f'{name}: missing {", ".join(os.path.basename(p) for p in missing)}')
            continue
        for p in (ru, en):
            data = open(p, 'rb').read()
            try:
                data.decode('utf-8')
            except UnicodeDecodeError:
                errors.append(f'{os.path.basename(p)}: not UTF-8')
            if not data.endswith(b'\n') or b'\r' in data:
                errors.append(f'{os.path.basename(p)}: want LF line ends and a final newline')
        n_ru, n_en = segment(args.sverka, ru), segment(args.sverka, en)
        lines = open(tsv, encoding='utf-8').read().split('\n')
        if lines and lines[-1] == '':
            lines.pop()
        if not lines or lines[0].split('\t') != HEADER:
            errors.append(f'{name}: bad header {lines[0] if lines else ""!r}')
            continue
        n_add = n_om = 0
        for i, line in enumerate(lines[1:], start=2):
            f = line.split('\t')
            where = f'{name}.expected-notes.tsv:{i}'
            if len(f) != 5:
                errors.append(f'{where}: {len(f)} fields, want 5')
                continue
            kind, sev, ru_f, en_f, evidence = f
            if kind not in SEVERITY:
                errors.append(f'{where}: unknown kind {kind!r}')
                continue
            if sev not in SEVERITY[kind]:
                errors.append(f'{where}: severity {sev!r} not valid for {kind}')
            try:
                r, e = parse_ids(ru_f), parse_ids(en_f)
            except ValueError:
                errors.append(f'{where}: ids are not comma-separated integers')
                continue
            for side, ids, n in (('ru', r, n_ru), ('en', e, n_en)):
                if ids != sorted(set(ids)):
                    errors.append(f'{where}: {side} ids not sorted and unique')
                bad = [x for x in ids if not 1 <= x <= n]
                if bad:
                    errors.append(f'{where}: {side} ids {bad} out of range 1..{n}')
            if kind == 'omission' and (r or not e):
                errors.append(f'{where}: omission wants empty ru_ids and some en_ids')
            elif kind == 'addition' and (e or not r):
                errors.append(f'{where}: addition wants empty en_ids and some ru_ids')
            elif (kind in ONE_SIDE or (kind, sev) == ('weekday', 'warning')) and bool(r) == bool(e):
                errors.append(f'{where}: {kind} lists exactly one side')
            elif (kind not in ('omission', 'addition') + ONE_SIDE and (kind, sev) != ('weekday', 'warning')
                  and not (r and e)):
                errors.append(f'{where}: {kind} wants ids on both sides')
            if not evidence.strip():
                errors.append(f'{where}: empty evidence')
            n_add += kind == 'addition'
            n_om += kind == 'omission'
            kinds[(kind, sev)] += 1
            if kind == 'spelling':
                sides['spelling ru' if r else 'spelling en'] += 1
        if n_ru - n_en != n_add - n_om:
            errors.append(f'{name}: ru has {n_ru} sentences, en {n_en}; '
                          f'{n_add} additions and {n_om} omissions do not explain the difference')
        if len(lines) == 1:
            clean.append(name)
    for f in sorted(others):
        errors.append(f'{f}: no matching .ru file')

    total = sum(kinds.values())
    print(f'{len(names)} pairs ({len(names) - len(clean)} with notes, {len(clean)} clean), {total} notes')
    by_kind = collections.Counter()
    for (k, s), c in kinds.items():
        by_kind[k] += c
    for k in SEVERITY:
        detail = ', '.join(f'{s} {kinds[(k, s)]}' for s in sorted(SEVERITY[k]) if kinds[(k, s)])
        print(f'  {k:12} {by_kind[k]:3}  ({detail})')
    print(f'  spelling sides: ru {sides["spelling ru"]}, en {sides["spelling en"]}')
    print(f'  clean: {", ".join(clean)}')
    for e in errors:
        print('ERROR', e, file=sys.stderr)
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
