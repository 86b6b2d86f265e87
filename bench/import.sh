#!/usr/bin/env bash
# Enterprise import benchmark: ROWS (default 300,000) generated rows (bench/gen-enterprises.mjs: valid GB 32100
# credit codes, Chinese labels, organisations of the demo tree) imported with the release build's CLI into a
# fresh demo database (SQLite, WAL, synchronous=FULL), ALL_OR_NOTHING; then the same rows, as codes, inserted
# by the sqlite3 shell into a copy of the same database (.import into a staging table, then one
# INSERT … SELECT in one transaction, same PRAGMAs): the raw rate the importer is compared with.
# Also re-imports the file (every row unchanged). Prints seconds, rows/s and the ratio.
# Usage: scripts/build.sh release (or cmake --preset release && cmake --build --preset release); bench/import.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-300000}
binary=${ANKANG_BENCH_BINARY:-build/release/server/ankang}
[ -x "$binary" ] || { echo "no release binary at $binary (cmake --preset release && cmake --build --preset release)" >&2; exit 2; }
work=$(mktemp -d /tmp/ankang-import-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
export ANKANG_AUTH_PASSWORD_HASH=minimal

"$binary" --db "sqlite:$work/demo.db" demo >/dev/null
sqlite3 "$work/demo.db" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
cp "$work/demo.db" "$work/raw.db"
sqlite3 -separator $'\t' "$work/demo.db" "SELECT id, code FROM organisations WHERE level >= 3 AND org_type IN ('COUNTY_FED', 'TOWN_STREET_PARK')" >"$work/organisations.tsv"
node bench/gen-enterprises.mjs "$rows" "$work/organisations.tsv" "$work/enterprises"
echo "generated $rows rows ($(du -h "$work/enterprises.csv" | cut -f1)) over $(wc -l <"$work/organisations.tsv") organisations"

seconds() { date +%s.%N; }
start=$(seconds)
"$binary" --db "sqlite:$work/demo.db" import enterprises "$work/enterprises.csv" --mode all-or-nothing | sed 's/^/  ankang: /'
import_seconds=$(echo "$(seconds) - $start" | bc)

start=$(seconds)
"$binary" --db "sqlite:$work/demo.db" import enterprises "$work/enterprises.csv" --mode all-or-nothing | sed 's/^/  again:  /'
again_seconds=$(echo "$(seconds) - $start" | bc)

start=$(seconds)
sqlite3 "$work/raw.db" >/dev/null <<SQL
PRAGMA journal_mode = WAL;
PRAGMA synchronous = FULL;
PRAGMA foreign_keys = ON;
CREATE TEMP TABLE staging (credit_code TEXT, name TEXT, organisation_id INTEGER, industry_section TEXT,
    industry_division TEXT, economic_component TEXT, registration_type TEXT, size_class TEXT, headcount INTEGER,
    address TEXT, admin_division_code TEXT);
.mode csv
.import --skip 1 $work/enterprises.codes.csv staging
BEGIN IMMEDIATE;
INSERT INTO enterprises (credit_code, name, organisation_id, industry_section, industry_division, economic_component,
    registration_type, size_class, headcount, address, admin_division_code, status, created_at, updated_at)
SELECT credit_code, name, organisation_id, industry_section, industry_division, economic_component, registration_type,
    size_class, headcount, address, admin_division_code, 'ACTIVE', 0, 0 FROM staging;
COMMIT;
SQL
raw_seconds=$(echo "$(seconds) - $start" | bc)
raw_count=$(sqlite3 "$work/raw.db" "SELECT COUNT(*) FROM enterprises WHERE credit_code LIKE '91%BN%'")
imported=$(sqlite3 "$work/demo.db" "SELECT COUNT(*) FROM enterprises WHERE credit_code LIKE '91%BN%'")

rate() { echo "scale=0; $1 / $2" | bc; }
echo
printf '%-44s %8s %10s\n' "what" "seconds" "rows/s"
printf '%-44s %8.2f %10s\n' "ankang import (CLI, wall, $imported rows)" "$import_seconds" "$(rate "$rows" "$import_seconds")"
printf '%-44s %8.2f %10s\n' "ankang import again (all unchanged)" "$again_seconds" "$(rate "$rows" "$again_seconds")"
printf '%-44s %8.2f %10s\n' "sqlite3 .import + INSERT…SELECT ($raw_count rows)" "$raw_seconds" "$(rate "$rows" "$raw_seconds")"
printf 'ratio ankang / raw: %.2f (raw is %.1f× faster)\n' "$(echo "scale=4; $raw_seconds / $import_seconds" | bc)" "$(echo "scale=4; $import_seconds / $raw_seconds" | bc)"
