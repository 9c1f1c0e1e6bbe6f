#!/usr/bin/env python3
"""Turns dev_source.txt (hand-annotated) into dev.jsonl with code point
offsets. Run from this folder: python3 make_dev.py > dev.jsonl"""
import json
import re
import sys

MARK = re.compile(r"\[\[(.+?)\]\]|<<(.+?)>>")


def strip(sentence):
    text, ents, pos = "", [], 0
    for m in MARK.finditer(sentence):
        text += sentence[pos:m.start()]
        name = m.group(1) or m.group(2)
        ents.append({"type": "NORP" if m.group(1) else "LOC", "text": name,
                     "start": len(text), "end": len(text) + len(name)})
        text += name
        pos = m.end()
    return text + sentence[pos:], ents


def main():
    items, cur, used = [], None, {}
    for line in open("dev_source.txt", encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("S "):
            text, ents = strip(line[2:])
            cur = {"id": "dev%03d" % (len(items) + 1), "text": text,
                   "entities": ents, "counts": []}
            items.append(cur)
            used = {}
        elif line.startswith("C "):
            f = [x.strip() for x in line[2:].split("|")]
            start = cur["text"].find(f[0], used.get(f[0], 0))
            if start < 0:
                sys.exit("count text not found: %r in %r" % (f[0], cur["text"]))
            used[f[0]] = start + 1
            c = {"text": f[0], "start": start, "end": start + len(f[0]),
                 "value": int(f[1]), "qualifier": f[2], "event": f[3]}
            if len(f) > 5:
                c["low"], c["high"] = int(f[4]), int(f[5])
            cur["counts"].append(c)
    for it in items:
        print(json.dumps(it, ensure_ascii=False))


main()
