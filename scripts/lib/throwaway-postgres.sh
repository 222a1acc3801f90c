# Sourced by .ci/run and the benchmarks: a throwaway PostgreSQL server.
#
#   start_throwaway_postgres PORT   initdb into a temporary folder as the unprivileged user
#                                   postgres (needs root, as in CI) or as the current user,
#                                   start on 127.0.0.1:PORT with fsync off; sets PG_BASE_URL
#                                   (postgres://postgres@127.0.0.1:PORT) and returns 1 when
#                                   PostgreSQL's server binaries are missing
#   create_database NAME            a new, empty database; prints its URL
#   stop_throwaway_postgres         stops it and removes its folder (call from an EXIT trap)
PG_TMP=""
start_throwaway_postgres() {
  local port=$1
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  [ -n "$PGBIN" ] && [ -x "$PGBIN/initdb" ] || return 1
  PG_TMP=$(mktemp -d /tmp/claims-pg.XXXXXX)
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || return 1
    chown postgres "$PG_TMP"
    PG_AS=(runuser -u postgres --)
  else
    PG_AS=()
  fi
  "${PG_AS[@]}" "$PGBIN/initdb" -D "$PG_TMP/data" -A trust -U postgres >/dev/null
  "${PG_AS[@]}" "$PGBIN/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/log" -w \
    -o "-k $PG_TMP -p $port -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
  PG_PORT=$port
  PG_BASE_URL="postgres://postgres@127.0.0.1:$port"
}
create_database() {
  PGOPTIONS="-c client_min_messages=warning" psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -c "DROP DATABASE IF EXISTS \"$1\"" -c "CREATE DATABASE \"$1\"" >/dev/null
  echo "$PG_BASE_URL/$1"
}
stop_throwaway_postgres() {
  [ -n "$PG_TMP" ] || return 0
  "${PG_AS[@]}" "$PGBIN/pg_ctl" -D "$PG_TMP/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$PG_TMP"
  PG_TMP=""
}
