#!/usr/bin/env bash
# Builds the libFuzzer target and fuzzes newslint's whole pipeline for a number of seconds.
#
#   Fuzz/run.sh [SECONDS] [libFuzzer flags…]     e.g. Fuzz/run.sh 60, Fuzz/run.sh 540 -fork=1 -ignore_crashes=1
#   Fuzz/run.sh --replay FILE…                    runs saved inputs once (a crash reproduces, a fix shows)
#
# The corpus grows in Fuzz/.build/corpus; crash inputs land in Fuzz/.build/crashes/. Exits non-zero when
# the target crashed or broke a promise, so a CI smoke pass is `Fuzz/run.sh 60`.
set -euo pipefail
cd "$(dirname "$0")"

swift build -c debug -Xswiftc -sanitize=fuzzer,address 2>&1 | grep -v "Cannot export local symbol" || true
binary=".build/debug/FuzzPost"
if [ ! -x "$binary" ]; then
    echo "run.sh: the fuzz target did not build (see above)" >&2
    exit 2
fi

# Swift's own crash backtracer reads memory ASan forbids; libFuzzer prints the stack instead.
export SWIFT_BACKTRACE=enable=no
# Sets and dictionaries iterate in the same order in every process: one source of run-to-run variation less
# for a seeded run (node handles still hash by address, so two runs may still diverge).
export SWIFT_DETERMINISTIC_HASHING=1
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1}"

if [ "${1:-}" = "--replay" ]; then
    shift
    exec "$binary" "$@"
fi

seconds="${1:-60}"
shift || true
mkdir -p .build/corpus .build/crashes
exec "$binary" \
    -max_total_time="$seconds" \
    -max_len=16384 \
    -timeout=20 \
    -rss_limit_mb=3072 \
    -dict=dictionary.txt \
    -artifact_prefix=.build/crashes/ \
    -print_final_stats=1 \
    "$@" \
    .build/corpus seeds ../Examples
