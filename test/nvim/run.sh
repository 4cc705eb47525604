#!/usr/bin/env bash
# npm run test:nvim — the bundled language server (dist/server.js --stdio) through Neovim's own
# LSP client, headless (Debian 12's Neovim 0.7). Exit code = test result.
#
#   1. test/e2e/setup.sh (installs neovim with the other editor-test packages; cached)
#   2. npm run build unless CORPUS_SERVER_JS names a server to test instead
#   3. a temporary copy of samples/ as the workspace root, and a private XDG home for Neovim
#   4. nvim --headless -u NONE running test/nvim/check.lua, with a hard time limit
#   5. the same with test/nvim/readme.lua: the README's init.lua snippet, as printed there, with
#      HOME set so that its ~/corpus-annotator/dist/server.js is this build
#   6. always (trap): stop what this script started, remove the temporary folder
#
# Environment:
#   CORPUS_SERVER_JS=path  test this server bundle instead of building dist/server.js
#   NVIM_TIMEOUT=sec       hard limit for the Neovim run (default 180)
#   NVIM_KEEP=1            keep the temporary folder (Neovim's LSP log is in it)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
log() { printf '[nvim] %s\n' "$*" >&2; }
# shellcheck source=../support/process-group.sh
. "$ROOT/test/support/process-group.sh"
started=$(date +%s)
WORK=""
NVIM_PGID=""

cleanup() {
  local rc=$?
  stop_group "$NVIM_PGID" "nvim"
  if [ -n "$WORK" ] && [ -d "$WORK" ]; then
    if [ "${NVIM_KEEP:-}" = 1 ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
  fi
  log "finished in $(($(date +%s) - started)) s with exit code $rc"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

bash "$ROOT/test/e2e/setup.sh" >/dev/null
command -v nvim >/dev/null || { log "ERROR: nvim is not installed"; exit 1; }
log "$(nvim --version | head -n 1)"

if [ -n "${CORPUS_SERVER_JS:-}" ]; then
  SERVER_JS="$(cd "$(dirname "$CORPUS_SERVER_JS")" && pwd)/$(basename "$CORPUS_SERVER_JS")"
else
  npm run --silent build >&2
  SERVER_JS="$ROOT/dist/server.js"
fi
[ -f "$SERVER_JS" ] || { log "ERROR: no server bundle at $SERVER_JS"; exit 1; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/corpus-annotator-nvim.XXXXXX")"
cp -R "$ROOT/samples" "$WORK/samples"
# A private home: no user config, plugins or shada; Neovim's LSP log lands in $WORK/cache.
export XDG_CONFIG_HOME="$WORK/config" XDG_DATA_HOME="$WORK/data" XDG_STATE_HOME="$WORK/state" \
  XDG_CACHE_HOME="$WORK/cache"
export CORPUS_ROOT="$WORK/samples" CORPUS_SERVER="node $SERVER_JS --stdio"

# Runs one check script in a fresh headless Neovim; returns its exit code.
run_nvim() {
  local script="$1" rc
  set +e
  setsid timeout --kill-after=5 "${NVIM_TIMEOUT:-180}" \
    nvim --headless -u NONE -i NONE -n -c "luafile $script" </dev/null &
  NVIM_PGID=$!
  wait "$NVIM_PGID"
  rc=$?
  NVIM_PGID=""
  set -e
  if [ "$rc" -eq 124 ]; then
    log "ERROR: Neovim did not finish $script within ${NVIM_TIMEOUT:-180} s"
  fi
  if [ "$rc" -ne 0 ] && [ -f "$WORK/cache/nvim/lsp.log" ]; then
    log "---- Neovim's LSP log (last 30 lines)"
    tail -n 30 "$WORK/cache/nvim/lsp.log" >&2
  fi
  return "$rc"
}

rc=0
run_nvim "$ROOT/test/nvim/check.lua" || rc=$?

# The README's snippet names ~/corpus-annotator/dist/server.js: a private HOME where that is this build.
mkdir -p "$WORK/home/corpus-annotator" "$WORK/plain"
ln -s "$(dirname "$SERVER_JS")" "$WORK/home/corpus-annotator/dist"
printf 'Notes for the meeting on May 4, 1994 about PARP.\n' >"$WORK/plain/notes.txt"
export README_PATH="$ROOT/README.md" PLAIN_FILE="$WORK/plain/notes.txt"
HOME="$WORK/home" run_nvim "$ROOT/test/nvim/readme.lua" || rc=$?
exit "$rc"
