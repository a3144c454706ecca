#!/usr/bin/env bash
# Benchmarks/run.sh: newslint against the libxml2 parse-only floor (and html-to-markdown), in one run.
#
# Usage, from the repository root:
#   Benchmarks/run.sh [--posts N] [--corpus DIR] [--repeat R] [--latency-runs L] [--no-h2m]
#                     [--no-build | --binary PATH] [--scratch DIR] [--keep]
#
#   --posts N         posts in the measured corpus (default 10000)
#   --corpus DIR      take the posts from DIR (walked like newslint does: *.md and *.markdown, no hidden
#                     entries) instead of Examples/; replicated or cut to N files
#   --repeat R        run each newslint and floor measurement R times and keep the median (default 1)
#   --latency-runs L  repetitions of the one-file check (default 50)
#   --no-h2m          do not time html-to-markdown
#   --no-build        reuse .build-bench/release/newslint as built by an earlier run
#   --binary PATH     measure this newslint binary instead of building one (e.g. to compare builds)
#   --scratch DIR     where the corpus and fix outputs go (default /tmp); newslint fsyncs every file
#                     fix writes, so a disk-backed DIR times the disk too
#   --keep            keep the scratch directory (corpus, outputs, logs) instead of deleting it
#
# It builds newslint (release, scratch path .build-bench) and Benchmarks/floor.c, writes the corpus
# under the scratch folder, times `check` and `fix` with --jobs 1 and with every core, `check` with an empty
# and with a warm result cache, a one-file check, the floor and optionally html-to-markdown, then prints the figures, the ratios and which of issue 6's targets
# are met. Missed targets are reported, not failed: it exits non-zero only when something breaks.
set -euo pipefail

