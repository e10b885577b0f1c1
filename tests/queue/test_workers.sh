#!/usr/bin/env bash
# test_workers.sh: `entente submit`, `worker` and `status` against a real
# nats-server (JetStream) started here on a free 127.0.0.1 port, in a
# temporary folder. Skipped (exit 77) when nats-server is not installed.
#
# usage: bash test_workers.sh PATH_TO_ENTENTE SOURCE_DIR
#
# Scenarios (each on a stream of its own, --stream NAME):
#   kill     two workers code ~2,600 generated articles; one is killed with
#            SIGKILL mid-run, a third is started; every document is stored
#            exactly once and the events equal a single-process ingest.
#   restart  nats-server is stopped and started again (same port, same
#            store folder) while two workers run: nothing lost, same check.
#   poison   ENTENTE_FAIL_DOC makes one document fail every time: after
#            --max-deliver attempts it is in the dead letters, the rest is
#            stored.
#   dup      submitting the same corpus again queues nothing.
#   stale    pull requests that expire after 3 ms (ENTENTE_PULL_MS), so
#            messages keep arriving for requests already given up: they
#            join later batches; nothing lost, nothing stored twice (the
#            libnats fetch of Debian 12 corrupted its heap on this, #6).
#
# The database: ENTENTE_QUEUE_TEST_DB, a template in which %s is replaced by
# the scenario name (default "$T/%s.db", SQLite files). For PostgreSQL give
# e.g. postgresql://127.0.0.1:5433/q_%s, with empty databases q_kill,
# q_restart, q_poison, q_stale created beforehand. The reference run is always a
# single-process `entente ingest` into a fresh SQLite file.
#
# Every wait is bounded; a failure prints the logs' tails.
set -uo pipefail

BIN=${1:?usage: test_workers.sh ENTENTE_BINARY SOURCE_DIR}
SRC=${2:?usage: test_workers.sh ENTENTE_BINARY SOURCE_DIR}
[ -x "$BIN" ] || { echo "not executable: $BIN" >&2; exit 1; }
if ! command -v nats-server >/dev/null 2>&1 && [ ! -x /usr/sbin/nats-server ]; then
	echo "skip: nats-server is not installed (Debian package nats-server; scripts/setup.sh)"
	exit 77
fi
NATS_SERVER=$(command -v nats-server || echo /usr/sbin/nats-server)
command -v python3 >/dev/null || { echo "skip: python3 is needed"; exit 77; }

