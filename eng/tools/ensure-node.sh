#!/usr/bin/env bash
# Ensures Node.js and npm are installed (the GitHub workflow in eng/ci is checked with the npm package action-validator).
# Idempotent; on Debian as root it installs Debian's nodejs and npm packages, elsewhere it says what to install.
set -euo pipefail

if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
  exit 0
fi
if [[ -r /etc/debian_version && "$(id -u)" == "0" ]]; then
  echo "[node] installing Debian's nodejs and npm packages" >&2
  apt-get -o DPkg::Lock::Timeout=300 update -qq
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq nodejs npm >/dev/null
  exit 0
fi
echo "[node] error: node and npm are not installed. Install Node.js 20 with npm so the workflow check can run." >&2
exit 1
