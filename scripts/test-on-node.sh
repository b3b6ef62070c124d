#!/usr/bin/env bash
# Usage: scripts/test-on-node.sh <major> [jest args]   runs `npm test` (build + the Jest suite) on
# Node.js <major> from the npm registry (see node-from-npm.sh), and prints the suite's wall time.
set -euo pipefail
major="$1"
shift
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="$("$root/scripts/node-from-npm.sh" "$major")"
export PATH="$bin:$PATH"
echo "== npm test on Node $(node --version)"
start=$SECONDS
(cd "$root" && npm test -- "$@")
echo "== Node $(node --version): suite wall time $((SECONDS - start)) s"
