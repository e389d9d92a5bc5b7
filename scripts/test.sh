#!/usr/bin/env bash
# Install everything the tests need and run every test: the README's second command.
#
#   scripts/test.sh                  # every test
#   scripts/test.sh tests/e2e -x     # arguments go to pytest
#
# 1. What pip cannot install, from Debian (or Ubuntu) packages, checked with dpkg first so a
#    second run installs nothing: Chromium (the browser tests drive /usr/bin/chromium), fonts
#    with Hebrew glyphs (screenshots), HAProxy (the load-balancer tests) and the PostgreSQL 15
#    server binaries (the database tests). They are installed with apt-get as root, or with
#    sudo if it needs no password; otherwise the script stops at once with the command to run.
# 2. The virtual environment .venv with requirements-dev.txt (pip runs again only when a
#    requirements file has changed since the last successful install).
# 3. pytest, with the project's settings (pyproject.toml).
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(chromium fonts-noto-core haproxy postgresql)

if ! python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "The atlas needs Python 3.11 or later as python3; this is $(python3 --version 2>&1)." >&2
  exit 1
fi
# Debian's own Python makes virtual environments only with python3-venv (ensurepip).
if ! python3 -c 'import ensurepip' 2>/dev/null; then
  PACKAGES+=(python3-venv)
fi

if ! command -v dpkg-query >/dev/null || ! command -v apt-get >/dev/null; then
  echo "This script installs system packages with apt-get (Debian, Ubuntu). Elsewhere install" >&2
  echo "the equivalents of: ${PACKAGES[*]} (set ATLAS_CHROMIUM and ATLAS_HAPROXY if they are" >&2
  echo "not at /usr/bin/chromium and /usr/sbin/haproxy), then run:" >&2
  echo "  python3 -m venv .venv && .venv/bin/pip install -r requirements-dev.txt" \
    "&& .venv/bin/python -m pytest" >&2
  exit 1
fi

missing=()
for package in "${PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    as_root=()
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    as_root=(sudo)
  else
    echo "The tests need these system packages, which only root can install: ${missing[*]}" >&2
    echo "Run this, then $0 again:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
  echo "Installing ${missing[*]} with apt-get..."
  "${as_root[@]}" apt-get update -qq
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
stamp=.venv/atlas-requirements.sha256
wanted=$(cat requirements.txt requirements-dev.txt | sha256sum)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
  .venv/bin/pip install -q -r requirements-dev.txt
  echo "$wanted" >"$stamp"
fi

exec .venv/bin/python -m pytest "$@"
