#!/usr/bin/env bash
# Refreshes the committed OpenAPI document, docs/openapi.yaml, that planbok-client is generated from.
#
#   scripts/openapi-refresh.sh              copy what the last OpenApiIT run saw Node 1 serve
#                                           (src-it/target/openapi/openapi.yaml, canonical form)
#   scripts/openapi-refresh.sh URL          fetch URL/openapi from a running Node 1 instead,
#                                           e.g. http://127.0.0.1:8080 (started by scripts/run.sh)
#
# After an intended change of the API: run OpenApiIT (it fails and names the differences), refresh,
# rebuild (the client is regenerated), commit docs/openapi.yaml with the change. See docs/api.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
spec=$root/docs/openapi.yaml
if [ $# -ge 1 ]; then
  curl -sf --max-time 30 "${1%/}/openapi" -o "$spec.tmp"
  mv "$spec.tmp" "$spec"
  echo "[planbok] $spec <- ${1%/}/openapi (as served; OpenApiIT compares semantically)"
else
  served=$root/src-it/target/openapi/openapi.yaml
  [ -f "$served" ] || { echo "no $served: run OpenApiIT first (see docs/api.md)" >&2; exit 1; }
  cp "$served" "$spec"
  echo "[planbok] $spec <- $served"
fi
