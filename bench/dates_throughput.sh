#!/usr/bin/env bash
# Date tagging throughput against chrono-node on the same texts: the 88
# article bodies of the extraction set (English and other languages as
# they come), each tagged ROUNDS times, timing the tagging calls alone in
# both (process start-up and rule compilation excluded). The machines are
# shared, so only the ratio compares across runs.
#
#   bash bench/dates_throughput.sh [BUILD_DIR] [ROUNDS]
#   (once: npm --prefix bench install; cmake --build BUILD_DIR --target dates_tag)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
rounds=${2:-5}
tag=$build/bench/dates_tag
[ -x "$tag" ] || { echo "build $tag first" >&2; exit 2; }
[ -d bench/node_modules/chrono-node ] || { echo "run: npm --prefix bench install" >&2; exit 2; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
python3 - "$rounds" >"$tmp/texts.jsonl" <<'PY'
import json, re, sys
gt = json.load(open("../shared/eval/extraction/ground-truth.json"))
for r in range(int(sys.argv[1])):
    for k, v in sorted(gt.items()):
        m = re.search(r"/(20\d\d)[/-](\d\d)[/-](\d\d)/", v["url"])
        date = "-".join(m.groups()) if m else "2019-11-19"
        print(json.dumps({"id": f"{k[:8]}-{r}", "text": v.get("articleBody") or "",
                          "date": date, "lang": "en"}))
PY
ours=$("$tag" --config config <"$tmp/texts.jsonl" 2>&1 >"$tmp/ours.jsonl" | tail -1)
theirs=$(node bench/dates_chrono.mjs <"$tmp/texts.jsonl")
python3 - "$ours" "$theirs" "$tmp/ours.jsonl" <<'PY'
import json, sys
ours, theirs = json.loads(sys.argv[1]), json.loads(sys.argv[2])
n = sum(len(json.loads(l)["dates"]) for l in open(sys.argv[3]))
mb = ours["bytes"] / 1e6
for name, r, m in (("newsfacts dates", ours, n), ("chrono-node", theirs, theirs["mentions"])):
    print(f"{name:16s} {r['tag_seconds']:7.3f} s  {mb / r['tag_seconds']:6.2f} MB/s  mentions {m}")
print(f"time ratio newsfacts/chrono-node: {ours['tag_seconds'] / theirs['tag_seconds']:.2f}")
PY
