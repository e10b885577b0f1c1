#!/usr/bin/env bash
# test_suites.sh: `entente eval --suite plover|petr2 FILE` on our own small
# files (tests/fixtures/suites), its refusals of bad input, then on the
# peers' gold-standard suites in ../shared/peers (their figures are
# printed; skipped with a message where ../shared is absent). Only
# structural facts and floors of recall and precision (below the figures reached, so that
# a regression fails) are asserted.
# usage: bash test_suites.sh ENTENTE_BINARY SOURCE_DIR
set -euo pipefail

BIN=${1:?usage: test_suites.sh ENTENTE_BINARY SOURCE_DIR}
SRC=${2:?usage: test_suites.sh ENTENTE_BINARY SOURCE_DIR}
[ -x "$BIN" ] || { echo "not executable: $BIN" >&2; exit 1; }
command -v python3 >/dev/null || { echo "skipped: python3 absent"; exit 77; }
SHARED=${ENT_SHARED:-$SRC/../shared}
FIX="$SRC/tests/fixtures/suites"
PLOVER="$SHARED/peers/PLOVER/PLOVER_GSR_CAMEO.txt"
PETR2="$SHARED/peers/UniversalPetrarch/data_text/PETR2_GSR_validation.xml"

T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
# shared helpers: ok, fail, run, shown, finish
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
SKIPPED=0

# check_json NAME FILE PY_EXPR...: each Python expression, over the JSON
# object `j` of FILE, must be true.
check_json() {
	local name=$1 file=$2
	shift 2
	local bad
	if bad=$(python3 - "$file" "$@" <<'EOF'
import json, sys
j = json.load(open(sys.argv[1]))
lv = j["levels"]
bad = [e for e in sys.argv[2:] if not eval(e)]
print("; ".join(bad))
sys.exit(1 if bad else 0)
EOF
	); then
		ok "$name"
	else
		fail "$name" "all of: $*" "false: $bad"
	fi
}

# The invariants of any run's JSON.
STRUCT=(
	'all(0 <= lv[k][m] <= 1 for k in lv for m in ("recall", "precision") if lv[k][m] is not None)'
	'lv["root"]["gold_hit"] >= lv["root_pair"]["gold_hit"] >= lv["root_countries"]["gold_hit"]'
	'all(lv[k]["engine_hit"] <= lv[k]["engine_keys"] for k in lv)'
	'sum(j["misses"].values()) == j["gold_events"] - lv["root_countries"]["gold_hit"]'
	'sum(r["gold"] for r in j["roots"].values()) == j["gold_events"]'
	'j["extra"] == lv["root_countries"]["engine_keys"] - lv["root_countries"]["engine_hit"]'
	'j["recall"] == lv["root_countries"]["recall"]'
)

# ---- our fixtures ----
run eval --suite petr2 --json "$FIX/petr2-mini.xml"
if [ "$RC" -eq 0 ]; then
	ok "eval --suite petr2 on our fixture exits 0"
	cp "$T/out" "$T/mini.json"
	check_json "petr2 fixture: 4 records, 1 skipped, 3 gold events (reciprocals merged, root 01 left out)" \
		"$T/mini.json" 'j["suite"] == "petr2"' 'j["records"] == 4' 'j["skipped"] == 1' \
		'j["gold_events"] == 3' 'j["gold_root01_ignored"] == 1' "${STRUCT[@]}"
else
	fail "eval --suite petr2 fixture" "status 0" "status $RC: $(shown "$T/err")"
fi
if grep -q 'sentence MINI_3: date="190307" is not YYYYMMDD' "$T/err"; then
	ok "a date that is not YYYYMMDD is noted on stderr"
else
	fail "note for MINI_3's date" "a note on stderr" "$(shown "$T/err")"
fi
run eval --suite plover --json "$FIX/plover-mini.json"
if [ "$RC" -eq 0 ]; then
	ok "eval --suite plover on our fixture exits 0"
	cp "$T/out" "$T/mini.json"
	check_json "plover fixture: 7 records, 8 gold events, PLOVER types as roots" \
		"$T/mini.json" 'j["suite"] == "plover"' 'j["records"] == 7' 'j["skipped"] == 1' \
		'j["gold_events"] == 8' 'j["code_accuracy"] is None' \
		'j["categories"]["FIGHT"] == {"roots": ["18", "19", "20"], "main": "19"}' \
		'j["categories"]["DEMAND"]["roots"] == ["10"]' "${STRUCT[@]}"
else
	fail "eval --suite plover fixture" "status 0" "status $RC: $(shown "$T/err")"
fi
run eval --suite plover --per-doc "$FIX/plover-mini.json"
if [ "$RC" -eq 0 ] && grep -q '^MINI-FIGHT-0001	gold 1	' "$T/out" &&
	grep -qE '^	(hit   |missed) FIGHT\(19\) ETH<>ERI' "$T/out" &&
	grep -qE '^root\+countries: recall [01]\.[0-9]{3} precision ([01]\.[0-9]{3}|-) over 7 records$' "$T/out"; then
	ok "--per-doc lists each record's gold events, then the figures and the headline"
else
	fail "--per-doc" "a block per record and the headline" "status $RC: $(shown "$T/out")"
fi

# ---- refusals ----
sed 's/<Text>Rain fell/<Txt>Rain fell/' "$FIX/petr2-mini.xml" >"$T/broken.xml"
run eval --suite petr2 "$T/broken.xml"
if [ "$RC" -eq 1 ] && grep -qE "broken\.xml:3[0-9]: not well-formed XML in the <Sentence> record of line 30" "$T/err"; then
	ok "a malformed record is refused with FILE:LINE, exit 1"
