#!/usr/bin/env bash
# test_dashboard.sh: the dashboard in headless Chromium. Ingests the sample
# articles (and ../shared/seeds when present) into a temporary database,
# starts `entente serve` on a free loopback port, loads the page with
# Debian's /usr/bin/chromium, checks the dumped DOM against the API (graph,
# timeline, matrix, events, evidence) and saves a screenshot.
# usage: bash test_dashboard.sh PATH_TO_ENTENTE SOURCE_DIR
# The screenshot goes to $ENTENTE_SCREENSHOT_DIR, else the current folder
# (under ctest: the build folder); its path is printed.
# Skips (exit 77) when chromium, python3 or web/node_modules is missing.
set -euo pipefail

BIN=${1:?usage: test_dashboard.sh ENTENTE_BINARY SOURCE_DIR}
SRC=${2:?usage: test_dashboard.sh ENTENTE_BINARY SOURCE_DIR}
[ -x "$BIN" ] || { echo "not executable: $BIN" >&2; exit 1; }
SRC=$(cd "$SRC" && pwd)
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
command -v python3 >/dev/null || { echo "skipped: python3 absent"; exit 77; }
[ -x "$CHROMIUM" ] || { echo "skipped: $CHROMIUM absent (scripts/setup.sh installs Debian's chromium)"; exit 77; }
[ -f "$SRC/web/node_modules/d3/dist/d3.min.js" ] ||
	{ echo "skipped: $SRC/web/node_modules absent (run make web)"; exit 77; }
CHECK="$SRC/tests/browser/check_dashboard.py"
OUT=${ENTENTE_SCREENSHOT_DIR:-$PWD}
mkdir -p "$OUT"
SHOT="$(cd "$OUT" && pwd)/dashboard.png"

