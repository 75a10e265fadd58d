#!/usr/bin/env bash
# Ensures headless Chromium is installed (the HTML report is checked in a real browser).
# Idempotent; on Debian as root it installs Debian's chromium package, elsewhere it says what to install.
set -euo pipefail

if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then
  exit 0
fi
if [[ -r /etc/debian_version && "$(id -u)" == "0" ]]; then
  echo "[chromium] installing Debian's chromium package" >&2
  apt-get -o DPkg::Lock::Timeout=300 update -qq
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq chromium >/dev/null
  exit 0
fi
echo "[chromium] error: chromium is not installed. Install it (Debian/Ubuntu: apt-get install chromium) so the HTML report test can run." >&2
exit 1
