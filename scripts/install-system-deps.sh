#!/usr/bin/env bash
# The quality gates drive two system programs npm cannot install: Debian's Chromium (axe-core,
# keyboard, screenshots) and a Java runtime (the W3C Nu HTML Checker). Installs whichever is
# missing, quietly; apt may be briefly locked by another apt on a fresh machine. Run by `npm test`
# (scripts/test.ts) and by .ci/run; does nothing when both are there.
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
[ ${#missing[@]} -eq 0 ] && exit 0

echo "== installing ${missing[*]} from Debian"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >/dev/null
$sudo apt-get -o DPkg::Lock::Timeout=120 install -y -qq "${missing[@]}" >/dev/null