T=$(mktemp -d)
PIDS=()
cleanup() {
	for p in "${PIDS[@]}"; do kill -9 "$p" 2>/dev/null; done
	[ -n "${NATS_PID:-}" ] && kill "$NATS_PID" 2>/dev/null && wait "$NATS_PID" 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT

. "$SRC/tests/cli/lib.sh"

DB_TEMPLATE=${ENTENTE_QUEUE_TEST_DB:-$T/%s.db}
db_for() { printf "$DB_TEMPLATE" "$1"; }

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
URL=nats://127.0.0.1:$PORT

start_nats() {
	"$NATS_SERVER" -js -a 127.0.0.1 -p "$PORT" -sd "$T/js" >>"$T/nats.log" 2>&1 &
	NATS_PID=$!
	for _ in $(seq 100); do
		if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then return 0; fi
		sleep 0.1
	done
	echo "nats-server did not start on port $PORT:"; tail -20 "$T/nats.log"
	exit 1
}
stop_nats() {
	kill -TERM "$NATS_PID" 2>/dev/null
	for _ in $(seq 100); do kill -0 "$NATS_PID" 2>/dev/null || break; sleep 0.1; done
	kill -9 "$NATS_PID" 2>/dev/null
	wait "$NATS_PID" 2>/dev/null
	NATS_PID=
}

# field NAME: a number from the last `status --format json` output ($T/st)
field() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get(sys.argv[2], -1))' "$T/st" "$1"; }
status_json() { # STREAM [DB]
	"$BIN" status --nats "$URL" --stream "$1" ${2:+--db "$2"} --format json >"$T/st" 2>"$T/st.err" ||
		echo '{}' >"$T/st"
}
# wait_stored STREAM DB N SECONDS: until DB holds at least N documents
wait_stored() {
	local end=$((SECONDS + $4))
	while [ $SECONDS -lt $end ]; do
		status_json "$1" "$2"
		[ "$(field documents)" -ge "$3" ] 2>/dev/null && return 0
		sleep 0.1
	done
	return 1
}
# wait_pid PID SECONDS: until the process exits; its status in $WRC (124: timeout)
wait_pid() {
	local end=$((SECONDS + $2))
	while kill -0 "$1" 2>/dev/null && [ $SECONDS -lt $end ]; do sleep 0.1; done
	if kill -0 "$1" 2>/dev/null; then
		kill -9 "$1" 2>/dev/null; wait "$1" 2>/dev/null; WRC=124
	else
		WRC=0; wait "$1" || WRC=$?
	fi
}
# start_worker NAME STREAM DB [ARGS...]: in the background, log in $T/NAME.log
start_worker() {
	local name=$1 stream=$2 db=$3; shift 3
	"$BIN" worker --nats "$URL" --stream "$stream" --db "$db" --batch 20 --ack-wait 2 \
		--exit-when-empty "$@" >"$T/$name.out" 2>"$T/$name.log" </dev/null &
	LAST_PID=$!
	PIDS+=("$LAST_PID")
}
events_of() { # DB OUT: events without their ids, sorted
	"$BIN" events --db "$1" --all --format jsonl >"$T/events.tmp" 2>"$T/events.err"
	python3 -c '
import json, sys
rows = []
for line in open(sys.argv[1]):
    o = json.loads(line); o.pop("id", None); rows.append(json.dumps(o, sort_keys=True, ensure_ascii=False))
rows.sort()
open(sys.argv[2], "w").write("\n".join(rows) + "\n")' "$T/events.tmp" "$2"
}
redelivered_in() { # LOG...: the sum of the "N redelivered" of final lines
	cat "$@" | sed -n 's/.* \([0-9][0-9]*\) redelivered.*/\1/p' | awk '{s+=$1} END {print s+0}'
}
logs() { for f in "$@"; do echo "    --- $f:"; tail -${LOG_LINES:-5} "$T/$f" | sed 's/^/    /'; done; }

# ---- the corpus: ~2,600 generated articles, plus 20 copies of earlier
# texts under other ids (the queue and the store must keep one of each) ----
python3 "$SRC/bench/gen-corpus.py" --mb 3 --seed 5 --out "$T/gen.jsonl" 2>"$T/gen.log" ||
	{ echo "gen-corpus.py failed:"; cat "$T/gen.log"; exit 1; }
python3 - "$T/gen.jsonl" "$T/corpus.jsonl" <<'EOF'
import json, sys
docs = [json.loads(l) for l in open(sys.argv[1])]
with open(sys.argv[2], "w") as f:
    for d in docs:
        f.write(json.dumps(d, ensure_ascii=False) + "\n")
    for i in range(20):
        d = dict(docs[i * 37], id="copy-%d" % i)
        f.write(json.dumps(d, ensure_ascii=False) + "\n")
EOF
NDOCS=$(wc -l <"$T/corpus.jsonl")
DISTINCT=$(python3 -c 'import json,sys; print(len({json.loads(l)["text"] for l in open(sys.argv[1])}))' "$T/corpus.jsonl")

"$BIN" ingest --db "$T/ref.db" "$T/corpus.jsonl" >/dev/null 2>"$T/ref.log" ||
	{ echo "reference ingest failed:"; cat "$T/ref.log"; exit 1; }
events_of "$T/ref.db" "$T/ref.events"
REF_EVENTS=$(wc -l <"$T/ref.events")
echo "# corpus: $NDOCS documents, $DISTINCT distinct texts; reference: $REF_EVENTS events"

start_nats

