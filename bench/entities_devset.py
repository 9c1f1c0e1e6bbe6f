#!/usr/bin/env python3
"""Entity development set: builds gold JSONL from the hand-annotated excerpts
and scores `newsfacts tag --jsonl` on it (exact span + type, per type).

  # build the gold files (needs the public page texts: the extraction
  # ground truth, and for sets drawn from the metadata pages their bodies
  # as `newsfacts extract --json --no-facts` prints them)
  build/release/newsfacts extract --json --no-facts \
      ../shared/eval/metadata/pages/* > /tmp/metadata-bodies.jsonl
  python3 bench/entities_devset.py build \
      ../shared/eval/extraction/ground-truth.json /tmp/metadata-bodies.jsonl \
      tests/testdata/entities/devset
  # score (PER/ORG/LOC/NORP and the CoNLL-style PER/ORG/LOC subset)
  python3 bench/entities_devset.py score build/release/newsfacts \
      tests/testdata/entities/devset/dev.gold.jsonl [more.gold.jsonl...] \
      [--show] [--rules]
  # score another tagger's output lines instead (e.g. compromise):
  python3 bench/entities_devset.py score OUT.jsonl GOLD.jsonl

Annotated files (`*.annotated.txt`): `=== <id prefix>` starts an excerpt of
the article body with that id (its first paragraphs, up to >= 800
characters). Markup: `[span](TYPE)`, `[span](TYPE|canonical)`,
`[span](TYPE?)` (optional: a system mention on these offsets is neither
right nor wrong), `[span](ORG/LOC)` (either type is right), and
`[The {Hill}](ORG)` (the braced part is an accepted alternative span).
A set written for the evaluation (no page source) says `# text: inline`
in its header: its annotated text is the text, dated by the first
YYYY-MM-DD in it.
Canonicals are checked where the markup gives one (short person names,
acronyms): the tool's own canonical for other mentions (gazetteer
expansions such as US -> United States) is not judged.
Offsets are code points, as in the seed gold.
"""
import difflib
import glob
import os
import json
import re
import subprocess
import sys

MARK = re.compile(r"\[([^\[\]]+)\]\(((?:PERSON|ORG|LOC|NORP)(?:/(?:PERSON|ORG|LOC|NORP))*)(\?)?(?:\|([^)]*))?\)")
TYPES = ["PERSON", "ORG", "LOC", "NORP"]


def excerpt(body):
    out, n = [], 0
    for p in body.split("\n"):
        if not p.strip():
            continue
        out.append(p.strip())
        n += len(p)
        if n >= 800:
            break
    return "\n\n".join(out)


def parse_annotated(path):
    docs, cur = [], None
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") and cur is None:
            continue
        if line.startswith("=== "):
            cur = {"id": line[4:].strip(), "lines": []}
            docs.append(cur)
        elif cur is not None:
            cur["lines"].append(line)
    for d in docs:
        d["marked"] = "".join(d.pop("lines")).strip("\n")
    return docs


def strip_marks(marked):
    plain, ents, pos = [], [], 0
    last = 0
    for m in MARK.finditer(marked):
        plain.append(marked[last:m.start()])
        pos += len(marked[last:m.start()])
        span = m.group(1)
        alt = None
        if "{" in span:
            a = span.index("{")
            b = span.index("}")
            alt = (a, b - 1)  # offsets in the stripped span
            span = span.replace("{", "").replace("}", "")
        types = m.group(2).split("/")
        ents.append({"start": pos, "end": pos + len(span), "text": span,
                     "types": types, "optional": bool(m.group(3)),
                     "canonical": m.group(4) or span, "alt": alt,
                     "explicit": m.group(4) is not None})
        plain.append(span)
        pos += len(span)
        last = m.end()
    plain.append(marked[last:])
    return "".join(plain), ents