else
	fail "malformed PETR2 record" "exit 1, 'broken.xml:LINE: not well-formed XML'" "status $RC: $(shown "$T/err")"
fi
printf '[{"id": "x", "event": "AGREE", "text": "y", "source": {"code": "USA"}}]\n' >"$T/bad.json"
run eval --suite plover "$T/bad.json"
if [ "$RC" -eq 1 ] && grep -q 'bad.json: record 1 (x): "source" must be a list' "$T/err"; then
	ok "a bad PLOVER record is refused with its position and id, exit 1"
else
	fail "bad PLOVER record" "exit 1 naming record 1 (x)" "status $RC: $(shown "$T/err")"
fi
run eval --suite plover "$FIX/petr2-mini.xml"
if [ "$RC" -eq 1 ] && grep -q 'petr2-mini.xml:1:1: not JSON' "$T/err"; then
	ok "the wrong kind of file is refused (exit 1)"
else
	fail "XML given as PLOVER" "exit 1, 'not JSON'" "status $RC: $(shown "$T/err")"
fi
run eval --suite plover "$T/nonexistent.json"
if [ "$RC" -eq 1 ] && grep -q 'nonexistent.json' "$T/err"; then
	ok "a missing file is named (exit 1)"
else
	fail "missing file" "exit 1 naming it" "status $RC: $(shown "$T/err")"
fi
run eval --suite cameo "$FIX/plover-mini.json"
if [ "$RC" -eq 2 ] && grep -q -- '--suite must be plover or petr2, not "cameo"' "$T/err"; then
	ok "an unknown suite is a usage error (exit 2)"
else
	fail "unknown suite" "exit 2" "status $RC: $(shown "$T/err")"
fi
run eval --suite plover
if [ "$RC" -eq 2 ] && grep -q -- '--suite takes one FILE' "$T/err"; then
	ok "--suite without FILE is a usage error (exit 2)"
else
	fail "--suite without FILE" "exit 2" "status $RC: $(shown "$T/err")"
fi
run eval --help
if [ "$RC" -eq 0 ] && grep -q -- '--suite plover|petr2' "$T/out"; then
	ok "eval --help tells about --suite"
else
	fail "eval --help" "--suite plover|petr2" "$(shown "$T/out")"
fi

# ---- the peers' suites ----
# suite NAME FILE FLOOR EXPECTED_RECORDS_PY PFLOOR: run it, print its
# figures, check the structure, the record count and the floors of recall
# and precision on root and countries.
suite() {
	local name=$1 file=$2 floor=$3 records=$4 pfloor=$5
	run eval --suite "$name" "$file"
	if [ "$RC" -ne 0 ]; then
		fail "eval --suite $name $file" "status 0" "status $RC: $(shown "$T/err")"
		return
	fi
	sed 's/^/  /' "$T/out"
	sed 's/^/  stderr: /' "$T/err"
	local text_recall
	text_recall=$(sed -n 's/^root+countries: recall \([0-9.]*\) .*/\1/p' "$T/out")
	run eval --suite "$name" --json "$file"
	if [ "$RC" -ne 0 ]; then
		fail "eval --suite $name --json" "status 0" "status $RC: $(shown "$T/err")"
		return
	fi
	cp "$T/out" "$T/$name.json"
	check_json "$name: structure, $records, recall on root+countries >= $floor, precision >= $pfloor" "$T/$name.json" \
		"j[\"records\"] == $records" 'j["gold_events"] >= 1' "${STRUCT[@]}" \
		"lv[\"root_countries\"][\"recall\"] >= $floor" \
		"lv[\"root_countries\"][\"precision\"] >= $pfloor" \
		"abs(lv[\"root_countries\"][\"recall\"] - float(\"${text_recall:-nan}\")) < 0.0006"
}

if [ -f "$PLOVER" ]; then
	n=$(python3 -c 'import json,sys; print(sum(r.get("event") != "DOCUMENT" for r in json.load(open(sys.argv[1]))))' "$PLOVER")
	suite plover "$PLOVER" 0.75 "$n" 0.83
	check_json "plover: every record gives a gold event; 18 PLOVER types" "$T/plover.json" \
		'j["gold_events"] >= j["records"]' 'len(j["categories"]) == 18' \
		'j["code_accuracy"] is None'
else
	echo "skipped: $PLOVER absent (PLOVER suite)"
	SKIPPED=$((SKIPPED + 1))
fi
if [ -f "$PETR2" ]; then
	n=$(python3 -c '
import re, sys
s = open(sys.argv[1], encoding="utf-8").read()
s = s[s.index("<Sentences>"):]
print(sum("evaluate=\"false\"" not in t for t in re.findall(r"<Sentence\s[^>]*>", s)))' "$PETR2")
	suite petr2 "$PETR2" 0.57 "$n" 0.67
	check_json "petr2: full-code accuracy is given" "$T/petr2.json" \
		'j["code_accuracy"] is None or 0 <= j["code_accuracy"] <= 1' \
		'j["code_accuracy"] is not None or lv["root_countries"]["gold_hit"] == 0'
else
	echo "skipped: $PETR2 absent (PETRARCH-2 suite)"
	SKIPPED=$((SKIPPED + 1))
fi

echo "$SKIPPED skipped"
finish
