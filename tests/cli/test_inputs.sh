#!/usr/bin/env bash
# test_inputs.sh: what `entente code` reads and what it refuses.
# Refused inputs (empty, white space only, binary, invalid UTF-8, too large,
# missing, bad JSON Lines) are each named on stderr while the good documents
# are still coded, and the run ends with status 1.
# usage: bash test_inputs.sh PATH_TO_ENTENTE SOURCE_DIR
set -euo pipefail

BIN=${1:?usage: test_inputs.sh ENTENTE_BINARY SOURCE_DIR}
SRC=${2:?usage: test_inputs.sh ENTENTE_BINARY SOURCE_DIR}
[ -x "$BIN" ] || { echo "not executable: $BIN" >&2; exit 1; }
command -v python3 >/dev/null || { echo "skipped: python3 absent"; exit 77; }
CHECK="$SRC/tests/cli/check_events.py"

T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

# shared helpers: ok, fail, run, shown, finish
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
check() { python3 "$CHECK" "$@"; }

# run ARGS... [< input]: like lib.sh's, but standard input is the caller's
run() {
	RC=0
	"$BIN" "$@" >"$T/out" 2>"$T/err" || RC=$?
}
# errlines PATTERN: number of stderr lines matching the fixed string
errlines() { grep -cF -- "$1" "$T/err" || true; }

# A French article that certainly yields a meeting (root 04) between
# Vietnam and Russia.
SENT="Le 3 mars, à Hanoï, le Premier ministre vietnamien Phạm Minh Chính a reçu le ministre russe des Affaires étrangères Sergueï Lavrov."
printf '%s\n' "$SENT" >"$T/good.txt"

# ---- the good article alone ----
run code "$T/good.txt"
if [ "$RC" -ne 0 ]; then
	fail "the good article is coded" "status 0" "status $RC, stderr: $(shown "$T/err")"
	echo "$PASS passed, $FAIL failed"
	exit 1
fi
ok "entente code on a good article exits 0"
if [ -s "$T/err" ]; then
	fail "a good article gives no message" "empty stderr" "$(shown "$T/err")"
else
	ok "a good article gives no message on stderr"
fi
if got=$(check has "$T/out" good 04 VNM RUS); then
	ok "the good article yields a root 04 event between VNM and RUS"
else
	fail "the good article yields a root 04 event between VNM and RUS" "code 04x, VNM-RUS" "$got"
fi
if got=$(check valid "$T/out"); then
	ok "every line of the output is a JSON event with all the fields"
else
	fail "JSON Lines output" "valid JSON events" "$got"
fi
cp "$T/out" "$T/good.jsonl"
GOOD_EVENTS=$(check count "$T/good.jsonl")
[ "$GOOD_EVENTS" -ge 1 ] || fail "the good article has events" ">= 1" "$GOOD_EVENTS"
src=$(check field "$T/good.jsonl" sentence | head -1)
if [[ "$src" == *"Lavrov"* || "$src" == *"Hanoï"* || "$src" == *"reçu"* ]]; then
	ok "the event's sentence is the evidence from the article"
else
	fail "evidence sentence" "a part of the article's sentence" "$src"
fi

# ---- bad inputs, one at a time, each next to the good article ----
: >"$T/empty.txt"
printf '  \n\t\n\r\n   \n' >"$T/blank.txt"
printf 'Le ministre a re\xc3\xa7u\x00\x00\x01\x02 son homologue.\n' >"$T/binary.txt"
# valid UTF-8 up to byte 16, then a lone continuation byte
printf 'Hanoï reçoit\n\x80 Lavrov.\n' >"$T/badutf8.txt"
BAD_OFFSET=$(printf 'Hanoï reçoit\n' | wc -c)
# an overlong encoding and a truncated sequence at the end
printf '\xc0\xaf abc' >"$T/overlong.txt"
printf '%s \xe2\x82' "$SENT" >"$T/truncated.txt"
TRUNC_OFFSET=$(($(printf '%s ' "$SENT" | wc -c)))
# 16 MiB + 1 byte of text
head -c $((16 * 1024 * 1024 + 1)) < <(yes "$SENT") >"$T/big.txt"
# exactly 16 MiB is still accepted by the size check (not tested for events:
# it would take long to code); see the limit test below.

