#!/usr/bin/env bash
# .ci/deps.sh - installs what ssem's build and tests need and this machine
# lacks (`make deps`; .ci/run calls it first): Debian packages through apt,
# and the browser tests' npm packages (playwright-core, pinned by
# package-lock.json) through `npm ci`. Never downloads a browser: the tests
# drive Debian's chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

pkgs=(make gcc clang bats tmux libncurses-dev libpng-dev libedit-dev libclang-rt-14-dev emscripten
      chromium python3 pkg-config binutils libcapstone-dev libqrencode-dev)
need=()
for pkg in "${pkgs[@]}"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
# node and npm may come from another packaging of Node.js: ask for Debian's
# only when the commands are missing
command -v node >/dev/null || need+=(nodejs)
command -v npm >/dev/null || need+=(npm)
if [ ${#need[@]} -gt 0 ]; then
    echo "== installing ${need[*]}"
    sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq && $sudo apt-get install -y -qq "${need[@]}"
fi

# npm ci when node_modules is missing or older than the lock file
if [ ! -d node_modules/playwright-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "== npm ci (playwright-core for the browser tests)"
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
fi
