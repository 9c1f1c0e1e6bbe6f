#!/usr/bin/env python3
"""TempEval-3-style scorer for the date tagger on inline-annotated texts.

Each file under a folder (e.g. tests/testdata/dates/timeml/dev) holds a
header (`# date: YYYY-MM-DD`, `# lang: en`) and the text with every TIMEX3
marked inline as `{TYPE VALUE[ MOD]|extent}`; VALUE may list accepted
alternatives as `A,B` only where TimeML practice differs (PXY,PXDE). The
scorer strips the markup, runs bench/dates_tag once over all texts, and
reports, as TempEval-3 does (UzZaman et al. 2013, section 4):

  strict   P/R/F1 of mentions with the exact extent,
  relaxed  P/R/F1 of mentions overlapping a gold one (one-to-one),
  value    P/R/F1 of relaxed matches whose value is right,
  type     P/R/F1 of relaxed matches whose type is right.

  python3 tests/testdata/dates/score_timeml.py build/h-dates/bench/dates_tag \
      tests/testdata/dates/timeml/dev [--misses] [--export dev.jsonl]

--export writes the gold in the spec's format (docs/spec facts.md, Date):
one line {"id", "date", "lang", "text", "dates": [{text, start, end, value,
type, mod}]} per file, offsets in Unicode code points.
"""
import json
import os
import re
import subprocess
import sys

MARK = re.compile(r"\{(DATE|TIME|DURATION|SET) (\S+?)(?: (\w+))?\|([^{}]*)\}")


def load(path):
    header, body = {}, []
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    i = 0
    while i < len(lines) and lines[i].startswith("# "):
        k, _, v = lines[i][2:].partition(":")
        header[k.strip()] = v.strip()
        i += 1
    marked = "\n".join(lines[i:])
    text, gold, pos = [], [], 0
    for m in MARK.finditer(marked):
        text.append(marked[pos:m.start()])
        start = sum(len(t) for t in text)
        ext = m.group(4)
        text.append(ext)
        gold.append({"text": ext, "start": start, "end": start + len(ext),
                     "type": m.group(1), "value": m.group(2),
                     "mod": m.group(3) or ""})
        pos = m.end()
    text.append(marked[pos:])
    return header, "".join(text), gold


def prf(tp_p, n_sys, tp_r, n_gold):
    p = tp_p / n_sys if n_sys else 0.0
    r = tp_r / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    misses = "--misses" in sys.argv
    export = None
    if "--export" in sys.argv:
        export = sys.argv[sys.argv.index("--export") + 1]
        args.remove(export)
    binary, folder = args[0], args[1]
    config = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                          "..", "..", "..", "config")
    docs = []
    for name in sorted(os.listdir(folder)):
        if name.endswith(".txt"):
            header, text, gold = load(os.path.join(folder, name))
            docs.append((name[:-4], header, text, gold))
    if export:
        with open(export, "w", encoding="utf-8") as f:
            for doc_id, h, text, gold in docs:
                f.write(json.dumps({"id": doc_id, "date": h.get("date"),
                                    "lang": h.get("lang", "en"), "text": text,
                                    "dates": gold}, ensure_ascii=False) + "\n")
    feed = "".join(json.dumps({"id": d, "text": t, "date": h.get("date", ""),
                               "lang": h.get("lang", "en")}) + "\n"
                   for d, h, t, _ in docs)
    run = subprocess.run([binary, "--config", config], input=feed.encode(),
                         capture_output=True, check=True)
    outputs = [json.loads(l) for l in run.stdout.decode().splitlines()]
    n_gold = n_sys = strict = relaxed = value = typ = 0
    for (doc_id, h, text, gold), out in zip(docs, outputs):
        raw = text.encode("utf-8")
        sys_m = []
        for m in out["dates"]:  # byte offsets -> code points
            s = len(raw[:m["start"]].decode("utf-8"))
            e = len(raw[:m["end"]].decode("utf-8"))
            sys_m.append(dict(m, start=s, end=e))
        n_gold += len(gold)
        n_sys += len(sys_m)
        used = set()
        for g in gold:
            best = None
            for j, m in enumerate(sys_m):
                if j in used or m["end"] <= g["start"] or m["start"] >= g["end"]:
                    continue
                exact = m["start"] == g["start"] and m["end"] == g["end"]
                if best is None or exact:
                    best = j
                if exact:
                    break
            if best is None:
                if misses:
                    print(f"  MISS {doc_id} {g['text']!r} {g['type']} {g['value']}")
                continue
            used.add(best)
            m = sys_m[best]
            relaxed += 1
            exact = m["start"] == g["start"] and m["end"] == g["end"]
            strict += exact
            ok_value = m["value"] in g["value"].split(",")
            value += ok_value
            typ += m["type"] == g["type"]
            if misses and (not exact or not ok_value):
                print(f"  DIFF {doc_id} gold {g['text']!r} {g['value']} | "
                      f"sys {m['text']!r} {m['value']} [{m.get('rule')}]")
        if misses:
            for j, m in enumerate(sys_m):
                if j not in used:
                    print(f"  FALSE {doc_id} {m['text']!r} {m['value']} "
                          f"[{m.get('rule')}]")
    print(f"{folder}: docs {len(docs)}, gold {n_gold}, system {n_sys}")
    for name, tp in (("strict", strict), ("relaxed", relaxed),
                     ("value", value), ("type", typ)):
        p, r, f = prf(tp, n_sys, tp, n_gold)
        print(f"  {name:8s} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")


if __name__ == "__main__":
    main()
