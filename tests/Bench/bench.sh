#!/usr/bin/env bash
# Baktainer compression and restore benchmark (dotnet cake --target=Bench). Needs a running Docker
# engine and Debian's postgresql; run it under the shared Docker lock (flock /tmp/bt-docker.lock).
# One run on this machine (BENCH_ROUNDS interleaved rounds, default 5: median time, highest peak RSS), with a PostgreSQL dump of >= 400 MB (orders and events: numbers, names,
# e-mail addresses, timestamps, JSON and hashes), measures:
#   (a) docker exec <db> pg_dump > file              the baseline a user would compare with
#   (b) docker exec <db> pg_dump | gzip -1 > file
#   (c) baktainer backup, gzip at its default level
#   (d) baktainer backup, BT_COMPRESSION=zstd at its default level
#   (e) baktainer backup, no compression (SHA-256 + fsync + atomic commit only)
#   (f) baktainer backup, gzip default and encrypted (AES-256-GCM segments): time and peak RSS against (c)
# with time, stored size and peak RSS of each; then restore of the same dump:
#   (r) docker exec -i <db> psql < file              into a new database
#   (s) baktainer restore of (d) --yes and (t) of (c) (full verification first, temporary database swapped in)
#   (u) baktainer restore of (f), decrypting: time and peak RSS against (t)
# Prints ratios against (a), (b) and (r) measured in the same run: the ratio of the medians and, as
# "per round", the median of each round's own ratio (measurements seconds apart share the machine's load).
# Then the S3 section (tests/Bench/s3.sh): the table grows to a dump of >= 1 GB, backed up to local
# storage only vs local + S3 (s3rver) in the same run: peak RSS of each and the time ratio.
# BENCH_ONLY=s3 runs the S3 section alone (BENCH_S3_ROWS sets its size; ~230000 rows is ~50 MB).
set -euo pipefail
cd "$(dirname "$0")/../.."
BAKTAINER=${BAKTAINER:-$PWD/artifacts/publish/baktainer}
ROWS=${BENCH_ROWS:-1800000}
WORK=$(mktemp -d /tmp/bt-bench-XXXX)
NAME=bt-bench-pg-$$
PASSWORD=bench-pw
S3PID=
cleanup() { [ -z "$S3PID" ] || kill $S3PID 2>/dev/null || true; docker rm -f -v $NAME >/dev/null 2>&1 || true; rm -rf "$WORK"; }
trap cleanup EXIT

command -v /usr/bin/time >/dev/null || apt-get install -y -qq time >/dev/null
if ! docker image inspect baktainer-test/base >/dev/null 2>&1; then
  root=$WORK/rootfs; mkdir -p $root/{usr,etc,tmp,var,run,proc,sys,dev,root,home,data}
  ln -s usr/bin $root/bin; ln -s usr/lib $root/lib; ln -s usr/lib64 $root/lib64; ln -s usr/sbin $root/sbin; ln -s ../run $root/var/run
  cp /etc/passwd /etc/group $root/etc/
  tar -C $root -c . | docker import - baktainer-test/base >/dev/null
fi

docker run -d --name $NAME --network none -e POSTGRES_PASSWORD=$PASSWORD -e PGHOST=/tmp \
  --label baktainer.backup=true --label baktainer.db.engine=postgres --label baktainer.db.name=bench \
  --label baktainer.db.password_env=POSTGRES_PASSWORD \
  -v /usr:/usr:ro -v /etc:/etc:ro -v /var/lib/pgdata baktainer-test/base sh -c \
  'chmod 1777 /tmp && chown postgres:postgres /var/lib/pgdata && exec setpriv --reuid=postgres --regid=postgres --init-groups sh -c "[ -f /var/lib/pgdata/PG_VERSION ] || { printf %s \"\$POSTGRES_PASSWORD\" > /tmp/.pw && /usr/lib/postgresql/15/bin/initdb -D /var/lib/pgdata -U postgres --auth=scram-sha-256 --pwfile=/tmp/.pw >/dev/null; }; exec /usr/lib/postgresql/15/bin/postgres -D /var/lib/pgdata -k /tmp -c listen_addresses=\"\" -c fsync=off"' >/dev/null
