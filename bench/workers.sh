#!/usr/bin/env bash
# bench/workers.sh: throughput of the work queue: 1 and 2 `entente worker`
# processes coding the same queued corpus into one database.
#
#   bench/workers.sh                       20 MB corpus, SQLite
#   bench/workers.sh --mb 5                smaller corpus
#   bench/workers.sh --db postgresql://... the same against PostgreSQL (an
#                                          empty database; emptied by you
#                                          between the 1- and 2-worker runs:
#                                          see --db2)
#   bench/workers.sh --db2 URL             the database of the 2-worker run
#   bench/workers.sh --jobs N --batch N    passed to each worker
#
# For each run it starts a fresh nats-server (JetStream, 127.0.0.1, a free
# port, a temporary store folder), submits the corpus (not timed), then
# times the workers from their start until the last one exits
# (--exit-when-empty), and prints documents/s and sentences/s (sentences:
# the workers' own counts, summed). Every command is printed first with
# "+". Builds build-release/entente if it is missing (BUILD_DIR=...).
# Needs nats-server (scripts/setup.sh), python3.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

MB=20
SEED=1
JOBS=1
BATCH=50
DB=""
DB2=""
BUILD_DIR=${BUILD_DIR:-build-release}
CACHE=${BENCH_CACHE:-bench/.cache}

usage() { sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
	case "$1" in
	--mb) MB=${2:?}; shift ;;
	--seed) SEED=${2:?}; shift ;;
	--jobs) JOBS=${2:?}; shift ;;
	--batch) BATCH=${2:?}; shift ;;
	--db) DB=${2:?}; shift ;;
	--db2) DB2=${2:?}; shift ;;
	-h|--help) usage; exit 0 ;;
	*) echo "bench/workers.sh: unknown argument $1" >&2; usage >&2; exit 2 ;;
	esac
	shift
done

NATS_SERVER=$(command -v nats-server || echo /usr/sbin/nats-server)
[ -x "$NATS_SERVER" ] || { echo "bench/workers.sh: nats-server is not installed (scripts/setup.sh)" >&2; exit 1; }

BIN=$BUILD_DIR/entente
if [ ! -x "$BIN" ]; then
	echo "+ cmake -S . -B $BUILD_DIR -DCMAKE_BUILD_TYPE=Release && cmake --build $BUILD_DIR --target entente-cli"
	cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release >/dev/null
	cmake --build "$BUILD_DIR" --target entente-cli -j"$(nproc)" >/dev/null
fi

mkdir -p "$CACHE"
CORPUS=$CACHE/corpus-${MB}mb-seed${SEED}.jsonl
if [ ! -s "$CORPUS" ]; then
	echo "+ python3 bench/gen-corpus.py --mb $MB --seed $SEED --out $CORPUS"
	python3 bench/gen-corpus.py --mb "$MB" --seed "$SEED" --out "$CORPUS"
fi

T=$(mktemp -d)
NATS_PID=""
WPIDS=()
cleanup() {
	for p in "${WPIDS[@]}"; do kill -9 "$p" 2>/dev/null || true; done
	[ -n "$NATS_PID" ] && kill "$NATS_PID" 2>/dev/null && wait "$NATS_PID" 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# run N DB: one measurement with N worker processes
run() {
	local n=$1 db=$2 port
	port=$(free_port)
	rm -rf "$T/js"
	echo "+ $NATS_SERVER -js -a 127.0.0.1 -p $port -sd $T/js &"
	"$NATS_SERVER" -js -a 127.0.0.1 -p "$port" -sd "$T/js" >"$T/nats.log" 2>&1 &
	NATS_PID=$!
	for _ in $(seq 100); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
	local url=nats://127.0.0.1:$port
	echo "+ $BIN submit --nats $url $CORPUS"
	"$BIN" submit --nats "$url" "$CORPUS" 2>&1 | tail -1
	local cmd="$BIN worker --nats $url --db $db --jobs $JOBS --batch $BATCH --exit-when-empty"
	WPIDS=()
	local t0 t1
	t0=$(date +%s.%N)
	for i in $(seq "$n"); do
		echo "+ $cmd 2>$T/w$i.log &"
		$cmd 2>"$T/w$i.log" &
		WPIDS+=($!)
	done
	local rc=0
	for p in "${WPIDS[@]}"; do wait "$p" || rc=$?; done
	t1=$(date +%s.%N)
	WPIDS=()
	for i in $(seq "$n"); do tail -1 "$T/w$i.log" | sed 's/^/  /'; done
	[ "$rc" -eq 0 ] || { echo "bench/workers.sh: a worker failed (status $rc)" >&2; exit 1; }
	kill "$NATS_PID"; wait "$NATS_PID" 2>/dev/null || true; NATS_PID=""
	python3 - "$n" "$t0" "$t1" "$T"/w*.log <<'EOF'
import re, sys
n, t0, t1 = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
docs = sents = 0
for f in sys.argv[4:]:
    last = open(f).read().strip().splitlines()[-1]
    m = re.search(r"(\d+) documents stored .* (\d+) sentences,", last)
    docs += int(m.group(1)); sents += int(m.group(2))
secs = t1 - t0
print(f"RESULT workers={n} documents={docs} sentences={sents} seconds={secs:.2f} "
      f"documents/s={docs/secs:.0f} sentences/s={sents/secs:.0f}")
EOF
	rm -f "$T"/w*.log
}

if [ -z "$DB" ]; then DB=$T/one.db; DB2=$T/two.db; fi
[ -n "$DB2" ] || DB2=$DB
echo "# corpus $CORPUS ($(wc -l <"$CORPUS") documents), --jobs $JOBS --batch $BATCH"
run 1 "$DB"
if [ "$DB2" = "$DB" ] && [[ "$DB" != *://* ]]; then rm -f "$DB" "$DB"-wal "$DB"-shm; fi
run 2 "$DB2"
