#!/usr/bin/env bash
# test_confidence.sh: every event's confidence (docs/confidence.md) and
# `entente code --min-confidence X`.
# usage: bash test_confidence.sh PATH_TO_ENTENTE SOURCE_DIR
set -euo pipefail

BIN=${1:?usage: test_confidence.sh ENTENTE_BINARY SOURCE_DIR}
SRC=${2:?usage: test_confidence.sh ENTENTE_BINARY SOURCE_DIR}
[ -x "$BIN" ] || { echo "not executable: $BIN" >&2; exit 1; }
command -v python3 >/dev/null || { echo "skipped: python3 absent"; exit 77; }

T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# Two events: talks whose sentence names both sides and the date, and an
# agreement whose sides are the talks' ("Les deux parties"), inferred.
cat >"$T/a.txt" <<'TXT'
 date 2025-05-12 Entretien

Le 10 mai, à Moscou, le secrétaire général Tô Lâm s'est entretenu avec le président russe Vladimir Poutine.
Les deux parties ont convenu de renforcer la coopération dans l'énergie.
TXT

# "CODE CONFIDENCE" per event, one a line
confidences() { python3 -c '
import json, sys
for l in sys.stdin:
    e = json.loads(l)
    c = e["confidence"]
    assert isinstance(c, (int, float)) and 0 <= c <= 1, c
    print(e["code"], c)' <"$1"; }

run code "$T/a.txt"
if [ "$RC" -eq 0 ] && confidences "$T/out" >"$T/conf" 2>"$T/perr"; then
	ok "every event has a confidence in [0, 1]"
else
	fail "every event has a confidence in [0, 1]" "status 0, numbers in [0, 1]" "status $RC: $(shown "$T/perr")"
fi
named=$(awk '$1 == "040" {print $2}' "$T/conf")
inferred=$(awk '$1 ~ /^03/ {print $2}' "$T/conf")
if [ -n "$named" ] && [ -n "$inferred" ] &&
	python3 -c "import sys; sys.exit(not ($named >= 0.8 and $inferred <= 0.5))"; then
	ok "named sides and a written date score high ($named), sides inferred from the meeting low ($inferred)"
else
	fail "confidence follows the evidence" "040 >= 0.8, 03x <= 0.5" "$(shown "$T/conf")"
fi
total=$(wc -l <"$T/out")

run code --min-confidence 0.8 "$T/a.txt"
kept=$(wc -l <"$T/out")
if [ "$RC" -eq 0 ] && [ "$kept" -ge 1 ] && [ "$kept" -lt "$total" ] &&
	confidences "$T/out" | awk '$2 < 0.8 {bad = 1} END {exit bad}'; then
	ok "--min-confidence 0.8 keeps the events of 0.8 or more ($kept of $total)"
else
	fail "--min-confidence 0.8 filters" "1 to $((total - 1)) events, all >= 0.8" "status $RC, $kept: $(shown "$T/out")"
fi

run code --min-confidence=0 "$T/a.txt"
[ "$RC" -eq 0 ] && [ "$(wc -l <"$T/out")" -eq "$total" ] &&
	ok "--min-confidence=0 keeps every event" ||
	fail "--min-confidence=0 keeps every event" "$total events" "status $RC, $(wc -l <"$T/out")"

run code --min-confidence 1 --format brief "$T/a.txt"
[ "$RC" -eq 0 ] && [ ! -s "$T/out" ] &&
	ok "--min-confidence 1 with --format brief leaves out every event below 1" ||
	fail "--min-confidence 1" "status 0, no event" "status $RC: $(shown "$T/out")"

run code --min-confidence 0.8 --format brief "$T/a.txt"
if [ "$RC" -eq 0 ] && grep -q '^040|VNMPTY' "$T/out" && ! grep -q '^03' "$T/out"; then
	ok "--min-confidence applies to --format brief"
else
	fail "--min-confidence applies to --format brief" "the 040 line only" "$(shown "$T/out")"
fi

for bad in abc 1.5 -0.1 "" nan inf 0.5x; do
	run code --min-confidence "$bad" "$T/a.txt"
	if [ "$RC" -eq 2 ] && grep -q -- '--min-confidence' "$T/err" && [ ! -s "$T/out" ]; then
		ok "--min-confidence '$bad' is a usage error (status 2) naming the option"
	else
		fail "--min-confidence '$bad' is refused" "status 2, '--min-confidence' on stderr" \
			"status $RC: $(shown "$T/err")"
	fi
done

run code "$T/a.txt" --min-confidence
[ "$RC" -eq 2 ] && grep -q -- '--min-confidence' "$T/err" &&
	ok "--min-confidence without a value is a usage error" ||
	fail "--min-confidence without a value" "status 2" "status $RC: $(shown "$T/err")"

run code --help
grep -q -- '--min-confidence X' "$T/out" &&
	ok "entente code --help tells about --min-confidence" ||
	fail "entente code --help tells about --min-confidence" "'--min-confidence X'" "$(shown "$T/out")"

finish
