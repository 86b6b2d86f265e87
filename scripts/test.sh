#!/usr/bin/env bash
# One command: install what is missing, build (ASan/UBSan debug), and run every test —
# C++ unit and service tests on SQLite and on a throwaway PostgreSQL 15, the web unit tests, the API
# tests against the real binary on both databases, the durability test, the browser tests in Chromium and the
# scale-out test (PostgreSQL primary + hot standby, two servers, nginx; e2e/scale-out.test.mjs).
# Ends with each runner's own summary line and a total.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

scripts/setup.sh --with-browser --with-postgres --with-nginx --with-fuzz || exit 1
scripts/build.sh dev || exit 1

jobs=$(nproc 2>/dev/null || echo 2)
[ "$jobs" -ge 2 ] || jobs=2
work=$(mktemp -d /tmp/ankang-test.XXXXXX)
chmod 755 "$work"
summary=()
total_passed=0
total_failed=0
status=0

record() {  # record NAME PASSED FAILED LINE
    summary+=("$1: $4")
    total_passed=$((total_passed + $2))
    total_failed=$((total_failed + $3))
    [ "$3" -eq 0 ] || status=1
}

run_ctest() {  # run_ctest NAME [ENV=VALUE]
    local name=$1 log="$work/$1.log"
    shift
    env "$@" ctest --preset dev 2>&1 | tee "$log" | tail -n 25
    local line passed failed
    line=$(grep -E "tests passed, [0-9]+ tests failed out of" "$log" | tail -n 1)
    if [ -z "$line" ]; then record "$name" 0 1 "ctest did not finish"; return; fi
    failed=$(sed -E 's/.* ([0-9]+) tests failed out of ([0-9]+).*/\1/' <<<"$line")
    passed=$(($(sed -E 's/.*out of ([0-9]+).*/\1/' <<<"$line") - failed))
    record "$name" "$passed" "$failed" "$line"
}

run_node_tests() {  # run_node_tests NAME FILES... (environment already set by caller)
    local name=$1 log="$work/$1.log"
    shift
    # One test file per core at a time (node's default is one fewer than the cores: a single file on a 2-core CI
    # machine, which leaves a core idle while a server starts or a browser waits). Each file starts its own
    # servers on their own ports and databases, so files do not share state.
    node --test --test-concurrency="$jobs" --test-reporter=spec "$@" 2>&1 | tee "$log" | tail -n 40
    local passed failed cancelled
    passed=$(grep -E "^ℹ pass [0-9]+" "$log" | tail -n 1 | grep -oE "[0-9]+")
    failed=$(grep -E "^ℹ fail [0-9]+" "$log" | tail -n 1 | grep -oE "[0-9]+")
    # Tests whose before() hook failed are "cancelled", not "fail": they did not pass, so they count as failed.
    cancelled=$(grep -E "^ℹ cancelled [0-9]+" "$log" | tail -n 1 | grep -oE "[0-9]+")
    if [ -z "$passed" ]; then record "$name" 0 1 "node test runner did not finish"; return; fi
    record "$name" "$passed" "$((failed + ${cancelled:-0}))" "# pass $passed, # fail $failed, # cancelled ${cancelled:-0}"
}

echo "== C++ unit and service tests on SQLite"
run_ctest unit-sqlite

echo "== C++ unit and service tests on PostgreSQL 15"
postgres_url=$(scripts/pg-test-cluster.sh start "$work/postgres" 55432)
if [ -n "$postgres_url" ]; then
    run_ctest unit-postgres "ANKANG_TEST_DATABASE_URL=$postgres_url"
else
    record unit-postgres 0 1 "PostgreSQL did not start"
fi

echo "== Web unit tests"
(cd web && npm test 2>&1) | tee "$work/web.log" | tail -n 15
web_line=$(grep -E "^[0-9]+ passed, [0-9]+ failed" "$work/web.log" | tail -n 1)
if [ -n "$web_line" ]; then
    record web-unit "$(cut -d' ' -f1 <<<"$web_line")" "$(cut -d' ' -f3 <<<"$web_line")" "$web_line"
else
    record web-unit 0 1 "vitest did not finish"
fi

export ANKANG_E2E_BINARY="$root/build/dev/server/ankang"
export ANKANG_E2E_STATIC_DIR="$root/web/dist"
echo "== API, durability and browser tests against the binary on SQLite"
ANKANG_E2E_DATABASE=sqlite run_node_tests e2e-sqlite e2e/*.test.mjs
# The request-limit tests (limits.test.mjs) do not touch the database and run on SQLite only.
echo "== API tests against the binary on PostgreSQL"
ANKANG_E2E_DATABASE=postgres ANKANG_E2E_POSTGRES_URL="$postgres_url" run_node_tests e2e-postgres e2e/api.test.mjs e2e/matrix.test.mjs e2e/backup.test.mjs e2e/import.test.mjs e2e/files.test.mjs e2e/hazards.test.mjs e2e/inspections.test.mjs e2e/documents.test.mjs e2e/reports.test.mjs e2e/statistics.test.mjs e2e/annual-reports.test.mjs

scripts/pg-test-cluster.sh stop "$work/postgres"

echo "== Fuzzers (libFuzzer with ASan/UBSan, 20 s each, on a copy of the checked-in corpora)"
scripts/fuzz.sh 20 2>&1 | tee "$work/fuzz.log" | tail -n 12
fuzz_line=$(grep -E "^[0-9]+ passed, [0-9]+ failed" "$work/fuzz.log" | tail -n 1)
if [ -n "$fuzz_line" ]; then
    record fuzz "$(cut -d' ' -f1 <<<"$fuzz_line")" "$(cut -d' ' -f3 <<<"$fuzz_line")" "$fuzz_line"
else
    record fuzz 0 1 "fuzz.sh did not finish"
fi

echo
echo "== Summary"
for line in "${summary[@]}"; do echo "$line"; done
echo "$total_passed passed, $total_failed failed"
[ "$status" -eq 0 ] && rm -rf "$work"
exit "$status"
