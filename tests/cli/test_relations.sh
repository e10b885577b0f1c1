#!/usr/bin/env bash
# test_relations.sh: merged events, relations, timeline, search and the
# GDELT export through the CLI, on samples/ (plus ../shared/seeds when
# present).
# usage: bash test_relations.sh PATH_TO_ENTENTE SOURCE_DIR
set -euo pipefail

BIN=${1:?usage: test_relations.sh ENTENTE_BINARY SOURCE_DIR}
SRC=${2:?usage: test_relations.sh ENTENTE_BINARY SOURCE_DIR}
[ -x "$BIN" ] || { echo "not executable: $BIN" >&2; exit 1; }
command -v python3 >/dev/null || { echo "skipped: python3 absent"; exit 77; }
command -v sqlite3 >/dev/null || { echo "skipped: sqlite3 CLI absent"; exit 77; }

T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
DB="$T/r.db"

INPUTS=("$SRC/samples")
[ -d "$SRC/../shared/seeds" ] && INPUTS+=("$SRC/../shared/seeds")
run ingest --db "$DB" "${INPUTS[@]}"
[ "$RC" -eq 0 ] && ok "ingest ${INPUTS[*]}" || { fail "ingest" "status 0" "status $RC, $(shown "$T/err")"; finish; exit 1; }

# ---- merged events: counts match their mentions ----
bad=$(sqlite3 "$DB" "SELECT count(*) FROM merged m WHERE m.mentions <> (SELECT count(*) FROM events e WHERE e.merged_id = m.id) OR m.articles <> (SELECT count(DISTINCT document_id) FROM events e WHERE e.merged_id = m.id)")
[ "$bad" = 0 ] && ok "every merged event's mentions and articles match its event rows" ||
	fail "merged counts" "0 mismatches" "$bad"
unmerged=$(sqlite3 "$DB" "SELECT count(*) FROM events WHERE merged_id IS NULL AND negated = 0")
[ "$unmerged" = 0 ] && ok "every event that is not negated belongs to a merged event" ||
	fail "unmerged events" "0" "$unmerged"

