#!/usr/bin/env bash
# test_api.sh: `entente serve` and the HTTP API of docs/http-api.md.
# usage: bash test_api.sh PATH_TO_ENTENTE SOURCE_DIR
#
# Builds a database of samples/ in a temporary folder, starts the server on
# a free loopback port, checks every endpoint (check_api.py, which cross-
# checks with the CLI), where it listens, and that SIGTERM stops it. Every
# wait is bounded; every request goes to 127.0.0.1.
set -euo pipefail

BIN=${1:?usage: test_api.sh ENTENTE_BINARY SOURCE_DIR}
SRC=${2:?usage: test_api.sh ENTENTE_BINARY SOURCE_DIR}
[ -x "$BIN" ] || { echo "not executable: $BIN" >&2; exit 1; }
command -v python3 >/dev/null || { echo "skipped: python3 absent"; exit 77; }
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

T=$(mktemp -d)
SPID=""
cleanup() {
	if [ -n "$SPID" ]; then kill -9 "$SPID" 2>/dev/null || true; fi
	rm -rf "$T"
}
trap cleanup EXIT

# shared helpers: ok, fail, run, shown, finish
. "$SRC/tests/cli/lib.sh"
DB="$T/x.db"

# ---- refusals before listening ----
run serve --db "$T/missing.db" --port 0
if [ "$RC" -eq 1 ] && grep -q "missing.db: no such database" "$T/err" && [ ! -e "$T/missing.db" ]; then
	ok "serve --db missing.db: exit 1, names the file, creates nothing"
else
	fail "serve with a missing database" "status 1, 'missing.db: no such database'" "status $RC, $(shown "$T/err")"
fi
for bad in "--port 70000" "--port x" "--colour red"; do
	# shellcheck disable=SC2086
	run serve --db "$T/missing.db" $bad
	[ "$RC" -eq 2 ] && ok "serve $bad: usage error (exit 2)" ||
		fail "serve $bad" "status 2" "status $RC, $(shown "$T/err")"
done

# ---- the database ----
run ingest --db "$DB" "$SRC/samples"
if [ "$RC" -ne 0 ]; then
	fail "ingest samples" "status 0" "status $RC, $(shown "$T/err")"
	finish
	exit 1
fi
# a document whose title holds quotes, a backslash, control characters and
# </script>: every answer must stay valid JSON
printf '%s\n' '{"id": "odd-chars", "date": "2025-05-02", "title": "Quote \" back \\ ctl \u0001\u001f </script> Hà Nội", "text": "Le président vietnamien Lương Cường a reçu mardi à Hanoï son homologue laotien Thongloun Sisoulith.", "lang": "fr"}' >"$T/odd.jsonl"
run ingest --db "$DB" "$T/odd.jsonl"
[ "$RC" -eq 0 ] && ok "ingest a document with quotes, backslash and control characters" ||
	fail "ingest odd.jsonl" "status 0" "status $RC, $(shown "$T/err")"

# ---- start the server ----
: >"$T/serve.err" # exists before the server opens it: the loop reads it at once
"$BIN" serve --db "$DB" --port 0 --web "$SRC/web" 2>>"$T/serve.err" </dev/null &
SPID=$!
URL=""
for _ in $(seq 100); do # at most 10 s
	URL=$(sed -n 's|^entente serve: \(http://[^ ]*/\) (database .*)$|\1|p' "$T/serve.err" || true)
	[ -n "$URL" ] && break
	kill -0 "$SPID" 2>/dev/null || break
	sleep 0.1
done
if [[ $URL =~ ^http://127\.0\.0\.1:([0-9]+)/$ ]] && grep -qF "(database $DB)" "$T/serve.err"; then
	PORT=${BASH_REMATCH[1]}
	ok "serve --port 0 prints 'entente serve: $URL (database FILE)'"
else
	fail "serve's ready line" "entente serve: http://127.0.0.1:PORT/ (database $DB)" "$(shown "$T/serve.err")"
	finish
	exit 1
fi
up=""
for _ in $(seq 100); do # at most 10 s
	if python3 - "$URL" <<'EOF' 2>/dev/null; then up=1; break; fi
import sys, urllib.request
o = urllib.request.build_opener(urllib.request.ProxyHandler({}))
sys.exit(0 if o.open(sys.argv[1] + "api/status", timeout=2).status == 200 else 1)
EOF
	sleep 0.1
done
if [ -n "$up" ]; then ok "/api/status answers within 10 s"; else
	fail "/api/status" "200 within 10 s" "no answer; $(shown "$T/serve.err")"
	finish
	exit 1
fi

# ---- where it listens ----
if command -v ss >/dev/null && ss -ltnp >/dev/null 2>&1; then
	addrs=$(ss -Hltnp | awk -v pid="pid=$SPID," 'index($0, pid) { print $4 }' | sort -u | tr '\n' ' ')
	if [ "$addrs" = "127.0.0.1:$PORT " ]; then
		ok "listens on 127.0.0.1:$PORT only"
	else
		fail "listening address" "127.0.0.1:$PORT" "$addrs"
	fi
else
	echo "# skip: ss is not available to check the listening address"
fi

# ---- the API ----
RC=0
python3 "$HERE/check_api.py" "$URL" "$BIN" "$DB" "$SRC" >"$T/api.out" 2>&1 || RC=$?
grep -v '^[0-9]* passed, [0-9]* failed$' "$T/api.out" || true
PASS=$((PASS + $(grep -c '^ok - ' "$T/api.out" || true)))
FAIL=$((FAIL + $(grep -c '^not ok - ' "$T/api.out" || true)))
if [ "$RC" -ne 0 ] && ! grep -q '^not ok - ' "$T/api.out"; then
	fail "check_api.py" "exit 0" "exit $RC"
fi

# the odd document: valid JSON, title intact
python3 - "$URL" >"$T/odd.out" 2>&1 <<'EOF' && ok "a title with quotes, backslash, control characters comes back intact as JSON" || fail "odd-chars document" "its title" "$(shown "$T/odd.out")"
import json, sys, urllib.request
o = urllib.request.build_opener(urllib.request.ProxyHandler({}))
d = json.loads(o.open(sys.argv[1] + "api/documents/odd-chars", timeout=10).read().decode("utf-8"))
want = 'Quote " back \\ ctl \u0001\u001f </script> Hà Nội'
assert d["title"] == want, (d["title"], want)
for e in d["events"]:
    json.loads(o.open(sys.argv[1] + "api/events/%d" % e["id"], timeout=10).read().decode("utf-8"))
EOF

# ---- stop ----
kill -TERM "$SPID"
stopped=""
for _ in $(seq 50); do # at most 5 s
	if ! kill -0 "$SPID" 2>/dev/null; then stopped=1; break; fi
	sleep 0.1
done
if [ -n "$stopped" ]; then
	src=0
	wait "$SPID" || src=$?
	SPID=""
	[ "$src" -eq 0 ] && ok "SIGTERM stops the server within 5 s, exit 0" ||
		fail "exit status after SIGTERM" 0 "$src"
else
	fail "SIGTERM" "stopped within 5 s" "still running"
fi
# the database was only read
run events --db "$DB" --all --format jsonl
[ "$RC" -eq 0 ] && ok "the database is still readable after the server" ||
	fail "database after serve" "status 0" "status $RC"

if [ "$FAIL" -ne 0 ]; then
	echo "# the server's stderr:"
	sed 's/^/#   /' "$T/serve.err"
fi
finish
