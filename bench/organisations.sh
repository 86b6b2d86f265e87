#!/usr/bin/env bash
# Organisation network at province scale (issue 3): the demo province (1,604 territorial organisations)
# grown to ~30,000 unions and 300,000 enterprises with coverage, then timed through the release server
# and, beside each figure, the same SQL run raw in the sqlite3 shell on the same file, with the ratio.
#
#   bench/organisations.sh [ENTERPRISES] [REPEATS]     (needs: scripts/build.sh release; sqlite3, curl)
#
# Prints, for the children of a node, the coverage-gap roll-up at the province root and at one county,
# and the uncovered-townships list at the root: the server's time (first call after start = cold, median
# of REPEATS = warm, measured by curl on loopback, so it includes HTTP, JSON and the session check) and
# the raw SQL's median time in sqlite3 (`.timer on`).
set -euo pipefail
cd "$(dirname "$0")/.."
enterprises=${1:-300000}
repeats=${2:-20}
binary=build/release/server/ankang
[ -x "$binary" ] || { echo "build the release binary first: scripts/build.sh release" >&2; exit 1; }
for tool in sqlite3 curl; do command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 1; }; done

work=$(mktemp -d /tmp/ankang-bench-org.XXXXXX)
port=18490
cleanup() {
    [ -n "${server_pid:-}" ] && kill "$server_pid" 2>/dev/null || true
    sleep 0.3
    [ "${BENCH_KEEP:-}" = 1 ] && echo "kept $work" || rm -rf "$work"
}
trap cleanup EXIT
database="$work/bench.db"

export ANKANG_AUTH_PASSWORD_HASH=minimal
"$binary" --db "sqlite:$database" demo >/dev/null 2>&1

echo "== Generating ~30,000 unions and $enterprises enterprises (sqlite3, one transaction)"
start=$(date +%s.%N)
sqlite3 "$database" <<SQL
PRAGMA journal_mode = WAL;
PRAGMA synchronous = FULL;
BEGIN;
CREATE TEMP TABLE towns AS
    SELECT row_number() OVER (ORDER BY id) - 1 AS k, id, path FROM organisations WHERE level = 4;
CREATE UNIQUE INDEX temp.towns_k ON towns (k);
-- 19 base unions per township, one in 19 a joint base union: ~28,000 unions below the territorial tree.
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 19 * (SELECT COUNT(*) FROM towns) - 1)
INSERT INTO organisations (parent_id, name, code, org_type, level, path, status, created_at, updated_at)
SELECT t.id, '基准工会' || n.i, 'BU' || n.i,
       CASE WHEN n.i / (SELECT COUNT(*) FROM towns) = 0 THEN 'JOINT_BASE_UNION' ELSE 'BASE_UNION' END,
       5, 'pending:' || n.i, 'ACTIVE', 0, 0
FROM n JOIN towns t ON t.k = n.i % (SELECT COUNT(*) FROM towns);
UPDATE organisations SET path = (SELECT p.path FROM organisations p WHERE p.id = organisations.parent_id)
    || printf('/%08d', id) WHERE path LIKE 'pending:%';
-- Enterprises spread over the townships; ownership, size and coverage vary with the serial number.
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $enterprises)
INSERT INTO enterprises (credit_code, name, organisation_id, industry_section, industry_division,
    economic_component, registration_type, size_class, headcount, address, admin_division_code, status,
    created_at, updated_at)
SELECT printf('BENCH%013d', n.i), '基准企业' || n.i, t.id, 'C', '34',
       CASE WHEN n.i % 9 = 0 THEN '11' WHEN n.i % 13 = 0 THEN '23' ELSE '21' END, '173',
       CASE n.i % 10 WHEN 0 THEN 'LARGE' WHEN 1 THEN 'MEDIUM' WHEN 2 THEN 'SMALL' WHEN 3 THEN 'SMALL'
                     ELSE 'MICRO' END,
       5 + n.i % 300, '', '', CASE WHEN n.i % 50 = 0 THEN 'CLOSED' ELSE 'ACTIVE' END, 0, 0
FROM n JOIN towns t ON t.k = n.i % (SELECT COUNT(*) FROM towns);
INSERT INTO union_coverage (enterprise_id, coverage_type, union_organisation_id, supervising_organisation_id,
    since_date, created_at)
SELECT e.id,
       CASE e.id % 10 WHEN 0 THEN 'OWN_UNION' WHEN 1 THEN 'OWN_UNION' WHEN 2 THEN 'JOINT_BASE_UNION'
                      WHEN 3 THEN 'JOINT_BASE_UNION' WHEN 4 THEN 'REGIONAL_FEDERATION' ELSE 'NONE' END,
       CASE WHEN e.id % 10 < 5 THEN e.organisation_id END, CASE WHEN e.id % 10 >= 5 THEN e.organisation_id END,
       '2025-01-01', 0
FROM enterprises e WHERE e.credit_code LIKE 'BENCH%' AND e.id % 10 < 8;
COMMIT;
ANALYZE;
SQL
end=$(date +%s.%N)
counts=$(sqlite3 "$database" "SELECT (SELECT COUNT(*) FROM organisations) || ' organisations, ' || (SELECT COUNT(*) FROM enterprises) || ' enterprises, ' || (SELECT COUNT(*) FROM union_coverage) || ' coverage rows'")
printf '%s in %.1f s\n' "$counts" "$(echo "$end - $start" | bc)"

