#!/usr/bin/env bash
# Worker report submissions (ADR 0012) per second against the real release binary on SQLite, beside the raw
# SQLite insert rate with the same PRAGMAs as the server (WAL, synchronous=FULL), and the ratio.
#   bench/reports.sh [DURATION_SECONDS]      (needs: scripts/setup.sh --with-bench; scripts/build.sh release)
# Environment: RAW_ROWS (rows per raw sqlite3 run, default 3000); ANKANG_SERVER_WORKER_THREADS is passed on.
# The whole output is also written to bench/results/reports-<UTC timestamp>.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}
raw_rows=${RAW_ROWS:-3000}
binary=build/release/server/ankang
[ -x "$binary" ] || { echo "build the release binary first: scripts/build.sh release" >&2; exit 1; }
for tool in wrk sqlite3 curl bc; do command -v "$tool" >/dev/null || { echo "missing $tool (scripts/setup.sh --with-bench)" >&2; exit 1; }; done

mkdir -p bench/results
result_file="bench/results/reports-$(date -u +%Y%m%dT%H%M%S).txt"
exec > >(tee "$result_file") 2>&1

work=$(mktemp -d /tmp/ankang-bench.XXXXXX)
port=18482
cleanup() {
    [ -n "${server_pid:-}" ] && kill "$server_pid" 2>/dev/null || true
    sleep 0.5
    rm -rf "$work"
}
trap cleanup EXIT

export ANKANG_AUTH_PASSWORD_HASH=minimal
"$binary" --db "sqlite:$work/bench.db" demo >/dev/null 2>&1
# The raw inserts go into a copy of the same database (same tables, indexes and triggers), taken before the load.
sqlite3 "$work/bench.db" ".backup '$work/raw.db'"
demo_reports=$(sqlite3 "$work/raw.db" "SELECT count(*) FROM worker_reports")  # the demo has a few already

# All the load comes from 127.0.0.1: lift the per-address limit on successful submissions (30 per hour).
ANKANG_REPORTS_SUBMISSIONS_PER_HOUR=1000000000 ANKANG_LOG_LEVEL=warn \
    "$binary" --db "sqlite:$work/bench.db" serve --port "$port" >"$work/server.out" 2>"$work/server.err" &
server_pid=$!
for _ in $(seq 1 100); do grep -q "listening" "$work/server.out" 2>/dev/null && break; sleep 0.1; done

base="http://127.0.0.1:$port"
path="/api/v1/public/report-entry/DEMO2026XW01/reports"
body='{"category":"UNSAFE_CONDITION","description":"冲床防护罩缺失，工人直接操作","location":"二号车间","anonymity":"ANONYMOUS"}'
status=$(curl -s -o "$work/first.json" -w '%{http_code}' -H 'X-CSRF-Token: public' \
    -H 'Content-Type: application/json' --data-binary "$body" "$base$path")
[ "$status" = 201 ] || { echo "the first submission answered $status: $(cat "$work/first.json")" >&2; exit 1; }

# wrk: POST the same report on every request; count 201 and everything else per thread, sum them in done().
cat >"$work/submit.lua" <<LUA
wrk.method = "POST"
wrk.body = '$body'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-CSRF-Token"] = "public"
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) created = 0; refused = 0; statuses = "" end
function response(status, headers, body)
    if status == 201 then
        created = created + 1
    else
        refused = refused + 1
        if #statuses < 200 then statuses = statuses .. status .. " " end
    end
end
function done(summary, latency, requests)
    local c, r, s = 0, 0, ""
    for _, t in ipairs(threads) do c = c + t:get("created"); r = r + t:get("refused"); s = s .. t:get("statuses") end
    io.write(string.format("COUNTS %d %d %s\n", c, r, s))
end
LUA

rss_kib() { awk '/VmRSS/ {print $2}' "/proc/$server_pid/status"; }
reports_in() { sqlite3 -cmd ".timeout 5000" "$1" "SELECT count(*) FROM worker_reports"; }

printf '\nAnkang worker-report benchmark — %s, %s s per run, wrk -t2, %s cores, server worker threads %s\n' \
    "$(date -u +%Y-%m-%dT%H:%MZ)" "$duration" "$(nproc)" "${ANKANG_SERVER_WORKER_THREADS:-default}"
printf 'POST %s (anonymous, no photos), %s bytes of JSON; server RSS idle %s KiB\n\n' \
    "$path" "$(printf '%s' "$body" | wc -c)" "$(rss_kib)"
printf '%-24s %6s %12s %9s %9s %8s %8s %11s %12s  %s\n' "target" "conns" "reports/s" "p50" "p99" "201s" "non-201" \
    "rows added" "server RSS" "socket errors"
declare -A rate
total_created=1  # the check above
for connections in 16 64; do
    before=$(reports_in "$work/bench.db")
    output=$(wrk -t2 -c"$connections" -d"${duration}s" --latency -s "$work/submit.lua" "$base$path")
    sleep 1  # let the requests in flight when wrk stopped finish
    after=$(reports_in "$work/bench.db")
    read -r _ created refused statuses <<<"$(grep '^COUNTS' <<<"$output")"
    elapsed=$(awk '/requests in/ {for (i = 1; i <= NF; i++) if ($i == "in") {sub(/s,?$/, "", $(i + 1)); print $(i + 1)}}' <<<"$output")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$output")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$output")
    errors=$(grep -E "Socket errors" <<<"$output" | sed 's/^ *//' || true)
    rate[$connections]=$(bc -l <<<"$created / $elapsed")
    total_created=$((total_created + created))
    printf '%-24s %6s %12.0f %9s %9s %8s %8s %11s %12s  %s\n' "server, submit report" "$connections" \
        "${rate[$connections]}" "$p50" "$p99" "$created" "$refused" "$((after - before))" "$(rss_kib) KiB" \
        "${errors:-none}"
    [ "$refused" = 0 ] || echo "  non-201 statuses seen: $statuses"
