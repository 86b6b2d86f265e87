#!/usr/bin/env bash
# HTTP benchmark of the foundation: wrk and h2load against the real release binary on SQLite, with nginx
# serving a static JSON file of the same size as the ceiling. Prints req/s, p50/p99, server RSS and ratios.
#   bench/http.sh [DURATION_SECONDS]      (needs: scripts/setup.sh --with-bench; scripts/build.sh release)
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}
binary=build/release/server/ankang
[ -x "$binary" ] || { echo "build the release binary first: scripts/build.sh release" >&2; exit 1; }
for tool in wrk h2load nginx curl; do command -v "$tool" >/dev/null || { echo "missing $tool (scripts/setup.sh --with-bench)" >&2; exit 1; }; done

work=$(mktemp -d /tmp/ankang-bench.XXXXXX)
port=18480
nginx_port=18481
cleanup() {
    [ -n "${server_pid:-}" ] && kill "$server_pid" 2>/dev/null || true
    [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
    sleep 0.5
    rm -rf "$work"
}
trap cleanup EXIT

export ANKANG_AUTH_PASSWORD_HASH=minimal
"$binary" --db "sqlite:$work/bench.db" demo >/dev/null 2>&1
ANKANG_LOG_LEVEL=warn "$binary" --db "sqlite:$work/bench.db" serve --port "$port" >"$work/server.out" 2>"$work/server.err" &
server_pid=$!
for _ in $(seq 1 100); do grep -q "listening" "$work/server.out" 2>/dev/null && break; sleep 0.1; done

base="http://127.0.0.1:$port"
curl -s -c "$work/cookies" -H 'X-CSRF-Token: login' -H 'Content-Type: application/json' \
    -d '{"username":"prov_cadre","password":"Ankang@2026"}' "$base/api/v1/auth/login" >/dev/null
cookie=$(awk '$6 == "ankang_session" {print "ankang_session=" $7}' "$work/cookies")
list_path="/api/v1/users?page=1&pageSize=20"
curl -s -H "Cookie: $cookie" "$base$list_path" >"$work/users.json"
users_bytes=$(wc -c <"$work/users.json")
[ "$(grep -o '"username"' "$work/users.json" | wc -l)" = 20 ] || { echo "the list did not return 20 users" >&2; exit 1; }

# nginx ceiling: the same bytes as a static file, keep-alive, one worker per core.
chmod 755 "$work"
mkdir -p "$work/www"
cp "$work/users.json" "$work/www/users.json"
cat >"$work/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    keepalive_requests 1000000;
    server {
        listen 127.0.0.1:$nginx_port;
        root $work/www;
        location / { default_type application/json; }
    }
}
CONF
chmod -R a+rX "$work/www"
nginx -c "$work/nginx.conf" -p "$work"
sleep 0.3

rss_kib() { awk '/VmRSS/ {print $2}' "/proc/$server_pid/status"; }
# wrk → "req/s p50 p99" from its --latency output.
run_wrk() {  # run_wrk CONNECTIONS URL [HEADER]
    local output
    if [ -n "${3:-}" ]; then
        output=$(wrk -t2 -c"$1" -d"${duration}s" --latency -H "$3" "$2")
    else
        output=$(wrk -t2 -c"$1" -d"${duration}s" --latency "$2")
    fi
    local rps p50 p99 errors
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$output")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$output")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$output")
    errors=$(grep -E "Non-2xx|Socket errors" <<<"$output" | tr '\n' ' ')
    echo "$rps $p50 $p99 ${errors:-none}"
}

printf '\nAnkang HTTP benchmark — %s, %s s per run, wrk -t2, %s cores\n' "$(date -u +%Y-%m-%dT%H:%MZ)" "$duration" "$(nproc)"
printf 'list body %s bytes (20 users); server RSS idle %s KiB\n\n' "$users_bytes" "$(rss_kib)"
printf '%-34s %6s %12s %9s %9s %12s  %s\n' "target" "conns" "req/s" "p50" "p99" "server RSS" "errors"
declare -A results
for connections in 64 256; do
    for target in health list nginx; do
        case "$target" in
            health) line=$(run_wrk "$connections" "$base/api/v1/health") ;;
            list) line=$(run_wrk "$connections" "$base$list_path" "Cookie: $cookie") ;;
            nginx) line=$(run_wrk "$connections" "http://127.0.0.1:$nginx_port/users.json") ;;
        esac
        read -r rps p50 p99 errors <<<"$line"
        results["$target-$connections"]=$rps
        rss="-"
        [ "$target" = nginx ] || rss="$(rss_kib) KiB"
        printf '%-34s %6s %12s %9s %9s %12s  %s\n' "$target" "$connections" "$rps" "$p50" "$p99" "$rss" "$errors"
    done
done
printf '\nratio authenticated list / nginx static: c64 %.2f, c256 %.2f\n' \
    "$(bc -l <<<"${results[list-64]} / ${results[nginx-64]}")" "$(bc -l <<<"${results[list-256]} / ${results[nginx-256]}")"

# Fairness: does every one of 256 keep-alive connections get served? h2load reports per-connection rates.
printf '\nh2load --h1 -c256 -t2 -D%s on the authenticated list (per-connection req/s min / mean / max):\n' "$duration"
h2load --h1 -c256 -t2 -D"$duration" -H "Cookie: $cookie" "$base$list_path" 2>/dev/null |
    grep -E "^finished in|^requests:|req/s  " | sed 's/^/  /'
printf 'server RSS after the runs: %s KiB\n' "$(rss_kib)"