root_id=$(sqlite3 "$database" "SELECT id FROM organisations WHERE parent_id IS NULL")
root_path=$(sqlite3 "$database" "SELECT path FROM organisations WHERE id = $root_id")
county_id=$(sqlite3 "$database" "SELECT id FROM organisations WHERE code = '320102'")
county_path=$(sqlite3 "$database" "SELECT path FROM organisations WHERE id = $county_id")
town_id=$(sqlite3 "$database" "SELECT id FROM organisations WHERE code = '320102003'")

ANKANG_LOG_LEVEL=warn "$binary" --db "sqlite:$database" serve --port "$port" >"$work/server.out" 2>"$work/server.err" &
server_pid=$!
for _ in $(seq 1 100); do grep -q "listening" "$work/server.out" 2>/dev/null && break; sleep 0.1; done
base="http://127.0.0.1:$port"
curl -s -c "$work/cookies" -H 'X-CSRF-Token: login' -H 'Content-Type: application/json' \
    -d '{"username":"prov_cadre","password":"Ankang@2026"}' "$base/api/v1/auth/login" >/dev/null
cookie=$(awk '$6 == "ankang_session" {print "ankang_session=" $7}' "$work/cookies")

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# server_ms PATH → "cold warm" in milliseconds; fails unless every answer is 200.
server_ms() {
    local path=$1 cold times=() status seconds
    read -r status seconds < <(curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H "Cookie: $cookie" "$base$path")
    [ "$status" = 200 ] || { echo "GET $path answered $status" >&2; exit 1; }
    cold=$(echo "$seconds * 1000" | bc -l)
    for _ in $(seq 1 "$repeats"); do
        read -r status seconds < <(curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H "Cookie: $cookie" "$base$path")
        [ "$status" = 200 ] || { echo "GET $path answered $status" >&2; exit 1; }
        times+=("$(echo "$seconds * 1000" | bc -l)")
    done
    printf '%s %s\n' "$cold" "$(printf '%s\n' "${times[@]}" | median)"
}

# raw_ms SQL → milliseconds per run of SQL in the sqlite3 shell (same file): REPEATS×10 runs in one process, less
# the time of the same process running nothing, divided by the runs (the shell's .timer rounds to 1 ms).
raw_ms() {
    local sql=$1 runs=$((repeats * 10)) start end base
    { echo ".output /dev/null"; for _ in $(seq 1 "$runs"); do echo "$sql;"; done; } >"$work/raw.sql"
    echo ".output /dev/null" >"$work/empty.sql"
    start=$(date +%s%N); sqlite3 "$database" <"$work/empty.sql"; end=$(date +%s%N)
    base=$((end - start))
    start=$(date +%s%N); sqlite3 "$database" <"$work/raw.sql"; end=$(date +%s%N)
    echo "($end - $start - $base) / $runs / 1000000" | bc -l
}

report() {  # report NAME PATH SQL
    local name=$1 path=$2 sql=$3 cold warm raw
    read -r cold warm < <(server_ms "$path")
    raw=$(raw_ms "$sql")
    printf '%-44s server cold %7.2f ms  warm %7.2f ms   raw sqlite3 %7.3f ms   ratio raw/server %.2f\n' \
        "$name" "$cold" "$warm" "$raw" "$(echo "$raw / $warm" | bc -l)"
}

children_sql="SELECT o.id, o.parent_id, o.name, o.code, o.org_type, o.level, o.path, o.status, EXISTS (SELECT 1 FROM organisations c WHERE c.parent_id = o.id) AS has_children FROM organisations o WHERE o.parent_id = %s ORDER BY o.code"
# The roll-up the coverage-gap service runs (server/modules/organisations/coverage_gap.cpp, kRollUp).
rollup_sql="SELECT substr(o.path, 1, %s) AS child_path, SUM(s.enterprises), SUM(s.workers), SUM(s.covered), SUM(s.covered_workers), SUM(s.non_public), SUM(s.non_public_covered), SUM(s.small_and_micro), SUM(s.small_and_micro_covered), SUM(s.with_committee), SUM(s.inspectors) FROM organisation_statistics s JOIN organisations o ON o.id = s.organisation_id WHERE o.path >= '%s' AND o.path < '%s0' GROUP BY substr(o.path, 1, %s)"

echo "== $repeats calls each; server = HTTP round trip on loopback as prov_cadre; raw = the SQL alone"
report "children of the province root" "/api/v1/organisations/$root_id/children" \
    "$(printf "$children_sql" "$root_id")"
report "children of a township (19 unions)" "/api/v1/organisations/$town_id/children" \
    "$(printf "$children_sql" "$town_id")"
report "coverage-gap roll-up, province root" "/api/v1/organisations/$root_id/coverage-gaps" \
    "$(printf "$rollup_sql" $((${#root_path} + 9)) "$root_path" "$root_path" $((${#root_path} + 9)))"
report "coverage-gap roll-up, a county (320102)" "/api/v1/organisations/$county_id/coverage-gaps" \
    "$(printf "$rollup_sql" $((${#county_path} + 9)) "$county_path" "$county_path" $((${#county_path} + 9)))"
echo "server RSS: $(awk '/VmRSS/ { print $2 / 1024 " MiB" }' "/proc/$server_pid/status")"
