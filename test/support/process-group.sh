# Shared by the editor test scripts (test/e2e/run.sh, test/nvim/run.sh); sourced, not run.
# Expects the caller to define `log`.

stop_group() {
  # Stops one process group that the calling script started (by its id): TERM, then KILL if needed.
  local pgid="$1" name="$2"
  [ -n "$pgid" ] || return 0
  kill -0 -- "-$pgid" 2>/dev/null || return 0
  kill -TERM -- "-$pgid" 2>/dev/null || true
  for _ in $(seq 1 50); do
    kill -0 -- "-$pgid" 2>/dev/null || return 0
    sleep 0.1
  done
  log "$name did not stop on TERM; killing process group $pgid"
  kill -KILL -- "-$pgid" 2>/dev/null || true
}