bad_case() { # DESCRIPTION FILE WORD...: FILE is refused with a message naming it and WORDs
	local d=$1 f=$2
	shift 2
	run code "$f" "$T/good.txt"
	local lines
	lines=$(errlines "$f")
	if [ "$RC" -ne 1 ]; then
		fail "$d: exit status" "1" "$RC, stderr: $(shown "$T/err")"
		return
	fi
	if [ "$lines" -ne 1 ]; then
		fail "$d: one message naming $f" "1 stderr line with the path" "$lines: $(shown "$T/err")"
		return
	fi
	for w in "$@"; do
		if ! grep -F -- "$f" "$T/err" | grep -qiF -- "$w"; then
			fail "$d: the message says '$w'" "'$w' in the message" "$(shown "$T/err")"
			return
		fi
	done
	if ! cmp -s "$T/out" "$T/good.jsonl"; then
		fail "$d: the good article is still coded" "the same events as alone" "$(shown "$T/out")"
		return
	fi
	ok "$d: refused (status 1, message naming it), the good article still coded"
}
bad_case "an empty file" "$T/empty.txt" "empty"
bad_case "a file of white space only" "$T/blank.txt" "empty"
bad_case "a binary file (NUL bytes)" "$T/binary.txt" "binary"
bad_case "invalid UTF-8" "$T/badutf8.txt" "UTF-8" "byte $BAD_OFFSET"
bad_case "an overlong UTF-8 encoding" "$T/overlong.txt" "UTF-8" "byte 0"
bad_case "a truncated UTF-8 sequence at the end" "$T/truncated.txt" "UTF-8" "byte $TRUNC_OFFSET"
bad_case "a file larger than 16 MiB" "$T/big.txt" "limit"
bad_case "a missing path" "$T/no-such-file.txt" "cannot read"

# the good article first, then the bad one: the order does not matter
run code "$T/good.txt" "$T/binary.txt"
if [ "$RC" -eq 1 ] && cmp -s "$T/out" "$T/good.jsonl" && [ "$(errlines "$T/binary.txt")" -eq 1 ]; then
	ok "a refused input after the good article: same events, status 1"
else
	fail "good then binary" "status 1, good's events, one message" "status $RC, stderr: $(shown "$T/err")"
fi

# ---- all refused inputs in one run ----
cat >"$T/docs.jsonl" <<JSONL
{"id": "j-good-1", "text": "$SENT", "date": "2025-03-09"}
this is not JSON
{"id": "j-no-text", "title": "Sans texte", "date": "2025-03-09"}
{"id": "j-bad-date", "text": "$SENT", "date": "9 mars 2025"}

{"id": "j-good-2", "text": "$SENT", "lang": "fr"}
{"id": "j-empty", "text": "   "}
{"id": "j-bad-month", "text": "$SENT", "date": "2025-13-01"}
["an", "array"]
{"id": 42, "text": "$SENT"}
JSONL
run code "$T/empty.txt" "$T/blank.txt" "$T/binary.txt" "$T/badutf8.txt" "$T/big.txt" \
	"$T/no-such-file.txt" "$T/docs.jsonl" "$T/good.txt"
if [ "$RC" -eq 1 ]; then
	ok "a run with refused inputs ends with status 1"
else
	fail "a run with refused inputs" "status 1" "status $RC"
fi
for f in empty.txt blank.txt binary.txt badutf8.txt big.txt no-such-file.txt; do
	n=$(errlines "$T/$f")
	[ "$n" -eq 1 ] && ok "stderr names $f once" ||
		fail "stderr names $f once" "1 line" "$n: $(shown "$T/err")"
