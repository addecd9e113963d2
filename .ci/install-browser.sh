#!/usr/bin/env bash
# Installs Debian's chromium for the playground browser test (test/browser/), unless it is already there.
# Idempotent and quiet: prints one line, and apt's output only when something fails.
set -euo pipefail

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
  echo "install-browser: $CHROMIUM already present"
  exit 0
fi

# apt needs root; CI containers usually are, a developer's machine usually is not.
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "install-browser: need root (or sudo) to install chromium" >&2; exit 1; }
  SUDO="sudo"
fi

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
export DEBIAN_FRONTEND=noninteractive
if ! { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends chromium; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "install-browser: apt-get could not install chromium" >&2
  exit 1
fi

[ -x "$CHROMIUM" ] || { echo "install-browser: chromium installed but $CHROMIUM is missing" >&2; exit 1; }
echo "install-browser: installed $("$CHROMIUM" --version 2>/dev/null | head -n 1)"
