#!/usr/bin/env bash
# Runs Debian's sqlmap and wapiti against a demo server on 127.0.0.1 with a signed-in session, bounded in
# time, and writes their reports under bench/results/attack-<date>/. Findings go into docs/security.md.
#   scripts/attack.sh [SECONDS_PER_TOOL]      (needs: apt-get install sqlmap wapiti; scripts/build.sh release)
set -uo pipefail
cd "$(dirname "$0")/.."
budget=${1:-120}
binary=build/release/server/ankang
[ -x "$binary" ] || binary=build/dev/server/ankang
for tool in sqlmap wapiti curl; do command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 1; }; done

work=$(mktemp -d /tmp/ankang-attack.XXXXXX)
out="bench/results/attack-$(date -u +%Y%m%dT%H%M)"
mkdir -p "$out"
port=18580
export ANKANG_AUTH_PASSWORD_HASH=minimal
"$binary" --db "sqlite:$work/attack.db" demo >/dev/null 2>&1
"$binary" --db "sqlite:$work/attack.db" serve --port "$port" --static web/dist >"$work/server.out" 2>"$out/server.log" &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do grep -q listening "$work/server.out" 2>/dev/null && break; sleep 0.1; done
base="http://127.0.0.1:$port"

# prov_cadre sees the whole province; the throttle is per account, so the tools cannot lock it out.
me=$(curl -s -c "$work/cookies" -H 'X-CSRF-Token: login' -H 'Content-Type: application/json' \
    -d '{"username":"prov_cadre","password":"Ankang@2026"}' "$base/api/v1/auth/login")
csrf=$(sed -E 's/.*"csrfToken":"([^"]+)".*/\1/' <<<"$me")
cookie=$(awk '$6 == "ankang_session" {print "ankang_session=" $7}' "$work/cookies")

targets=(
    "$base/api/v1/users?page=1&pageSize=20&keyword=wang&status=ACTIVE&organisationId=15"
    "$base/api/v1/organisations?keyword=%E7%8E%84&page=1&pageSize=20"
    "$base/api/v1/audit-logs?keyword=admin&entityType=user&action=create&page=1"
    "$base/api/v1/roles?keyword=CADRE"
    "$base/api/v1/users/5"
)
echo "== sqlmap (${budget}s per target, level 2, risk 1)"
for target in "${targets[@]}"; do
    timeout "$budget" sqlmap -u "$target" --batch --level 2 --risk 1 --threads 2 --skip ankang_session --ignore-code 401 \
        --cookie "$cookie" --headers "X-CSRF-Token: $csrf" --output-dir "$out/sqlmap" \
        --disable-coloring >"$out/sqlmap-$(echo "$target" | md5sum | cut -c1-8).log" 2>&1
    verdict=$(grep -hE "is vulnerable|appears to be injectable|all tested parameters do not appear to be injectable|might be injectable" \
        "$out/sqlmap-$(echo "$target" | md5sum | cut -c1-8).log" | tail -n 1)
    verdict=$(sed -E 's/^\[[0-9:]+\] \[[A-Z]+\] //; s/(injectable)\..*/\1/' <<<"$verdict")
    echo "  ${target#$base}: ${verdict:-no verdict within ${budget}s}"
done

echo "== wapiti (${budget}s)"
timeout $((budget + 30)) wapiti -u "$base/" --scope folder -m sql,blindsql,xss,exec,file,crlf,redirect \
    -s "${targets[0]}" -s "${targets[1]}" -s "${targets[2]}" -s "$base/api/v1/dictionaries/size_class/items" \
    -H "Cookie: $cookie" -H "X-CSRF-Token: $csrf" --max-scan-time "$budget" --flush-session \
    -f json -o "$out/wapiti.json" >"$out/wapiti.log" 2>&1
python3 - "$out/wapiti.json" <<'PY'
import json, sys
try:
    report = json.load(open(sys.argv[1]))
except Exception as error:  # the report is missing when wapiti was stopped by the time budget
    print(f"  no wapiti report ({error})"); sys.exit(0)
found = {name: len(items) for name, items in report.get("vulnerabilities", {}).items() if items}
print("  vulnerabilities:", found or "none")
print("  anomalies:", {name: len(items) for name, items in report.get("anomalies", {}).items() if items} or "none")
PY
grep -cE "ERROR|runtime error" "$out/server.log" | xargs -I{} echo "== server log: {} error lines"
echo "reports in $out"
