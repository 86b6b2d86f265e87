#!/usr/bin/env bash
# Installs what is missing (Debian packages, npm packages) and does nothing when everything is present.
# Usage: scripts/setup.sh [--with-browser] [--with-postgres] [--with-nginx] [--with-bench] [--with-fuzz]
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(build-essential cmake ninja-build ccache mold pkg-config
          libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
          libsqlite3-dev sqlite3 libpq-dev libsodium-dev libspdlog-dev libfmt-dev libcli11-dev libtomlplusplus-dev
          libxlsxwriter-dev libvips-dev libqrencode-dev zbar-tools libgtest-dev nodejs npm unzip)
for argument in "$@"; do
    case "$argument" in
        --with-browser) packages+=(chromium fonts-noto-cjk) ;;
        --with-postgres) packages+=(postgresql-15 postgresql-client-15) ;;
        --with-bench) packages+=(wrk nghttp2-client nginx-light bc) ;;
        --with-nginx) packages+=(nginx-light) ;;
        --with-fuzz) packages+=(clang-14 libclang-rt-14-dev) ;;
        *) echo "unknown option $argument" >&2; exit 2 ;;
    esac
done

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
# Node may come from elsewhere than Debian's nodejs package; accept any node >= 20 with npm.
if command -v node >/dev/null && command -v npm >/dev/null; then
    filtered=()
    for package in "${missing[@]}"; do [[ "$package" == nodejs || "$package" == npm ]] || filtered+=("$package"); done
    missing=("${filtered[@]+"${filtered[@]}"}")
fi
if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}"
    sudo_cmd=""
    [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q -o DPkg::Lock::Timeout=600 --no-install-recommends "${missing[@]}"
fi

# The web toolchain (Vite 8) needs Node.js 20.19 or newer; Debian 12's own nodejs package is 18.
node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 20 ]; then
    echo "setup: Node.js $(node --version 2>/dev/null || echo missing) is too old; install Node.js 20.19+ (e.g. NodeSource) and rerun" >&2
    exit 1
fi

# npm: install from the lock file only when node_modules is missing or the lock changed.
npm_install() {
    local directory=$1
    [ -f "$directory/package-lock.json" ] || return 0
    local stamp="$directory/node_modules/.ankang-lock-hash"
    local hash
    hash=$(sha256sum "$directory/package-lock.json" | cut -d' ' -f1)
    if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$hash" ]; then
        echo "setup: npm ci in $directory"
        (cd "$directory" && npm ci --no-audit --no-fund --loglevel=error)
        echo "$hash" >"$stamp"
    fi
}
npm_install web
npm_install e2e
