#!/usr/bin/env bash
# test_same_answers.sh: the query commands and the HTTP API give the same
# answers on SQLite and on PostgreSQL for the same corpus.
# usage: bash test_same_answers.sh PATH_TO_ENTENTE SOURCE_DIR
#
# Starts a throwaway PostgreSQL (pg-start.sh; exit 77 when it is not
# installed), ingests samples/ (and ../shared/seeds when present) into a
# SQLite file and into PostgreSQL in the same order (so that ids are the
# same), then compares byte for byte: `events --format jsonl` under many
# filters, `pairs --format csv`, `relations`, `timeline`, and the HTTP API
# of `entente serve --db FILE` against `--db postgresql://...`. Search
# ranks differ (FTS5 bm25 against ts_rank) and so do snippets: for search
# only the set of documents and their event counts are compared.
# Then (c): two concurrent ingests of overlapping halves of the corpus into
# a fresh PostgreSQL database end with every document stored once and the
# same events and merged events as the single SQLite ingest.
set -uo pipefail

BIN=${1:?usage: test_same_answers.sh ENTENTE_BINARY SOURCE_DIR}
SRC=${2:?usage: test_same_answers.sh ENTENTE_BINARY SOURCE_DIR}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
command -v python3 >/dev/null || { echo "skipped: python3 absent"; exit 77; }
command -v curl >/dev/null || { echo "skipped: curl absent"; exit 77; }