done

# Durability and count: stop gracefully (SIGTERM: in-flight requests finish), then count the rows.
kill -TERM "$server_pid"
wait "$server_pid" || true
server_pid=
rows=$(($(reports_in "$work/bench.db") - demo_reports))
printf '\nafter a graceful stop: worker_reports rows added %s, 201 answers received %s (the first check + wrk)\n' \
    "$rows" "$total_created"
if [ "$rows" -lt "$total_created" ]; then
    echo "FAIL: fewer rows than 201 answers — an acknowledged report was lost" >&2
    exit 1
elif [ "$rows" -gt $((total_created + 16 + 64)) ]; then
    echo "FAIL: more rows than 201 answers plus the requests in flight when wrk stopped" >&2
    exit 1
fi
echo "every 201 is a row; the $((rows - total_created)) more rows are the requests in flight when wrk stopped (at most one per connection, 16 + 64)"

# What one submission writes: row counts per table after the load minus before (the raw copy, untouched yet).
written=()
for table in $(sqlite3 "$work/bench.db" "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"); do
    delta=$(($(sqlite3 "$work/bench.db" "SELECT count(*) FROM \"$table\"") - $(sqlite3 "$work/raw.db" "SELECT count(*) FROM \"$table\"")))
    if [ "$delta" -gt 0 ]; then written+=("$table $(printf '%.2f' "$(bc -l <<<"$delta / $rows")")"); fi
done
echo "rows written per submission (one transaction): $(IFS=,; echo "${written[*]}" | sed 's/,/, /g')"

# The ceiling: the same INSERT into worker_reports in the sqlite3 shell, with the server's PRAGMAs
# (db/sqlite/sqlite_database.cpp), one row per BEGIN IMMEDIATE … COMMIT, 64 rows per COMMIT (the largest
# group the server's writer thread forms, ADR 0001) and all rows in one transaction.
columns="entry_point_id, enterprise_id, site_name, organisation_id, organisation_path, category, description, location"
columns+=", anonymity, status, submitted_at, submitted_on, acknowledge_due, rule_set_version_id, updated_at"
values=$(sqlite3 -cmd ".mode quote" "$work/bench.db" "SELECT $columns FROM worker_reports ORDER BY id DESC LIMIT 1")
pragmas="PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;
PRAGMA cache_size = -16000; PRAGMA temp_store = MEMORY;"
raw_run() {  # raw_run ROWS_PER_TRANSACTION → rows/s
    local per=$1 sql="$work/raw-$1.sql"
    {
        echo "$pragmas"
        awk -v n="$raw_rows" -v per="$per" -v cols="$columns" -v vals="$values" 'BEGIN {
            for (i = 1; i <= n; i++) {
                if ((i - 1) % per == 0) print "BEGIN IMMEDIATE;"
                printf "INSERT INTO worker_reports (receipt_hash, %s) VALUES (%c%s-%d%c, %s);\n", cols, 39, "raw" per, i, 39, vals
                if (i % per == 0 || i == n) print "COMMIT;"
            }
        }'
    } >"$sql"
    local start end
    start=$(date +%s.%N)
    sqlite3 "$work/raw.db" <"$sql" >/dev/null
    end=$(date +%s.%N)
    bc -l <<<"$raw_rows / ($end - $start)"
}
before=$(reports_in "$work/raw.db")
raw_single=$(raw_run 1)
raw_group=$(raw_run 64)
raw_batch=$(raw_run "$raw_rows")
inserted=$(($(reports_in "$work/raw.db") - before))
[ "$inserted" = $((3 * raw_rows)) ] || { echo "raw inserts: expected $((3 * raw_rows)) rows, found $inserted" >&2; exit 1; }
printf '\nraw sqlite3 %s, same PRAGMAs (WAL, synchronous=FULL), %s rows each, INSERT INTO worker_reports only:\n' \
    "$(sqlite3 --version | cut -d' ' -f1)" "$raw_rows"
printf '  %-40s %10.0f rows/s\n' "one row per transaction" "$raw_single" "64 rows per transaction" "$raw_group" \
    "all $raw_rows rows in one transaction" "$raw_batch"
printf '\nratio server / raw one-row-per-transaction: c16 %.2f, c64 %.2f\n' \
    "$(bc -l <<<"${rate[16]} / $raw_single")" "$(bc -l <<<"${rate[64]} / $raw_single")"
printf 'ratio server / raw 64-rows-per-transaction: c16 %.2f, c64 %.2f\n' \
    "$(bc -l <<<"${rate[16]} / $raw_group")" "$(bc -l <<<"${rate[64]} / $raw_group")"
printf 'ratio server / raw one batch:               c16 %.3f, c64 %.3f\n' \
    "$(bc -l <<<"${rate[16]} / $raw_batch")" "$(bc -l <<<"${rate[64]} / $raw_batch")"
printf 'SUMMARY reports/s c16 %.0f c64 %.0f; raw rows/s 1/txn %.0f, 64/txn %.0f, batch %.0f; rows %s = 201s %s (+%s in flight)\n' \
    "${rate[16]}" "${rate[64]}" "$raw_single" "$raw_group" "$raw_batch" "$rows" "$total_created" "$((rows - total_created))"
echo "written to $result_file"
