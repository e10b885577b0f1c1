# lib.sh: the helpers every tests/cli/test_*.sh script sources after it has
# set BIN (the entente binary) and T (its temporary folder).
#   ok DESCRIPTION                 count a pass and say so
#   fail DESCRIPTION EXPECTED GOT  count a failure and say what differed
#   run ARGS...                    run entente: stdout in $T/out, stderr in
#                                  $T/err, exit status in $RC (never aborts)
#   shown FILE                     the start of a file on one line, for messages
#   finish                         the summary line; non-zero status on failure
PASS=0
FAIL=0
fail() {
	FAIL=$((FAIL + 1))
	echo "not ok - $1"
	echo "    expected: $2"
	echo "    got:      $3"
}
ok() { PASS=$((PASS + 1)); echo "ok - $1"; }
run() {
	RC=0
	"$BIN" "$@" >"$T/out" 2>"$T/err" </dev/null || RC=$?
}
shown() { head -c "${SHOWN_BYTES:-400}" "$1" | tr '\n' '|'; }
finish() {
	echo "$PASS passed, $FAIL failed"
	[ "$FAIL" -eq 0 ]
}
