#!/usr/bin/env bash
# Throughput and memory of the pipeline, as ratios against a bare Gumbo parse
# of the same pages in the same run (the machines are shared and noisy, so
# only ratios compare across runs).
#
#   bash bench/throughput.sh [PAGES...]   # default: the 88 extraction pages
#
# Needs the release build (cmake --preset release && cmake --build --preset release).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=build/release/newsfacts
base=build/release/bench/gumbo_parse
[ -x "$bin" ] && [ -x "$base" ] || { echo "build the release preset first" >&2; exit 2; }
if [ $# -eq 0 ]; then set -- ../shared/eval/extraction/pages/*.html.gz; fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

mb=$(cat "$@" | gzip -dcf | wc -c | awk '{printf "%.2f", $1/1e6}')
pages=$#
echo "pages: $pages, HTML: $mb MB (uncompressed)"

base_json=$("$base" "$@")
base_s=$(python3 -c "import json,sys; print(json.loads(sys.argv[1])['parse_seconds'])" "$base_json")
echo "gumbo_parse (baseline): $base_json"

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