# ---- usage and connection errors ----
run worker --stream X
if [ "$RC" -eq 2 ] && grep -q -- "--nats" "$T/err"; then ok "worker without --nats is a usage error (2)"
else fail "worker without --nats" "status 2 naming --nats" "status $RC: $(shown "$T/err")"; fi
run submit --nats "$URL"
if [ "$RC" -eq 2 ]; then ok "submit without PATH is a usage error (2)"
else fail "submit without PATH" "status 2" "status $RC: $(shown "$T/err")"; fi
run worker --nats "$URL" --max-deliver 0
if [ "$RC" -eq 2 ] && grep -q -- "--max-deliver" "$T/err"; then ok "worker --max-deliver 0 is a usage error (2)"
else fail "worker --max-deliver 0" "status 2" "status $RC: $(shown "$T/err")"; fi
DEADPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
run status --nats "nats://127.0.0.1:$DEADPORT"
if [ "$RC" -eq 1 ] && grep -q "cannot connect" "$T/err"; then ok "status without a server fails (1) and says so"
else fail "status without a server" "status 1, 'cannot connect'" "status $RC: $(shown "$T/err")"; fi
for c in submit worker status; do
	run "$c" --help
	if [ "$RC" -eq 0 ] && head -1 "$T/out" | grep -q "^usage: entente $c"; then ok "$c --help"
	else fail "$c --help" "status 0, usage line" "status $RC: $(shown "$T/out")"; fi
done

# final_check NAME STREAM DB: stored exactly once, events equal the reference,
# nothing left in the queue
final_check() {
	local name=$1 stream=$2 db=$3
	status_json "$stream" "$db"
	local docs msgs
	docs=$(field documents); msgs=$(field messages)
	if [ "$docs" = "$DISTINCT" ]; then ok "$name: every document stored exactly once ($docs)"
	else fail "$name: every document stored exactly once" "$DISTINCT documents" "$docs ($(shown "$T/st.err"))"; fi
	if [ "$msgs" = 0 ] && [ "$(field ack_pending)" = 0 ]; then ok "$name: the queue is empty"
	else fail "$name: the queue is empty" "0 messages, 0 awaiting ack" "$(shown "$T/st")"; fi
	events_of "$db" "$T/$name.events"
	if cmp -s "$T/ref.events" "$T/$name.events"; then
		ok "$name: events equal those of a single-process ingest ($REF_EVENTS)"
	else
		fail "$name: events equal those of a single-process ingest" "$REF_EVENTS events" \
			"$(wc -l <"$T/$name.events") events; first difference: $(diff "$T/ref.events" "$T/$name.events" | head -3 | cut -c1-200 | tr '\n' '|')"
	fi
}

# ---- (a) kill: SIGKILL one of two workers mid-run, start another ----
DB=$(db_for kill)
run submit --nats "$URL" --stream KILL "$T/corpus.jsonl"
if [ "$RC" -eq 0 ] && grep -q "$DISTINCT published, $((NDOCS - DISTINCT)) duplicates, 0 refused" "$T/err"; then
	ok "submit: $DISTINCT published, $((NDOCS - DISTINCT)) duplicates suppressed"
else
	fail "submit publishes each distinct text once" "$DISTINCT published" "status $RC: $(shown "$T/err")"
fi
export ENTENTE_SLOW_DOC_MS=3
start_worker kill-a KILL "$DB"; A=$LAST_PID
start_worker kill-b KILL "$DB" --jobs 2; B=$LAST_PID
if wait_stored KILL "$DB" $((DISTINCT / 4)) 60; then
	kill -9 "$A"; wait "$A" 2>/dev/null
	ok "kill: worker A killed with SIGKILL after $(field documents) documents were stored"
else
	fail "kill: a quarter of the corpus is stored within 60 s" ">= $((DISTINCT / 4))" "$(shown "$T/st")"
	logs kill-a.log kill-b.log
