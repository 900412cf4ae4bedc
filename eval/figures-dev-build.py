#!/usr/bin/env python3
"""figures-dev-build.py — turns the hand annotations (figures-dev.ann) into the
gold file figures-dev.jsonl that `factline eval figures` reads: finds each
figure's words in its article and records their byte span.

The article texts come from `factline extract --text` on the BBC files in the
data directory (only the id, date, headline and text fields are read). Also
checks that every subject, source and place annotated occurs in the article.
Not for: scoring (cli/cmd_figures.c).

usage: eval/figures-dev-build.py [--factline build/factline] [--data ../shared/data]
"""
import argparse, json, os, subprocess, sys

ap = argparse.ArgumentParser()
ap.add_argument('--factline', default='build/factline')
ap.add_argument('--data', default=os.environ.get('FACTLINE_DATA', '../shared/data'))
ap.add_argument('--ann', default='eval/figures-dev.ann')
ap.add_argument('--out', default='eval/figures-dev.jsonl')
args = ap.parse_args()

def num(s):
    if s == '-':
        return None
    v = float(s)
    return int(v) if v == int(v) else v

def null(s):
    return None if s == '-' else s

articles, order = {}, []
cur = None
for lineno, line in enumerate(open(args.ann, encoding='utf-8'), 1):
    line = line.rstrip('\n')
    if not line or line.startswith('#'):
        continue
    if line.startswith('= '):
        aid, date, fname = line[2:].split()
        cur = {'id': aid, 'date': date, 'file': 'news/' + fname, 'ann': []}
        articles[aid] = cur
        order.append(aid)
        continue
    fields = [f.strip() for f in line.split('|')]
    if len(fields) != 10 or cur is None:
        sys.exit(f'{args.ann}:{lineno}: expected 10 fields after an article line')
    cur['ann'].append((lineno, fields))

texts = {}
for fname in sorted({a['file'] for a in articles.values()}):
    out = subprocess.run([args.factline, 'extract', '-q', '--text', os.path.join(args.data, fname)],
                         check=True, capture_output=True, text=True).stdout
    for l in out.splitlines():
        d = json.loads(l)
        if d['id'] in articles:
            texts[d['id']] = (d['text'], d['headline'], d['date'])

problems = 0
with open(args.out, 'w', encoding='utf-8') as out:
    for aid in order:
        a = articles[aid]
        if aid not in texts:
            sys.exit(f'article {aid} not found in {a["file"]}')
        text, headline, date = texts[aid]
        assert date == a['date'], (aid, date)
        figs = []
        for lineno, f in a['ann']:
            spec, n = f[0], 1
            if '@' in spec:
                spec, n = spec.rsplit('@', 1)
                n = int(n)
            if '{' in spec:
                pre, rest = spec.split('{', 1)
                words, _ = rest.split('}', 1)
                context = spec.replace('{', '').replace('}', '')
                offset = len(pre)
            else:
                words, context, offset = spec, spec, 0
            pos = -1
            for _ in range(n):
                pos = text.find(context, pos + 1)
                if pos < 0:
                    break
            if pos < 0:
                print(f'{args.ann}:{lineno}: "{context}" (occurrence {n}) not in article {aid}', file=sys.stderr)
                problems += 1
                continue
            start = len(text[:pos + offset].encode())
            end = start + len(words.encode())
            for name, val in (('subject', f[6]), ('source', f[7]), ('place', f[8])):
                if val != '-' and val not in text:
                    print(f'{args.ann}:{lineno}: {name} "{val}" not in article {aid}', file=sys.stderr)
                    problems += 1
            figs.append({'text': words, 'span': [start, end], 'value': num(f[1]), 'low': num(f[2]),
                         'high': num(f[3]), 'qualifier': f[4], 'category': f[5], 'subject': null(f[6]),
                         'source': null(f[7]), 'place': null(f[8]), 'date': a['date'] if f[9] == '-' else f[9]})
        figs.sort(key=lambda g: g['span'])
        out.write(json.dumps({'id': aid, 'date': a['date'], 'file': a['file'], 'headline': headline,
                              'figures': figs}, ensure_ascii=False) + '\n')
print(f'{len(order)} articles, {sum(len(a["ann"]) for a in articles.values())} figures -> {args.out}'
      + (f', {problems} problems' if problems else ''))
sys.exit(1 if problems else 0)