def load_texts(paths):
    """Article bodies by id: from ground-truth.json (`articleBody`) and from
    `newsfacts extract --json --no-facts` JSONL (`text`, keyed by the page
    file's name without its extensions)."""
    texts = {}
    for path in paths:
        if path.endswith(".jsonl"):
            for line in open(path, encoding="utf-8"):
                d = json.loads(line)
                name = os.path.basename(d["source"]).split(".")[0]
                texts[name] = {"articleBody": d.get("text") or "",
                               "date": (d.get("published") or "")[:10]}
        else:
            texts.update(json.load(open(path, encoding="utf-8")))
    return texts


def build(source_paths, out_dir):
    truth = load_texts(source_paths)
    splits = sorted(os.path.basename(p)[:-len(".annotated.txt")]
                    for p in glob.glob(f"{out_dir}/*.annotated.txt"))
    for split in splits:
        lines = []
        path = f"{out_dir}/{split}.annotated.txt"
        with open(path, encoding="utf-8") as f:
            inline = any(l.strip() == "# text: inline" for l in f)
        for d in parse_annotated(path):
            mine, ents = strip_marks(d["marked"])
            key = next((k for k in truth if k.startswith(d["id"])), None)
            if key is None and not inline:
                sys.exit(f"{split} {d['id']}: no page text with this id")
            if key is None:
                # Written for the set (no page source): the annotated
                # text is the text, dated by its dateline.
                day = re.search(r"\b(\d{4}-\d{2}-\d{2})\b", mine[:300])
                key = d["id"]
                truth[key] = {"articleBody": mine,
                              "date": day.group(1) if day else ""}
                text = mine
            else:
                text = excerpt(truth[key]["articleBody"])
            # Map offsets of the annotated copy onto the original text.
            sm = difflib.SequenceMatcher(None, mine, text, autojunk=False)
            blocks = sm.get_matching_blocks()

            def mapo(o):
                for a, b, n in blocks:
                    if a <= o <= a + n:
                        return b + (o - a)
                raise ValueError(o)
            gold = []
            for e in ents:
                s, t = mapo(e["start"]), mapo(e["end"])
                if text[s:t] != e["text"]:
                    sys.exit(f"{split} {d['id']}: {e['text']!r} maps to "
                             f"{text[s:t]!r}")
                item = {"type": e["types"][0], "text": e["text"], "start": s,
                        "end": t, "canonical": e["canonical"]}
                if e["explicit"]:
                    item["canonical_checked"] = True
                alts = [{"type": ty, "start": s, "end": t} for ty in e["types"][1:]]
                if e["alt"]:
                    a, b = e["alt"]
                    for ty in e["types"]:
                        alts.append({"type": ty, "start": s + a, "end": s + b,
                                     "text": text[s + a:s + b]})
                if alts:
                    item["alt"] = alts
                if e["optional"]:
                    item["optional"] = True
                gold.append(item)
            if difflib.SequenceMatcher(None, mine, text).ratio() < 0.98:
                sys.exit(f"{split} {d['id']}: annotated text differs")
            hexid = re.fullmatch(r"[0-9a-f]{32,}", key) is not None
            lines.append({"id": key[:8] if hexid else key,
                          "date": truth[key].get("date") or "2019-11-20",
                          "text": text, "entities": gold})
        with open(f"{out_dir}/{split}.gold.jsonl", "w", encoding="utf-8") as f:
            for l in lines:
                f.write(json.dumps(l, ensure_ascii=False) + "\n")
        n = sum(len([e for e in l["entities"] if not e.get("optional")]) for l in lines)
        print(f"{split}: {len(lines)} articles, {n} required mentions")


def forms(g):
    return [g] + g.get("alt", [])