# Paths given on the command line are taken from where the script was started; everything else
# runs from the repository root.
CALLER=$PWD
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
absolute() { if [[ $1 == /* ]]; then echo "$1"; else echo "$CALLER/$1"; fi; }

POSTS=10000
CORPUS=""
REPEAT=1
LATENCY_RUNS=50
H2M=1
KEEP=0
BUILD=1
BINARY=""
SCRATCH=/tmp
while (($#)); do
    case $1 in
        --posts) POSTS=${2:?--posts needs a number}; shift 2 ;;
        --corpus) CORPUS=$(absolute "${2:?--corpus needs a directory}"); shift 2 ;;
        --repeat) REPEAT=${2:?--repeat needs a number}; shift 2 ;;
        --latency-runs) LATENCY_RUNS=${2:?--latency-runs needs a number}; shift 2 ;;
        --no-h2m) H2M=0; shift ;;
        --no-build) BUILD=0; shift ;;
        --binary) BINARY=$(absolute "${2:?--binary needs a path}"); BUILD=0; shift 2 ;;
        --scratch) SCRATCH=$(absolute "${2:?--scratch needs a directory}"); shift 2 ;;
        --keep) KEEP=1; shift ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "run.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
    esac
done
for number in "$POSTS" "$REPEAT" "$LATENCY_RUNS"; do
    [[ $number =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: '$number' is not a positive number" >&2; exit 2; }
done
if [[ -n $CORPUS && ! -d $CORPUS ]]; then echo "run.sh: $CORPUS is not a directory" >&2; exit 2; fi
if [[ ! -d $SCRATCH || ! -w $SCRATCH ]]; then echo "run.sh: cannot write in $SCRATCH" >&2; exit 2; fi

step() { printf '\n==> %s\n' "$*" >&2; }
fail() { echo "run.sh: error: $*" >&2; exit 1; }

# --- Tools -----------------------------------------------------------------------------------------
# Peak RSS comes from GNU time; Debian ships it as the package `time`, often missing from images.
if [[ ! -x /usr/bin/time ]]; then
    step "installing GNU time (Debian package 'time') for peak RSS"
    if [[ $(id -u) -eq 0 ]]; then
        apt-get install -y -qq time >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
    fi
    [[ -x /usr/bin/time ]] || fail "/usr/bin/time is missing: apt-get install time"
fi
for tool in gcc pkg-config perl swift; do
    command -v "$tool" >/dev/null || fail "$tool is needed"
done
pkg-config --exists libxml-2.0 || fail "libxml2's pkg-config file is missing: apt-get install libxml2-dev pkg-config"

CORES=$(nproc)
WORK=$(mktemp -d "$SCRATCH/newslint-bench.XXXXXX")
cleanup() { if ((KEEP)); then echo "scratch kept in $WORK" >&2; else rm -rf "$WORK"; fi; }
trap cleanup EXIT

# --- Build -----------------------------------------------------------------------------------------
# A private scratch path: other engineers' builds in .build are not disturbed, and theirs not ours.
# Sources edited while SwiftPM compiles make it stop with "was modified during the build"; that is
# not a failure of newslint, so such a build is retried.
step "building newslint (release, .build-bench)"
for attempt in 1 2 3; do
    ((BUILD)) || break
    if swift build -c release --static-swift-stdlib --scratch-path .build-bench >"$WORK/build.log" 2>&1; then break; fi
    if ((attempt < 3)) && grep -q "modified during the build" "$WORK/build.log"; then
        echo "sources changed during the build; building again" >&2
        continue
    fi
    tail -n 30 "$WORK/build.log" >&2
    fail "swift build failed"
done
if [[ -n $BINARY ]]; then
    NEWSLINT=$(realpath "$BINARY")
else
    NEWSLINT=$ROOT/.build-bench/release/newslint
fi
[[ -x $NEWSLINT ]] || fail "$NEWSLINT is missing: run without --no-build"
VERSION=$("$NEWSLINT" --version)

step "building Benchmarks/floor.c against libxml2 $(pkg-config --modversion libxml-2.0)"
# shellcheck disable=SC2046 # pkg-config prints several flags on purpose
gcc -O2 -o "$WORK/floor" Benchmarks/floor.c $(pkg-config --cflags --libs libxml-2.0)

# --- Corpus ----------------------------------------------------------------------------------------
# The corpus is always a flat scratch copy of exactly N posts, so every run measures the same thing
# whatever the source: the first copy of each source post is byte for byte, later copies get a
# counter paragraph (see make_corpus.pl).
mkdir "$WORK/corpus"
if [[ -n $CORPUS ]]; then SOURCE=$CORPUS; else SOURCE=$ROOT/Examples; fi
mapfile -t SOURCES < <(find "$SOURCE" -name '.*' -prune -o -name node_modules -prune -o -type f \
    \( -iname '*.md' -o -iname '*.markdown' \) -print | LC_ALL=C sort)
((${#SOURCES[@]} > 0)) || fail "no posts (*.md, *.markdown) under $SOURCE"
step "writing $POSTS posts from ${#SOURCES[@]} in $SOURCE"
perl Benchmarks/make_corpus.pl "$WORK/corpus" "$POSTS" "${SOURCES[@]}"
find "$WORK/corpus" -type f | LC_ALL=C sort >"$WORK/files.txt"
BYTES=$(find "$WORK/corpus" -type f -printf '%s\n' | awk '{ s += $1 } END { print s }')
# The one-file case uses a post of median size: what a pre-commit hook typically hands over.
ONE_FILE=$(find "$WORK/corpus" -type f -printf '%s %p\n' | sort -n | awk -v n="$POSTS" 'NR == int((n + 1) / 2) { print $2 }')
ONE_FILE_BYTES=$(stat -c %s "$ONE_FILE")

# --- Measuring -------------------------------------------------------------------------------------
# Every measurement is one process under GNU time: wall time from bash's clock around it (time's own
# %e has only 10 ms resolution), peak RSS from its "Maximum resident set size".
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# run_timed NAME COMMAND...: runs COMMAND (stdout to NAME.out, stderr to NAME.err) and prints
# "wall_seconds cpu_seconds rss_kib". newslint exits 1 for findings and 2 for posts it cannot read (a real corpus can
# hold one); anything else, or a usage error, is a failure of the run.
run_timed() {
    local name=$1 status started ended
    shift
    started=$EPOCHREALTIME
    set +e
    /usr/bin/time -v -o "$WORK/$name.time" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err"
    status=$?
    set -e
    ended=$EPOCHREALTIME
    if ((status > 2)) || { ((status == 2)) && grep -q '^newslint: error:\|^Error:\|^Usage:' "$WORK/$name.err"; }; then
        tail -n 20 "$WORK/$name.err" >&2
        fail "$name: '$*' exited $status"
    fi
    local rss cpu
    rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$WORK/$name.time")
    cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' "$WORK/$name.time")
    echo "$(awk -v a="${started/,/.}" -v b="${ended/,/.}" 'BEGIN { printf "%.6f", b - a }') $cpu $rss"
}

# measure NAME COMMAND...: run_timed REPEAT times; sets SECONDS_<NAME> (median wall), CPU_<NAME>
# (user + system seconds of the run with the median wall time) and RSS_<NAME> (max). In COMMAND, @RUN@
# stands for the number of the run (1 to REPEAT).
#
# Each run of `fix` writes into a folder of its own, and each run of the empty-cache check fills a cache
# of its own; nothing is deleted until the scratch folder goes. Deleting the previous run's files made the
# next run pay for it: ext4 skips inodes freed in the last 30 s (vm.dirty_expire_centisecs) when it
# allocates one, looking each up in the inode table, and with 10,000 files just deleted that was a
# quarter of the machine's time in a `fix` run (perf: recently_deleted under __ext4_new_inode), however
# long the script waited for the deletion to be written back.
measure() {
    local name=$1 run result times=() cpus=() rss=0 wall cpu kib
    shift
    for ((run = 1; run <= REPEAT; run++)); do
        result=$(run_timed "$name" "${@//@RUN@/$run}")
        read -r wall cpu kib <<<"$result"
        times+=("$wall")
        cpus+=("$wall $cpu")
        if ((kib > rss)); then rss=$kib; fi
    done
    wall=$(printf '%s\n' "${times[@]}" | median)
    printf -v "SECONDS_$name" '%s' "$wall"
    printf -v "CPU_$name" '%s' "$(printf '%s\n' "${cpus[@]}" | sort -g | awk -v n="${#cpus[@]}" 'NR == int((n + 1) / 2) { print $2 }')"
    printf -v "RSS_$name" '%s' "$rss"
    echo "  $name: wall $(printf '%s\n' "${times[@]}" | tr '\n' ' ')s, peak RSS $((rss / 1024)) MiB" >&2
}

# Other work on the machine (builds, tests) slows every figure and hides the parallel speedup: say so.
LOAD_BEFORE=$(cut -d' ' -f1 /proc/loadavg)

# The floor first: it reads every post, so newslint's runs start with a warm page cache too.
step "floor: libxml2 htmlReadMemory over the same bodies (parse only, single-threaded)"
floor_times=()
floor_cpus=()
for ((run = 1; run <= REPEAT; run++)); do
    result=$(run_timed floor sh -c '"$1" < "$2"' sh "$WORK/floor" "$WORK/files.txt")
    floor_times+=("$(sed -n 's/.*parse_seconds=\([0-9.]*\).*/\1/p' "$WORK/floor.out")")
    floor_cpus+=("$(sed -n 's/.*parse_cpu_seconds=\([0-9.]*\).*/\1/p' "$WORK/floor.out")")
    RSS_floor=${result##* }
done
FLOOR_SECONDS=$(printf '%s\n' "${floor_times[@]}" | median)
FLOOR_CPU=$(printf '%s\n' "${floor_cpus[@]}" | median)
FLOOR_FILES=$(sed -n 's/^files=\([0-9]*\).*/\1/p' "$WORK/floor.out")
FLOOR_BODY_BYTES=$(sed -n 's/.*body_bytes=\([0-9]*\).*/\1/p' "$WORK/floor.out")
echo "  floor: ${floor_times[*]} s parsing $FLOOR_FILES bodies ($(cat "$WORK/floor.out"))" >&2

# A newslint that cannot read the posts (a broken rule file, a configuration error) would be timed
# doing nothing, so one small untimed check must succeed first. Posts newslint rejects one by one
# (e.g. invalid YAML) are normal in a real corpus, but not by the dozen.
step "sanity check: newslint reads the posts"
mapfile -t sample < <(head -n 200 "$WORK/files.txt")
set +e
"$NEWSLINT" check --no-cache --quiet --color never --jobs 1 "${sample[@]}" >"$WORK/sanity.out" 2>"$WORK/sanity.err"
status=$?
set -e
SANITY_FILES=${#sample[@]}
SANITY_BAD=$(grep -c ': error: ' "$WORK/sanity.err" || true)
if ((status > 2)) || grep -q 'error: configuration' "$WORK/sanity.err" || ((SANITY_BAD * 10 > SANITY_FILES)); then
    head -n 5 "$WORK/sanity.err" >&2
    fail "newslint could not read $SANITY_BAD of $SANITY_FILES posts (exit $status); nothing to measure"
fi

step "one-file check, $LATENCY_RUNS runs ($(basename "$ONE_FILE"), $ONE_FILE_BYTES bytes)"
# time_one_file ARGS...: LATENCY_RUNS timed runs of a one-file check; prints the milliseconds, one per line.
time_one_file() {
    local run started ended
    for ((run = 1; run <= LATENCY_RUNS; run++)); do
        started=$EPOCHREALTIME
        "$NEWSLINT" check --color never "$@" "$ONE_FILE" >/dev/null 2>&1 || (($? <= 2)) || fail "one-file check failed"
        ended=$EPOCHREALTIME
        awk -v a="${started/,/.}" -v b="${ended/,/.}" 'BEGIN { printf "%.3f\n", (b - a) * 1000 }'
    done
}
p95() { sort -g | awk -v n="$LATENCY_RUNS" '{ v[NR] = $1 } END { i = int(n * 0.95 + 0.999999); if (i < 1) i = 1; printf "%.1f", v[i] }'; }
# The pre-commit case: a fresh process for one post, default jobs. One unmeasured run first so the
# binary and its libraries are in the page cache, as they are on a developer's machine. Measured before
# the fix runs: the kernel is still writing back and discarding their tens of thousands of files for a
# while after they end, which a developer's commit does not wait behind.
"$NEWSLINT" check --no-cache --color never "$ONE_FILE" >/dev/null 2>&1 || (($? <= 2)) || fail "one-file check failed"
mapfile -t latencies < <(time_one_file --no-cache)
((${#latencies[@]} == LATENCY_RUNS)) || fail "one-file check failed"
LAT_MEDIAN=$(printf '%s\n' "${latencies[@]}" | median | xargs printf '%.1f')
LAT_P95=$(printf '%s\n' "${latencies[@]}" | p95)
# The same post again with the result cache (the default) already holding it: a pre-commit hook run
# on a file that has not changed since the last run.
"$NEWSLINT" check --cache-dir "$WORK/one-file-cache" --color never "$ONE_FILE" >/dev/null 2>&1 || (($? <= 2)) \
    || fail "one-file check failed"
mapfile -t cached_latencies < <(time_one_file --cache-dir "$WORK/one-file-cache")
((${#cached_latencies[@]} == LATENCY_RUNS)) || fail "one-file check with the cache failed"
LAT_CACHED_MEDIAN=$(printf '%s\n' "${cached_latencies[@]}" | median | xargs printf '%.1f')
LAT_CACHED_P95=$(printf '%s\n' "${cached_latencies[@]}" | p95)
LAT_MIN=$(printf '%s\n' "${latencies[@]}" | sort -g | head -n 1 | xargs printf '%.1f')

step "newslint check and fix, --jobs 1 and --jobs $CORES (--no-cache, -q, over $POSTS posts)"
# -q: findings only; the findings are still formatted and written, as a user's run would do.
measure check1 "$NEWSLINT" check --no-cache --quiet --color never --jobs 1 "$WORK/corpus"
measure checkN "$NEWSLINT" check --no-cache --quiet --color never --jobs "$CORES" "$WORK/corpus"
measure fix1 "$NEWSLINT" fix --no-cache --quiet --color never --jobs 1 --out "$WORK/out-fix1-@RUN@" "$WORK/corpus"
measure fixN "$NEWSLINT" fix --no-cache --quiet --color never --jobs "$CORES" --out "$WORK/out-fixN-@RUN@" "$WORK/corpus"
# The CI case with a machine-readable report: JSON carries each fixable finding's edits, so the fixed text
# of every post with such a finding is computed too.
measure checkJSON "$NEWSLINT" check --no-cache --quiet --format json --jobs 1 "$WORK/corpus"
UNREADABLE=$(grep -c ': error: ' "$WORK/check1.err" || true)

step "newslint check with the result cache (the default), --jobs 1: first with an empty cache, then again; then JSON"
# What a user's second run of unchanged posts costs (a pre-commit hook, CI with a restored cache): each
# file is read and hashed, and its findings come from the cache instead of a parse.
measure cacheCold "$NEWSLINT" check --cache-dir "$WORK/cache-@RUN@" --quiet --color never --jobs 1 "$WORK/corpus"
measure cacheWarm "$NEWSLINT" check --cache-dir "$WORK/cache-$REPEAT" --quiet --color never --jobs 1 "$WORK/corpus"
# The same with a machine-readable report: the cache holds the edits of the fixes too, once a JSON run stored
# them (untimed here), so a warm run fixes no post again.
"$NEWSLINT" check --cache-dir "$WORK/cache-json" --quiet --format json --jobs 1 "$WORK/corpus" >/dev/null 2>&1 \
    || (($? <= 2)) || fail "check --format json with the cache failed"
measure jsonWarm "$NEWSLINT" check --cache-dir "$WORK/cache-json" --quiet --format json --jobs 1 "$WORK/corpus"
if cmp -s "$WORK/check1.out" "$WORK/cacheCold.out" && cmp -s "$WORK/check1.out" "$WORK/cacheWarm.out" \
    && cmp -s "$WORK/checkJSON.out" "$WORK/jsonWarm.out"; then
    CACHE_SAME=identical
else
    CACHE_SAME="DIFFERENT"
fi

# Parallel runs must give the same bytes as serial ones (issue 6); a mismatch is reported loudly but
# is a newslint bug, not a failure of this benchmark.
if cmp -s "$WORK/check1.out" "$WORK/checkN.out"; then CHECK_SAME=identical; else CHECK_SAME="DIFFERENT"; fi
if diff -rq "$WORK/out-fix1-1" "$WORK/out-fixN-1" >/dev/null 2>&1; then FIX_SAME=identical; else FIX_SAME="DIFFERENT"; fi

# --- html-to-markdown (optional) -------------------------------------------------------------------
# A venv under /tmp keeps the machine's Python untouched and is reused by later runs.
H2M_SECONDS=""
H2M_NOTE=""
if ((H2M)); then
    step "html-to-markdown (PyPI) over the same bodies, single-threaded"
    VENV=/tmp/newslint-bench-venv
    if [[ ! -x $VENV/bin/python ]] || ! "$VENV/bin/python" -c 'import html_to_markdown' 2>/dev/null; then
        if command -v python3 >/dev/null && python3 -m venv "$VENV" >/dev/null 2>&1 \
            && timeout 300 "$VENV/bin/pip" install --quiet --disable-pip-version-check html-to-markdown >"$WORK/pip.log" 2>&1; then
            :
        else
            H2M_NOTE="skipped: could not install html-to-markdown in $VENV (python3 -m venv, pip install html-to-markdown)"
        fi
    fi
    if [[ -z $H2M_NOTE ]]; then
        if "$VENV/bin/python" Benchmarks/html_to_markdown_bench.py <"$WORK/files.txt" >"$WORK/h2m.out" 2>"$WORK/h2m.err"; then
            H2M_SECONDS=$(sed -n 's/.*convert_seconds=\([0-9.]*\).*/\1/p' "$WORK/h2m.out")
            H2M_CPU=$(sed -n 's/.*convert_cpu_seconds=\([0-9.]*\).*/\1/p' "$WORK/h2m.out")
            H2M_FILES=$(sed -n 's/^files=\([0-9]*\).*/\1/p' "$WORK/h2m.out")
            H2M_VERSION=$(sed -n 's/.*version=\(.*\)$/\1/p' "$WORK/h2m.out")
            echo "  html-to-markdown $H2M_VERSION: $H2M_SECONDS s for $H2M_FILES bodies" >&2
        else
            H2M_NOTE="skipped: html-to-markdown failed ($(tail -n 1 "$WORK/h2m.err"))"
        fi
    fi
    [[ -z $H2M_NOTE ]] || echo "  $H2M_NOTE" >&2
else
    H2M_NOTE="skipped (--no-h2m)"
fi

# --- Report ----------------------------------------------------------------------------------------
calc() { awk "BEGIN { printf \"$1\", $2 }"; }
rate() { calc '%.0f' "$1 / $2"; }
mbps() { calc '%.2f' "$1 / $2 / 1e6"; }
mib() { calc '%.1f' "$1 / 1024"; }
pct() { calc '%.1f%%' "$1 * 100"; }

# Rates by wall time are what a user sees; rates by CPU time (files per CPU-second) hardly move when
# other work shares the cores, so both are printed and the ratios are given both ways.
FLOOR_RATE=$(rate "$FLOOR_FILES" "$FLOOR_SECONDS")
FLOOR_CPU_RATE=$(rate "$FLOOR_FILES" "$FLOOR_CPU")
declare -A RATE CPU_RATE
for name in check1 checkN fix1 fixN checkJSON cacheCold cacheWarm jsonWarm; do
    seconds_var=SECONDS_$name
    cpu_var=CPU_$name
    RATE[$name]=$(rate "$POSTS" "${!seconds_var}")
    CPU_RATE[$name]=$(rate "$POSTS" "${!cpu_var}")
done
PEAK_RSS=$(printf '%s\n' "$RSS_check1" "$RSS_checkN" "$RSS_fix1" "$RSS_fixN" "$RSS_checkJSON" "$RSS_cacheCold" "$RSS_cacheWarm" \
    "$RSS_jsonWarm" | sort -n | tail -n 1)
CPU=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
LOAD_AFTER=$(cut -d' ' -f1 /proc/loadavg)

echo
echo "newslint benchmark — $VERSION"
echo "binary: $NEWSLINT"
echo "machine: $CORES cores ($(nproc --all) online), ${CPU:-unknown CPU}; $(uname -sr)"
echo "load average (1 min): $LOAD_BEFORE before, $LOAD_AFTER after the measurements"
if awk "BEGIN { exit !($LOAD_BEFORE > 0.5 || $LOAD_AFTER > $CORES + 0.5) }"; then
    echo "WARNING: the machine was busy with other work: wall-time figures and speedups are pessimistic;"
    echo "         the CPU-time figures are the ones to compare"
fi
echo "corpus: $POSTS posts, $(calc '%.2f' "$BYTES / 1e6") MB, from ${#SOURCES[@]} posts in $SOURCE"
echo "        ($(calc '%.2f' "$FLOOR_BODY_BYTES / 1e6") MB of bodies after the front matter; scratch $WORK)"
[[ $UNREADABLE == 0 ]] || echo "        ($UNREADABLE posts newslint could not read, e.g. invalid YAML; the floor still parses their bodies)"
echo "MB = 10^6 bytes of whole post files. newslint is timed end to end (process start, discovery,"
echo "reading, output; fix also writes and fsyncs every file); the floor and html-to-markdown time only"
echo "their loop over bodies already in memory."
echo
printf '%-36s %8s %9s %8s %7s %10s %10s\n' "run" "wall s" "files/s" "MB/s" "CPU s" "files/CPUs" "peak RSS"
printf '%-36s %8s %9s %8s %7s %10s %10s\n' "------------------------------------" "------" "-------" "----" "-----" "----------" "--------"
row() { printf '%-36s %8.3f %9s %8s %7.3f %10s %10s\n' "$@"; }
row "libxml2 parse only (floor), 1 thread" "$FLOOR_SECONDS" "$FLOOR_RATE" "$(mbps "$BYTES" "$FLOOR_SECONDS")" "$FLOOR_CPU" "$FLOOR_CPU_RATE" "$(mib "$RSS_floor") MiB"
for name in check1 checkN fix1 fixN; do
    seconds_var=SECONDS_$name
    cpu_var=CPU_$name
    rss_var=RSS_$name
    command=${name%?}
    [[ $command == fix ]] && command="fix --out"
    jobs=1
    [[ $name == *N ]] && jobs=$CORES
    row "newslint $command --jobs $jobs" "${!seconds_var}" "${RATE[$name]}" "$(mbps "$BYTES" "${!seconds_var}")" \
        "${!cpu_var}" "${CPU_RATE[$name]}" "$(mib "${!rss_var}") MiB"
done
for name in checkJSON cacheCold cacheWarm jsonWarm; do
    seconds_var=SECONDS_$name
    cpu_var=CPU_$name
    rss_var=RSS_$name
    label="newslint check --jobs 1, empty cache"
    [[ $name == checkJSON ]] && label="newslint check --jobs 1 --format json"
    [[ $name == cacheWarm ]] && label="newslint check --jobs 1, warm cache"
    [[ $name == jsonWarm ]] && label="  the same, --format json"
    row "$label" "${!seconds_var}" "${RATE[$name]}" "$(mbps "$BYTES" "${!seconds_var}")" \
        "${!cpu_var}" "${CPU_RATE[$name]}" "$(mib "${!rss_var}") MiB"
done
if [[ -n $H2M_SECONDS ]]; then
    H2M_RATE=$(rate "$H2M_FILES" "$H2M_SECONDS")
    H2M_CPU_RATE=$(rate "$H2M_FILES" "$H2M_CPU")
    row "html-to-markdown $H2M_VERSION, 1 thread" "$H2M_SECONDS" "$H2M_RATE" "$(mbps "$BYTES" "$H2M_SECONDS")" "$H2M_CPU" "$H2M_CPU_RATE" "-"
else
    echo "html-to-markdown: $H2M_NOTE"
fi
echo
echo "one-file check ($ONE_FILE_BYTES bytes, $LATENCY_RUNS runs): median $LAT_MEDIAN ms, p95 $LAT_P95 ms, min $LAT_MIN ms;"
echo "  with the post already in the cache: median $LAT_CACHED_MEDIAN ms, p95 $LAT_CACHED_P95 ms"
echo "output --jobs 1 vs --jobs $CORES: check $CHECK_SAME, fix --out $FIX_SAME; check with the cache (empty, warm) vs without: $CACHE_SAME"
echo

CHECK_FLOOR=$(calc '%.4f' "${RATE[check1]} / $FLOOR_RATE")
FIX_FLOOR=$(calc '%.4f' "${RATE[fix1]} / $FLOOR_RATE")
CHECK_FLOOR_CPU=$(calc '%.4f' "${CPU_RATE[check1]} / $FLOOR_CPU_RATE")
FIX_FLOOR_CPU=$(calc '%.4f' "${CPU_RATE[fix1]} / $FLOOR_CPU_RATE")
CHECK_SPEEDUP=$(calc '%.2f' "$SECONDS_check1 / $SECONDS_checkN")
FIX_SPEEDUP=$(calc '%.2f' "$SECONDS_fix1 / $SECONDS_fixN")
# The issue asks 1.8x on 2 cores; on other machines the same 90% parallel efficiency.
SPEEDUP_TARGET=$(calc '%.1f' "0.9 * $CORES")
printf '%-36s %12s %12s\n' "ratios (same run)" "by wall" "by CPU time"
printf '%-36s %12s %12s\n' "  check --jobs 1 / floor" "$(pct "$CHECK_FLOOR")" "$(pct "$CHECK_FLOOR_CPU")"
printf '%-36s %12s %12s\n' "  fix --jobs 1 / floor" "$(pct "$FIX_FLOOR")" "$(pct "$FIX_FLOOR_CPU")"
if [[ -n $H2M_SECONDS ]]; then
    FIX_H2M=$(calc '%.3f' "${RATE[fix1]} / $H2M_RATE")
    FIX_H2M_CPU=$(calc '%.3f' "${CPU_RATE[fix1]} / $H2M_CPU_RATE")
    printf '%-36s %12s %12s\n' "  fix --jobs 1 / html-to-markdown" "${FIX_H2M}x" "${FIX_H2M_CPU}x"
    printf '%-36s %12s %12s\n' "  html-to-markdown / floor" "$(pct "$(calc '%.4f' "$H2M_RATE / $FLOOR_RATE")")" \
        "$(pct "$(calc '%.4f' "$H2M_CPU_RATE / $FLOOR_CPU_RATE")")"
fi
# A speedup has no CPU-time form; how many cores the parallel run kept busy tells whether it had them.
printf '%-36s %12s   (%s cores busy on average)\n' "  check --jobs $CORES / --jobs 1" "${CHECK_SPEEDUP}x" "$(calc "%.2f" "$CPU_checkN / $SECONDS_checkN")"
printf '%-36s %12s   (%s cores busy on average)\n' "  fix --jobs $CORES / --jobs 1" "${FIX_SPEEDUP}x" "$(calc "%.2f" "$CPU_fixN / $SECONDS_fixN")"
printf '%-36s %12s %12s\n' "  check --format json / floor" "$(pct "$(calc '%.4f' "${RATE[checkJSON]} / $FLOOR_RATE")")" \
    "$(pct "$(calc '%.4f' "${CPU_RATE[checkJSON]} / $FLOOR_CPU_RATE")")"
printf '%-36s %12s %12s\n' "  check, warm cache / floor" "$(pct "$(calc '%.4f' "${RATE[cacheWarm]} / $FLOOR_RATE")")" \
    "$(pct "$(calc '%.4f' "${CPU_RATE[cacheWarm]} / $FLOOR_CPU_RATE")")"
printf '%-36s %12s %12s\n' "  check speedup, warm cache" "$(calc '%.2f' "$SECONDS_check1 / $SECONDS_cacheWarm")x" \
    "$(calc '%.2f' "$CPU_check1 / $CPU_cacheWarm")x"
printf '%-36s %12s %12s\n' "  check --format json speedup, warm" "$(calc '%.2f' "$SECONDS_checkJSON / $SECONDS_jsonWarm")x" \
    "$(calc '%.2f' "$CPU_checkJSON / $CPU_jsonWarm")x"
# A time ratio: above 1, filling the cache costs that much more than checking without it.
printf '%-36s %12s %12s\n' "  check time, empty cache / --no-cache" "$(calc '%.2f' "$SECONDS_cacheCold / $SECONDS_check1")x" \
    "$(calc '%.2f' "$CPU_cacheCold / $CPU_check1")x"
printf '%-36s %12s\n' "  peak RSS (max of the eight runs)" "$(mib "$PEAK_RSS") MiB"
echo

verdict() { if awk "BEGIN { exit !($1) }"; then echo "met    "; else echo "MISSED "; fi; }
echo "issue 6 targets (judged by wall time, as the issue states them; CPU time in brackets):"
echo "  $(verdict "$CHECK_FLOOR >= 0.5") check --jobs 1 >= 50% of the floor: $(pct "$CHECK_FLOOR") ($(pct "$CHECK_FLOOR_CPU"))"
echo "  $(verdict "$FIX_FLOOR >= 0.4") fix --jobs 1 >= 40% of the floor: $(pct "$FIX_FLOOR") ($(pct "$FIX_FLOOR_CPU"))"
if [[ -n $H2M_SECONDS ]]; then
    echo "  $(verdict "$FIX_H2M >= 1.5") fix --jobs 1 >= 1.5x html-to-markdown: ${FIX_H2M}x (${FIX_H2M_CPU}x)"
fi
echo "  $(verdict "$CHECK_SPEEDUP >= $SPEEDUP_TARGET && $FIX_SPEEDUP >= $SPEEDUP_TARGET") all cores >= ${SPEEDUP_TARGET}x single-threaded: check ${CHECK_SPEEDUP}x, fix ${FIX_SPEEDUP}x"
echo "  $(verdict "$LAT_MEDIAN <= 15") one-file check <= 15 ms wall: median $LAT_MEDIAN ms (p95 $LAT_P95 ms)"
RSS_NOTE=""
((POSTS >= 10000)) || RSS_NOTE=" (only $POSTS posts: indicative)"
echo "  $(verdict "$PEAK_RSS <= 65536") peak RSS <= 64 MiB for 10,000 posts: $(mib "$PEAK_RSS") MiB$RSS_NOTE"
