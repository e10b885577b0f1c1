#!/usr/bin/env bash
# test_gazetteer.sh: places with coordinates from the gazetteer
# (docs/gazetteer.md): recognised cities, latitude/longitude in the JSON
# Lines export, ENTENTE_GAZETTEER, and a broken gazetteer file. Skipped
# (77) when the build has no gazetteer (no libgeonames-dev).
# usage: bash test_gazetteer.sh PATH_TO_ENTENTE SOURCE_DIR
set -euo pipefail

BIN=${1:?usage: test_gazetteer.sh ENTENTE_BINARY SOURCE_DIR}
SRC=${2:?usage: test_gazetteer.sh ENTENTE_BINARY SOURCE_DIR}
[ -x "$BIN" ] || { echo "not executable: $BIN" >&2; exit 1; }
command -v python3 >/dev/null || { echo "skipped: python3 absent"; exit 77; }

T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

run lexicon check
gz=$(sed -n 's/^gazetteer: //p' "$T/out")
case "$gz" in
"" | none*)
	echo "skipped: this build has no gazetteer ($gz)"
	exit 77
	;;
esac
ok "entente lexicon check names the gazetteer ($gz)"

cat >"$T/a.txt" <<'TXT'
 date 2025-05-10

Le président ouzbek Chavkat Mirziyoyev s'est entretenu avec le Premier ministre vietnamien Phạm Minh Chính à Boukhara le 8 mai.
Le 9 mai, à Hanoï, le Premier ministre Phạm Minh Chính a rencontré le ministre russe des Affaires étrangères Sergueï Lavrov.
TXT

# "PLACE LATITUDE LONGITUDE" per event
places() { python3 -c '
import json, sys
for l in sys.stdin:
    e = json.loads(l)
    print(e["place"], e.get("latitude"), e.get("longitude"))' <"$1"; }

run code "$T/a.txt"
places "$T/out" >"$T/p"
if [ "$RC" -eq 0 ] && grep -Eq '^Bukhara 39\.77[0-9]* 64\.4[0-9]*$' "$T/p"; then
	ok "a city the hand-written places lack (Boukhara) is a place with its coordinates"
else
	fail "Boukhara is a place with coordinates" "Bukhara 39.77... 64.4..." "status $RC: $(shown "$T/p")"
fi
if grep -Eq '^Hanoi 21\.0[0-9]* 105\.8[0-9]*$' "$T/p"; then
	ok "a hand-written place (Hanoï) gets its city's coordinates"
else
	fail "Hanoï has coordinates" "Hanoi 21.0... 105.8..." "$(shown "$T/p")"
fi

ENTENTE_GAZETTEER=none run code "$T/a.txt"
places "$T/out" >"$T/p"
if [ "$RC" -eq 0 ] && ! grep -q Bukhara "$T/p" && grep -q '^Hanoi None None$' "$T/p"; then
	ok "ENTENTE_GAZETTEER=none: hand-written places only, without coordinates"
else
	fail "ENTENTE_GAZETTEER=none" "no Bukhara, Hanoi without coordinates" "status $RC: $(shown "$T/p")"
fi
ENTENTE_GAZETTEER=none run lexicon check
grep -q '^gazetteer: none' "$T/out" &&
	ok "ENTENTE_GAZETTEER=none: lexicon check says there is no gazetteer" ||
	fail "lexicon check without a gazetteer" "'gazetteer: none ...'" "$(shown "$T/out")"

# `entente show` tells a stored event's place with its coordinates
run ingest --db "$T/a.db" "$T/a.txt"
run events --db "$T/a.db" --format jsonl
id=$(python3 -c '
import json, sys
for l in open(sys.argv[1]):
    e = json.loads(l)
    if e["place"] == "Bukhara":
        print(e["id"]); break' "$T/out")
run show --db "$T/a.db" "${id:-0}"
if [ "$RC" -eq 0 ] && grep -Eq '^  place: +Bukhara \(39\.77[0-9]*, 64\.4[0-9]*\)$' "$T/out"; then
	ok "entente show tells the place with its coordinates"
else
	fail "entente show tells the coordinates" "'place:   Bukhara (39.77..., 64.4...)'" "status $RC: $(shown "$T/out")"
fi

# a gazetteer of one line: the engine uses the file it is given
printf '# key\tname\tlang\tenglish_name\tcountry\tlatitude\tlongitude\tpopulation\n' >"$T/g.tsv"
printf 'boukhara\tBoukhara\t*\tBukhara\tUZB\t39.5\t64.5\t1\n' >>"$T/g.tsv"
ENTENTE_GAZETTEER=$T/g.tsv run code "$T/a.txt"
places "$T/out" >"$T/p"
grep -q '^Bukhara 39.5 64.5$' "$T/p" &&
	ok "ENTENTE_GAZETTEER=FILE loads that file" ||
	fail "ENTENTE_GAZETTEER=FILE" "Bukhara 39.5 64.5" "status $RC: $(shown "$T/p")"

printf 'boukhara\tBoukhara\t*\tBukhara\tUZB\t139.5\t64.5\t1\n' >>"$T/g.tsv"
ENTENTE_GAZETTEER=$T/g.tsv run code "$T/a.txt"
if [ "$RC" -eq 1 ] && grep -q "g.tsv:3: latitude" "$T/err"; then
	ok "a bad gazetteer line is refused as FILE:LINE"
else
	fail "a bad gazetteer line" "status 1, 'g.tsv:3: latitude ...'" "status $RC: $(shown "$T/err")"
fi
ENTENTE_GAZETTEER=$T/absent.tsv run code "$T/a.txt"
[ "$RC" -eq 1 ] && grep -q "absent.tsv: cannot open" "$T/err" &&
	ok "a missing ENTENTE_GAZETTEER file is an error naming it" ||
	fail "a missing ENTENTE_GAZETTEER file" "status 1, 'absent.tsv: cannot open'" "status $RC: $(shown "$T/err")"

finish