T=$(mktemp -d)
SERVER=""
cleanup() {
	if [ -n "$SERVER" ]; then
		kill "$SERVER" 2>/dev/null || true
		for _ in 1 2 3 4 5 6 7 8 9 10; do
			kill -0 "$SERVER" 2>/dev/null || break
			sleep 0.2
		done
		kill -9 "$SERVER" 2>/dev/null || true
		wait "$SERVER" 2>/dev/null || true
	fi
	rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

PASS=0
FAIL=0
ok() { PASS=$((PASS + 1)); echo "ok - $1"; }
fail() {
	FAIL=$((FAIL + 1))
	echo "not ok - $1"
	[ -z "${2:-}" ] || echo "    $2"
}
# a python check: its lines are the test's lines; counts its verdicts
pycheck() {
	local rc=0
	python3 "$CHECK" "$@" >"$T/check" 2>&1 || rc=$?
	cat "$T/check"
	PASS=$((PASS + $(grep -c '^ok - ' "$T/check" || true)))
	FAIL=$((FAIL + $(grep -c '^not ok - ' "$T/check" || true)))
	if [ "$rc" -ne 0 ] && ! grep -q '^not ok - ' "$T/check"; then
		fail "check_dashboard.py $1" "exit status $rc"
	fi
}

# ---- a database of the sample articles ----
DB="$T/dash.db"
INPUTS=("$SRC/samples")
[ -d "$SRC/../shared/seeds" ] && INPUTS+=("$SRC/../shared/seeds")
if "$BIN" ingest --db "$DB" "${INPUTS[@]}" >"$T/ingest.out" 2>"$T/ingest.err"; then
	ok "ingest ${INPUTS[*]##*/}: $(tail -n 1 "$T/ingest.err")"
else
	fail "ingest the samples" "$(tail -n 3 "$T/ingest.err")"
	echo "$PASS passed, $FAIL failed"
	exit 1
fi

# ---- the server, on a free loopback port ----
"$BIN" serve --db "$DB" --host 127.0.0.1 --port 0 --web "$SRC/web" >"$T/serve.out" 2>"$T/serve.err" </dev/null &
SERVER=$!
PORT=""
for _ in $(seq 1 100); do # at most 10 s
	PORT=$(sed -n 's|^entente serve: http://127\.0\.0\.1:\([0-9][0-9]*\)/.*|\1|p' "$T/serve.err" | head -n 1)
	[ -n "$PORT" ] && break
	kill -0 "$SERVER" 2>/dev/null || break
	sleep 0.1
done
if [ -z "$PORT" ]; then
	fail "entente serve --port 0 says where it listens" "$(head -c 400 "$T/serve.err")"
	echo "$PASS passed, $FAIL failed"
	exit 1
fi
BASE="http://127.0.0.1:$PORT"
ready=""
for _ in $(seq 1 50); do # at most ~10 s
	if python3 - "$BASE/api/status" <<'EOF' 2>/dev/null; then
import json, sys, urllib.request
o = urllib.request.build_opener(urllib.request.ProxyHandler({}))
with o.open(sys.argv[1], timeout=2) as r:
    json.load(r)
EOF
		ready=1
		break
	fi
	sleep 0.2
done
if [ -n "$ready" ]; then
	ok "entente serve answers /api/status on $BASE"
else
	fail "entente serve answers /api/status on $BASE" "$(head -c 400 "$T/serve.err")"
	echo "$PASS passed, $FAIL failed"
	exit 1
fi

# ---- headless Chromium ----
# chrome URL [FLAGS...]: the page's DOM after its scripts ran, on stdout
chrome() {
	local url=$1
	shift
	local profile
	profile=$(mktemp -d "$T/profile.XXXXXX")
	timeout -k 5 60 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic \
		--no-first-run --disable-background-networking --disable-component-update \
		--disable-sync --disable-breakpad --no-proxy-server --user-data-dir="$profile" \
		--virtual-time-budget=10000 "$@" "$url" 2>>"$T/chromium.err" </dev/null
}

EVENT=$(python3 "$CHECK" pick "$BASE" 2>&1) || {
	fail "an event of RUS-VNM with a marked trigger" "$EVENT"
	echo "$PASS passed, $FAIL failed"
	exit 1
}
VIEW="$BASE/#pair=RUS,VNM&event=$EVENT"
echo "# view: $VIEW"

if chrome "$VIEW" --dump-dom >"$T/dom.html" && [ -s "$T/dom.html" ]; then
	ok "chromium loads $VIEW"
	pycheck dom "$BASE" "$T/dom.html" RUS,VNM "$EVENT"
else
	fail "chromium loads $VIEW" "$(tail -n 5 "$T/chromium.err")"
fi

if chrome "$BASE/" --dump-dom >"$T/default.html" && [ -s "$T/default.html" ]; then
	pycheck default "$BASE" "$T/default.html"
else
	fail "chromium loads $BASE/" "$(tail -n 5 "$T/chromium.err")"
fi

if chrome "$BASE/#pair=RUS,VNM&event=999999999" --dump-dom >"$T/error.html" && [ -s "$T/error.html" ]; then
	pycheck error "$T/error.html" 999999999
else
	fail "chromium loads the view of an unknown event" "$(tail -n 5 "$T/chromium.err")"
fi

# ---- the screenshot ----
rm -f "$SHOT"
if chrome "$VIEW" --hide-scrollbars --screenshot="$SHOT" --window-size=1400,1000 >/dev/null &&
	info=$(python3 "$CHECK" png "$SHOT"); then
	ok "screenshot: $SHOT ($info)"
else
	fail "screenshot of $VIEW" "$(python3 "$CHECK" png "$SHOT" 2>&1 | head -n 1); $(tail -n 3 "$T/chromium.err")"
fi

if ! kill -0 "$SERVER" 2>/dev/null; then
	fail "entente serve still runs at the end" "$(tail -n 5 "$T/serve.err")"
fi

echo "screenshot: $SHOT"
echo "$PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
