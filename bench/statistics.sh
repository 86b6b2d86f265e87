#!/usr/bin/env bash
# The statistics dashboard at province scale (issue 6): GET /api/v1/statistics/dashboard for the province root
# and for one county (320102), through the release server, each beside the same SQL run raw in the sqlite3
# shell (and in psql when a PostgreSQL database is given), with the ratio.
#
#   bench/statistics.sh [--db PATH] [--pg URL] [--repeats N]
#
#   --db PATH   a SQLite database made by bench/generate (default /tmp/ankang-province.db, generated at full
#               scale when missing: about 5 minutes on 2 cores)
#   --pg URL    also a PostgreSQL database made by bench/generate --db URL
#   --repeats N warm calls per figure (default 20)
#
# Server = the HTTP round trip measured by curl on loopback as prov_cadre (session check, scope, every query of
# the dashboard, JSON); cold = the first call after the server started, warm = the median of N. Raw = every
# statement the dashboard runs (server/modules/statistics: the node's indicators for the period and the previous
# one, the children list and each child's indicators, the 12-month trend, the breadcrumbs), with the same
# values, run N×5 times in one sqlite3 (psql) process, less the time of the same process running nothing,
# divided by the runs. psql sends each statement as a round trip, as the server does.
# The statements are copied from server/modules/statistics (statistics_service.cpp, indicators.cpp); the script
# stops when their first figures (SV03, E01) differ from the server's answer, i.e. when they are out of date.
# The scheduler is off in the benchmark servers (ANKANG_SCHEDULER_ENABLED=false): its sweeps would mark
# generated hazards overdue while we measure.
set -euo pipefail
cd "$(dirname "$0")/.."
database=/tmp/ankang-province.db
pg_url=
repeats=20
while [ $# -gt 0 ]; do
    case "$1" in
    --db) database=$2; shift 2 ;;
    --pg) pg_url=$2; shift 2 ;;
    --repeats) repeats=$2; shift 2 ;;
    *) echo "usage: bench/statistics.sh [--db PATH] [--pg URL] [--repeats N]" >&2; exit 2 ;;
    esac
done
binary=build/release/server/ankang
[ -x "$binary" ] || { echo "build the release binary first: scripts/build.sh release" >&2; exit 1; }
for tool in sqlite3 curl bc; do command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 1; }; done
[ -z "$pg_url" ] || command -v psql >/dev/null || { echo "missing psql" >&2; exit 1; }
if [ ! -f "$database" ]; then
    echo "== $database missing: generating it (bench/generate, full scale)"
    nice -n 10 bench/generate --db "sqlite:$database"
fi