fi
start_worker kill-c KILL "$DB"; C=$LAST_PID
wait_pid "$B" 180; RB=$WRC
wait_pid "$C" 180; RC_=$WRC
unset ENTENTE_SLOW_DOC_MS
if [ "$RB" -eq 0 ] && [ "$RC_" -eq 0 ]; then ok "kill: the other workers finish (exit 0)"
else fail "kill: the other workers finish" "exit 0 and 0" "$RB and $RC_"; logs kill-b.log kill-c.log; fi
RED=$(redelivered_in "$T/kill-b.log" "$T/kill-c.log")
if [ "$RED" -gt 0 ]; then ok "kill: the killed worker's unacknowledged documents were redelivered ($RED)"
else fail "kill: redelivery after the kill" "> 0 redelivered" "$RED"; logs kill-b.log kill-c.log; fi
final_check kill KILL "$DB"

# ---- (d) the same corpus again: every message a duplicate ----
run submit --nats "$URL" --stream KILL "$T/corpus.jsonl"
if [ "$RC" -eq 0 ] && grep -q "0 published, $NDOCS duplicates" "$T/err"; then ok "dup: a second submit queues nothing ($NDOCS duplicates)"
else fail "dup: a second submit queues nothing" "0 published, $NDOCS duplicates" "status $RC: $(shown "$T/err")"; fi
status_json KILL "$DB"
if [ "$(field messages)" = 0 ] && [ "$(field documents)" = "$DISTINCT" ]; then ok "dup: queue empty, store count unchanged"
else fail "dup: queue empty, store count unchanged" "0 messages, $DISTINCT documents" "$(shown "$T/st")"; fi

# ---- (b) restart: nats-server stopped and started while two workers run ----
DB=$(db_for restart)
run submit --nats "$URL" --stream RESTART "$T/corpus.jsonl"
[ "$RC" -eq 0 ] || fail "restart: submit" "status 0" "status $RC: $(shown "$T/err")"
export ENTENTE_SLOW_DOC_MS=3
start_worker restart-a RESTART "$DB"; A=$LAST_PID
start_worker restart-b RESTART "$DB" --jobs 2; B=$LAST_PID
if wait_stored RESTART "$DB" $((DISTINCT / 5)) 60; then
	stop_nats
	sleep 1
	start_nats
	ok "restart: nats-server restarted after $(field documents) documents were stored"
else
	fail "restart: a fifth of the corpus is stored within 60 s" ">= $((DISTINCT / 5))" "$(shown "$T/st")"
fi
wait_pid "$A" 180; RA=$WRC
wait_pid "$B" 180; RB=$WRC
unset ENTENTE_SLOW_DOC_MS
if [ "$RA" -eq 0 ] && [ "$RB" -eq 0 ]; then ok "restart: both workers ride out the restart and finish (exit 0)"
else fail "restart: both workers finish" "exit 0 and 0" "$RA and $RB"; logs restart-a.log restart-b.log nats.log; fi
final_check restart RESTART "$DB"

# ---- (c) poison: one document fails every time ----
DB=$(db_for poison)
head -200 "$T/gen.jsonl" >"$T/small.jsonl"
POISON=$(python3 -c 'import json,sys; print(json.loads(open(sys.argv[1]).readlines()[50])["id"])' "$T/small.jsonl")
status_json POISON
DEAD0=$(field dead_letters)
run submit --nats "$URL" --stream POISON "$T/small.jsonl"
[ "$RC" -eq 0 ] || fail "poison: submit" "status 0" "status $RC: $(shown "$T/err")"
ENTENTE_FAIL_DOC=$POISON start_worker poison POISON "$DB" --max-deliver 3; P=$LAST_PID
wait_pid "$P" 120
if [ "$WRC" -eq 1 ] && grep -q "1 dead-lettered" "$T/poison.log"; then ok "poison: the worker finishes, exit 1, 1 dead-lettered"
else fail "poison: the worker finishes with 1 dead letter" "exit 1, '1 dead-lettered'" "exit $WRC"; logs poison.log; fi
if grep -q "$POISON (delivery 3 of 3): could not be coded.*sent to entente.dead" "$T/poison.log" &&
   [ "$(grep -c "$POISON (delivery [12] of 3).*retry in" "$T/poison.log")" = 2 ]; then
	ok "poison: retried twice with a delay, dead-lettered at the 3rd delivery"
