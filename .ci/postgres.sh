#!/usr/bin/env bash
# Installs PostgreSQL from Debian's packages if needed and starts a throw-away server for the tests, in a temp
# folder, on a free port, as the postgres user. Sourced by .ci/run: on success it exports TRADECHECK_TEST_PG_URL
# (and _USER, _PASSWORD) and registers a trap that stops the server; on any failure it prints a warning and
# returns 0, so the rest of the suite still runs (the PostgreSQL variants are then skipped).

pg_warn() { echo "WARNING: PostgreSQL not available ($*): the PostgreSQL variants of the decision-log tests are skipped." >&2; }

pg_start() {
  if [ "$(id -u)" != "0" ]; then pg_warn "not root: cannot install or run as the postgres user"; return 0; fi
  if ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
    echo "Installing PostgreSQL from Debian's packages..."
    if ! command -v apt-get >/dev/null 2>&1; then pg_warn "no apt-get"; return 0; fi
    if ! { DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
           DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; }; then
      pg_warn "apt-get install postgresql failed"; return 0
    fi
  fi
  local bin; bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  if ! id postgres >/dev/null 2>&1; then pg_warn "no postgres user"; return 0; fi
  PG_DIR=$(mktemp -d /tmp/tradecheck-pg.XXXXXX)
  chown postgres "$PG_DIR"
  local port; port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 55432)
  if ! su postgres -s /bin/sh -c "'$bin/initdb' -D '$PG_DIR/data' -A trust -U postgres -E UTF8 >'$PG_DIR/initdb.log' 2>&1"; then
    pg_warn "initdb failed: $(tail -3 "$PG_DIR/initdb.log")"; return 0
  fi
  if ! su postgres -s /bin/sh -c "'$bin/pg_ctl' -D '$PG_DIR/data' -l '$PG_DIR/server.log' -w -t 60 \
        -o \"-p $port -k '$PG_DIR' -c listen_addresses=127.0.0.1 -c fsync=on\" start >/dev/null"; then
    pg_warn "server did not start: $(tail -3 "$PG_DIR/server.log")"; return 0
  fi
  PG_STOP="su postgres -s /bin/sh -c \"'$bin/pg_ctl' -D '$PG_DIR/data' -m fast stop\" >/dev/null 2>&1; rm -rf '$PG_DIR'"
  trap 'eval "$PG_STOP"' EXIT
  if ! "$bin/psql" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
        -c "CREATE USER tradecheck PASSWORD 'tradecheck'" -c "CREATE DATABASE tradecheck OWNER tradecheck" >/dev/null; then
    pg_warn "could not create the test database"; return 0
  fi
  export TRADECHECK_TEST_PG_URL="jdbc:postgresql://127.0.0.1:$port/tradecheck"
  export TRADECHECK_TEST_PG_USER=tradecheck TRADECHECK_TEST_PG_PASSWORD=tradecheck
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') started for the tests at $TRADECHECK_TEST_PG_URL"
}
