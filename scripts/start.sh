#!/usr/bin/env bash
# One command: install what is missing, build, create the demo database (SQLite) and start the platform.
# Usage: scripts/start.sh [PORT]      (default 8080; ANKANG_* variables still apply)
set -euo pipefail
cd "$(dirname "$0")/.."
port=${1:-${ANKANG_SERVER_PORT:-8080}}
scripts/setup.sh
scripts/build.sh release
mkdir -p data
database="sqlite:data/demo.db"
build/release/server/ankang --db "$database" demo
cat <<INFO

  Ankang (安康) is starting on http://127.0.0.1:$port
  Sign in as one of the demo accounts:
    admin          Admin@12345   系统管理员 (asks for a new password at first sign-in)
    prov_cadre     Ankang@2026   江苏省总工会 劳动保护干部
    city_cadre     Ankang@2026   南京市总工会
    county_cadre   Ankang@2026   玄武区总工会
    town_cadre     Ankang@2026   新街口街道工会
    qinhuai_cadre  Ankang@2026   秦淮区总工会
    auditor        Ankang@2026   审计员 (read-only)
  A worker's phone (职工随手拍): http://127.0.0.1:$port/report.html#/e/DEMO2026XW01
    look up a demo case with receipt 2026 1129 0000 0000 0001 at http://127.0.0.1:$port/report.html#/status
  Stop with Ctrl+C.

INFO
exec build/release/server/ankang --db "$database" serve --port "$port" --static web/dist
