#!/usr/bin/env bash
# PostgreSQL 15 primary + a hot standby (streaming replication) + two `ankang serve` processes + nginx in front,
# all on loopback: the deployment docs/operations.md describes, started for the scale-out test
# (e2e/scale-out.test.mjs) or to try it by hand.
#
#   scripts/scale-out.sh start DIR [BASE_PORT]   → prints name=value lines (below); demo data in the primary
#   scripts/scale-out.sh stop DIR
#
# Ports: BASE primary, BASE+1 standby, BASE+2 and BASE+3 the two servers, BASE+4 nginx (default BASE 29600: below the kernel's
# ephemeral range, 32768–60999, where a parallel test's outgoing connection or port-0 server may hold a port).
# Printed: nginx, server1, server2 (base URLs), primary, standby (database URLs), server1_pid, server2_pid.
# Environment: ANKANG_E2E_BINARY (default build/dev/server/ankang), ANKANG_E2E_STATIC_DIR (default web/dist, if
# built), SCALE_OUT_SCHEDULER_INTERVAL (seconds, default 1), SCALE_OUT_DEMO (1: load the demo province, default).
# nginx uses deploy/nginx/ankang-proxy.conf, the lines production includes. Needs postgresql-15 and nginx
# (scripts/setup.sh --with-postgres --with-nginx).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
action=${1:?start or stop}
dir=${2:?directory}
base=${3:-29600}
bin=/usr/lib/postgresql/15/bin
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

stop_all() {
    for name in server1 server2; do
        if [ -f "$dir/$name.pid" ]; then
            kill "$(cat "$dir/$name.pid")" 2>/dev/null || true
        fi
    done
    for name in server1 server2; do
        if [ -f "$dir/$name.pid" ]; then
            pid=$(cat "$dir/$name.pid")
            for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
            rm -f "$dir/$name.pid"
        fi
    done
    if [ -f "$dir/nginx/nginx.pid" ]; then
        nginx -p "$dir/nginx" -c "$dir/nginx/nginx.conf" -s quit 2>/dev/null || kill "$(cat "$dir/nginx/nginx.pid")" 2>/dev/null || true
    fi
    for cluster in standby primary; do
        [ -f "$dir/$cluster/PG_VERSION" ] && [ -f "$dir/$cluster/postmaster.pid" ] &&
            as_postgres "$bin/pg_ctl" -D "$dir/$cluster" -m fast -w stop >/dev/null 2>&1 || true
    done
}

case "$action" in
stop)
    stop_all
    exit 0
    ;;
start) ;;
*)
    echo "usage: $0 start|stop DIR [BASE_PORT]" >&2
    exit 2
    ;;
esac

binary=${ANKANG_E2E_BINARY:-$root/build/dev/server/ankang}
static_dir=${ANKANG_E2E_STATIC_DIR:-$root/web/dist}
interval=${SCALE_OUT_SCHEDULER_INTERVAL:-1}
[ -x "$binary" ] || { echo "server binary not found: $binary" >&2; exit 1; }
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || { echo "nginx is not installed (scripts/setup.sh --with-nginx)" >&2; exit 1; }
PATH=$PATH:/usr/sbin
primary_port=$base standby_port=$((base + 1)) port1=$((base + 2)) port2=$((base + 3)) nginx_port=$((base + 4))
for port in "$primary_port" "$standby_port" "$port1" "$port2" "$nginx_port"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        echo "scale-out: port $port on 127.0.0.1 is in use; choose another BASE_PORT" >&2
        exit 1
    fi
done
mkdir -p "$dir"
chmod 755 "$dir"
[ "$(id -u)" = 0 ] && chown postgres: "$dir"
trap 'status=$?; [ $status -eq 0 ] || { echo "scale-out: start failed; logs in $dir" >&2; stop_all; }' EXIT

# --- the primary: replication is on by default in PostgreSQL 15 (wal_level replica, 10 WAL senders), and
# initdb's pg_hba.conf lets 127.0.0.1 replicate.
as_postgres "$bin/initdb" -D "$dir/primary" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1
cat >>"$dir/primary/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $primary_port
unix_socket_directories = '$dir'
max_connections = 100
# A throwaway cluster: commits need not reach the disk (durability is PostgreSQL's own, not under test here).
fsync = off
full_page_writes = off
wal_keep_size = 256MB
CONF
as_postgres "$bin/pg_ctl" -D "$dir/primary" -l "$dir/primary.log" -w -t 60 start >/dev/null
as_postgres "$bin/createdb" -h 127.0.0.1 -p "$primary_port" -U postgres ankang
primary_url="postgresql://postgres@127.0.0.1:$primary_port/ankang"

