#!/usr/bin/env python3
"""Lists the pages of the metadata evaluation set whose title, date or
authors `newsfacts extract --json` gets wrong, gold beside prediction, with
a hint of where the gold value occurs in the page (for error analysis).

  newsfacts extract --json --no-facts ../shared/eval/metadata/pages/* > /tmp/meta.jsonl
  python3 bench/metadata_failures.py /tmp/meta.jsonl [--field date] [--context]

Uses the scorer's own normalisation (imports score.py from the eval folder).
"""
import argparse
import gzip
import json
import os
import re
import sys

EVAL = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                    "shared", "eval", "metadata")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pred")
    ap.add_argument("--eval", default=EVAL)
    ap.add_argument("--field", choices=["title", "date", "authors"],
                    action="append")
    ap.add_argument("--context", action="store_true",
                    help="show where the gold value occurs in the raw page")
    a = ap.parse_args()
    sys.path.insert(0, a.eval)
    import score  # noqa: E402
    gold = score.load_gold(os.path.join(a.eval, "gold.jsonl"))
    preds = {}
    with open(a.pred, encoding="utf-8") as f:
        for line in f:
            try:
                row = json.loads(line)
            except ValueError:
                continue
            preds[score.pred_id(row)] = row
    fields = a.field or ["title", "date", "authors"]
    for field in fields:
        fails = []
        for pid, g in sorted(gold.items()):
            p = preds.get(pid, {})
            if field == "title":
                ok = score.title_checks(g["title"], p.get("title") or "")[1]
                if not ok:
                    fails.append((pid, g["title"], p.get("title")))
            elif field == "date":
                ok = score.date_checks(g["date"], p.get("published"))[0]
                if not ok:
                    fails.append((pid, g["date"], p.get("published")))
            else:
                if not g["authors"]:
                    continue
                got = p.get("authors") or []
                gn = sorted(score.norm_name(x) for x in g["authors"])
                pn = sorted(score.norm_name(x) for x in got)
                if gn != pn:
                    fails.append((pid, g["authors"], got))
        print(f"# {field}: {len(fails)} failing")
        for pid, gv, pv in fails:
            print(f"{pid}\tgold {json.dumps(gv, ensure_ascii=False)}\t"
                  f"pred {json.dumps(pv, ensure_ascii=False)}")
            if a.context and field == "date":
                show_date_context(os.path.join(a.eval, "pages", pid + ".html.gz"), gv)
        print()


def show_date_context(path, day):
    try:
        html = gzip.open(path).read().decode("utf-8", "replace")
    except OSError:
        return
    y, m, d = day.split("-")
    pats = [day, f"{int(d)}.{int(m)}.{y}", f"{d}.{m}.{y}", f"{y}/{m}/{d}"]
    for pat in pats:
        for hit in list(re.finditer(re.escape(pat), html))[:3]:
            s = html[max(0, hit.start() - 120):hit.end() + 40]
            print("    | " + re.sub(r"\s+", " ", s))


if __name__ == "__main__":
    main()
