#!/usr/bin/env bash
# Entity tagging speed (and dev-set quality) against npm `compromise`, in the
# same run on the same texts: the article bodies of the extraction eval set
# (../shared/eval/extraction/ground-truth.json) or a JSONL file given as $1.
#
#   BUILD=build/h-entities-rel bash bench/entities_bench.sh [texts.jsonl]
#
# Needs a Release build with the bench targets (entities_tag, newsfacts) and
# `cd bench && npm ci` for compromise. Machines are shared: compare the
# ratio, not absolute MB/s across runs.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD:-build/release}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
texts=${1:-$tmp/texts.jsonl}
if [ $# -eq 0 ]; then
  python3 - "$texts" <<'PY'
import json, sys
d = json.load(open("../shared/eval/extraction/ground-truth.json", encoding="utf-8"))
with open(sys.argv[1], "w", encoding="utf-8") as f:
    for k, v in sorted(d.items()):
        if v.get("articleBody"):
            f.write(json.dumps({"id": k[:8], "text": v["articleBody"]}) + "\n")
PY
fi
echo "texts: $(wc -l < "$texts") ($(python3 -c "import json,sys; print(sum(len(json.loads(l)['text'].encode()) for l in open(sys.argv[1])))" "$texts") bytes)"
ours=$("$build/bench/entities_tag" --config config --rounds 5 < "$texts")
echo "newsfacts: $ours"
node bench/entities_compromise.mjs --rounds 3 < "$texts" > /dev/null 2> "$tmp/comp.err"
comp=$(tail -1 "$tmp/comp.err")
echo "compromise: $comp"
python3 - "$ours" "$comp" <<'PY'
import json, sys
o, c = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print(f"per core (CPU time): entity stage {o['entities_cpu_mb_per_s']:.2f} MB/s, "
      f"all fact stages {o['all_cpu_mb_per_s']:.2f} MB/s, compromise "
      f"{c['cpu_mb_per_s']:.3f} MB/s: entity stage / compromise = "
      f"{o['entities_cpu_mb_per_s'] / c['cpu_mb_per_s']:.0f}x")
print(f"wall: entity stage {o['entities_mb_per_s']:.2f} MB/s, all fact stages "
      f"{o['all_mb_per_s']:.2f} MB/s, compromise {c['mb_per_s']:.3f} MB/s: "
      f"entity stage / compromise = {o['entities_mb_per_s'] / c['mb_per_s']:.0f}x; "
      f"start-up {o['entity_startup_seconds']:.3f} s (entities), "
      f"{o['all_startup_seconds']:.3f} s (all stages)")
PY
# Quality on the hand-annotated development sets, same texts for both.
for name in dev dev-2 dev-3; do
  dev=tests/testdata/entities/devset/$name.gold.jsonl
  python3 -c "
import json
for l in open('$dev'):
    d = json.loads(l); print(json.dumps({'id': d['id'], 'text': d['text']}))" > "$tmp/dev.jsonl"
  node bench/entities_compromise.mjs --rounds 1 < "$tmp/dev.jsonl" > "$tmp/comp.jsonl" 2>/dev/null
  echo "$name, newsfacts:"; python3 bench/entities_devset.py score "$build/newsfacts" "$dev" | grep -E "PER\+ORG|all "
  echo "$name, compromise:"; python3 bench/entities_devset.py score "$tmp/comp.jsonl" "$dev" | grep -E "PER\+ORG|all "
done
