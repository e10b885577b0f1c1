#!/usr/bin/env bash
# test_html.sh: web pages through `entente code` (src/input/html.c). The
# fixtures of tests/fixtures/html are coded with --format brief: the
# events come from the article only (no event from the menu, the related
# links, the scripts or the footer) and are dated by the page's metadata
# (JSON-LD datePublished, article:published_time), which the same page
# without that metadata shows; a page without article text is refused with
# a message naming it while the others are coded (status 1); standard
# input and directories take HTML too.
# usage: bash test_html.sh PATH_TO_ENTENTE SOURCE_DIR
set -euo pipefail

BIN=${1:?usage: test_html.sh ENTENTE_BINARY SOURCE_DIR}
SRC=${2:?usage: test_html.sh ENTENTE_BINARY SOURCE_DIR}
[ -x "$BIN" ] || { echo "not executable: $BIN" >&2; exit 1; }
command -v python3 >/dev/null || { echo "skipped: python3 absent"; exit 77; }
CHECK="$SRC/tests/cli/check_events.py"
F="$SRC/tests/fixtures/html"
FR="$F/fr-hanoi-indonesie.html"
EN="$F/en-tokyo-jakarta-cp1252.html"
NOTEXT="$F/no-article-text.html"

T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

# shared helpers: ok, fail, run, shown, finish
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
check() { python3 "$CHECK" "$@"; }
# runin FILE ARGS...: like run, with FILE as standard input
runin() {
	local in=$1
	shift
	RC=0
	"$BIN" "$@" <"$in" >"$T/out" 2>"$T/err" || RC=$?
}
# field N FILE: the distinct values of field N of the brief lines
field() { cut -d'|' -f"$1" "$2" | sort -u | tr '\n' ' '; }

# ---- the French page: JSON-LD date, noise around the article ----
run code --format brief "$FR"
cp "$T/out" "$T/fr.brief"
if [ "$RC" -eq 0 ] && [ ! -s "$T/err" ]; then
	ok "the French page is coded (status 0, nothing on stderr)"
else
	fail "the French page is coded" "status 0, empty stderr" "status $RC: $(shown "$T/err")"
fi
if grep -qE '^04[0-9]\|VNMGOV\|Bùi Thanh Sơn\|IDNGOV\|Sugiono\|2025-04-17\|Hanoi\|' "$T/fr.brief"; then
	ok "fr: the meeting VNM-IDN in Hanoi on 2025-04-17 (\"jeudi\" of the JSON-LD date)"
else
	fail "fr: the meeting VNM-IDN" "04x|VNMGOV|Bùi Thanh Sơn|IDNGOV|Sugiono|2025-04-17|Hanoi" "$(shown "$T/fr.brief")"
fi
got=$(field 6 "$T/fr.brief")
if [ "$got" = "2025-04-17 " ]; then
	ok "fr: every event is dated 2025-04-17 (JSON-LD, not the byline's <time>, not UTC)"
else
	fail "fr: event dates" "2025-04-17" "$got"
fi
if grep -qE 'RUS|IND|CHN|JPN|CAN|IRN|LAO' "$T/fr.brief"; then
	fail "fr: no event from the menu, scripts, aside, footer, noscript or 'Lire aussi'" \
		"only VNM and IDN" "$(shown "$T/fr.brief")"
else
	ok "fr: no event from the menu, scripts, aside, footer, noscript or 'Lire aussi'"
fi
run code "$FR"
if got=$(check valid "$T/out") && [ "$(check docids "$T/out")" = "fr-hanoi-indonesie" ]; then
	ok "fr: JSON events with doc_id fr-hanoi-indonesie (the file name)"
else
	fail "fr: JSON events" "valid, doc_id fr-hanoi-indonesie" "$(shown "$T/out")"
fi
# without the JSON-LD the byline's <time> (2025-04-16) dates the page
sed '/application\/ld+json/,/<\/script>/d' "$FR" >"$T/fr-nold.html"
run code --format brief "$T/fr-nold.html"
got=$(field 6 "$T/out")
if [ -s "$T/out" ] && [[ "$got" != *2025-04-17* && "$got" != *-\ * ]]; then
	ok "fr without JSON-LD: dated from the <time> of the article instead ($got)"
