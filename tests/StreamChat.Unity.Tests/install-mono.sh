#!/usr/bin/env bash
# Installs Mono (Debian's mono-complete), Unity's runtime, for the test that runs a net472 consumer of the packed package
# on it. Mono.targets runs it before the build: root on Debian installs it, anyone else is told what to do.
set -uo pipefail

if command -v mono >/dev/null 2>&1; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ] && [ -f /etc/debian_version ] && command -v apt-get >/dev/null 2>&1; then
  echo "StreamChat.Unity.Tests: installing mono-complete for the Mono test (apt-get install)"
  if bash "$(dirname "$0")/../Shared/apt-install.sh" StreamChat.Unity.Tests mono-complete; then
    echo "StreamChat.Unity.Tests: $(mono --version | head -n 1)"
    exit 0
  fi

  echo "StreamChat.Unity.Tests: error: 'apt-get install mono-complete' failed (see above); the Mono test needs it." >&2
  exit 1
fi

# Not root or not Debian: say what to do; the Mono test fails with the same text.
echo "StreamChat.Unity.Tests: mono is missing for the Mono test. On Debian or Ubuntu: sudo apt-get install mono-complete;"
echo "  elsewhere see https://www.mono-project.com/download/stable/. Until then the Mono test fails."
exit 0