work=$(mktemp -d /tmp/ankang-bench-statistics.XXXXXX)
port=18491
server_pid=
stop_server() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    server_pid=
}
cleanup() { stop_server; [ "${BENCH_KEEP:-}" = 1 ] && echo "kept $work" || rm -rf "$work"; }
trap cleanup EXIT

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# The period the dashboard shows by default: January of this year (China time) to this month; the previous
# period is as many months just before; the trend is the 12 months ending this month.
month=$(TZ=Asia/Shanghai date +%Y-%m)
year=${month%-*}
this=${month#*-}
from="$year-01"
to=$month
length=$((10#$this))
month_add() { # month_add YYYY-MM N
    local y=${1%-*} m=$((10#${1#*-})) n=$2 total
    total=$((y * 12 + m - 1 + n))
    printf '%04d-%02d' $((total / 12)) $((total % 12 + 1))
}
previous_from=$(month_add "$from" "-$length")
previous_to=$(month_add "$from" -1)
trend_from=$(month_add "$to" -11)
month_ms() { echo $(( $(date -u -d "$1-01" +%s) * 1000 - 8 * 3600 * 1000 )); } # 00:00 China time
start_ms=$(month_ms "$from"); end_ms=$(month_ms "$(month_add "$to" 1)")
previous_start_ms=$(month_ms "$previous_from"); previous_end_ms=$start_ms

# query SQL → rows (tab-separated) from the database under test
query() {
    if [ "$dialect" = pg ]; then psql "$pg_url" -X -q -At -F $'\t' -c "$1"; else sqlite3 -separator $'\t' "$database" "$1"; fi
}

# indicators PATH SUBJECTS FROM TO START_MS END_MS STOCKS → the statements of statistics::ComputeIndicators
# (SUBJECTS node) or ComputeChildIndicators (SUBJECTS children): server/modules/statistics/indicators.cpp
indicators() {
    local path=$1 subjects=$2 from=$3 to=$4 start=$5 end=$6 stocks=$7 upper="${1}0" subject length=${#1}
    if [ "$subjects" = node ]; then
        subject="c.path = '$path'"
    else
        subject="c.parent_id = (SELECT p.id FROM organisations p WHERE p.path = '$path')"
        length=$((length + 9))
    fi
    cat <<SQL
SELECT c.path FROM organisations c WHERE $subject;
SELECT c.path || '', SUM(r.hazards), SUM(r.major * r.hazards), SUM(CASE WHEN r.closed_month <> '' AND r.closed_month <= '$to' THEN r.hazards END) FROM organisations c JOIN hazard_rollups r ON r.organisation_id = c.id WHERE $subject AND r.found_month >= '$from' AND r.found_month <= '$to' AND r.state <> 'REJECTED' GROUP BY 1;
SELECT c.path || '', SUM(r.hazards), SUM(r.on_time * r.hazards) FROM organisations c JOIN hazard_rollups r ON r.organisation_id = c.id WHERE $subject AND r.closed_month >= '$from' AND r.closed_month <= '$to' GROUP BY 1;
SELECT c.path || '', SUM(r.reports), SUM(CASE WHEN r.state IN ('ACCEPTED', 'DUPLICATE', 'RESOLVED') THEN r.reports END), SUM(r.acknowledged * r.reports), SUM(r.acknowledge_seconds) FROM organisations c JOIN report_rollups r ON r.organisation_id = c.id WHERE $subject AND r.month >= '$from' AND r.month <= '$to' GROUP BY 1;
SELECT substr(e.organisation_path, 1, $length), COUNT(*), COUNT(DISTINCT i.enterprise_id) FROM inspections i CROSS JOIN enterprises e WHERE e.id = i.enterprise_id AND e.organisation_path >= '$path' AND e.organisation_path < '$upper' AND i.status IN ('CLOSED', 'FOLLOW_UP') AND COALESCE(i.started_at, i.closed_at, i.status_changed_at) >= $start AND COALESCE(i.started_at, i.closed_at, i.status_changed_at) < $end GROUP BY 1;
SELECT substr(o.path, 1, $length), COUNT(*) FROM union_documents d CROSS JOIN organisations o WHERE o.id = d.organisation_id AND o.path >= '$path' AND o.path < '$upper' AND d.issued_at >= $start AND d.issued_at < $end GROUP BY 1;
SQL
    [ "$stocks" = yes ] || return 0
    cat <<SQL
SELECT c.path || '', SUM(r.hazards), SUM(r.major * r.hazards), SUM(CASE WHEN r.state = 'OVERDUE' THEN r.hazards END) FROM organisations c JOIN hazard_rollups r ON r.organisation_id = c.id WHERE $subject AND r.state IN ('OPEN', 'OVERDUE') GROUP BY 1;
SELECT c.path, t.enterprises, t.workers, t.covered, t.covered_workers, t.non_public, t.non_public_covered, t.small_and_micro, t.small_and_micro_covered, t.with_committee, t.inspectors, t.committees, t.group_inspectors, t.mass_supervisors FROM organisations c JOIN organisation_totals t ON t.organisation_id = c.id WHERE $subject;
SELECT substr(o.path, 1, $length), SUM(st.fulltime_lp_cadres), SUM(st.parttime_lp_cadres), SUM(st.budget_planned_fen), SUM(st.budget_spent_fen) FROM lp_staffing st JOIN organisations o ON o.id = st.organisation_id WHERE st.year = ${to%-*} AND o.path >= '$path' AND o.path < '$upper' GROUP BY 1;
SQL
}

# dashboard_sql ID → every statement of StatisticsService::Load for that organisation, in its order
dashboard_sql() {
    local id=$1 path length
    path=$(query "SELECT path FROM organisations WHERE id = $id")
    echo "SELECT o.id, o.parent_id, o.name, o.code, o.org_type, o.level, o.path, o.status FROM organisations o WHERE o.id = $id;"
    indicators "$path" node "$from" "$to" "$start_ms" "$end_ms" yes
    indicators "$path" node "$previous_from" "$previous_to" "$previous_start_ms" "$previous_end_ms" no
    echo "SELECT o.id, o.name, o.level, o.path, EXISTS (SELECT 1 FROM organisations c WHERE c.parent_id = o.id) FROM organisations o WHERE o.parent_id = $id ORDER BY o.code, o.id;"
    indicators "$path" children "$from" "$to" "$start_ms" "$end_ms" yes
    cat <<SQL
SELECT found_month, SUM(hazards), SUM(major * hazards) FROM hazard_rollups WHERE organisation_id = $id AND found_month >= '$trend_from' AND found_month <= '$to' AND state <> 'REJECTED' GROUP BY found_month;
SELECT closed_month, SUM(hazards) FROM hazard_rollups WHERE organisation_id = $id AND closed_month >= '$trend_from' AND closed_month <= '$to' GROUP BY closed_month;
SELECT month, SUM(reports) FROM report_rollups WHERE organisation_id = $id AND month >= '$trend_from' AND month <= '$to' GROUP BY month;
SQL
    for ((length = 9; length <= ${#path}; length += 9)); do
        echo "SELECT id, name FROM organisations WHERE path = '${path:0:length}';"
    done
}

# server_ms PATH → "cold warm" in milliseconds; fails unless every answer is 200.
server_ms() {
    local path=$1 cold times=() status seconds
    read -r status seconds < <(curl -s -o "$work/answer.json" -w '%{http_code} %{time_total}\n' -H "Cookie: $cookie" "$base$path")
    [ "$status" = 200 ] || { echo "GET $path answered $status: $(head -c 300 "$work/answer.json")" >&2; exit 1; }
    cold=$(echo "$seconds * 1000" | bc -l)
    for _ in $(seq 1 "$repeats"); do
        read -r status seconds < <(curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H "Cookie: $cookie" "$base$path")
        [ "$status" = 200 ] || { echo "GET $path answered $status" >&2; exit 1; }
        times+=("$(echo "$seconds * 1000" | bc -l)")
    done
    printf '%s %s\n' "$cold" "$(printf '%s\n' "${times[@]}" | median)"
}

# raw_ms FILE → milliseconds per run of the statements in FILE (first run = cold, then the mean of the rest)
raw_ms() {
    local file=$1 runs=$((repeats * 5)) start end base cold
    if [ "$dialect" = pg ]; then
        : >"$work/empty.sql"
        for _ in $(seq 1 "$runs"); do cat "$file"; done >"$work/raw.sql"
        start=$(date +%s%N); psql "$pg_url" -X -q -o /dev/null -f "$work/empty.sql"; end=$(date +%s%N); base=$((end - start))
        start=$(date +%s%N); psql "$pg_url" -X -q -o /dev/null -f "$file"; end=$(date +%s%N); cold=$((end - start - base))
        start=$(date +%s%N); psql "$pg_url" -X -q -o /dev/null -f "$work/raw.sql"; end=$(date +%s%N)
    else
        echo ".output /dev/null" >"$work/empty.sql"
        { echo ".output /dev/null"; for _ in $(seq 1 "$runs"); do cat "$file"; done; } >"$work/raw.sql"
        { echo ".output /dev/null"; cat "$file"; } >"$work/once.sql"
        start=$(date +%s%N); sqlite3 "$database" <"$work/empty.sql"; end=$(date +%s%N); base=$((end - start))
        start=$(date +%s%N); sqlite3 "$database" <"$work/once.sql"; end=$(date +%s%N); cold=$((end - start - base))
        start=$(date +%s%N); sqlite3 "$database" <"$work/raw.sql"; end=$(date +%s%N)
    fi
    printf '%s %s\n' "$(echo "$cold / 1000000" | bc -l)" "$(echo "($end - $start - $base) / $runs / 1000000" | bc -l)"
}

report() { # report NAME ID
    local name=$1 id=$2 cold warm raw_cold raw statements
    read -r cold warm < <(server_ms "/api/v1/statistics/dashboard?organisationId=$id")
    dashboard_sql "$id" >"$work/dashboard-$id.sql"
    statements=$(grep -c '^SELECT' "$work/dashboard-$id.sql")
    read -r raw_cold raw < <(raw_ms "$work/dashboard-$id.sql")
    # The raw statements are the server's: the first figures of each must equal the server's answer.
    local server_figures raw_figures
    server_figures=$(node -e 'const v = JSON.parse(require("fs").readFileSync(process.argv[1])).values;
        console.log(`${v.SV03} ${v.E01}`)' "$work/answer.json")
    raw_figures="$(query "$(grep -m1 'found_month >=' "$work/dashboard-$id.sql")" | cut -f2) $(query "$(grep -m1 'JOIN organisation_totals' "$work/dashboard-$id.sql")" | cut -f2)"
    [ "$server_figures" = "$raw_figures" ] ||
        { echo "the raw SQL answers SV03 E01 = $raw_figures, the server $server_figures: bench/statistics.sh is out of date with server/modules/statistics" >&2; exit 1; }
    printf '%-10s %-26s SV03 %s E01 %s (server = raw)\n' "$dialect" "$name" $server_figures
    printf '%-10s %-26s server cold %8.2f ms  warm %7.2f ms   raw %-7s (%3d statements) first %7.2f ms  then %7.3f ms   ratio raw/server %.2f\n' \
        "$dialect" "$name" "$cold" "$warm" "$raw_tool" "$statements" "$raw_cold" "$raw" "$(echo "$raw / $warm" | bc -l)"
}

run() { # run DIALECT DB_URL
    dialect=$1
    local url=$2 root_id county_id rss
    raw_tool=$([ "$dialect" = pg ] && echo psql || echo sqlite3)
    root_id=$(query "SELECT id FROM organisations WHERE parent_id IS NULL")
    county_id=$(query "SELECT id FROM organisations WHERE code = '320102'")
    echo "== $dialect: $(query "SELECT (SELECT COUNT(*) FROM organisations) || ' organisations, ' || (SELECT COUNT(*) FROM enterprises) || ' enterprises, ' || (SELECT COUNT(*) FROM hazards) || ' hazards, ' || (SELECT COUNT(*) FROM worker_reports) || ' worker reports, ' || (SELECT COUNT(*) FROM hazard_rollups) || ' hazard roll-up rows'")"
    ANKANG_LOG_LEVEL=warn ANKANG_SCHEDULER_ENABLED=false "$binary" --db "$url" serve --port "$port" \
        >"$work/server.out" 2>"$work/server.err" &
    server_pid=$!
    for _ in $(seq 1 300); do grep -q "listening" "$work/server.out" 2>/dev/null && break; sleep 0.1; done
    grep -q "listening" "$work/server.out" || { cat "$work/server.err" >&2; exit 1; }
    base="http://127.0.0.1:$port"
    curl -s -c "$work/cookies" -H 'X-CSRF-Token: login' -H 'Content-Type: application/json' \
        -d '{"username":"prov_cadre","password":"Ankang@2026"}' "$base/api/v1/auth/login" >/dev/null
    cookie=$(awk '$6 == "ankang_session" {print "ankang_session=" $7}' "$work/cookies")
    [ -n "$cookie" ] || { echo "sign-in as prov_cadre failed" >&2; exit 1; }
    report "province root" "$root_id"
    report "county 320102" "$county_id"
    rss=$(awk '/VmRSS/ { printf "%.1f MiB", $2 / 1024 }' "/proc/$server_pid/status")
    echo "server RSS: $rss"
    stop_server
}

echo "== period $from..$to (previous $previous_from..$previous_to), $repeats warm calls; $(uptime | sed 's/.*load/load/')"
run sqlite "sqlite:$database"
[ -z "$pg_url" ] || run pg "$pg_url"
