#!/bin/sh
# tools/deps.sh test|bench - makes sure the Debian packages a target needs are installed.
# Installs the missing ones with apt-get only when running as root on a Debian-like system;
# otherwise says exactly what to install and fails.
set -u
case "${1:-test}" in
test)  pkgs="gcc make clang g++ valgrind libclang-rt-14-dev libbearssl-dev libminiupnpc-dev openssl socat python3 chromium chromium-driver" ;;
bench) pkgs="gcc make valgrind strace libcjson-dev libjansson-dev libjson-c-dev libcurl4-openssl-dev libbearssl-dev openssl socat musl-tools libssl-dev" ;;
*) echo "usage: tools/deps.sh test|bench" >&2; exit 2 ;;
esac
if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "tools/deps.sh: not a Debian system; make sure these (Debian names) are installed: $pkgs"
    exit 0
fi
missing=""
for p in $pkgs; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "tools/deps.sh: installing$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -q $missing >/dev/null 2>&1 ||
        { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q $missing >/dev/null; } ||
        { echo "tools/deps.sh: apt-get could not install$missing" >&2; exit 1; }
    exit 0
fi
echo "tools/deps.sh: missing Debian packages:$missing" >&2
echo "tools/deps.sh: install them with: sudo apt-get install$missing" >&2
exit 1
