#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster on 127.0.0.1 for the test suites.
#   scripts/pg-test-cluster.sh start DIR [PORT]   → prints the database URL
#   scripts/pg-test-cluster.sh stop DIR
set -euo pipefail
action=${1:?start or stop}
dir=${2:?directory}
port=${3:-55432}
bin=/usr/lib/postgresql/15/bin
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "$action" in
start)
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres: "$dir"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
        as_postgres "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1
        cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
# A throwaway cluster for behaviour tests: commits need not reach the disk (crash safety is tested on
# SQLite by the durability and crash-drill tests, and belongs to PostgreSQL itself here). This roughly halves
# the PostgreSQL test phases on a 2-core CI machine.
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
shared_buffers = 128MB
CONF
    fi
    as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null
    as_postgres "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -qtAc \
        "SELECT 1 FROM pg_database WHERE datname = 'ankang_test'" | grep -q 1 ||
        as_postgres "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres ankang_test
    echo "postgresql://postgres@127.0.0.1:$port/ankang_test"
    ;;
stop)
    [ -f "$dir/data/postmaster.pid" ] && as_postgres "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    ;;
*)
    echo "usage: $0 start|stop DIR [PORT]" >&2
    exit 2
    ;;
esac
