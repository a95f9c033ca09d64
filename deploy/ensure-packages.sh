#!/usr/bin/env bash
# Install the Debian/Ubuntu packages given as arguments when one of them is missing (used by the make targets
# deploy-check, failover-drill and restore-drill, which run as root in CI on a clean machine).
set -euo pipefail
missing=()
for pkg in "$@"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "missing packages: ${missing[*]} (run as root or: sudo apt-get install ${missing[*]})" >&2
  exit 1
fi
apt-get update -qq
# policy-rc.d-style: the packages' own services are not started here (nginx would take port 80).
RUNLEVEL=1 DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
