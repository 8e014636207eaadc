#!/bin/sh
# Install the Debian packages Tine's build and tests need: QEMU to boot
# kernels, musl to build static test programs, busybox-static for the guest
# shell, Debian's Linux kernel as the test oracle, cmocka for host unit tests,
# cpio for inspecting images, and chromium for the screenshot test of the
# trace pictures (tests/trace/check_page.py). When everything is present it
# only runs dpkg-query (fast, no network); otherwise it runs apt-get update
# and installs what is missing, through sudo when not root.
set -e

PKGS="qemu-system-x86 musl-tools busybox-static linux-image-amd64 libcmocka-dev cpio chromium"

# One dpkg-query for all of them: `make run` calls this on every start.
# shellcheck disable=SC2086
installed=" $(dpkg-query -W -f='${db:Status-Status} ${Package}\n' $PKGS \
    2>/dev/null | awk '$1 == "installed" {print $2}' | tr '\n' ' ')"
missing=""
for p in $PKGS; do
    case "$installed" in
    *" $p "*) ;;
    *) missing="$missing $p" ;;
    esac
done
[ -z "$missing" ] && exit 0

echo "deps: installing:$missing"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
$SUDO apt-get update
# shellcheck disable=SC2086
$SUDO env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y --no-install-recommends $missing