done
for spec in "2:JSON" "3:text" "4:date" "7:empty" "8:date" "9:object"; do
	line=${spec%%:*} word=${spec#*:}
	if grep -F -- "$T/docs.jsonl:$line:" "$T/err" | grep -qiF -- "$word"; then
		ok "stderr names docs.jsonl line $line ($word)"
	else
		fail "stderr names docs.jsonl line $line" "'$T/docs.jsonl:$line: ...$word...'" "$(shown "$T/err")"
	fi
done
n=$(wc -l <"$T/err")
if [ "$n" -eq 12 ]; then
	ok "one stderr line per refused input (12), none for the good ones"
else
	fail "one stderr line per refused input" "12 lines" "$n: $(shown "$T/err")"
fi
if grep -qE 'docs.jsonl:(1|5|6|10):' "$T/err"; then
	fail "good JSON lines are not refused" "no message for lines 1, 6, 10" "$(shown "$T/err")"
else
	ok "good JSON lines (1, 6, 10) and the blank line (5) give no message"
fi
got=$(check docids "$T/out" | tr '\n' ' ')
if [ "$got" = "42 good j-good-1 j-good-2 " ]; then
	ok "the good documents are coded: good, j-good-1, j-good-2, 42 (numeric id)"
else
	fail "the good documents are coded" "doc_ids 42 good j-good-1 j-good-2" "$got"
fi
for d in j-good-1 j-good-2 42; do
	if got=$(check has "$T/out" "$d" 04 VNM RUS); then
		ok "JSON document $d yields the root 04 VNM-RUS event"
	else
		fail "JSON document $d yields the root 04 VNM-RUS event" "04x VNM-RUS" "$got"
	fi
done
if got=$(check valid "$T/out"); then
	ok "every stdout line of the mixed run is a valid JSON event"
else
	fail "JSON Lines output of the mixed run" "valid events" "$got"
fi
# the JSON date field dates the events
got=$(check dates "$T/out" j-good-1 | tr '\n' ' ')
if [ "$got" = "2025-03-03 " ]; then
	ok "the JSON date 2025-03-09 dates 'Le 3 mars' as 2025-03-03"
else
	fail "JSON date field" "2025-03-03" "$got"
fi

# ---- a binary JSON Lines file ----
printf '{"id":"a","text":"x"}\n\x00\x01\x02\n' >"$T/bin.jsonl"
run code "$T/bin.jsonl" "$T/good.txt"
if [ "$RC" -eq 1 ] && grep -F -- "$T/bin.jsonl:2:" "$T/err" | grep -qi binary && cmp -s "$T/out" "$T/good.jsonl"; then
	ok "a JSON Lines file with NUL bytes is refused at its line"
else
	fail "binary JSON Lines" "status 1, '$T/bin.jsonl:2: binary ...'" "status $RC, $(shown "$T/err")"
fi

# ---- standard input ----
RC=0
"$BIN" code - <"$T/good.txt" >"$T/out" 2>"$T/err" || RC=$?
if [ "$RC" -eq 0 ] && got=$(check has "$T/out" stdin 04 VNM RUS); then
	ok "an article on standard input is coded as doc_id 'stdin'"
else
	fail "article on stdin" "status 0, a 04 VNM-RUS event of doc 'stdin'" "status $RC, $(shown "$T/out") $(shown "$T/err")"
fi
RC=0
"$BIN" code - <"$T/docs.jsonl" >"$T/out" 2>"$T/err" || RC=$?
got=$(check docids "$T/out" | tr '\n' ' ')
if [ "$RC" -eq 1 ] && [ "$got" = "42 j-good-1 j-good-2 " ] &&
	grep -q '^entente code: -:2: ' "$T/err" && grep -q '^entente code: -:9: ' "$T/err"; then
	ok "JSON Lines on standard input: good lines coded, bad ones named '-:LINE', status 1"
else
	fail "JSON Lines on stdin" "status 1, doc_ids 42 j-good-1 j-good-2, messages '-:2:' and '-:9:'" \
		"status $RC, doc_ids: $got, stderr: $(shown "$T/err")"
fi
# leading blank lines before JSON on stdin keep the line numbers right
RC=0
{ printf '\n\n'; cat "$T/docs.jsonl"; } | "$BIN" code - >"$T/out" 2>"$T/err" || RC=$?
if grep -q '^entente code: -:4: ' "$T/err" && grep -q '^entente code: -:11: ' "$T/err"; then
	ok "JSON Lines on stdin after two blank lines: line numbers count them"
else
	fail "stdin line numbers" "messages '-:4:' and '-:11:'" "$(shown "$T/err")"
fi
RC=0
"$BIN" code - </dev/null >"$T/out" 2>"$T/err" || RC=$?
if [ "$RC" -eq 1 ] && grep -q -- '-: empty' "$T/err" && [ ! -s "$T/out" ]; then
	ok "empty standard input is refused as '-: empty document'"
else
	fail "empty stdin" "status 1, '-: empty document'" "status $RC, $(shown "$T/err")"
fi
RC=0
printf 'x\x00y' | "$BIN" code - >"$T/out" 2>"$T/err" || RC=$?
if [ "$RC" -eq 1 ] && grep -q -- '-: binary' "$T/err"; then
	ok "binary standard input is refused"
else
	fail "binary stdin" "status 1, '-: binary file'" "status $RC, $(shown "$T/err")"
fi
# stdin mixed with files
RC=0
"$BIN" code "$T/empty.txt" - <"$T/good.txt" >"$T/out" 2>"$T/err" || RC=$?
if [ "$RC" -eq 1 ] && [ "$(check docids "$T/out")" = stdin ] && [ "$(errlines "$T/empty.txt")" -eq 1 ]; then
	ok "standard input after a refused file is still coded"
else
	fail "stdin after a refused file" "status 1, doc stdin" "status $RC, $(shown "$T/err")"
fi

# ---- directories are read recursively, in name order ----
mkdir -p "$T/dir/a/b" "$T/dir/c" "$T/dir/.hidden"
cp "$T/good.txt" "$T/dir/top.txt"
cp "$T/good.txt" "$T/dir/a/b/nested.txt"
cp "$T/good.txt" "$T/dir/.hidden/secret.txt"
cp "$T/good.txt" "$T/dir/.dotfile.txt"
printf '{"id": "in-dir", "text": "%s"}\n' "$SENT" >"$T/dir/c/more.jsonl"
printf 'not an article \x00' >"$T/dir/c/notes.md" # not .txt: not read
run code "$T/dir"
got=$(check docids "$T/out" | tr '\n' ' ')
if [ "$RC" -eq 0 ] && [ "$got" = "in-dir nested top " ]; then
	ok "a directory is read recursively (.txt and .jsonl, hidden entries and other files left out)"
else
	fail "directory input" "status 0, doc_ids in-dir nested top" "status $RC, $got, $(shown "$T/err")"
fi
got=$(check field "$T/out" doc_id | uniq | tr '\n' ' ')
if [ "$got" = "nested in-dir top " ]; then
	ok "the directory is walked in name order (a/b/nested, c/more.jsonl, top)"
else
	fail "directory order" "nested in-dir top" "$got"
fi
run code "$T/dir/c/notes.md"
if [ "$RC" -eq 1 ] && grep -qF "$T/dir/c/notes.md" "$T/err"; then
	ok "a file named explicitly is read whatever its extension"
else
	fail "explicit .md file" "status 1, refused as binary" "status $RC, $(shown "$T/err")"
fi
mkdir "$T/emptydir"
run code "$T/emptydir"
if [ "$RC" -eq 0 ] && [ ! -s "$T/out" ]; then
	ok "an empty directory codes nothing and exits 0"
else
	fail "empty directory" "status 0, no output" "status $RC, $(shown "$T/err")"
fi

# ---- the ' date YYYY-MM-DD' first line dates the events ----
{
	printf ' date 2024-11-20 Le Vietnam et la Russie renforcent leurs liens\n\n'
	printf '%s\n' "$SENT"
} >"$T/dated.txt"
run code "$T/dated.txt"
got=$(check dates "$T/out" dated | tr '\n' ' ')
if [ "$RC" -eq 0 ] && [ "$got" = "2024-03-03 " ]; then
	ok "' date 2024-11-20' dates 'Le 3 mars' as 2024-03-03"
else
	fail "date line" "status 0, dates 2024-03-03" "status $RC, $got"
fi
# without the date line the year is unknown: no event says 2024
run code "$T/good.txt"
got=$(check dates "$T/out" good | tr '\n' ' ')
if [[ "$got" != *2024* && "$got" != *2025* ]]; then
	ok "without a date line the events carry no invented year ($got)"
else
	fail "undated article" "no year in the dates" "$got"
fi
# a month-precision date line
{
	printf ' date 2023-06 Titre\n\n'
	printf '%s\n' "$SENT"
} >"$T/month.txt"
run code "$T/month.txt"
got=$(check dates "$T/out" month | tr '\n' ' ')
if [ "$RC" -eq 0 ] && [ "$got" = "2023-03-03 " ]; then
	ok "' date 2023-06' (month precision) dates 'Le 3 mars' as 2023-03-03"
else
	fail "month date line" "2023-03-03" "status $RC, $got"
fi
# the date line without the leading space, and on stdin
RC=0
"$BIN" code - <"$T/dated.txt" >"$T/out" 2>"$T/err" || RC=$?
got=$(check dates "$T/out" stdin | tr '\n' ' ')
if [ "$RC" -eq 0 ] && [ "$got" = "2024-03-03 " ]; then
	ok "the date line is honoured on standard input"
else
	fail "date line on stdin" "2024-03-03" "status $RC, $got"
fi
# an article body without a day: the events take the article date
printf ' date 2022-09-14 Visite\n\nÀ Hanoï, le Premier ministre vietnamien Phạm Minh Chính a reçu le ministre russe des Affaires étrangères Sergueï Lavrov.\n' >"$T/nodate.txt"
run code "$T/nodate.txt"
got=$(check dates "$T/out" nodate | tr '\n' ' ')
if [ "$RC" -eq 0 ] && [ "$got" = "2022-09-14 " ]; then
	ok "events with no date in their text take the article date 2022-09-14"
else
	fail "article date for undated events" "2022-09-14" "status $RC, $got"
fi
# a date line that is not a date is plain text, not a date
printf ' date 20xx Visite\n\n%s\n' "$SENT" >"$T/notadate.txt"
run code "$T/notadate.txt"
got=$(check dates "$T/out" notadate | tr '\n' ' ')
if [ "$RC" -eq 0 ] && [[ "$got" != *20* ]]; then
	ok "a malformed date line sets no date"
else
	fail "malformed date line" "status 0, no year" "status $RC, $got"
fi

# ---- CSV output ----
run code --format csv "$T/good.txt" "$T/dated.txt"
hdr=$(head -1 "$T/out")
rows=$(($(python3 -c 'import csv,sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], encoding="utf-8"))))' "$T/out") - 1))
want=$((GOOD_EVENTS * 2))
if [ "$RC" -eq 0 ] && [[ "$hdr" == doc_id,code,* ]] && [ "$rows" -eq "$want" ]; then
	ok "--format csv: a header line starting doc_id,code and one row per event ($rows)"
else
	fail "--format csv" "header doc_id,code,... and $want rows" "status $RC, '$hdr', $rows rows"
fi

# ---- the size limit is on bytes: 16 MiB exactly is accepted by the reader ----
# (a file of 16 MiB of newlines is blank: it must be refused as empty, not
# as too large, which shows the limit is > not >=)
head -c $((16 * 1024 * 1024)) /dev/zero | tr '\0' '\n' >"$T/limit.txt"
run code "$T/limit.txt"
if [ "$RC" -eq 1 ] && grep -F -- "$T/limit.txt" "$T/err" | grep -qi empty; then
	ok "a file of exactly 16 MiB passes the size check"
else
	fail "16 MiB exactly" "refused as empty (not too large)" "status $RC, $(shown "$T/err")"
fi
# a JSON line over the limit is refused at its line, the rest read
{
	printf '{"id": "huge", "text": "'
	head -c $((16 * 1024 * 1024)) /dev/zero | tr '\0' 'a'
	printf '"}\n{"id": "after", "text": "%s"}\n' "$SENT"
} >"$T/huge.jsonl"
run code "$T/huge.jsonl"
if [ "$RC" -eq 1 ] && grep -qF -- "$T/huge.jsonl:1:" "$T/err" && [ "$(check docids "$T/out")" = after ]; then
	ok "a JSON line over 16 MiB is refused by line and the next line is coded"
else
	fail "huge JSON line" "status 1, '$T/huge.jsonl:1:', doc after coded" "status $RC, $(shown "$T/err")"
fi

# a one-line English text with no function word is read as English (a tie
# in the language guess goes to English unless the text has French letters)
printf 'Russian forces shelled Kharkiv on Friday.\n' >"$T/en-one.txt"
run code --format brief "$T/en-one.txt"
if [ "$RC" -eq 0 ] && grep -qE '^19[0-9]*\|RUS[A-Z]*\|[^|]*\|UKR' "$T/out"; then
	ok "a one-line English text with no function word is coded as English"
else
	fail "one-line English text" "a 19x RUS>UKR event" "status $RC, $(shown "$T/out")"
fi

finish
