#!/usr/bin/env bash
# Builds the Baktainer image into the local Docker engine without any registry: the equivalent of
# deploy/Dockerfile for machines that cannot pull the official .NET images. `dotnet cake
# --target=Image` runs it on the publish output; the image tests run it on the build output.
#
#   deploy/image/build-local.sh <app folder: baktainer + plugins/> <image tag> [plugin.nupkg ...]
#
# Plugin packages given after the tag (the test fixture passes the Redis pack from samples/) are
# installed into the image's /app/plugins with `baktainer plugins install`, as a user would.
#
# 1. a root filesystem: the app under /app, this machine's .NET runtime (host + Microsoft.NETCore.App
#    + Microsoft.AspNetCore.App) under /usr/share/dotnet, the few system libraries it loads (found
#    with ldd, plus OpenSSL and libzstd, which are loaded at run time), CA certificates and time
#    zones, then deploy/image/layout.sh (user, /backups, /app/plugins-extra, /tmp);
# 2. `docker import` of that tree (owners kept);
# 3. `docker build` FROM it with the block marked "shared" in deploy/Dockerfile, copied verbatim,
#    so user, entrypoint, volume, health check, environment and labels cannot drift.
# Needs root (owners in the tree), docker, ldd and tar.
set -euo pipefail
app="$(cd "${1:?usage: build-local.sh <app folder> <image tag>}" && pwd)"
tag="${2:?usage: build-local.sh <app folder> <image tag>}"
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
[ -x "$app/baktainer" ] || { echo "no baktainer executable in $app (run dotnet cake --target=Publish first)" >&2; exit 1; }
shift 2
packages=("$@")
[ "$(id -u)" = 0 ] || { echo "build-local.sh must run as root: the image's files need their owners (root, and uid 10001 for /backups)" >&2; exit 1; }

