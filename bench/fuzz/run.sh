#!/usr/bin/env bash
# Builds the seed corpus from our test pages and runs the libFuzzer target.
#
#   # once: clang with the fuzzer runtime (Debian 12: clang-14 ships it;
#   # elsewhere: apt-get install clang-14 libclang-rt-14-dev)
#   CC=clang-14 CXX=clang++-14 cmake -S . -B build/fuzz -G Ninja \
#     -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNEWSFACTS_SANITIZE=ON \
#     -DNEWSFACTS_FUZZ=ON -DNEWSFACTS_BUILD_TESTS=OFF \
#     -DCMAKE_CXX_FLAGS=-fsanitize=fuzzer-no-link
#   cmake --build build/fuzz -j2 --target fuzz_extract
#   BUILD=build/fuzz bash bench/fuzz/run.sh -max_total_time=600
#
# Crashes land in $BUILD/fuzz-artifacts/; reproduce one with
#   $BUILD/bench/fuzz/fuzz_extract $BUILD/fuzz-artifacts/crash-...
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${BUILD:-build/fuzz}
bin=$build/bench/fuzz/fuzz_extract
[ -x "$bin" ] || { echo "build $bin first (see the comment above)" >&2; exit 2; }
seeds=$build/fuzz-seeds corpus=$build/fuzz-corpus art=$build/fuzz-artifacts
mkdir -p "$seeds" "$corpus" "$art"
# Seeds: every test page, once on the generic path (first byte 0) and once
# on the Pangea profile path (first byte 1).
for f in tests/testdata/pages/*.html tests/testdata/pangea/*.html \
         tests/testdata/rferl/*.html; do
  [ -f "$f" ] || continue
  n=$(basename "$f" .html)
  { printf '\0'; cat "$f"; } >"$seeds/$n.generic"
  { printf '\1'; cat "$f"; } >"$seeds/$n.pangea"
done
# With -jobs, libFuzzer writes fuzz-JOB.log into the working directory.
dict=$PWD/bench/fuzz/html.dict
cd "$build"
exec "$PWD/bench/fuzz/fuzz_extract" fuzz-corpus fuzz-seeds -dict="$dict" \
  -max_len=131072 -jobs=1 -workers=1 -artifact_prefix=fuzz-artifacts/ \
  -print_final_stats=1 "$@"
