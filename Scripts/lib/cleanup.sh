# One EXIT trap for every throwaway service a script starts. Sourced by Scripts/lib/*.sh.
#
# bash keeps one trap per signal, so a second `trap … EXIT` would silently drop the first
# (PostgreSQL would outlive the tests once moto set its own). Each service instead registers
# its stop function with vouch_at_exit, and vouch_cleanup calls them all, newest first.

# Sourced again by a second service script: keep what the first registered.
declare -F vouch_at_exit >/dev/null && return 0

VOUCH_CLEANUPS=()

vouch_at_exit() {
  VOUCH_CLEANUPS+=("$1")
  trap vouch_cleanup EXIT
}

vouch_cleanup() {
  local i
  for ((i = ${#VOUCH_CLEANUPS[@]} - 1; i >= 0; i--)); do
    "${VOUCH_CLEANUPS[i]}" || true
  done
  VOUCH_CLEANUPS=()
}
