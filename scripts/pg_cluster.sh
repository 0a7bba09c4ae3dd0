#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: `start DIR` creates and starts one listening only
# on a Unix socket in DIR and prints its URL; `stop DIR` stops it. Debian's server binaries are
# used (installed with apt when missing). As root, the cluster runs as the `postgres` user,
# because the server refuses to run as root.
set -euo pipefail
cmd=${1:?usage: pg_cluster.sh start|stop DIR}
dir=$(realpath -m "${2:?usage: pg_cluster.sh start|stop DIR}")
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "$cmd" in
  start)
    if [ -z "$bindir" ]; then
      { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql; } >&2
      bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    fi
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      # C collation: text sorts by code point, as in SQLite, so both stores list rows alike.
      as_owner "$bindir/initdb" -D "$dir/data" -A trust -U footprint --no-sync -E UTF8 --locale=C >/dev/null
    fi
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-k $dir -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null
    as_owner "$bindir/createdb" -h "$dir" -U footprint footprint 2>/dev/null || true
    echo "postgresql://footprint@/footprint?host=$dir"
    ;;
  stop)
    [ -n "$bindir" ] && as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    ;;
  *) echo "usage: pg_cluster.sh start|stop DIR" >&2; exit 2 ;;
esac