else
	fail "fr without JSON-LD" "dates other than 2025-04-17, not empty" "$got"
fi

# ---- the English page: Windows-1252, article:published_time only ----
run code --format brief "$EN"
cp "$T/out" "$T/en.brief"
if [ "$RC" -eq 0 ] && [ ! -s "$T/err" ]; then
	ok "the English Windows-1252 page is coded (status 0, nothing on stderr)"
else
	fail "the English page is coded" "status 0, empty stderr" "status $RC: $(shown "$T/err")"
fi
if grep -qE '^04[0-9]\|JPNGOV\|Takeshi Iwaya\|IDNGOV\|Sugiono\|2025-02-03\|Tokyo\|' "$T/en.brief"; then
	ok "en: the meeting JPN-IDN in Tokyo on 2025-02-03 (\"Monday\" of article:published_time)"
else
	fail "en: the meeting JPN-IDN" "04x|JPNGOV|Takeshi Iwaya|IDNGOV|Sugiono|2025-02-03|Tokyo" "$(shown "$T/en.brief")"
fi
got=$(field 6 "$T/en.brief")
if [ "$got" = "2025-02-03 " ]; then
	ok "en: every event is dated 2025-02-03 (the day as written at -05:00)"
else
	fail "en: event dates" "2025-02-03" "$got"
fi
run code "$EN"
if check field "$T/out" sentence | grep -F "Japan’s Foreign Minister Takeshi Iwaya met" >/dev/null; then
	ok "en: the evidence is decoded from Windows-1252 (Japan’s with U+2019)"
else
	fail "en: evidence decoded" "Japan’s Foreign Minister ..." "$(shown "$T/out")"
fi
sed 's/article:published_time/x-none/' "$EN" >"$T/en-nodate.html"
run code --format brief "$T/en-nodate.html"
got=$(field 6 "$T/out")
if [ -s "$T/out" ] && [ "$got" = "- " ]; then
	ok "en without its <meta> date: \"Monday\" stays undated (the date came from the metadata)"
else
	fail "en without its <meta> date" "undated events" "$got"
fi

# ---- a page without article text, among the others ----
cat "$T/en.brief" "$T/fr.brief" >"$T/both.brief"
run code --format brief "$EN" "$NOTEXT" "$FR"
n=$(wc -l <"$T/err")
if [ "$RC" -eq 1 ] && [ "$n" -eq 1 ] &&
	grep -qF "$NOTEXT: HTML page with no article text" "$T/err"; then
	ok "a page without article text is refused: status 1, one message naming it and why"
else
	fail "the page without article text" "status 1, '$NOTEXT: HTML page with no article text'" \
		"status $RC, $n lines: $(shown "$T/err")"
fi
if cmp -s "$T/out" "$T/both.brief"; then
	ok "the other pages are still coded, with the same events as alone"
else
	fail "the other pages are still coded" "$(shown "$T/both.brief")" "$(shown "$T/out")"
fi

# ---- standard input and directories ----
runin "$FR" code --format brief -
if [ "$RC" -eq 0 ] && cmp -s "$T/out" "$T/fr.brief"; then
	ok "a page on standard input is read as HTML (same events as the file)"
else
	fail "a page on standard input" "$(shown "$T/fr.brief")" "status $RC: $(shown "$T/out") $(shown "$T/err")"
fi
mkdir -p "$T/site/old"
cp "$EN" "$T/site/a.htm"
cp "$NOTEXT" "$T/site/b.html"
cp "$FR" "$T/site/old/c.txt" # saved with the wrong extension: its content says HTML
cp "$FR" "$T/site/d.html.bak"  # not taken from a directory
run code --format brief "$T/site"
if [ "$RC" -eq 1 ] && cmp -s "$T/out" "$T/both.brief" && [ "$(wc -l <"$T/err")" -eq 1 ] &&
	grep -qF "$T/site/b.html: HTML page with no article text" "$T/err"; then
	ok "a directory: .htm, .html and a .txt holding HTML are read, the empty page refused"
else
	fail "a directory of pages" "status 1, en and fr events, b.html refused" \
		"status $RC: $(shown "$T/out") / $(shown "$T/err")"
fi

finish