psql() { docker exec -e PGPASSWORD=$PASSWORD $NAME psql -U postgres -Atq "$@"; }
for _ in $(seq 1 60); do psql -c 'select 1' >/dev/null 2>&1 && break; sleep 0.5; done
psql -c 'create database bench'
psql -d bench -c "create table orders(id bigint primary key, customer text, email text, created timestamptz, amount numeric(10,2), status text, sku text, note text)" \
  -c "create table events(id bigint, at timestamptz, kind text, payload text)"
fill() { # first last: rows first..last of both tables
  psql -d bench -c "insert into orders select g, 'Customer ' || (g * 7919 % 50000), 'user' || (g * 7919 % 50000) || '@example.com', timestamptz '2024-01-01' + g * interval '17 seconds', (g * 31 % 100000) / 100.0, (array['new','paid','shipped','delivered','cancelled'])[g % 5 + 1], 'SKU-' || lpad((g * 104729 % 9000)::text, 5, '0'), md5(g::text) from generate_series($1::bigint, $2) g" \
    -c "insert into events select g, timestamptz '2024-01-01' + g * interval '3 seconds', (array['login','logout','view','click','purchase'])[g % 5 + 1], '{\"session\":\"' || md5((g / 20)::text) || '\",\"page\":\"/products/' || (g * 13 % 2000) || '\",\"ms\":' || (g * 37 % 5000) || '}' from generate_series($1::bigint, $2) g" \
    -c "vacuum analyze"
}

now() { date +%s.%N; }
measure() { # label command...: runs it, records seconds in T[label] and adds them to the label's rounds in TS[label]
  local s; s=$(now); "${@:2}"; T[$1]=$(echo "$(now) - $s" | bc); TS[$1]="${TS[$1]:-} ${T[$1]}"
}
median() { printf '%s\n' $1 | sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
peak() { # label file: keeps the highest peak RSS (KiB) of the label's rounds
  local r; r=$(cat $2); [ "${R[$1]:-0}" -ge "$r" ] || R[$1]=$r
}
declare -A T TS S R
if [ "${BENCH_ONLY:-}" = s3 ]; then ROWS=0; . tests/Bench/s3.sh; exit 0; fi
fill 1 $ROWS
KEY=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
baktainer_backup() { # label [VAR=value...]
  local label=$1; shift; local dir=$WORK/backups-$label; rm -rf $dir; mkdir -p $dir
  measure $label env BT_BACKUP_DIR=$dir "$@" /usr/bin/time -f %M -o $WORK/rss-$label "$BAKTAINER" --quiet backup --target $NAME >/dev/null
  S[$label]=$(find $dir -type f ! -name '*.json' -printf '%s\n'); peak $label $WORK/rss-$label
}
restore() { # label backup-folder-label [VAR=value...]
  local file; file=$(find $WORK/backups-$2 -type f ! -name '*.json')
  measure $1 env BT_BACKUP_DIR=$WORK/backups-$2 "${@:3}" /usr/bin/time -f %M -o $WORK/rss-$1 "$BAKTAINER" --quiet restore "$file" --target $NAME --yes
  peak $1 $WORK/rss-$1
}

# This machine is shared and noisy (the same raw dump took 5 to 8 s in one hour): every measurement
# runs in each of BENCH_ROUNDS rounds, interleaved, and the median of its rounds is reported.
ROUNDS=${BENCH_ROUNDS:-5}
for round in $(seq 1 $ROUNDS); do
  echo "== round $round of $ROUNDS: backup"
  sync; sleep 2
  measure a sh -c "docker exec -e PGPASSWORD=$PASSWORD $NAME pg_dump -U postgres -d bench > $WORK/a.sql"
  S[a]=$(stat -c %s $WORK/a.sql)
  measure b sh -c "docker exec -e PGPASSWORD=$PASSWORD $NAME pg_dump -U postgres -d bench | /usr/bin/time -f %M -o $WORK/rss-b gzip -1 > $WORK/b.sql.gz"
  S[b]=$(stat -c %s $WORK/b.sql.gz); peak b $WORK/rss-b
  baktainer_backup c
  baktainer_backup d BT_COMPRESSION=zstd
  baktainer_backup e BT_COMPRESS=false
  baktainer_backup f BT_ENCRYPTION_ENABLED=true BT_ENCRYPTION_KEY=$KEY
  rm -f $WORK/b.sql.gz

  echo "== round $round of $ROUNDS: restore"
  psql -c 'create database cli_restore'
  measure r sh -c "docker exec -i -e PGPASSWORD=$PASSWORD $NAME psql -U postgres -d cli_restore -q -v ON_ERROR_STOP=1 < $WORK/a.sql >/dev/null"
  psql -c 'drop database cli_restore'
  restore s d
  restore t c
  restore u f BT_ENCRYPTION_KEY=$KEY
  rows=$(psql -d bench -c 'select count(*) from orders')
  [ "$rows" = "$ROWS" ] || { echo "restored orders has $rows rows, expected $ROWS"; exit 1; }
done
for x in a b c d e f r s t u; do T[$x]=$(median "${TS[$x]}"); done

mb() { echo "scale=1; $1 / 1048576" | bc; }
div() { echo "$1 / $2" | bc -l; } # printf rounds it
paired() { # label base: the median over the rounds of label's time / base's time in the same round
  local -a x=(${TS[$1]}) y=(${TS[$2]}); local i r=""
  for i in "${!x[@]}"; do r="$r $(div ${x[$i]} ${y[$i]})"; done
  median "$r"
}
echo
echo "Baktainer compression benchmark ($(nproc) cores, one run of $ROUNDS interleaved rounds: median time, highest peak RSS; dump $(mb ${S[a]}) MiB)"
for x in a b c d e f r s t u; do printf '  rounds %s:%s s\n' "$x" "${TS[$x]}"; done
printf '  %-36s %8.2f s %8s MiB                  peak RSS (docker CLI not counted)\n' "(a) docker exec pg_dump > f" "${T[a]}" "$(mb ${S[a]})"
printf '  %-36s %8.2f s %8s MiB  time/(a) %.2f (per round %.2f)   gzip peak RSS %s MiB\n' "(b) ... | gzip -1 > f" "${T[b]}" "$(mb ${S[b]})" "$(div ${T[b]} ${T[a]})" "$(paired b a)" "$((R[b] / 1024))"
for x in c d e; do
  case $x in c) l="(c) baktainer, gzip default";; d) l="(d) baktainer, zstd default";; e) l="(e) baktainer, no compression";; esac
  printf '  %-36s %8.2f s %8s MiB  time/(a) %.2f (per round %.2f)   size/(b) %.2f   peak RSS %s MiB\n' "$l" "${T[$x]}" "$(mb ${S[$x]})" "$(div ${T[$x]} ${T[a]})" "$(paired $x a)" "$(div ${S[$x]} ${S[b]})" "$((R[$x] / 1024))"
