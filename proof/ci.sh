#!/bin/sh
# proof/ci.sh - the proof in CI: install Debian's Frama-C, why3 and provers
# if they are missing, let why3 find the provers, then `make prove`.
# Run from anywhere; works as root or with sudo.
set -eu
cd "$(dirname "$0")/.."

need=""
command -v frama-c >/dev/null 2>&1 || need="$need frama-c-base"
command -v why3 >/dev/null 2>&1 || need="$need why3"
command -v cvc4 >/dev/null 2>&1 || need="$need cvc4"
command -v z3 >/dev/null 2>&1 || need="$need z3"
if [ -n "$need" ]; then
    if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
    echo "proof/ci.sh: installing$need"
    $SUDO apt-get update -qq
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $need
fi

# Frama-C's WP reaches the provers through why3's configuration
# (~/.why3.conf, or $WHY3CONFIG): write it.
why3 config detect >/dev/null
frama-c -wp-detect 2>/dev/null | grep -E '^\[wp\] Prover' || true

start=$(date +%s)
make prove
echo "proof/ci.sh: make prove took $(( $(date +%s) - start )) s"
