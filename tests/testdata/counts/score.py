#!/usr/bin/env python3
"""Scores the count stage on the inline-annotated development set.

    python3 tests/testdata/counts/score.py build/h-counts/newsfacts \
        [--files tests/testdata/counts/devset-*.txt] [--show dev] [--json]

Runs `newsfacts tag --jsonl` (the whole tagger: entities, dates, counts)
over every item line of the annotated files and reports, separately for the
DEV and the held-out TEST part (every 3rd item line, ordinal % 3 == 2, fixed
before tuning):

  detection P/R/F1  a found count matches a gold count when the spans overlap
                    and the values are equal (spec/facts.md); gold items
                    marked `opt` neither reward nor punish
  qualifier/event/unit/subject/date/place accuracy
                    among matched counts; unit/subject/date/place only where
                    the gold gives them (u=, s=, d=, p=)

The default files are devset-written.txt, devset-pages.txt,
devset-rare.txt (Russian inflection, rarer English triggers, numbers that
are no counts), devset-domains.txt (health, disasters, crime, labour,
migration, protests) and devset-pages2.txt (real page sentences from
sport, business, technology and entertainment pages, mostly numbers that
are no counts), in that order: a file added later only appends items, so
the split of the earlier ones stays as it was. The held-out sets
(heldout-*.txt) are scored only with --files, never tuned on.

`--show dev` lists DEV errors; TEST errors are listed only with
`--show test`, which is for the final report, not for tuning.

Line format (see devset-written.txt):
  text with {span|value|qualifier|EVENT|u=..|s=..|d=..|p=..|opt} markers
"""
import argparse
import glob
import json
import os
import re
import subprocess
import sys

MARK = re.compile(r"\{([^{}|]+)\|([^{}]*)\}")
HERE = os.path.dirname(os.path.abspath(__file__))


def parse_line(line):
    """Returns (plain text, [gold count]) for one annotated line."""
    text, counts, pos = "", [], 0
    for m in MARK.finditer(line):
        text += line[pos:m.start()]
        span = m.group(1)
        f = [x.strip() for x in m.group(2).split("|")]
        c = {"text": span, "start": len(text), "end": len(text) + len(span),
             "value": int(f[0]) if f and f[0] else None, "optional": False}
        qual = f[1] if len(f) > 1 else None
        if qual and qual.startswith("range:"):
            lo, hi = qual[6:].split("-")
            c["qualifier"], c["low"], c["high"] = "range", int(lo), int(hi)
        else:
            c["qualifier"] = qual
        if len(f) > 2:
            c["event"] = None if f[2] == "-" else f[2]
        for extra in f[3:]:
            if extra == "opt":
                c["optional"] = True
            elif "=" in extra:
                k, v = extra.split("=", 1)
                key = {"u": "unit", "s": "subject", "d": "date",
                       "p": "place"}[k]
                c[key] = None if v == "-" else v
        if c["value"] is None:
            c["optional"] = True
        counts.append(c)
        text += span
        pos = m.end()
    return text + line[pos:], counts


def load(files):
    items = []
    for path in files:
        lang, date = "en", None
        for n, raw in enumerate(open(path, encoding="utf-8"), 1):
            line = raw.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            if line.startswith("@lang "):
                lang = line[6:].strip()
                continue
            if line.startswith("@date "):
                date = line[6:].strip()
                continue
            text, counts = parse_line(line)
            ordinal = len(items)
            items.append({"id": "%s:%d" % (os.path.basename(path), n),
                          "text": text, "lang": lang, "date": date,
                          "counts": counts,
                          "split": "test" if ordinal % 3 == 2 else "dev"})
    return items


def overlap(a, b):
    return a["start"] < b["end"] and b["start"] < a["end"]


def norm(s):
    return None if s is None else " ".join(s.split()).casefold()


def run_tagger(binary, items):
    lines = []
    for it in items:
        o = {"id": it["id"], "text": it["text"], "lang": it["lang"]}
        if it["date"]:
            o["date"] = it["date"]
        lines.append(json.dumps(o, ensure_ascii=False))
    p = subprocess.run([binary, "tag", "--jsonl", "-q"],
                       input="\n".join(lines) + "\n", capture_output=True,
                       text=True, check=False)
    if p.returncode != 0:
        sys.exit("tagger failed: " + p.stderr)
    out = {}
    for line in p.stdout.splitlines():
        o = json.loads(line)
        out[o["id"]] = o.get("counts", [])
    return out


