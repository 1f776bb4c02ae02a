#!/usr/bin/env bash
# Installs what publishing with PublishAot=true needs on Linux (https://aka.ms/nativeaot-prerequisites): clang, the
# platform linker the ILCompiler package drives, and zlib's headers. NativeAotPrerequisites.targets runs it before the
# build: root on Debian installs Debian's clang and zlib1g-dev, anyone else is told what to do.
set -uo pipefail

missing=()
command -v clang >/dev/null 2>&1 || missing+=(clang)
[ -f /usr/include/zlib.h ] || missing+=(zlib1g-dev)
if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ] && [ -f /etc/debian_version ] && command -v apt-get >/dev/null 2>&1; then
  echo "StreamChat.Packaging.Tests: installing ${missing[*]} for the NativeAOT test (apt-get install)"
  if bash "$(dirname "$0")/../Shared/apt-install.sh" StreamChat.Packaging.Tests "${missing[@]}"; then
    echo "StreamChat.Packaging.Tests: $(clang --version | head -n 1)"
    exit 0
  fi

  echo "StreamChat.Packaging.Tests: error: 'apt-get install ${missing[*]}' failed (see above); the NativeAOT test needs them." >&2
  exit 1
fi

# Not root or not Debian: say what to do; the NativeAOT test fails with the same text.
echo "StreamChat.Packaging.Tests: missing ${missing[*]} for the NativeAOT test. On Debian or Ubuntu: sudo apt-get install clang"
echo "  zlib1g-dev (elsewhere see https://aka.ms/nativeaot-prerequisites); until then the NativeAOT test fails."
exit 0
