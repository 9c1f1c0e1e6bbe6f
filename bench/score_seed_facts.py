#!/usr/bin/env python3
"""Scores newsfacts' fact stages against a gold file in the seed's format.

Runs `newsfacts tag --jsonl` on every gold line (id, date, text) and compares
the facts it prints with the gold entities, dates and counts. Gold items may
list other acceptable forms in "alt" and be marked "optional" (a system item
on the same offsets as an optional one is neither right nor wrong).

  python3 bench/score_seed_facts.py build/release/newsfacts \
      tests/testdata/rferl/seed-facts.gold.jsonl [--show]

Matching: entities need the exact span and type; dates the exact span
(value accuracy among matches); counts need overlapping spans and an equal
value (qualifier/event/... accuracy among matches).
"""
import json
import subprocess
import sys


def forms(item):
    return [item] + list(item.get("alt", []))


def overlap(a, b):
    return a["start"] < b["end"] and b["start"] < a["end"]


def match_entity(sys_item, gold_form):
    return (sys_item["start"], sys_item["end"], sys_item["type"]) == (
        gold_form["start"], gold_form["end"], gold_form["type"])


def match_date(sys_item, gold_form):
    return (sys_item["start"], sys_item["end"]) == (gold_form["start"],
                                                    gold_form["end"])


def match_count(sys_item, gold_form):
    return overlap(sys_item, gold_form) and sys_item["value"] == gold_form["value"]


MATCHERS = {"entities": match_entity, "dates": match_date, "counts": match_count}
ATTRS = {
    "entities": ["canonical"],
    "dates": ["value", "type", "mod"],
    "counts": ["qualifier", "unit", "subject", "event", "date", "place"],
}


def score(kind, gold_items, sys_items, report, show):
    match = MATCHERS[kind]
    used = set()
    for g in gold_items:
        hit = None
        for i, s in enumerate(sys_items):
            if i in used:
                continue
            if any(match(s, f) for f in forms(g)):
                hit = i
                break
        if g.get("optional"):
            if hit is not None:
                used.add(hit)
            continue
        report["gold"] += 1
        if hit is None:
            if show:
                print(f"  MISS {kind}: {g['text']!r} {g.get('type','')} "
                      f"{g.get('value','')}")
            continue
        used.add(hit)
        report["tp"] += 1
        s = sys_items[hit]
        for attr in ATTRS[kind]:
            ok = any(s.get(attr) == f.get(attr) for f in forms(g))
            report.setdefault(attr, [0, 0])
            report[attr][0] += ok
            report[attr][1] += 1
            if show and not ok:
                print(f"  ATTR {kind}.{attr}: {s['text']!r} got "
                      f"{s.get(attr)!r} want {g.get(attr)!r}")
    for i, s in enumerate(sys_items):
        if i not in used:
            report["fp"] += 1
            if show:
                print(f"  FALSE {kind}: {s['text']!r} {s.get('type','')} "
                      f"{s.get('value','')} ({s.get('rule','')})")
            report["sys"] += 1
        else:
            report["sys"] += 1


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    binary, gold_path = sys.argv[1], sys.argv[2]
    show = "--show" in sys.argv
    gold = [json.loads(line) for line in open(gold_path, encoding="utf-8")
            if line.strip()]
    stdin = "".join(json.dumps({"id": g["id"], "text": g["text"],
                                "date": g.get("date")}) + "\n" for g in gold)
    out = subprocess.run([binary, "tag", "--jsonl"], input=stdin,
                         capture_output=True, text=True, check=True).stdout
    predictions = {p["id"]: p for p in map(json.loads, out.splitlines())}
    reports = {k: {"gold": 0, "sys": 0, "tp": 0, "fp": 0} for k in MATCHERS}
    for g in gold:
        p = predictions[g["id"]]
        if show:
            print(f"{g['id']}:")
        for kind in MATCHERS:
            score(kind, g[kind], p[kind], reports[kind], show)
    for kind, r in reports.items():
        # Precision: matched system items over system items not sitting on
        # optional gold items.
        sys_counted = r["tp"] + r["fp"]
        p = r["tp"] / sys_counted if sys_counted else 0.0
        rc = r["tp"] / r["gold"] if r["gold"] else 0.0
        f = 2 * p * rc / (p + rc) if p + rc else 0.0
        attrs = ", ".join(f"{a} {v[0]}/{v[1]}" for a, v in r.items()
                          if isinstance(v, list))
        print(f"{kind:9s} P {p:.3f} R {rc:.3f} F1 {f:.3f} "
              f"(gold {r['gold']}, matched {r['tp']}, false {r['fp']}); {attrs}")


if __name__ == "__main__":
    main()