ATTRS = ["qualifier", "event", "unit", "subject", "date", "place"]


def score(items, pred, split, show):
    s = {"gold": 0, "found": 0, "matched": 0}
    acc = {a: [0, 0] for a in ATTRS}
    errors = []
    for it in items:
        if split and it["split"] != split:
            continue
        found = pred.get(it["id"], [])
        used = [False] * len(found)
        gold = it["counts"]
        for g in gold:
            hit = None
            for k, f in enumerate(found):
                if not used[k] and overlap(g, f) and f["value"] == g["value"]:
                    hit = k
                    break
            if hit is None:
                if not g["optional"]:
                    s["gold"] += 1
                    errors.append(("FN", it, g, None))
                continue
            used[hit] = True
            if g["optional"]:
                continue
            s["gold"] += 1
            s["found"] += 1
            s["matched"] += 1
            f = found[hit]
            for a in ATTRS:
                if a not in g:
                    continue
                want = g[a]
                got = f.get(a)
                if a == "qualifier":
                    ok = got == want and (want != "range" or (
                        f.get("low") == g["low"] and f.get("high") == g["high"]))
                else:
                    ok = norm(got) == norm(want)
                acc[a][1] += 1
                acc[a][0] += ok
                if not ok:
                    errors.append(("ATTR " + a, it, g, f))
        for k, f in enumerate(found):
            if not used[k]:
                s["found"] += 1
                errors.append(("FP", it, None, f))
    p = s["matched"] / s["found"] if s["found"] else 0.0
    r = s["matched"] / s["gold"] if s["gold"] else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    res = dict(s, precision=round(p, 3), recall=round(r, 3), f1=round(f1, 3))
    for a in ATTRS:
        ok, n = acc[a]
        res[a] = {"ok": ok, "n": n, "acc": round(ok / n, 3) if n else None}
    if show:
        for kind, it, g, f in errors:
            print("%-14s %s  %s" % (kind, it["id"], it["text"][:200]))
            if g:
                print("    gold: %s" % {k: v for k, v in g.items()
                                        if k not in ("start", "end")})
            if f:
                print("    found: %s" % {k: f.get(k) for k in
                                         ["text", "value", "qualifier",
                                          "unit", "subject", "event",
                                          "date", "place", "low", "high"]})
    return res


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("--files", nargs="*",
                    default=[os.path.join(HERE, "devset-written.txt"),
                             os.path.join(HERE, "devset-pages.txt"),
                             os.path.join(HERE, "devset-rare.txt"),
                             os.path.join(HERE, "devset-domains.txt"),
                             os.path.join(HERE, "devset-pages2.txt")])
    ap.add_argument("--show", choices=["dev", "test"])
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    files = []
    for f in args.files:
        files.extend(sorted(glob.glob(f)) or [f])
    items = load(files)
    pred = run_tagger(args.binary, items)
    report = {}
    for split in ("dev", "test", None):
        report[split or "all"] = score(items, pred, split,
                                       show=args.show == split and split)
    for lang in sorted({it["lang"] for it in items}):
        sub = [it for it in items if it["lang"] == lang]
        report["all/" + lang] = score(sub, pred, None, False)
    if args.json:
        print(json.dumps(report, indent=1))
        return
    print("%-8s %5s %5s %5s  %5s %5s %5s  %s" % (
        "part", "gold", "found", "match", "P", "R", "F1",
        "  ".join("%s" % a for a in ATTRS)))
    for name, r in report.items():
        print("%-8s %5d %5d %5d  %.3f %.3f %.3f  %s" % (
            name, r["gold"], r["found"], r["matched"], r["precision"],
            r["recall"], r["f1"], "  ".join(
                "%s=%s/%s" % (a[:4], r[a]["ok"], r[a]["n"]) for a in ATTRS)))


if __name__ == "__main__":
    main()
