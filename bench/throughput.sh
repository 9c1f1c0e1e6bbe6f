#!/usr/bin/env bash
# Throughput and memory of the pipeline, as ratios against a bare Gumbo parse
# of the same pages in the same run (the machines are shared and noisy, so
# only ratios compare across runs).
#
#   bash bench/throughput.sh [PAGES...]   # default: the 88 extraction pages
#   BUILD=build/h-x bash bench/throughput.sh   # another Release build dir
#
# Needs a release build (cmake --preset release && cmake --build --preset release
# --target newsfacts gumbo_parse). Mozilla Readability runs too when
# bench/readability/node_modules exists (cd bench/readability && npm ci).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD:-build/release}
bin=$build/newsfacts
base=$build/bench/gumbo_parse
[ -x "$bin" ] && [ -x "$base" ] || { echo "build the release preset first" >&2; exit 2; }
if [ $# -eq 0 ]; then set -- ../shared/eval/extraction/pages/*.html.gz; fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

mb=$(cat "$@" | gzip -dcf | wc -c | awk '{printf "%.2f", $1/1e6}')
pages=$#
echo "pages: $pages, HTML: $mb MB (uncompressed)"

base_json=$("$base" "$@")
base_s=$(python3 -c "import json,sys; print(json.loads(sys.argv[1])['parse_seconds'])" "$base_json")
echo "gumbo_parse (baseline): $base_json"
# In-process, same decoded pages, best of 3 rounds each: the page-for-page
# comparison the extraction target is about (parse + clean + metadata vs a
# bare gumbo_parse of the raw page).
python3 - "$base_json" <<'PY'
import json, sys
j = json.loads(sys.argv[1])
print(f"in-process: bare Gumbo parse {j['parse_seconds']:.3f} s ({j['mb_per_s']:.1f} MB/s), "
      f"extraction {j['extract_seconds']:.3f} s ({j['extract_pages_per_s']:.0f} pages/s, "
      f"{j['extract_mb_per_s']:.1f} MB/s): extraction/parse {j['extract_over_parse']:.2f}x")
PY

measure() {  # name, command...
  local name=$1; shift
  /usr/bin/time -f "%e %M" -o "$tmp/time" "$@" >/dev/null 2>"$tmp/err" || true
  read -r secs rss <"$tmp/time"
  python3 - "$name" "$secs" "$rss" "$pages" "$mb" "$base_s" <<'PY'
import sys
name, secs, rss, pages, mb, base = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5]), float(sys.argv[6])
secs = max(secs, 1e-3)
print(f"{name:28s} {secs:7.2f} s  {pages/secs:7.1f} pages/s  {mb/secs:6.2f} MB/s  "
      f"max RSS {rss/1024:6.1f} MB  time/gumbo-parse {secs/base:5.1f}x")
PY
}

measure "extract --no-facts" "$bin" extract --json --no-facts "$@"
measure "extract (with facts)" "$bin" extract --json "$@"
measure "ingest (new database)" "$bin" ingest -q --db "$tmp/bench.db" "$@"
measure "ingest (all unchanged)" "$bin" ingest -q --db "$tmp/bench.db" "$@"

# Peak memory as the page count grows: the same pages listed 1, 2 and 4 times
# (one page in memory at a time means the same max RSS).
for k in 1 2 4; do
  set -- "$@"; list=()
  for ((r = 0; r < k; r++)); do list+=("$@"); done
  /usr/bin/time -f "%M" -o "$tmp/rss" "$bin" extract --json --no-facts "${list[@]}" >/dev/null 2>&1 || true
  echo "extract --no-facts x$k ($((k * pages)) pages): max RSS $(awk '{printf "%.1f", $1/1024}' "$tmp/rss") MB"
done

# Mozilla Readability (linkedom DOM), same pages, DOM parse + parse() only.
if [ -d bench/readability/node_modules ] && command -v node >/dev/null; then
  node bench/readability/run.js "$@" >"$tmp/readability.jsonl" 2>"$tmp/readability.json"
  python3 - "$(cat "$tmp/readability.json")" "$base_json" <<'PY'
import json, sys
r, j = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print(f"readability (in-process):    {r['seconds']:7.2f} s  {r['pages_per_s']:7.1f} pages/s  "
      f"{r['mb_per_s']:6.2f} MB/s  failed {r['failed']}")
print(f"newsfacts extraction is {r['seconds'] / j['extract_seconds']:.1f}x faster than Readability "
      f"(in-process, same pages)")
PY
  if [ "$*" = "$(echo ../shared/eval/extraction/pages/*.html.gz)" ]; then
    "$bin" extract --json --no-facts "$@" >"$tmp/newsfacts.jsonl" 2>/dev/null || true
    echo "body F1 on the extraction set (score.py):"
    python3 ../shared/eval/extraction/score.py ../shared/eval/extraction/ground-truth.json \
      "$tmp/newsfacts.jsonl" "$tmp/readability.jsonl"
  fi
fi
