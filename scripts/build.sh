#!/bin/sh
# Installs what is missing, then configures (once) and builds sverka in build/.
set -eu
cd "$(dirname "$0")/.."
scripts/install-deps.sh
[ -f build/build.ninja ] || meson setup build
meson compile -C build
