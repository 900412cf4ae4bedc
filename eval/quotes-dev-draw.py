#!/usr/bin/env python3
"""quotes-dev-draw.py — draws a new random sample of BBC articles for the quote
dev sets, lists its quotes for annotation, and writes the gold file that
`factline eval quotes` reads.

The draw excludes every article already in an eval/quotes-dev*.jsonl file of the
same source file, so a new sample is unseen text. The listing shows each quote
the system finds with its paragraph but NOT the system's kind or speaker, so the
annotator decides them by reading; marks the system left outside every quote are
listed too, so that a missed quote can be added by hand.

  draw:   eval/quotes-dev-draw.py draw --seed S --n N
  list:   eval/quotes-dev-draw.py list --seed S --n N > listing.txt
  write:  eval/quotes-dev-draw.py write --seed S --n N --ann DECISIONS --out eval/quotes-dev-NAME.jsonl

DECISIONS holds one line per quote: `ARTICLE INDEX KIND SPEAKER` (INDEX is the
listing's quote number in the article, SPEAKER `-` for null), or
`ARTICLE + START END PARTS KIND SPEAKER` for a quote the system missed (bytes),
or `ARTICLE INDEX drop` for a system quote that is no quote. `#` starts a comment.
Not for: scoring (cli/cmd_eval.c).
"""
import argparse, json, os, random, subprocess, sys, glob

ap = argparse.ArgumentParser()
ap.add_argument('mode', choices=['draw', 'list', 'write'])
ap.add_argument('--seed', type=int, required=True)
ap.add_argument('--n', type=int, required=True)
ap.add_argument('--file', default='news/bbc_israel_gaza_2023-10-07_2023-10-29.txt')
ap.add_argument('--factline', default='build/factline')
ap.add_argument('--data', default=os.environ.get('FACTLINE_DATA', '../shared/data'))
ap.add_argument('--ann')
ap.add_argument('--out')
ap.add_argument('--selection', default='')
args = ap.parse_args()

path = os.path.join(args.data, args.file)
with open(path, encoding='utf-8') as f:
    lines = f.read().split('\n')
starts = [i for i, l in enumerate(lines) if l.startswith('date ')]
total = len(starts)

used = set()
for g in glob.glob('eval/quotes-dev*.jsonl'):
    with open(g, encoding='utf-8') as f:
        head = json.loads(f.readline())
    if head.get('file') == args.file:
        used.update(head['articles'])
candidates = [n for n in range(1, total + 1) if n not in used]
sample = sorted(random.Random(args.seed).sample(candidates, args.n))
if args.mode == 'draw':
    print(f'{args.file}: {total} articles, {len(used)} in earlier samples; seed {args.seed}: {sample}')
    sys.exit(0)

def article_lines(n):
    s = starts[n - 1]
    e = starts[n] if n < total else len(lines)
    while e > s and lines[e - 1] == '':
        e -= 1
    return lines[s:e]

docs = {}
for n in sample:
    src = '\n'.join(article_lines(n)) + '\n'
    out = subprocess.run([args.factline, 'extract', '-q', '--text'], input=src,
                         check=True, capture_output=True, text=True).stdout
    docs[n] = json.loads(out.splitlines()[0])

MARKS = '"\u201c\u201d\u00ab\u00bb'

def bslice(b, s, e):
    return b[s:e].decode('utf-8', 'replace')

if args.mode == 'list':
    for n in sample:
        d = docs[n]
        b = d['text'].encode('utf-8')
        print(f'=== article {n} ({d["date"]}) {d["headline"]}')
        covered = []
        for q in d['quotes']:
            covered.append((q['span'][0], q['span'][1]))
        # the whole article, each quote's parts bracketed with its number, so
        # that cue-less paragraphs can be read with what comes before them
        ins = []
        for i, q in enumerate(d['quotes']):
            for s, e in q['parts']:
                ins.append((s, 1, f'<{i}|'))
                ins.append((e, 0, f'|{i}>'))
        ins.sort()
        out, prev = [], 0
        for off, _, tag in ins:
            out.append(bslice(b, prev, off))
            out.append(tag)
            prev = off
        out.append(bslice(b, prev, len(b)))
        print(''.join(out))
        for i, q in enumerate(d['quotes']):
            print(f'    q{i} {q["span"]} parts={len(q["parts"])}')
        stray = []
        for off, ch in enumerate(d['text']):
            if ch in MARKS:
                bo = len(d['text'][:off].encode('utf-8'))
                if not any(s <= bo < e for s, e in covered):
                    stray.append(bo)
        if stray:
            print(f'!!! marks outside every quote at bytes {stray}')
            for bo in stray:
                print('    ', bslice(b, max(0, bo - 80), bo) + '<<' + bslice(b, bo, bo + 80).replace('\n', ' / '))
    sys.exit(0)

# write
if not args.ann or not args.out:
    sys.exit('write needs --ann and --out')
gold = []
seen = set()
for lineno, line in enumerate(open(args.ann, encoding='utf-8'), 1):
    line = line.split('#', 1)[0].strip()
    if not line:
        continue
    f = line.split(None, 3)
    n = int(f[0])
    if n not in docs:
        sys.exit(f'{args.ann}:{lineno}: article {n} is not in the sample')
    d = docs[n]
    if f[1] == '+':
        g = line.split(None, 6)
        s, e, parts, kind, spk = int(g[2]), int(g[3]), int(g[4]), g[5], g[6]
    else:
        i = int(f[1])
        if i >= len(d['quotes']):
            sys.exit(f'{args.ann}:{lineno}: article {n} has no quote {i}')
        seen.add((n, i))
        if f[2] == 'drop':
            continue
        q = d['quotes'][i]
        s, e = q['span']
        parts = len(q['parts'])
        kind, spk = f[2], f[3] if len(f) > 3 else '-'
    if kind not in ('statement', 'partial', 'scare'):
        sys.exit(f'{args.ann}:{lineno}: unknown kind {kind}')
    gold.append({'file': args.file, 'article': n, 'date': d['date'], 'span': [s, e],
                 'parts': parts, 'kind': kind, 'speaker': None if spk == '-' or kind == 'scare' else spk})
for n in sample:
    for i in range(len(docs[n]['quotes'])):
        if (n, i) not in seen:
            sys.exit(f'{args.ann}: article {n} quote {i} has no decision')
gold.sort(key=lambda g: (g['article'], g['span'][0]))
with open(args.out, 'w', encoding='utf-8') as out:
    head = {'file': args.file, 'articles': sample,
            'selection': args.selection or f'random.Random({args.seed}).sample of the {len(candidates)} articles in no earlier sample, {args.n} drawn (eval/quotes-dev-draw.py draw --seed {args.seed} --n {args.n})',
            'guidelines': 'docs/quotes-guidelines.md'}
    out.write(json.dumps(head, ensure_ascii=False) + '\n')
    for g in gold:
        out.write(json.dumps(g, ensure_ascii=False) + '\n')
print(f'{args.out}: {len(gold)} quotes, {sum(g["kind"] == "statement" for g in gold)} statements')
