#!/usr/bin/env python3
"""Writes a git fast-import stream of a synthetic history: COMMITS commits by 25 authors over ~3 years,
touching a growing tree of Java, Python, Markdown and YAML files (1-5 files per commit, some renames),
with a merged feature branch every 40 commits. Deterministic (fixed seed), so runs compare.

    python3 synthetic-history.py 8000 | git -C repo.git fast-import --quiet
"""
import random
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 8000
rnd = random.Random(42)
authors = [(f"Dev {i}", f"dev{i}@example.com") for i in range(25)]
exts = [("java", "// "), ("py", "# "), ("md", ""), ("yaml", "# ")]
files = {}  # path -> list of lines
mark = 0
t = 1_600_000_000
out = sys.stdout.buffer


def w(s):
    out.write(s.encode() if isinstance(s, str) else s)


def blob(lines):
    global mark
    mark += 1
    data = ("\n".join(lines) + "\n").encode()
    w(f"blob\nmark :{mark}\ndata {len(data)}\n")
    w(data)
    w("\n")
    return mark


def change(path):
    lines = files.setdefault(path, [])
    ext = path.rsplit(".", 1)[1]
    prefix = dict(exts)[ext]
    for _ in range(rnd.randint(0, min(3, len(lines)))):
        lines.pop(rnd.randrange(len(lines)))
    for _ in range(rnd.randint(1, 12)):
        kind = rnd.random()
        line = f"{prefix}note {rnd.randint(0, 10**6)}" if kind < 0.2 and prefix else ("" if kind < 0.3 else
                                                                                     f"value_{rnd.randint(0, 10**6)} = {rnd.randint(0, 99)}")
        lines.insert(rnd.randint(0, len(lines)), line)
    return blob(lines)


def commit(ref, parents, message, edits, renames=()):
    global mark, t
    t += rnd.randint(600, 12_000)
    name, email = authors[min(int(rnd.paretovariate(1.2)) - 1, len(authors) - 1)]
    marks = [(p, change(p)) for p in edits]
    mark += 1
    me = mark
    msg = message.encode()
    w(f"commit {ref}\nmark :{me}\nauthor {name} <{email}> {t} +0100\ncommitter {name} <{email}> {t} +0100\n")
    w(f"data {len(msg)}\n")
    w(msg)
    w("\n")
    for i, p in enumerate(parents):
        w(f"{'from' if i == 0 else 'merge'} :{p}\n")
    for old, new in renames:
        w(f'R "{old}" "{new}"\n')
    for p, m in marks:
        w(f"M 100644 :{m} {p}\n")
    w("\n")
    return me


head = None
made = 0
while made < N:
    if made and made % 40 == 0 and made + 4 <= N:
        feature = head
        for j in range(3):
            feature = commit("refs/heads/feature", [feature], f"feature work {made + j}", [rnd.choice(list(files))])
        made += 3
        head = commit("refs/heads/main", [head, feature], f"Merge pull request #{made} from octo/feature-{made}", [])
        made += 1
        continue
    edits = []
    for _ in range(rnd.randint(1, 5)):
        if not files or rnd.random() < 0.15:
            ext = rnd.choice(exts)[0]
            edits.append(f"src/m{rnd.randint(0, 39)}/f{len(files)}.{ext}")
        else:
            edits.append(rnd.choice(list(files)))
    renames = ()
    if files and rnd.random() < 0.01:
        old = rnd.choice(list(files))
        new = old.replace("/f", "/renamed_f", 1)
        if new not in files:
            files[new] = files.pop(old)
            renames = ((old, new),)
            edits = [e if e != old else new for e in edits]
    head = commit("refs/heads/main", [head] if head else [], f"change {made}", sorted(set(edits)), renames)
    made += 1
