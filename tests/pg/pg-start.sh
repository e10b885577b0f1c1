#!/usr/bin/env bash
# pg-start.sh DIR: starts a throwaway PostgreSQL server for the tests and
# prints the postgresql:// URL of an empty UTF8 database on it.
#
# The cluster lives in DIR/data (DIR must exist and be empty enough), the
# socket in DIR, the server listens on 127.0.0.1 at a free port with trust
# authentication. Stop it with tests/pg/pg-stop.sh DIR (run-with-pg.sh and
# the tests do it on exit). Exits 77 (ctest's "skipped") with a message
# when the postgresql binaries are not installed. As root, the server runs
# as the `postgres` user (initdb refuses root).
set -euo pipefail
dir=${1:?usage: pg-start.sh DIR}
bin=${ENT_PG_BIN:-}
if [[ -z $bin ]]; then
  for d in /usr/lib/postgresql/*/bin; do [[ -x $d/initdb ]] && bin=$d; done
fi
if [[ -z $bin || ! -x $bin/initdb ]]; then
  echo "pg-start: PostgreSQL server binaries not found (apt-get install postgresql); skipping" >&2
  exit 77
fi
as=()
user=$(id -un)
if [[ $(id -u) -eq 0 ]]; then
  id postgres >/dev/null 2>&1 || { echo "pg-start: running as root and no postgres user; skipping" >&2; exit 77; }
  as=(runuser -u postgres --)
  user=postgres
  chown postgres "$dir"
fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"${as[@]}" "$bin/initdb" -D "$dir/data" -A trust -U "$user" -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 ||
  { cat "$dir/initdb.log" >&2; exit 1; }
"${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-k $dir -c listen_addresses=127.0.0.1 -p $port -c fsync=off -c max_connections=50" start >/dev/null ||
  { cat "$dir/server.log" >&2; exit 1; }
echo "$bin" >"$dir/bin"
"${as[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U "$user" -E UTF8 -T template0 entente
echo "postgresql://$user@127.0.0.1:$port/entente"
