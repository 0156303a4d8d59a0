# Starts a throwaway PostgreSQL on 127.0.0.1 for the tests. Sourced by Scripts/test.
#
# start_test_postgres makes a cluster in a temporary folder, owned by the `postgres`
# user (initdb refuses to run as root), starts it on a free port with trust
# authentication for loopback only, exports VOUCH_TEST_POSTGRES_URL, and stops and
# removes it when the calling script exits.

# shellcheck source=Scripts/lib/cleanup.sh
source "$(dirname "${BASH_SOURCE[0]}")/cleanup.sh"

postgres_bin() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
  [ -n "$bin" ] || { echo "error: no PostgreSQL server found under /usr/lib/postgresql" >&2; return 1; }
  echo "$bin"
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

start_test_postgres() {
  local bin port dir
  bin=$(postgres_bin) || return 1
  port=$(free_port)
  dir=$(mktemp -d /tmp/vouch-postgres.XXXXXX)
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
  as_postgres "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 >/dev/null
  as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
    -o "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=500" start >/dev/null
  VOUCH_TEST_POSTGRES_DIR="$dir"
  export VOUCH_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$port/postgres?sslmode=disable"
  vouch_at_exit stop_test_postgres
  echo "PostgreSQL for the tests: $VOUCH_TEST_POSTGRES_URL" >&2
}

stop_test_postgres() {
  [ -n "${VOUCH_TEST_POSTGRES_DIR:-}" ] || return 0
  as_postgres "$(postgres_bin)/pg_ctl" -D "$VOUCH_TEST_POSTGRES_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$VOUCH_TEST_POSTGRES_DIR"
}
