#!/usr/bin/env bash
# run-with-pg.sh PROGRAM [ARGS...]: runs PROGRAM with ENT_TEST_DB set to
# the URL of a fresh PostgreSQL database on a server started for it
# (pg-start.sh), and stops the server afterwards. The store's unit tests
# (test_store, test_merge, test_relations) then run on PostgreSQL. Exits
# 77 when PostgreSQL is not installed.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/entpg.XXXXXX")
trap 'bash "$here/pg-stop.sh" "$tmp"' EXIT
url=$(bash "$here/pg-start.sh" "$tmp")
rc=$?
[[ $rc -eq 0 ]] || exit $rc
ENT_TEST_DB=$url "$@"
