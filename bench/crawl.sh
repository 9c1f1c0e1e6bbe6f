#!/usr/bin/env bash
# Crawl benchmark: a generated local site of N Pangea-like pages (default
# 1000) served on 127.0.0.1 by Python's threaded http.server, crawled through
# its sitemap with --delay 0. Reports pages/s, CPU use and peak RSS
# (/usr/bin/time -v), then a kill-and-resume run: SIGKILL mid-crawl, crawl
# again, and check every page is stored exactly once with no row left in
# flight.
#
#   bench/crawl.sh [BUILD_DIR] [PAGES]      # default build/release, 1000
set -euo pipefail

build=${1:-build/release}
pages=${2:-1000}
bin="$build/newsfacts"
[ -x "$bin" ] || { echo "no $bin: build it first" >&2; exit 1; }

work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
site="$work/site"
mkdir -p "$site/a/story"

python3 - "$site" "$pages" <<'EOF'
import sys, random
site, n = sys.argv[1], int(sys.argv[2])
random.seed(7)
words = ("police detained protesters capital ministry statement journalists "
         "parliament opposition court observers officials region election "
         "government week villages residents river border talks").split()
urls = []
for i in range(n):
    paras = "".join(
        "<p>" + " ".join(random.choice(words) for _ in range(40)).capitalize() +
        f", {i + k} people were detained on Monday, officials said.</p>"
        for k in range(6))
    html = (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
            f"<title>Story {i}</title></head><body><main><article>"
            f"<h1>Story number {i}</h1><time datetime='2026-11-20T10:00:00Z'>"
            f"November 20, 2026</time><div class='wsw'>{paras}</div>"
            f"</article></main></body></html>")
    open(f"{site}/a/story/{100000 + i}.html", "w").write(html)
    urls.append(f"/a/story/{100000 + i}.html")
open(f"{site}/robots.txt", "w").write("User-agent: *\nDisallow: /private/\n")
with open(f"{site}/sitemap.xml", "w") as f:
    f.write('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')
    for u in urls:
        f.write(f"<url><loc>{u}</loc></url>")
    f.write("</urlset>")
EOF

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
(cd "$site" && exec python3 -m http.server "$port" --bind 127.0.0.1 >/dev/null 2>&1) &
server=$!
for _ in $(seq 50); do
  curl -s -o /dev/null "http://127.0.0.1:$port/robots.txt" && break
  sleep 0.1
done
seed="http://127.0.0.1:$port/sitemap.xml"
args=(crawl --seed "$seed" --delay 0 --allow-private-addresses)

count() {
  "$bin" query --db "$1" --format csv "$2" | tail -n 1 | tr -dc '0-9'
}

echo "== full crawl of $pages pages (delay 0, one request at a time per host)"
/usr/bin/time -v "$bin" "${args[@]}" --db "$work/full.db" 2>"$work/full.err" || true
grep "newsfacts crawl:" "$work/full.err"
elapsed=$(grep "Elapsed (wall clock)" "$work/full.err" | awk '{print $NF}')
user=$(grep "User time" "$work/full.err" | awk '{print $NF}')
sys=$(grep "System time" "$work/full.err" | awk '{print $NF}')
cpu=$(grep "Percent of CPU" "$work/full.err" | awk '{print $NF}')
rss=$(grep "Maximum resident" "$work/full.err" | awk '{print $NF}')
stored=$(count "$work/full.db" "SELECT count(*) FROM articles")
secs=$(python3 -c "
t='$elapsed'.split(':'); s=0
for p in t: s=s*60+float(p)
print(s)")
echo "stored $stored articles in ${secs}s: $(python3 -c "print(round($stored/$secs,1))") pages/s;" \
     "CPU $cpu (user ${user}s, sys ${sys}s), peak RSS $((rss / 1024)) MiB"

echo "== kill -9 mid-crawl, then resume"
"$bin" "${args[@]}" -q --db "$work/kill.db" &
crawler=$!
for _ in $(seq 400); do
  sleep 0.05
  n=$(count "$work/kill.db" "SELECT count(*) FROM articles" 2>/dev/null || echo 0)
  [ "${n:-0}" -ge $((pages / 3)) ] && break
done
kill -9 $crawler 2>/dev/null || true
wait $crawler 2>/dev/null || true
before=$(count "$work/kill.db" "SELECT count(*) FROM articles")
in_flight=$(count "$work/kill.db" "SELECT count(*) FROM frontier WHERE state='in_flight'")
echo "killed with $before articles stored, $in_flight rows in flight"
"$bin" "${args[@]}" --db "$work/kill.db" 2>&1 | grep "newsfacts crawl:"
after=$(count "$work/kill.db" "SELECT count(*) FROM articles")
distinct=$(count "$work/kill.db" "SELECT count(DISTINCT url) FROM articles")
left=$(count "$work/kill.db" "SELECT count(*) FROM frontier WHERE state='in_flight'")
echo "after resume: $after articles ($distinct distinct URLs), $left rows in flight"
if [ "$after" -eq "$pages" ] && [ "$distinct" -eq "$pages" ] && [ "$left" -eq 0 ]; then
  echo "kill-and-resume: OK (no page lost, none stored twice)"
else
  echo "kill-and-resume: FAILED" >&2
  exit 1
fi
