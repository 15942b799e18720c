#!/usr/bin/env bash
# Checks the system packages intake needs to build and test, and installs the
# missing ones when run as root; otherwise prints the exact command to run.
# Usage: scripts/deps.sh [build|test|bench]
set -euo pipefail

need=(pkg-config libncursesw5-dev libsqlite3-dev)
case "${1:-build}" in
  test)  need+=(tmux gettext ncurses-term chromium poppler-utils fonts-noto-core fonts-noto-cjk unicode-data postgresql curl openssl) ;;
  bench) need+=(tmux gettext hyperfine dialog python3-pip postgresql curl) ;;
esac

missing=()
for p in "${need[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "intake: installing ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq "${missing[@]}" >&2
  else
    echo "intake: these Debian packages are missing: ${missing[*]}" >&2
    echo "Run:  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

if ! command -v swift >/dev/null; then
  echo "intake: the Swift toolchain (6.0 or newer) is not on PATH." >&2
  echo "Install it from swift.org (Debian 12 build) and add its usr/bin to PATH, then run this again." >&2
  exit 1
fi