dotnet_root="$(dirname "$(readlink -f "$(command -v dotnet)")")"
newest() { find "$1" -mindepth 1 -maxdepth 1 -type d -name '10.*' -printf '%f\n' | sort -V | tail -n 1; }
fxr="$(newest "$dotnet_root/host/fxr")"
core="$(newest "$dotnet_root/shared/Microsoft.NETCore.App")"
aspnet="$(newest "$dotnet_root/shared/Microsoft.AspNetCore.App")"
[ -n "$fxr" ] && [ -n "$core" ] && [ -n "$aspnet" ] || { echo "no .NET 10 runtime (Microsoft.NETCore.App and Microsoft.AspNetCore.App) under $dotnet_root" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/baktainer-image.XXXXXX")"
trap 'rm -rf "$work"' EXIT
root="$work/rootfs"
mkdir -p "$root"/{usr/bin,usr/lib,usr/lib64,usr/sbin,etc/ssl/certs,run,proc,sys,dev,root,var}
ln -s usr/bin "$root/bin"; ln -s usr/lib "$root/lib"; ln -s usr/lib64 "$root/lib64"; ln -s usr/sbin "$root/sbin"
ln -s ../run "$root/var/run"
printf 'root:x:0:0:root:/root:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n' >"$root/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"

# The app: no debug symbols or XML docs in the image.
mkdir -p "$root/app"
tar -C "$app" --exclude='*.pdb' --exclude='*.xml' -cf - . | tar -C "$root/app" -xf -

for package in "${packages[@]}"; do
    env -u BT_PLUGIN_EXTRA_DIR BT_PLUGIN_DIR="$root/app/plugins" "$root/app/baktainer" --quiet plugins install "$package" >/dev/null
done

# The .NET runtime, where the official images have it.
rt="$root/usr/share/dotnet"
mkdir -p "$rt/host/fxr" "$rt/shared/Microsoft.NETCore.App" "$rt/shared/Microsoft.AspNetCore.App"
cp -a "$dotnet_root/dotnet" "$rt/"
cp -a "$dotnet_root/host/fxr/$fxr" "$rt/host/fxr/"
cp -a "$dotnet_root/shared/Microsoft.NETCore.App/$core" "$rt/shared/Microsoft.NETCore.App/"
cp -a "$dotnet_root/shared/Microsoft.AspNetCore.App/$aspnet" "$rt/shared/Microsoft.AspNetCore.App/"
ln -s ../share/dotnet/dotnet "$root/usr/bin/dotnet"

# System libraries: what the runtime links (ldd), and what it or a plugin opens at run time.
libdir="$(dirname "$(ldconfig -p | awk '/libc\.so\.6 .*x86-64|libc\.so\.6 .*AArch64/{print $NF; exit}')")"
runtime_libs=("$libdir/libssl.so.3" "$libdir/libcrypto.so.3" "$libdir/libzstd.so.1")
for lib in "${runtime_libs[@]}"; do [ -e "$lib" ] || { echo "missing $lib (install libssl3 and libzstd1)" >&2; exit 1; }; done
mapfile -t needed < <(
    { find "$rt" "$root/app" -name '*.so*' -type f; printf '%s\n' "$root/app/baktainer" "$rt/dotnet" "${runtime_libs[@]}"; } |
        xargs -r ldd 2>/dev/null | awk '/=> \//{print $3} /^[ \t]*\/.*ld-linux/{print $1}' | sort -u)
for lib in "${needed[@]}" "${runtime_libs[@]}"; do
    case "$lib" in "$root"/*) continue ;; esac
    mkdir -p "$root$(dirname "$lib")"
    cp -L "$lib" "$root$lib"
done

# CA certificates (HTTPS to S3, webhooks, chat) where OpenSSL looks for them, and time zones (BT_TIMEZONE).
if [ -f /etc/ssl/certs/ca-certificates.crt ]; then
    cp -L /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/"
    mkdir -p "$root/usr/lib/ssl"
    ln -s /etc/ssl/certs "$root/usr/lib/ssl/certs"
    ln -s /etc/ssl/certs/ca-certificates.crt "$root/usr/lib/ssl/cert.pem"
else
    echo "warning: /etc/ssl/certs/ca-certificates.crt not found (apt-get install ca-certificates): HTTPS will not verify" >&2
fi
[ -d /usr/share/zoneinfo ] && mkdir -p "$root/usr/share" && cp -a /usr/share/zoneinfo "$root/usr/share/" && rm -rf "$root/usr/share/zoneinfo/right"

sh "$here/layout.sh" "$root"

base="baktainer-rootfs:$(date +%s)-$$"
tar -C "$root" --numeric-owner -cf - . | docker import - "$base" >/dev/null

version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$repo/Directory.Build.props" | head -n 1)"
revision="$(git -C "$repo" rev-parse HEAD 2>/dev/null || echo unknown)"
source="$(git -C "$repo" config --get remote.origin.url 2>/dev/null || echo unknown)"
case "$source" in http*://*|git@*) ;; *) source=unknown ;; esac
{
    echo "FROM $base"
    sed -n '/^# >>> shared/,/^# <<< shared/p' "$repo/deploy/Dockerfile"
} >"$work/Dockerfile"
grep -q '^ENTRYPOINT' "$work/Dockerfile" || { echo "the shared block of deploy/Dockerfile was not found" >&2; exit 1; }
mkdir -p "$work/empty-context"
status=0
docker build -q -f "$work/Dockerfile" -t "$tag" --build-arg "VERSION=$version" --build-arg "REVISION=$revision" \
    --build-arg "SOURCE=$source" "$work/empty-context" >/dev/null 2>"$work/build.log" || status=$?
docker rmi "$base" >/dev/null 2>&1 || true
if [ "$status" != 0 ]; then cat "$work/build.log" >&2; exit "$status"; fi
echo "built $tag ($(docker image inspect -f '{{.Size}}' "$tag" | awk '{printf "%.1f MB", $1/1000000}'))"
