#!/usr/bin/env bash
# Builds the server (CMake preset: dev = ASan/UBSan debug, release = optimised) and the web front end.
# Usage: scripts/build.sh [dev|release]
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${1:-release}
[ -f "build/$preset/build.ninja" ] || cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"
# The web bundle is rebuilt only when its sources changed.
stamp=web/dist/.ankang-source-hash
hash=$(find web/src web/public web/index.html web/package-lock.json web/vite.config.ts -type f -print0 2>/dev/null | sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$hash" ]; then
    (cd web && npm run --silent build && npm run --silent precompress)
    echo "$hash" >"$stamp"
fi
