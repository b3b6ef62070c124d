#!/usr/bin/env bash
# Usage: scripts/test-sdk-range.sh floor|newest
# Installs (npm install --no-save) the AWS SDK packages at the floor of our `^3.x` range, or at the
# newest release, runs the SDK-sensitive specs (requests, errors and cancellation reasons, batches,
# transactions, sync, the engine's own AttributeValue conversion against util-dynamodb's), then puts
# the locked versions back.
set -euo pipefail
cd "$(dirname "$0")/.."
which="${1:?floor or newest}"
pkgs=(@aws-sdk/client-dynamodb @aws-sdk/lib-dynamodb @aws-sdk/client-dynamodb-streams @aws-sdk/util-dynamodb)
# each package at its own floor (the caret range's base) or its own newest release: they are released
# together but not always under one number (util-dynamodb's newest is behind the clients')
targetSpecs=()
for pkg in "${pkgs[@]}"; do
  case "$which" in
    floor) version="$(node -p "require('./package.json').dependencies['$pkg'].replace(/^\\^/, '')")" ;;
    newest) version="$(npm view "$pkg" version)" ;;
    *) echo "usage: $0 floor|newest" >&2; exit 2 ;;
  esac
  targetSpecs+=("$pkg@$version")
done
locked="$(node -p 'require("./package-lock.json").packages["node_modules/@aws-sdk/client-dynamodb"].version')"
# each package back at its own locked version (they are released together but locked apart)
lockedSpecs=()
for pkg in "${pkgs[@]}"; do
  lockedSpecs+=("$pkg@$(node -p "require('./package-lock.json').packages['node_modules/$pkg'].version")")
done
restore() { npm install --no-save --no-audit --no-fund --loglevel=error "${lockedSpecs[@]}"; }
trap restore EXIT

npm install --no-save --no-audit --no-fund --loglevel=error "${targetSpecs[@]}"
echo "== AWS SDK $which: $(node -p 'require("@aws-sdk/client-dynamodb/package.json").version') (locked: $locked)"
npm run build
npm run jest -- \
  test/core/client.spec.ts \
  test/core/model/writes.spec.ts \
  test/core/transaction/tx-cancellation.spec.ts \
  test/core/transaction/tx-retry.spec.ts \
  test/core/query/access-plans.spec.ts \
  test/core/query/paginate.spec.ts \
  test/core/relations/includes.spec.ts \
  test/core/power/optimistic-locking.spec.ts \
  test/core/power/ttl.spec.ts \
  test/core/power/declared-indexes.spec.ts \
  test/reliability/faults-throttling.spec.ts \
  test/core/batch/create-many.spec.ts \
  test/unit/attribute-values.spec.ts