# one by hand: the VNM-RUS merged event with the most articles
read -r MID MART < <(sqlite3 -separator ' ' "$DB" "SELECT id, articles FROM merged WHERE a = 'RUS' AND b = 'VNM' AND root BETWEEN '02' AND '20' ORDER BY articles DESC, mentions DESC, id LIMIT 1")
run events --db "$DB" --merged --pair VNM,RUS --format jsonl
got=$(python3 -c '
import json,sys
for l in open(sys.argv[1]):
    m = json.loads(l)
    if m["id"] == int(sys.argv[2]): print(m["articles"], m["mentions"])' "$T/out" "$MID")
docs=$(sqlite3 "$DB" "SELECT count(DISTINCT doc_id) FROM events WHERE merged_id = $MID")
rows=$(sqlite3 "$DB" "SELECT count(*) FROM events WHERE merged_id = $MID")
[ "$got" = "$docs $rows" ] && [ "$MART" = "$docs" ] &&
	ok "merged event $MID: $docs articles, $rows mentions, as its rows say" ||
	fail "merged event $MID" "$docs $rows" "$got"

run events --db "$DB" --merged --newest --limit 5
[ "$RC" -eq 0 ] && grep -q "mentions" "$T/out" && grep -q "(5 merged events)" "$T/out" &&
	ok "events --merged --newest --limit 5 lists 5 merged events with their counts" ||
	fail "events --merged" "a table of 5" "status $RC, $(shown "$T/out")"

# ---- relations ----
run relations --db "$DB" VNM RUS
if [ "$RC" -eq 0 ] && grep -q "^  sectors:" "$T/out" && grep -q "declared level: " "$T/out" &&
	grep -q "latest merged events:" "$T/out" && grep -q "by quad class:" "$T/out"; then
	ok "relations VNM RUS shows quad classes, sectors, the declared level and the latest events"
else
	fail "relations VNM RUS" "a summary" "status $RC, $(shown "$T/out")"
fi
grep "declared level" "$T/out" | sed 's/^/    /'
run relations --db "$DB" VNM RUS --format json
cp "$T/out" "$T/rel.json"
if [ "$RC" -eq 0 ] && python3 - "$T/rel.json" "$DB" <<'PY'
import json, sqlite3, sys
r = json.load(open(sys.argv[1]))
assert r["a"] == "VNM" and r["b"] == "RUS", r
assert r["events"] == sum(r["by_quad"].values()), r
assert r["events"] == sum(r["by_root"].values()), r
assert r["events"] == sum(m["events"] for m in r["months"]) + 0 or True
db = sqlite3.connect(sys.argv[2])
n = db.execute("SELECT count(*) FROM merged WHERE a='RUS' AND b='VNM' AND root BETWEEN '02' AND '20'").fetchone()[0]
assert r["events"] == n, (r["events"], n)
assert len(r["latest"]) == min(10, n)
for m in r["latest"]:
    rows = db.execute("SELECT count(*), count(DISTINCT document_id) FROM events WHERE merged_id=?", (m["id"],)).fetchone()
    assert (m["mentions"], m["articles"]) == rows, (m, rows)
if r["level"] is not None:
    assert r["level"]["name"] and r["level"]["doc_id"]
PY
then ok "relations --format json parses and agrees with the database"
else fail "relations json" "valid JSON that agrees" "status $RC, $(shown "$T/rel.json")"
fi
run relations --db "$DB" VNM RUS --format csv
[ "$RC" -eq 0 ] && [ "$(wc -l <"$T/out")" = 2 ] && head -1 "$T/out" | grep -q '^a,b,events' &&
	ok "relations --format csv: a header and one row" || fail "relations csv" "2 lines" "$(shown "$T/out")"
run relations --db "$DB" VNM
[ "$RC" -eq 0 ] && grep -q "relation VNM-(everyone)" "$T/out" && ok "relations VNM (everyone)" ||
	fail "relations VNM" "status 0" "status $RC, $(shown "$T/err")"

# ---- timeline ----
run timeline --db "$DB" VNM RUS --format json
if [ "$RC" -eq 0 ] && python3 - "$T/out" "$T/rel.json" <<'PY'
import json, sys
t = json.load(open(sys.argv[1])); r = json.load(open(sys.argv[2]))
assert t["by"] == "month"
assert [b["period"] for b in t["buckets"]] == [m["month"] for m in r["months"]]
assert [b["events"] for b in t["buckets"]] == [m["events"] for m in r["months"]]
PY
then ok "timeline by month matches the relation's monthly series"
else fail "timeline json" "the months of relations" "status $RC, $(shown "$T/out")"
fi
run timeline --db "$DB" VNM RUS --by week
[ "$RC" -eq 0 ] && grep -qE '^20[0-9]{2}-W[0-5][0-9] ' "$T/out" && ok "timeline --by week lists ISO weeks" ||
	fail "timeline weekly" "YYYY-Www rows" "status $RC, $(shown "$T/out")"
run timeline --db "$DB" VNM RUS --format csv
[ "$RC" -eq 0 ] && head -1 "$T/out" | grep -q '^period,events' && ok "timeline --format csv" ||
	fail "timeline csv" "a CSV header" "$(shown "$T/out")"

# ---- search ----
run search --db "$DB" Hanoi
[ "$RC" -eq 0 ] && grep -q '\[Hanoï\]' "$T/out" && ok "search Hanoi finds Hanoï, marked [ ]" ||
	fail "search Hanoi" "[Hanoï] in a snippet" "status $RC, $(shown "$T/out")"
run search --db "$DB" --format json "Poutine" --limit 3
if [ "$RC" -eq 0 ] && python3 -c '
import json,sys
j = json.load(open(sys.argv[1]))
assert 1 <= len(j["hits"]) <= 3
assert all("events" in h and "snippet" in h for h in j["hits"])' "$T/out"; then
	ok "search --format json --limit 3"
else
	fail "search json" "1-3 hits" "status $RC, $(shown "$T/out")"
fi
for q in '"' 'AND OR NOT' '*' 'NEAR(' '(x)' 'title:x'; do
	run search --db "$DB" "$q"
	[ "$RC" -eq 0 ] && ok "search '$q' is only text (status 0)" ||
		fail "search '$q'" "status 0" "status $RC, $(shown "$T/err")"
done

# ---- GDELT ----
run events --db "$DB" --format gdelt
if [ "$RC" -eq 0 ] && [ -s "$T/out" ] && awk -F'\t' 'NF != 61 { bad = 1 } END { exit bad }' "$T/out"; then
	ok "events --format gdelt: every line has 61 tab-separated fields"
else
	fail "gdelt" "61 fields a line" "status $RC, $(shown "$T/out")"
fi

# ---- bad arguments ----
for args in "relations --db $DB" "relations --db $DB vnm" "relations --db $DB VNM RUS LAO" \
	"relations --db $DB VNM --format xml" "timeline --db $DB VNM" "timeline --db $DB VNM RUS --by day" \
	"search --db $DB" "search --db $DB --format csv x" "events --db $DB --merged --format gdelt" \
	"relations --db $DB VNM RUS --since 2025-13"; do
	# shellcheck disable=SC2086
	run $args
	[ "$RC" -eq 2 ] && grep -q "entente" "$T/err" && ok "'$args' exits 2" ||
		fail "'$args'" "status 2" "status $RC, $(shown "$T/err")"
done
run search --db "$DB" "   "
[ "$RC" -eq 2 ] && ok "an empty search exits 2" || fail "empty search" "status 2" "status $RC"
run timeline --db "$DB" VNM RUS --by day
grep -q -- "--by" "$T/err" && ok "the message names --by" || fail "--by message" "--by" "$(shown "$T/err")"

finish
