#!/usr/bin/env python3
"""Per-page body scores on the extraction set, worst first, to find general
causes of loss (the eval's score.py gives only the averages).

  build/release/newsfacts extract --json --no-facts \\
      ../shared/eval/extraction/pages/*.html.gz > /tmp/a.jsonl
  python3 bench/article_pages.py /tmp/a.jsonl [--top 20] [--diff ID]

Columns: F1, precision, recall (4-word shingles, as score.py), gold and
predicted word counts. --diff ID prints the predicted paragraphs that share
no shingle with the gold (extra text) and gold sentences that are missing.
For the metadata set use `score.py gold.jsonl PRED --show title|date|authors|body`.
"""
import argparse
import importlib.util
import os
import re

EVAL = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "eval", "extraction")


def load_scorer():
    spec = importlib.util.spec_from_file_location("score", os.path.join(EVAL, "score.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pred")
    ap.add_argument("--gold", default=os.path.join(EVAL, "ground-truth.json"))
    ap.add_argument("--top", type=int, default=20)
    ap.add_argument("--diff")
    a = ap.parse_args()
    sc = load_scorer()
    import json
    with open(a.gold, encoding="utf-8") as f:
        gold = json.load(f)
    pred = sc.load_predictions(a.pred)
    if a.diff:
        g, p = gold[a.diff].get("articleBody", ""), pred.get(a.diff, "")
        gs = sc.shingles(g)
        print("# extra (predicted paragraphs with no gold shingle)")
        for para in p.split("\n\n"):
            s = sc.shingles(para)
            if s and not (s & gs):
                print("+", para[:200])
        ps = sc.shingles(p)
        print("# missing (gold sentences with no predicted shingle)")
        for sent in re.split(r"(?<=[.!?])\s+|\n+", g):
            s = sc.shingles(sent)
            if s and not (s & ps):
                print("-", sent[:200])
        return
    rows = []
    for i in sorted(gold):
        tp, fp, fn = sc.page_counts(gold[i].get("articleBody", ""), pred.get(i, ""))
        p, r = sc.precision(tp, fp, fn), sc.recall(tp, fp, fn)
        f = 2 * p * r / (p + r) if p + r else 0.0
        rows.append((f, p, r, i, len(sc.WORD.findall(gold[i].get("articleBody", ""))),
                     len(sc.WORD.findall(pred.get(i, "")))))
    rows.sort()
    print(f"{'F1':>5} {'P':>5} {'R':>5}  {'gold w':>6} {'pred w':>6}  id")
    for f, p, r, i, gw, pw in rows[:a.top]:
        print(f"{f:5.3f} {p:5.3f} {r:5.3f}  {gw:6d} {pw:6d}  {i}")


if __name__ == "__main__":
    main()
