#!/usr/bin/env bash
# Baktainer backup benchmark (dotnet cake --target=Bench). Needs a running Docker engine and
# Debian's postgresql; builds what it needs. Measures, in one run on this machine:
#   (a) docker exec <db> pg_dump > file          the baseline a user would compare with
#   (b) docker exec <db> pg_dump | gzip -1 > file
#   (c) baktainer backup of the same container (gzip + SHA-256 + atomic commit)
#   (d) the same without compression
# and Baktainer's peak RSS at about 100 MB, 400 MB and 1 GB of dump. Prints ratios against (a).
set -euo pipefail
cd "$(dirname "$0")/../.."
BAKTAINER=${BAKTAINER:-$PWD/artifacts/publish/baktainer}
WORK=$(mktemp -d /tmp/bt-bench-XXXX)
NAME=bt-bench-pg
PASSWORD=bench-pw
trap 'docker rm -f -v $NAME >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT

command -v /usr/bin/time >/dev/null || apt-get install -y -qq time >/dev/null
if ! docker image inspect baktainer-test/base >/dev/null 2>&1; then
  root=$WORK/rootfs; mkdir -p $root/{usr,etc,tmp,var,run,proc,sys,dev,root,home,data}
  ln -s usr/bin $root/bin; ln -s usr/lib $root/lib; ln -s usr/lib64 $root/lib64; ln -s usr/sbin $root/sbin; ln -s ../run $root/var/run
  cp /etc/passwd /etc/group $root/etc/
  tar -C $root -c . | docker import - baktainer-test/base >/dev/null
fi

docker rm -f -v $NAME >/dev/null 2>&1 || true
docker run -d --name $NAME --network none -e POSTGRES_PASSWORD=$PASSWORD -e PGHOST=/tmp \
  --label baktainer.backup=true --label baktainer.db.engine=postgres --label baktainer.db.name=bench \
  --label baktainer.db.password_env=POSTGRES_PASSWORD \
  -v /usr:/usr:ro -v /etc:/etc:ro -v /var/lib/pgdata baktainer-test/base sh -c \
  'chmod 1777 /tmp && chown postgres:postgres /var/lib/pgdata && exec setpriv --reuid=postgres --regid=postgres --init-groups sh -c "[ -f /var/lib/pgdata/PG_VERSION ] || { printf %s \"\$POSTGRES_PASSWORD\" > /tmp/.pw && /usr/lib/postgresql/15/bin/initdb -D /var/lib/pgdata -U postgres --auth=scram-sha-256 --pwfile=/tmp/.pw >/dev/null; }; exec /usr/lib/postgresql/15/bin/postgres -D /var/lib/pgdata -k /tmp -c listen_addresses=\"\" -c fsync=off"' >/dev/null
psql() { docker exec -e PGPASSWORD=$PASSWORD $NAME psql -U postgres -Atq "$@"; }
for _ in $(seq 1 60); do psql -c 'select 1' >/dev/null 2>&1 && break; sleep 0.5; done
psql -c 'create database bench'
psql -d bench -c 'create table t(id bigint, a text, b text)'

rows=0
grow_to() { # rows
  psql -d bench -c "insert into t select g, md5(g::text) || md5((g * 7)::text), md5((g * 13)::text) from generate_series($((rows + 1)), $1) g"
  rows=$1
}
dump_size() { docker exec -e PGPASSWORD=$PASSWORD $NAME pg_dump -U postgres -d bench | wc -c; }
secs() { local s=$(date +%s.%N); "$@" >/dev/null 2>&1; echo "$(date +%s.%N) - $s" | bc; }
baktainer_run() { # [VAR=value...]; prints "<seconds> <peak kB>"
  local dir=$WORK/backups-$RANDOM; mkdir -p $dir
  local s=$(date +%s.%N)
  env BT_BACKUP_DIR=$dir "$@" /usr/bin/time -f %M -o $WORK/rss "$BAKTAINER" --quiet backup --target $NAME >/dev/null
  echo "$(echo "$(date +%s.%N) - $s" | bc) $(cat $WORK/rss)"
  rm -rf $dir
}

echo "== peak RSS at ~100 MB of dump"
grow_to 1000000
size100=$(dump_size)
read -r _ rss100 <<<"$(baktainer_run)"

echo "== throughput at ~400 MB of dump"
grow_to 4200000
size400=$(dump_size)
best_a=999999; best_b=999999; best_c=999999; best_d=999999; rss400=0
for run in 1 2 3; do
  a=$(secs sh -c "docker exec -e PGPASSWORD=$PASSWORD $NAME pg_dump -U postgres -d bench > $WORK/a.sql")
  b=$(secs sh -c "docker exec -e PGPASSWORD=$PASSWORD $NAME pg_dump -U postgres -d bench | gzip -1 > $WORK/b.sql.gz")
  read -r c rss <<<"$(baktainer_run)"
  read -r d _ <<<"$(baktainer_run BT_COMPRESS=false)"
  echo "   run $run: (a) ${a}s  (b) ${b}s  (c) ${c}s  (d) ${d}s  peak RSS ${rss} kB"
  best_d=$(echo "if ($d < $best_d) $d else $best_d" | bc)
  best_a=$(echo "if ($a < $best_a) $a else $best_a" | bc); best_b=$(echo "if ($b < $best_b) $b else $best_b" | bc)
  best_c=$(echo "if ($c < $best_c) $c else $best_c" | bc); [ "$rss" -gt "$rss400" ] && rss400=$rss
  rm -f $WORK/a.sql $WORK/b.sql.gz
done

echo "== peak RSS at ~1 GB of dump"
grow_to 10500000
size1g=$(dump_size)
read -r c1g rss1g <<<"$(baktainer_run)"

mb() { echo "scale=0; $1 / 1048576" | bc; }
echo
echo "Baktainer backup benchmark ($(nproc) cores; best of 3 at ~400 MB)"
printf '  dump size                     %6s MB\n' "$(mb $size400)"
printf '  (a) docker exec pg_dump > f   %8.2f s\n' "$best_a"
printf '  (b) ... | gzip -1 > f         %8.2f s   (b)/(a) = %.2f\n' "$best_b" "$(echo "$best_b / $best_a" | bc -l)"
printf '  (c) baktainer backup          %8.2f s   (c)/(a) = %.2f   target <= 1.05\n' "$best_c" "$(echo "$best_c / $best_a" | bc -l)"
printf '  (d) baktainer, no compression %7.2f s   (d)/(a) = %.2f   (SHA-256 + fsync + atomic commit only)\n' "$best_d" "$(echo "$best_d / $best_a" | bc -l)"
printf '  peak RSS at %5s MB dump      %6s MB\n' "$(mb $size100)" "$((rss100 / 1024))"
printf '  peak RSS at %5s MB dump      %6s MB\n' "$(mb $size400)" "$((rss400 / 1024))"
printf '  peak RSS at %5s MB dump      %6s MB   (backup took %.1f s)   target <= 80 MB flat\n' "$(mb $size1g)" "$((rss1g / 1024))" "$c1g"
