#!/usr/bin/env bash
# Installs Debian's chromium for the dashboard's browser tests. Chromium.targets runs it before the build when the browser
# ($1, default /usr/bin/chromium) is missing: root on Debian installs the package, anyone else is told what to do.
set -uo pipefail
browser="${1:-/usr/bin/chromium}"

if [ -x "$browser" ]; then
  exit 0
fi

if [ "$browser" = /usr/bin/chromium ] && [ "$(id -u)" -eq 0 ] && [ -f /etc/debian_version ] && command -v apt-get >/dev/null 2>&1; then
  echo "StreamChat.Dashboard.Tests: installing Debian's chromium for the browser tests (apt-get install chromium)"
  if bash "$(dirname "$0")/../Shared/apt-install.sh" StreamChat.Dashboard.Tests chromium; then
    echo "StreamChat.Dashboard.Tests: $(/usr/bin/chromium --version 2>/dev/null || echo 'chromium installed')"
    exit 0
  fi

  echo "StreamChat.Dashboard.Tests: error: 'apt-get install chromium' failed (see above); the browser tests need /usr/bin/chromium." >&2
  exit 1
fi

# Not root, not Debian, or another browser path: say what to do; the browser tests fail with the same text.
echo "StreamChat.Dashboard.Tests: no browser at $browser. Install Debian's chromium (sudo apt-get install chromium) or set"
echo "  STREAMCHAT_CHROMIUM to a Chromium or Chrome binary; until then the dashboard's browser tests fail."
exit 0