def score(binary, gold_path, show, rules=False):
    gold = [json.loads(l) for l in open(gold_path, encoding="utf-8")]
    inp = "".join(json.dumps({"id": g["id"], "text": g["text"],
                              "date": g["date"]}) + "\n" for g in gold)
    if binary.endswith(".jsonl"):  # output of another tagger, same shape
        lines = open(binary, encoding="utf-8").read().splitlines()
    else:
        res = subprocess.run([binary, "tag", "--jsonl"], input=inp.encode(),
                             capture_output=True, check=True)
        lines = res.stdout.decode().splitlines()
    out = [json.loads(l) for l in lines if l.strip()]
    stats = {t: [0, 0, 0] for t in TYPES}  # tp, fp, fn
    by_rule = {}  # rule -> [right, wrong] system mentions
    canon = [0, 0]
    for g, o in zip(gold, out):
        sys_ents = o.get("entities", [])
        used = set()
        for ge in g["entities"]:
            hit = None
            for i, s in enumerate(sys_ents):
                if i in used:
                    continue
                if any((s["start"], s["end"], s["type"]) ==
                       (f["start"], f["end"], f["type"]) for f in forms(ge)):
                    hit = i
                    break
            if hit is None and ge.get("optional"):
                for i, s in enumerate(sys_ents):
                    if i not in used and any((s["start"], s["end"]) ==
                                             (f["start"], f["end"]) for f in forms(ge)):
                        hit = i
                        break
            if ge.get("optional"):
                if hit is not None:
                    used.add(hit)
                continue
            if hit is None:
                stats[ge["type"]][2] += 1
                if show:
                    print(f"  MISS {g['id']} {ge['type']:6} {ge['text']!r}")
                continue
            used.add(hit)
            s = sys_ents[hit]
            stats[s["type"]][0] += 1
            by_rule.setdefault(s.get("rule", ""), [0, 0])[0] += 1
            if ge.get("canonical_checked"):
                canon[1] += 1
                canon[0] += s.get("canonical") == ge.get("canonical")
                if show and s.get("canonical") != ge.get("canonical"):
                    print(f"  CANON {g['id']} {ge['text']!r}: "
                          f"{s.get('canonical')!r} != {ge.get('canonical')!r}")
        for i, s in enumerate(sys_ents):
            if i not in used:
                stats[s["type"]][1] += 1
                by_rule.setdefault(s.get("rule", ""), [0, 0])[1] += 1
                if show:
                    print(f"  FALSE {g['id']} {s['type']:6} {s['text']!r} "
                          f"({s.get('rule', '')})")

    def prf(tp, fp, fn):
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f
    print(f"{gold_path}: {len(gold)} articles")
    print(f"  {'type':8} {'gold':>5} {'sys':>5} {'P':>6} {'R':>6} {'F1':>6}")
    for name, types in [(t, [t]) for t in TYPES] + [
            ("PER+ORG+LOC", ["PERSON", "ORG", "LOC"]), ("all", TYPES)]:
        tp = sum(stats[t][0] for t in types)
        fp = sum(stats[t][1] for t in types)
        fn = sum(stats[t][2] for t in types)
        p, r, f = prf(tp, fp, fn)
        print(f"  {name:8} {tp + fn:5} {tp + fp:5} {p:6.3f} {r:6.3f} {f:6.3f}")
    if rules:
        for r, (ok, bad) in sorted(by_rule.items(), key=lambda x: -sum(x[1])):
            print(f"  rule {r:28} right {ok:4} wrong {bad:4}")
    if canon[1]:
        print(f"  canonical right on {canon[0]}/{canon[1]} matched mentions "
              f"with an annotated canonical (short names, acronyms)")


if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] == "build":
        build(sys.argv[2:-1], sys.argv[-1])
    elif len(sys.argv) >= 4 and sys.argv[1] == "score":
        # One report per gold file: score BINARY GOLD... [--show] [--rules]
        for gold_path in [a for a in sys.argv[3:] if not a.startswith("--")]:
            score(sys.argv[2], gold_path, "--show" in sys.argv,
                  "--rules" in sys.argv)
    else:
        sys.exit(__doc__)