# --- the hot standby: a base backup with -R writes standby.signal and primary_conninfo.
as_postgres "$bin/pg_basebackup" -h 127.0.0.1 -p "$primary_port" -U postgres -D "$dir/standby" -R -X stream --checkpoint=fast \
    >"$dir/basebackup.log" 2>&1
cat >>"$dir/standby/postgresql.conf" <<CONF
port = $standby_port
hot_standby = on
# Long statistics reads are not cancelled by replay; the primary keeps rows they still see.
hot_standby_feedback = on
max_standby_streaming_delay = 30s
CONF
as_postgres "$bin/pg_ctl" -D "$dir/standby" -l "$dir/standby.log" -w -t 60 start >/dev/null
standby_url="postgresql://postgres@127.0.0.1:$standby_port/ankang"
for _ in $(seq 1 100); do
    [ "$(as_postgres "$bin/psql" -h 127.0.0.1 -p "$standby_port" -U postgres -d ankang -qtAc 'SELECT pg_is_in_recovery()' 2>/dev/null)" = t ] && break
    sleep 0.1
done

# --- the servers: the same primary, statistics on the standby, nginx trusted, one shared files directory.
export ANKANG_DATABASE_URL=$primary_url
export ANKANG_DATABASE_STATISTICS_URL=$standby_url
export ANKANG_SERVER_TRUSTED_PROXIES=127.0.0.1
export ANKANG_SCHEDULER_INTERVAL_SECONDS=$interval
export ANKANG_STORAGE_DATA_DIR=$dir/files
export ANKANG_AUTH_PASSWORD_HASH=minimal
export ANKANG_LOG_LEVEL=${ANKANG_LOG_LEVEL:-info}
mkdir -p "$dir/files"
if [ "${SCALE_OUT_DEMO:-1}" = 1 ]; then
    "$binary" demo >"$dir/demo.log" 2>&1
else
    "$binary" migrate >"$dir/demo.log" 2>&1
fi
static_args=()
[ -d "$static_dir" ] && static_args=(--static "$static_dir")
for number in 1 2; do
    port_var=port$number
    "$binary" serve --port "${!port_var}" "${static_args[@]}" >"$dir/server$number.out" 2>"$dir/server$number.err" &
    echo $! >"$dir/server$number.pid"
done
for number in 1 2; do
    for _ in $(seq 1 300); do
        grep -q "listening" "$dir/server$number.out" 2>/dev/null && break
        kill -0 "$(cat "$dir/server$number.pid")" 2>/dev/null || { cat "$dir/server$number.err" >&2; exit 1; }
        sleep 0.1
    done
    grep -q "listening" "$dir/server$number.out" || { echo "server $number did not start" >&2; exit 1; }
done

# --- nginx: both servers upstream, the shared proxy lines, X-Ankang-Upstream names who answered (test only).
mkdir -p "$dir/nginx/temp"
chmod 777 "$dir/nginx/temp"
cat >"$dir/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $dir/nginx/nginx.pid;
error_log $dir/nginx/error.log warn;
events { worker_connections 512; }
http {
    access_log $dir/nginx/access.log;
    client_body_temp_path $dir/nginx/temp/body;
    proxy_temp_path $dir/nginx/temp/proxy;
    fastcgi_temp_path $dir/nginx/temp/fastcgi;
    uwsgi_temp_path $dir/nginx/temp/uwsgi;
    scgi_temp_path $dir/nginx/temp/scgi;
    upstream ankang {
        server 127.0.0.1:$port1 max_fails=2 fail_timeout=10s;
        server 127.0.0.1:$port2 max_fails=2 fail_timeout=10s;
        keepalive 16;
    }
    server {
        listen 127.0.0.1:$nginx_port;
        server_name localhost;
        add_header X-Ankang-Upstream \$upstream_addr always;
        include $root/deploy/nginx/ankang-proxy.conf;
    }
}
CONF
nginx -p "$dir/nginx" -c "$dir/nginx/nginx.conf" -t >"$dir/nginx/check.log" 2>&1 || { cat "$dir/nginx/check.log" >&2; exit 1; }
nginx -p "$dir/nginx" -c "$dir/nginx/nginx.conf"
for _ in $(seq 1 50); do [ -f "$dir/nginx/nginx.pid" ] && break; sleep 0.1; done

echo "nginx=http://127.0.0.1:$nginx_port"
echo "server1=http://127.0.0.1:$port1"
echo "server2=http://127.0.0.1:$port2"
echo "primary=$primary_url"
echo "standby=$standby_url"
echo "server1_pid=$(cat "$dir/server1.pid")"
echo "server2_pid=$(cat "$dir/server2.pid")"
