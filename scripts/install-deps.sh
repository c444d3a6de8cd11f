#!/bin/sh
# Installs the Debian packages sverka needs, if any is missing. Needs root
# (apt-get) only when something is missing.
#
#   scripts/install-deps.sh         what building and running needs
#   scripts/install-deps.sh --test  that, and what the test suite needs
#
# Building and running: the compiler and meson, the libraries, python3 (the
# HTML report's script is embedded at build time), the hunspell dictionaries
# (hunspell-en-gb: British spellings are right too; hunspell-de-de and
# hunspell-fr for the German and French packs), mueller7-dict (its
# dictionary is imported as a lexicon at build time) and
# dict-freedict-deu-fra and dict-freedict-fra-deu (FreeDict's German-French
# dictionaries, imported as the lexicon freedict-de-fr.tsv at build time).
# Testing: valgrind; jq, translate-toolkit and groff-base for the format
# tests; chromium, chromium-driver, python3-selenium and fonts-dejavu-core (a
# font with Cyrillic) for the HTML report's browser tests; clang and
# libclang-rt-14-dev for the libFuzzer harnesses (scripts/fuzz.sh); locales
# to compile ru_RU, tr_TR and de_DE into a private folder (no system locale
# is changed); parallel for the streaming test; slurm-wlm, munge and
# python3-distributed for the cluster tests (a private Slurm and Dask cluster
# on 127.0.0.1; nothing started at install time); build-essential,
# debhelper, lintian and man-db for the Debian package test; python3-docx and
# python3-odf to write the DOCX and ODT the input test reads; python3-cairo
# to write the PDFs.
set -eu

build_packages="gcc libc6-dev pkg-config meson ninja-build python3 libglib2.0-dev libicu-dev
libhunspell-dev libxml2-dev libzip-dev libpoppler-glib-dev libstemmer-dev hunspell-ru hunspell-en-us hunspell-en-gb mueller7-dict
hunspell-de-de hunspell-fr dict-freedict-deu-fra dict-freedict-fra-deu"
test_packages="valgrind jq translate-toolkit groff-base chromium chromium-driver python3-selenium
fonts-dejavu-core clang libclang-rt-14-dev locales parallel slurm-wlm munge python3-distributed
build-essential debhelper lintian man-db python3-docx python3-odf python3-cairo"

case "${1-}" in
  "") packages=$build_packages ;;
  --test) packages="$build_packages $test_packages" ;;
  *) echo "usage: scripts/install-deps.sh [--test]" >&2; exit 2 ;;
esac

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
