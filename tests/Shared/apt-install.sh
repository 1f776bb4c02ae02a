#!/usr/bin/env bash
# apt-install.sh WHO PACKAGE...: installs Debian packages a test project needs (root on Debian only; the callers check).
# Test projects build in parallel (the dashboard's chromium, the NativeAOT test's clang), and apt takes its locks without
# waiting: 'apt-get update' fails at once on /var/lib/apt/lists/lock while another update runs. So our own installs take
# turns on one lock file, and each step is retried for up to 10 minutes while another apt process (not ours) holds apt's.
set -uo pipefail
who="$1"
shift

export DEBIAN_FRONTEND=noninteractive
exec 9>/var/lock/streamchat-apt-install.lock
flock -w 1200 9 || { echo "$who: error: waited 20 minutes for another install of ours to finish" >&2; exit 1; }

retry() {
  local attempt
  for attempt in $(seq 120); do
    if "$@"; then
      return 0
    fi
    # Retry only while some apt or dpkg process holds a lock; any other failure is final.
    if ! pgrep -x 'apt-get|apt|dpkg|unattended-upgr' >/dev/null 2>&1; then
      return 1
    fi
    echo "$who: apt is busy (attempt $attempt), waiting 5 s"
    sleep 5
  done
  return 1
}

retry apt-get -o DPkg::Lock::Timeout=600 update -qq \
  && retry apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "$@" >/dev/null
