# tap.sh: TAP helpers for the shell tests, sourced after they set $tmp.
#
#   ok DESCRIPTION       prints "ok N - DESCRIPTION"
#   not_ok DESCRIPTION   prints "not ok N - DESCRIPTION", then $tmp/err as
#                        comments (at most 20 lines), and counts the failure
#   tap_done             prints the plan; its status is 0 if nothing failed
#
# The scripts keep their own counters n and failed.
n=0
failed=0

ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () {
  n=$((n + 1))
  failed=$((failed + 1))
  echo "not ok $n - $1"
  sed 's/^/# /' "$tmp/err" 2>/dev/null | head -20
}
tap_done () {
  echo "1..$n"
  [ "$failed" -eq 0 ]
}
