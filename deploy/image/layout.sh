#!/bin/sh
# The Baktainer image's layout, in one place for both ways of building the image:
# deploy/Dockerfile runs it inside the official runtime image (root "/"), and
# deploy/image/build-local.sh (dotnet cake --target=Image) runs it on the root filesystem it
# assembles. Creates the non-root user, the writable /backups volume, the read-only drop-in plugin
# folder and /tmp. Run as root (it sets owners).
set -eu
root="${1:?usage: layout.sh <root folder of the image>}"
uid=10001
gid=10001

mkdir -p "$root/etc" "$root/app/plugins" "$root/app/plugins-extra" "$root/backups" "$root/tmp"
touch "$root/etc/passwd" "$root/etc/group"
grep -q '^baktainer:' "$root/etc/group" || echo "baktainer:x:$gid:" >>"$root/etc/group"
grep -q '^baktainer:' "$root/etc/passwd" ||
    echo "baktainer:x:$uid:$gid:Baktainer:/nonexistent:/usr/sbin/nologin" >>"$root/etc/passwd"

# /backups: a volume the user writes (Docker copies this owner and mode into a new named volume).
chown "$uid:$gid" "$root/backups"
chmod 0750 "$root/backups"
# The bundled plugins and the drop-in folder are read-only for the user: plugins are code.
chmod 0755 "$root/app" "$root/app/plugins" "$root/app/plugins-extra"
chmod 1777 "$root/tmp"
