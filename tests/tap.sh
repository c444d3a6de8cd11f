# tap.sh: TAP helpers for the shell tests, sourced after they set $tmp (and
# $sverka, for expect). A script keeps its test numbering in n and its count
# of failures in failed, both set to 0 here.
#
#   ok DESCRIPTION       prints "ok N - DESCRIPTION"
#   skip DESCRIPTION WHY prints "ok N - DESCRIPTION # SKIP WHY"
#   not_ok DESCRIPTION   prints "not ok N - DESCRIPTION", then the file
#                        $tap_err as comments, and counts the failure
#   check DESCRIPTION COMMAND...
#                        ok DESCRIPTION if COMMAND succeeds, else not_ok
#                        (a script may define its own check after sourcing)
#   tap_done             prints the plan; its status is 0 if nothing failed
#   expect CODE PATTERN DESCRIPTION -- ARGS...
#                        runs $sverka ARGS (standard output in $tmp/out,
#                        standard error in $tmp/err), and passes if the exit
#                        status is CODE and standard error matches the
#                        extended regular expression PATTERN
#
# Settings, read at each not_ok, so a script may set them after sourcing:
#   tap_err    the file not_ok prints; $tmp/err if unset
#   tap_lines  at most that many of its lines; 20 if unset, 0 for all
n=0
failed=0

ok () { n=$((n + 1)); echo "ok $n - $1"; }
skip () { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }
not_ok () {
  n=$((n + 1))
  failed=$((failed + 1))
  echo "not ok $n - $1"
  if [ "${tap_lines-20}" -gt 0 ]; then
    sed 's/^/# /' "${tap_err-$tmp/err}" 2>/dev/null | head -"${tap_lines-20}"
  else
    sed 's/^/# /' "${tap_err-$tmp/err}" 2>/dev/null
  fi
}
check () { local desc=$1; shift; if "$@"; then ok "$desc"; else not_ok "$desc"; fi; }
tap_done () {
  echo "1..$n"
  [ "$failed" -eq 0 ]
}

expect () {
  local code=$1 pattern=$2 desc=$3
  shift 4
  "$sverka" "$@" >"$tmp/out" 2>"$tmp/err"
  local rc=$?
  if [ "$rc" -eq "$code" ] && grep -qE -- "$pattern" "$tmp/err"; then
    ok "$desc"
  else
    echo "# exit $rc, expected $code; stderr must match: $pattern"
    not_ok "$desc"
  fi
}
