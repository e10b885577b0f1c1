#!/usr/bin/env bash
# test_queue_pg.sh BINARY SOURCE_DIR: the work-queue test of
# tests/queue/test_workers.sh (a worker killed with SIGKILL, nats-server
# restarted mid-run, a poison document, duplicate submissions) with the
# workers storing into PostgreSQL, as issue #6 runs them at scale: a
# throwaway server (pg-start.sh) with one database per scenario. Exits 77
# when PostgreSQL or nats-server is not installed.
#
# This test found the heap corruption of issue #6 (libnats' fetch writing
# past its array when messages of an expired pull request arrive late);
# the worker pulls with its own requests since (src/queue/worker.c).
set -uo pipefail
BIN=${1:?usage: test_queue_pg.sh ENTENTE_BINARY SOURCE_DIR}
SRC=${2:?usage: test_queue_pg.sh ENTENTE_BINARY SOURCE_DIR}
here=$(cd "$(dirname "$0")" && pwd)
command -v nats-server >/dev/null || { echo "skipped: nats-server absent"; exit 77; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/entpgq.XXXXXX")
trap 'bash "$here/pg-stop.sh" "$tmp"; rm -rf "$tmp"' EXIT
url=$(bash "$here/pg-start.sh" "$tmp")
rc=$?
[[ $rc -eq 0 ]] || exit $rc
# postgresql://USER@127.0.0.1:PORT/entente -> one database per scenario
base=${url%/entente}
hostport=${base#postgresql://*@}
user=${base#postgresql://}
user=${user%@*}
bin=$(cat "$tmp/bin")
as=()
[[ $(id -u) -eq 0 ]] && as=(runuser -u postgres --)
for db in q_kill q_restart q_poison q_dup q_stale; do
  "${as[@]}" "$bin/createdb" -h "${hostport%:*}" -p "${hostport#*:}" -U "$user" -E UTF8 -T template0 "$db" ||
    { echo "not ok - createdb $db"; exit 1; }
done
ENTENTE_QUEUE_TEST_DB="$base/q_%s" bash "$SRC/tests/queue/test_workers.sh" "$BIN" "$SRC"