T=$(mktemp -d "${TMPDIR:-/tmp}/entsame.XXXXXX")
PIDS=()
cleanup() {
	for p in "${PIDS[@]}"; do kill -9 "$p" 2>/dev/null || true; done
	bash "$HERE/pg-stop.sh" "$T/pg"
	rm -rf "$T"
}
trap cleanup EXIT
chmod 755 "$T" # the server may run as the postgres user
mkdir "$T/pg"
PG=$(bash "$HERE/pg-start.sh" "$T/pg")
rc=$?
[ $rc -eq 0 ] || exit $rc
PGBASE=${PG%/*}

. "$SRC/tests/cli/lib.sh"
SQ="$T/a.db"

# `entente <query command>` and `serve` check that a --db FILE exists
# before opening it; until they let URLs through, an empty file at the
# URL's path (relative to $T, where the commands run) satisfies the check.
url_stub() { mkdir -p "$T/$(dirname "$1")" && : >"$T/$1"; }
url_stub "$PG"

CORPUS=("$SRC/samples")
[ -d "$SRC/../shared/seeds" ] && CORPUS+=("$SRC/../shared/seeds")

cd "$T" || exit 1
"$BIN" ingest --db "$SQ" "${CORPUS[@]}" >/dev/null 2>"$T/ing1.err" || { cat "$T/ing1.err"; exit 1; }
"$BIN" ingest --db "$PG" "${CORPUS[@]}" >/dev/null 2>"$T/ing2.err" || { cat "$T/ing2.err"; exit 1; }

same() { # same NAME ARGS...: the command's output and status on both
	local name=$1
	shift
	"$BIN" "$@" --db "$SQ" >"$T/s.out" 2>"$T/s.err"
	local rs=$?
	"$BIN" "$@" --db "$PG" >"$T/p.out" 2>"$T/p.err"
	local rp=$?
	# a command both backends refuse answers nothing: that is no check
	if [ $rs -eq 0 ] && [ $rp -eq 0 ] && cmp -s "$T/s.out" "$T/p.out"; then
		ok "$name: same answer ($(wc -l <"$T/s.out") lines, status $rs)"
	else
		fail "$name" "status $rs, $(head -c 300 "$T/s.out")" \
			"status $rp, $(diff "$T/s.out" "$T/p.out" | head -5) $(head -c 300 "$T/p.err")"
	fi
}

for f in "" "--country VNM" "--country FRA" "--pair VNM,RUS" "--pair RUS,VNM" \
	"--since 2025-05" "--until 2025-05" "--since 2024 --until 2025-06-30" \
	"--code 04" "--code 057" "--sector energy" "--sector trade" "--merged" \
	"--newest" "--merged --newest" "--merged --country VNM" "--all" \
	"--limit 5" "--limit 3 --merged"; do
	# shellcheck disable=SC2086
	same "events $f" events --format jsonl $f
done
same "pairs --format csv" pairs --format csv
same "pairs --since 2025" pairs --format csv --since 2025
same "relations VNM RUS" relations VNM RUS --format json
same "relations VNM" relations VNM --format json
same "timeline VNM RUS" timeline VNM RUS --format json
same "timeline VNM RUS --by week" timeline VNM RUS --format json --by week

# search: the documents found and their events, not ranks nor snippets
docset() {
	python3 -c 'import json,sys
d=json.load(open(sys.argv[1]))
hits=d if isinstance(d,list) else d.get("hits",d.get("results",[]))
def n(e): return len(e) if isinstance(e,list) else e
print(sorted((h["doc_id"],n(h.get("events"))) for h in hits))' "$1"
}
for q in visa Hanoi "\"visite d'État\"" Moscou; do
	"$BIN" search "$q" --format json --db "$SQ" >"$T/s.json" 2>&1
	"$BIN" search "$q" --format json --db "$PG" >"$T/p.json" 2>&1
	ds=$(docset "$T/s.json")
	if [ "$ds" = "$(docset "$T/p.json")" ]; then
		ok "search $q: same documents (${ds:0:100})"
	else
		fail "search $q" "$(docset "$T/s.json")" "$(docset "$T/p.json")"
	fi
done

# ---- the HTTP API ----
serve() { # serve DB: starts the server, sets PORT
	: >"$T/serve.err"
	"$BIN" serve --db "$1" --port 0 --web "$SRC/web" 2>>"$T/serve.err" </dev/null &
	PIDS+=($!)
	disown $!
	PORT=""
	for _ in $(seq 100); do
		PORT=$(sed -n 's|^entente serve: http://127.0.0.1:\([0-9]*\)/ .*|\1|p' "$T/serve.err")
		[ -n "$PORT" ] && return 0
		sleep 0.1
	done
	cat "$T/serve.err" >&2
	return 1
}
serve "$SQ" && PS=$PORT
serve "$PG" && PP=$PORT
if [ -n "${PS:-}" ] && [ -n "${PP:-}" ]; then
	for path in "api/events" "api/events?merged=1" "api/events?country=VNM&newest=1" \
		"api/events?pair=VNM,RUS" "api/events?since=2025-05&until=2025-05-31" \
		"api/events?code=04&limit=3&offset=1" "api/events?merged=1&sector=trade" \
		"api/events/1" "api/events/3" "api/merged/1/mentions" "api/relations?a=VNM&b=RUS" \
		"api/relations?a=VNM" "api/timeline?a=VNM&b=RUS" "api/timeline?a=VNM&b=RUS&by=week" \
		"api/actors" "api/actors?code=04" "api/pairs" "api/pairs?country=VNM" "api/sectors" \
		"api/documents/fr-01-vietnam-russie-visite-etat" "api/events/999999"; do
		curl -s -w '\n%{http_code}\n' "http://127.0.0.1:$PS/$path" >"$T/s.http"
		curl -s -w '\n%{http_code}\n' "http://127.0.0.1:$PP/$path" >"$T/p.http"
		if cmp -s "$T/s.http" "$T/p.http"; then
			ok "GET /$path: same answer ($(tail -1 "$T/s.http"))"
		else
			fail "GET /$path" "$(head -c 300 "$T/s.http")" "$(diff "$T/s.http" "$T/p.http" | head -4 | cut -c1-300)"
		fi
	done
else
	fail "serve on both databases" "two servers" "$(cat "$T/serve.err")"
fi

# ---- (c) two concurrent ingests of overlapping corpora ----
mkdir -p "$T/c1" "$T/c2"
n=0
for f in $(find "${CORPUS[@]}" -type f \( -name '*.txt' -o -name '*.jsonl' \) | sort); do
	n=$((n + 1))
	# the first two thirds to one, the last two thirds to the other
	# (in folders of their own: the file name is the doc_id)
	[ $((n % 3)) -ne 2 ] && mkdir -p "$T/c1/$n" && cp "$f" "$T/c1/$n/"
	[ $((n % 3)) -ne 0 ] && mkdir -p "$T/c2/$n" && cp "$f" "$T/c2/$n/"
done
PG2="$PGBASE/entente2"
psql_bin=$(cat "$T/pg/bin")/psql
as=(); [ "$(id -u)" -eq 0 ] && as=(runuser -u postgres --)
"${as[@]}" "$psql_bin" -q "$PGBASE/entente" -c "CREATE DATABASE entente2 TEMPLATE template0 ENCODING 'UTF8'" >/dev/null
url_stub "$PG2"
"$BIN" ingest --db "$PG2" "$T/c1" --batch 7 >/dev/null 2>"$T/c1.err" &
p1=$!
"$BIN" ingest --db "$PG2" "$T/c2" --batch 5 >/dev/null 2>"$T/c2.err" &
p2=$!
wait $p1; r1=$?
wait $p2; r2=$?
if [ $r1 -eq 0 ] && [ $r2 -eq 0 ]; then
	ok "two concurrent ingests into PostgreSQL both succeed"
else
	fail "concurrent ingests" "status 0 and 0" "status $r1 ($(head -c 200 "$T/c1.err")) and $r2 ($(head -c 200 "$T/c2.err"))"
fi
dup=$("${as[@]}" "$psql_bin" -At "$PG2" -c "SELECT count(*) - count(DISTINCT content_hash) FROM documents")
[ "$dup" = "0" ] && ok "every document stored once" || fail "documents stored once" "0 duplicates" "$dup"
# events and merged events, without ids (they depend on the interleaving)
noids() { python3 -c 'import json,sys
rows=[json.loads(l) for l in sys.stdin if l.strip()]
for r in rows: r.pop("id",None)
print("\n".join(sorted(json.dumps(r,sort_keys=True) for r in rows)))'; }
for f in "" "--merged"; do
	# shellcheck disable=SC2086
	"$BIN" events --format jsonl --all $f --db "$SQ" | noids >"$T/s.ev"
	# shellcheck disable=SC2086
	"$BIN" events --format jsonl --all $f --db "$PG2" | noids >"$T/p.ev"
	if [ -s "$T/s.ev" ] && cmp -s "$T/s.ev" "$T/p.ev"; then
		ok "concurrent ingest: events $f equal a single ingest ($(wc -l <"$T/s.ev"))"
	else
		fail "concurrent ingest: events $f" "$(wc -l <"$T/s.ev") rows as SQLite" "$(diff "$T/s.ev" "$T/p.ev" | head -4 | cut -c1-300)"
	fi
done
finish
