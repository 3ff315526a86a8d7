#!/usr/bin/env bash
# Vendors axe-core's single axe.min.js (from the npm registry, at build time) for the console's browser tests, which
# inject it into each page; nothing is downloaded while the tests run. Usage: vendor-axe.sh <out dir> <version>.
# Without npm or the registry the accessibility checks are skipped with a message, the other browser tests still run.
set -euo pipefail
out="$1"
version="$2"
if [ -s "$out/axe.min.js" ]; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "[axe] npm not found: the console's accessibility checks will be skipped"
  exit 0
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
if ! (cd "$tmp" && npm pack --silent "axe-core@$version" >/dev/null 2>&1); then
  echo "[axe] npm pack axe-core@$version failed: the console's accessibility checks will be skipped"
  exit 0
fi
tar -xzf "$tmp"/axe-core-*.tgz -C "$tmp" package/axe.min.js
mkdir -p "$out"
cp "$tmp/package/axe.min.js" "$out/axe.min.js"
echo "[axe] axe-core $version vendored into $out"
