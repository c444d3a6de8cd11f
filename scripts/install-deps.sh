#!/bin/sh
# Installs the Debian packages sverka needs to build, run and test, if any
# is missing. Needs root (apt-get) only when something is missing.
# hunspell-en-gb: British spellings are right too. chromium, chromium-driver,
# python3-selenium and fonts-dejavu-core (a font with Cyrillic) are for the
# HTML report's browser test. clang and libclang-rt-14-dev build the
# libFuzzer harnesses (scripts/fuzz.sh); locales lets the tests compile
# ru_RU, tr_TR and de_DE into a private folder (no system locale is changed).
# slurm-wlm, munge and python3-distributed run the cluster tests (a private
# Slurm and Dask cluster on 127.0.0.1; nothing started at install time).
set -eu

packages="gcc libc6-dev pkg-config meson ninja-build libglib2.0-dev libicu-dev libhunspell-dev libxml2-dev
libstemmer-dev hunspell-ru hunspell-en-us hunspell-en-gb mueller7-dict valgrind python3 jq
translate-toolkit groff-base chromium chromium-driver python3-selenium fonts-dejavu-core
clang libclang-rt-14-dev locales parallel slurm-wlm munge python3-distributed"

missing=""
for p in $packages; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done
[ -z "$missing" ] && exit 0

echo "install-deps: installing:$missing" >&2
if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: these Debian packages are missing:$missing" >&2
  echo "install-deps: run this script as root, or: sudo apt-get install$missing" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >/dev/null