done
echo "  targets: (c) size/(b) <= 1.00, time/(a) <= 1.05; (d) size/(b) <= 0.80, time/(a) <= 1.00, peak RSS <= 80 MiB"
printf '  %-36s %8.2f s\n' "(r) docker exec -i psql < f" "${T[r]}"
printf '  %-36s %8.2f s   time/(r) %.2f (per round %.2f)   peak RSS %s MiB\n' "(s) baktainer restore (zstd)" "${T[s]}" "$(div ${T[s]} ${T[r]})" "$(paired s r)" "$((R[s] / 1024))"
printf '  %-36s %8.2f s   time/(r) %.2f (per round %.2f)   peak RSS %s MiB\n' "(t) baktainer restore (gzip)" "${T[t]}" "$(div ${T[t]} ${T[r]})" "$(paired t r)" "$((R[t] / 1024))"
echo "  target: restore time/(r) <= 1.00 (Baktainer verifies the whole backup before it touches the database)"
printf '  %-36s %8.2f s %8s MiB  time/(c) %.3f (per round %.3f)   peak RSS %s MiB, /(c) %.3f\n' "(f) baktainer, gzip + encrypted" "${T[f]}" "$(mb ${S[f]})" "$(div ${T[f]} ${T[c]})" "$(paired f c)" "$((R[f] / 1024))" "$(div ${R[f]} ${R[c]})"
printf '  %-36s %8.2f s   time/(t) %.3f (per round %.3f)   peak RSS %s MiB, /(t) %.3f\n' "(u) baktainer restore (encrypted)" "${T[u]}" "$(div ${T[u]} ${T[t]})" "$(paired u t)" "$((R[u] / 1024))" "$(div ${R[u]} ${R[t]})"
echo "  targets: encryption time/(c) <= 1.05, peak RSS within 10 % of the unencrypted run"

. tests/Bench/s3.sh
