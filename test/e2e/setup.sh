#!/usr/bin/env bash
# Installs what the editor suites (test/e2e, test/nvim) need, once, and caches it.
#
#   bash test/e2e/setup.sh            # prints the code-server entry point on its last line
#
# - Debian packages: libkrb5-dev (code-server's native `kerberos` module), ripgrep (the npm
#   @vscode/ripgrep package would download a binary from outside, which cannot work here),
#   chromium (the browser Playwright drives), neovim (test/nvim).
# - code-server (VS Code served to a browser) from the npm registry, into $E2E_CACHE, outside
#   the repository. Its own postinstall refuses to run as root and downloads ripgrep, so it is
#   installed with --ignore-scripts and its steps are done by hand (see
#   docs/testing-in-editors.md). Versions after 4.100 require Node 22+.
#
# Idempotent: a second run checks a marker file and the installed packages and returns in well
# under a second. A half-finished install is built in a temporary folder and only renamed into
# place when complete, so an interrupted run never leaves a cache that looks valid.
set -euo pipefail

CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.100.3}"
E2E_CACHE="${E2E_CACHE:-$HOME/.cache/corpus-annotator-e2e}"
INSTALL_DIR="$E2E_CACHE/code-server-$CODE_SERVER_VERSION"
ENTRY="$INSTALL_DIR/node_modules/code-server/out/node/entry.js"
MARKER="$INSTALL_DIR/.complete"

log() { printf '[e2e setup] %s\n' "$*" >&2; }

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=(sudo); fi
fi

# --- Debian packages --------------------------------------------------------------------------
DEB_PACKAGES=(libkrb5-dev ripgrep chromium neovim)
missing=()
for pkg in "${DEB_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done
if [ "${#missing[@]}" -gt 0 ]; then
  log "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # Refresh the package lists only when needed: when they are absent, or when an install
  # from the lists we have fails (an old list names versions the mirror no longer holds).
  if ! compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null; then
    "${SUDO[@]}" apt-get update -q
  fi
  if ! "${SUDO[@]}" apt-get install -y -q "${missing[@]}"; then
    "${SUDO[@]}" apt-get update -q
    "${SUDO[@]}" apt-get install -y -q "${missing[@]}"
  fi
fi
for cmd in chromium rg nvim; do
  command -v "$cmd" >/dev/null 2>&1 || {
    log "ERROR: '$cmd' is still missing after installing ${DEB_PACKAGES[*]}"
    exit 1
  }
done

# --- code-server ------------------------------------------------------------------------------
node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" != 20 ]; then
  log "warning: code-server $CODE_SERVER_VERSION is made for Node 20; this is Node $(node -v)"
fi

if [ -f "$MARKER" ] && [ -f "$ENTRY" ]; then
  log "code-server $CODE_SERVER_VERSION already installed in $INSTALL_DIR"
else
  log "installing code-server $CODE_SERVER_VERSION into $INSTALL_DIR (about 2-3 minutes, 300 MB)"
  mkdir -p "$E2E_CACHE"
  tmp="$(mktemp -d "$E2E_CACHE/.install.XXXXXX")"
  trap 'rm -rf "$tmp"' EXIT
  (
    cd "$tmp"
    printf '{ "name": "corpus-annotator-e2e-cache", "private": true }\n' >package.json
    npm install --no-save --no-audit --no-fund --ignore-scripts --loglevel=error \
      "code-server@$CODE_SERVER_VERSION"
    cd node_modules/code-server/lib/vscode
    npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error
    npm_config_yes=true npm rebuild --unsafe-perm --loglevel=error \
      kerberos node-pty @parcel/watcher @vscode/spdlog native-watchdog @vscode/deviceid
    mkdir -p node_modules/@vscode/ripgrep/bin
    cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
    ln -sfn node_modules node_modules.asar
    cd "$tmp"
    npm_config_yes=true npm rebuild --unsafe-perm --loglevel=error argon2
  )
  # Quick check that the install starts at all before it is declared complete.
  # (XDG_CONFIG_HOME: code-server writes a config.yaml there on any start; keep it out of $HOME.)
  XDG_CONFIG_HOME="$tmp/.config" node "$tmp/node_modules/code-server/out/node/entry.js" --version >/dev/null
  rm -rf "$INSTALL_DIR"
  mv "$tmp" "$INSTALL_DIR"
  trap - EXIT
  touch "$MARKER"
  log "code-server installed"
fi

echo "$ENTRY"
