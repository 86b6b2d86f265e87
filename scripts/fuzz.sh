#!/usr/bin/env bash
# Builds the libFuzzer fuzzers (CMake preset "fuzz": clang-14, ASan/UBSan, build/fuzz) and runs each one
# for SECONDS on a copy of its seed corpus (server/fuzz/corpus/<name>/) in a temporary directory, so the
# repository is never written to. A fuzzer fails on any crash, leak, sanitizer report, broken invariant,
# timeout, out-of-memory or other non-zero exit; its reproducer is kept and its path printed.
# Ends with one line per fuzzer and "N passed, N failed"; exits non-zero when anything failed.
# Usage: scripts/fuzz.sh [SECONDS_PER_FUZZER]   (default 45)
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
seconds=${1:-45}
if ! [[ "$seconds" =~ ^[1-9][0-9]*$ ]]; then
    echo "usage: scripts/fuzz.sh [SECONDS_PER_FUZZER]" >&2
    exit 2
fi
fuzzers=(router query_cookie json_input sql_placeholders enterprise_csv multipart)

started=$(date +%s)
for package in clang-14 libclang-rt-14-dev; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        scripts/setup.sh --with-fuzz || exit 1
        break
    fi
done
[ -f build/fuzz/build.ninja ] || cmake --preset fuzz >/dev/null || exit 1
cmake --build --preset fuzz || exit 1
built=$(date +%s)

work=$(mktemp -d /tmp/ankang-fuzz.XXXXXX)
summary=()
passed=0
failed=0

# Runs one fuzzer and writes its summary line to $work/<name>/result (first word: passed or FAILED).
fuzz_one() {
    local name=$1
    local binary="$root/build/fuzz/server/fuzz/${name}_fuzzer"
    local corpus="$work/$name/corpus"
    local artifacts="$work/$name/artifacts"
    local log="$work/$name/fuzz.log"
    mkdir -p "$corpus" "$artifacts"
    cp -r "server/fuzz/corpus/$name/." "$corpus/"
    local options=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
                   -artifact_prefix="$artifacts/")
    [ -f "server/fuzz/$name.dict" ] && options+=(-dict="$root/server/fuzz/$name.dict")

    "$binary" "${options[@]}" "$corpus" >"$log" 2>&1
    local code=$?
    local runs coverage reproducers line
    runs=$(grep -oE "^stat::number_of_executed_units: *[0-9]+" "$log" | grep -oE "[0-9]+$" | tail -n 1)
    coverage=$(grep -oE " cov: [0-9]+" "$log" | tail -n 1 | grep -oE "[0-9]+")
    reproducers=$(find "$artifacts" -type f | sort)
    if [ "$code" -eq 0 ] && [ -z "$reproducers" ] &&
        ! grep -qE "(ERROR|WARNING): (AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer|MemorySanitizer|libFuzzer)|runtime error:|FUZZ CHECK FAILED" "$log"; then
        echo "passed $name: passed (${runs:-?} runs, coverage ${coverage:-?}, corpus $(find "$corpus" -type f | wc -l) inputs)" >"$work/$name/result"
    else
        # The report: the broken invariant or sanitizer error with its stack, then libFuzzer's summary.
        grep -E -m 1 -A 30 "FUZZ CHECK FAILED|ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:" "$log" | head -n 40 >"$work/$name/report"
        line="$name: FAILED (exit $code)"
        for reproducer in $reproducers; do
            line+=" reproducer: $reproducer"
            echo "reproduce: $binary $reproducer" >>"$work/$name/report"
        done
        [ -n "$reproducers" ] || line+=" log: $log"
        echo "FAILED $line" >"$work/$name/result"
    fi
}

# One fuzzer per core at a time: each still gets its full SECONDS, the phase takes half as long on 2 cores.
parallel=$(nproc 2>/dev/null || echo 1)
running=0
for name in "${fuzzers[@]}"; do
    echo "== $name (${seconds}s)"
    fuzz_one "$name" &
    running=$((running + 1))
    if [ "$running" -ge "$parallel" ]; then
        wait -n
        running=$((running - 1))
    fi
done
wait
for name in "${fuzzers[@]}"; do
    result=$(cat "$work/$name/result" 2>/dev/null || echo "FAILED $name: FAILED (no result)")
    [ -f "$work/$name/report" ] && cat "$work/$name/report"
    if [[ "$result" == passed* ]]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
    summary+=("${result#* }")
done
finished=$(date +%s)

[ "$failed" -eq 0 ] && rm -rf "$work"
echo
echo "fuzz: build $((built - started)) s, fuzzing $((finished - built)) s, total $((finished - started)) s"
[ "$failed" -eq 0 ] || echo "fuzz: logs and reproducers kept in $work"
for line in "${summary[@]}"; do echo "$line"; done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