else
	fail "poison: retried, then dead-lettered" "deliveries 1, 2 retried, 3 sent to entente.dead" "$(shown "$T/poison.log")"
fi
status_json POISON "$DB"
if [ "$(field dead_letters)" = $((DEAD0 + 1)) ] && [ "$(field documents)" = 199 ] && [ "$(field messages)" = 0 ]; then
	ok "poison: 1 dead letter, the other 199 documents stored, the queue empty"
else
	fail "poison: dead letter and the rest stored" "dead_letters $((DEAD0 + 1)), 199 documents, 0 messages" "$(shown "$T/st")"
fi
run status --nats "$URL" --stream POISON --db "$DB"
if [ "$RC" -eq 0 ] && grep -q "^dead .*: $((DEAD0 + 1)) documents" "$T/out" && grep -q "199 documents" "$T/out"; then
	ok "status (table) shows the dead letters and the store"
else
	fail "status (table)" "dead letters and documents" "status $RC: $(shown "$T/out")"
fi

# ---- (d) stale: pull requests expire while their messages are on the way ----
DB=$(db_for stale)
head -400 "$T/gen.jsonl" >"$T/stale.jsonl"
STALE_N=$(python3 -c 'import json,sys; print(len({json.loads(l)["text"] for l in open(sys.argv[1])}))' "$T/stale.jsonl")
"$BIN" ingest --db "$T/stale-ref.db" "$T/stale.jsonl" >/dev/null 2>"$T/stale-ref.log"
events_of "$T/stale-ref.db" "$T/stale-ref.events"
run submit --nats "$URL" --stream STALE "$T/stale.jsonl"
[ "$RC" -eq 0 ] || fail "stale: submit" "status 0" "status $RC: $(shown "$T/err")"
export ENTENTE_PULL_MS=3
start_worker stale-a STALE "$DB" --jobs 2; A=$LAST_PID
start_worker stale-b STALE "$DB" --jobs 2; B=$LAST_PID
wait_pid "$A" 120; RA=$WRC
wait_pid "$B" 120; RB=$WRC
unset ENTENTE_PULL_MS
if [ "$RA" -eq 0 ] && [ "$RB" -eq 0 ]; then ok "stale: two workers with 3 ms pulls finish (exit 0)"
else fail "stale: two workers with 3 ms pulls finish" "exit 0 and 0" "$RA and $RB"; logs stale-a.log stale-b.log; fi
status_json STALE "$DB"
if [ "$(field documents)" = "$STALE_N" ] && [ "$(field messages)" = 0 ] && [ "$(field ack_pending)" = 0 ]; then
	ok "stale: every document stored exactly once ($STALE_N), the queue empty"
else
	fail "stale: stored once, queue empty" "$STALE_N documents, 0 messages" "$(shown "$T/st")"
fi
events_of "$DB" "$T/stale.events"
if cmp -s "$T/stale-ref.events" "$T/stale.events"; then ok "stale: events equal those of a single-process ingest"
else fail "stale: events equal a single-process ingest" "$(wc -l <"$T/stale-ref.events") events" "$(wc -l <"$T/stale.events") events"; fi

# ---- SIGTERM: a worker without --exit-when-empty stops gracefully ----
"$BIN" worker --nats "$URL" --stream POISON --db "$DB" >"$T/term.out" 2>"$T/term.log" </dev/null &
W=$!
PIDS+=("$W")
sleep 1
kill -TERM "$W"
wait_pid "$W" 15
if [ "$WRC" -eq 0 ] && grep -q "documents stored" "$T/term.log"; then ok "SIGTERM: the worker stops, exit 0, with its final count"
else fail "SIGTERM stops a worker" "exit 0 and a final count" "exit $WRC: $(shown "$T/term.log")"; fi

finish
