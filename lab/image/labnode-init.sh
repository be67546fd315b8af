#!/bin/sh
# labnode-init: the boot sequence of a fabric lab node, and start/stop of the daemons that have
# no working init script in a node (ovs, http).
#
# One script for both ways a node runs:
#  - fabric's lab runtime (src/lab): a network namespace + own mount/UTS/IPC/PID namespaces and
#    an overlay root; tini is PID 1 and runs this after src/lab/node/enter-root.sh;
#  - the fabric-labnode Docker image (lab/image/Dockerfile) under containerlab:
#    ENTRYPOINT ["/usr/bin/tini", "--", "/usr/local/sbin/labnode-init"].
#
# Environment (the node's `env:` in the topology):
#   FABRIC_DAEMONS     comma-separated: frr,keepalived,haproxy,redis,etcd,patroni,pgbouncer,rabbitmq-server,
#                      ovs,sshd,snmpd,gobgpd,http
#                      (sshd always runs)
#   FABRIC_REWRITABLE  files a daemon rewrites, staged under /etc/fabric-lab/rewritable: "<target>:<owner>:<mode> ..."
#   FABRIC_PRIVATE     files a daemon reads as its own user, staged the same way (same format)
#   FABRIC_HTTP_PORTS  comma-separated ports for `http` (default 80), serving /srv/www
#   FABRIC_GOBGP_PATHS `gobgpd`: the IPv4 prefixes a Cilium node's speaker announces
#   FABRIC_HTTP_BIND   address `http` listens on (default: Python's choice, IPv4 0.0.0.0;
#                      `::` listens on both families)
#   CLAB_INTFS         containerlab: data interfaces to wait for (links are added after start)
#
# Results: /run/fabric-lab/daemons ("<daemon> ok|failed ..." per line), /run/fabric-lab/booted.
#
# Usage: labnode-init                       boot (PID 1's child; ends as `sleep infinity`)
#        labnode-init start|stop|restart|status ovs|http|patroni|gdnsd
#        labnode-init start|stop|status gobgpd|speaker   (speaker: a Kubernetes node's, gobgpd or FRR)
#        labnode-init reload patroni|gdnsd
#        labnode-init default-via IF...      default routes over the routers at the far end of IF...
#        labnode-init drop-in running|stop-post|pid-file|supervise UNIT
#                                           fabric's systemd drop-in of UNIT, played (see supervise)
set -u
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export PATH
STATE=/run/fabric-lab
DAEMONS=",sshd,$(printf '%s' "${FABRIC_DAEMONS:-}" | tr -d ' ' | tr 'A-Z' 'a-z'),"

wants() { case "$DAEMONS" in *",$1,"*) return 0 ;; *) return 1 ;; esac; }

# report DAEMON RESULT...: one line per daemon, read by the runtime's status
report() {
  d=$1; shift
  echo "$d $*" >>"$STATE/daemons"
  echo "labnode-init: $d: $*"
}

running() { pidof "$1" >/dev/null 2>&1; }

# containerlab creates a linux node's links after its entrypoint starts; the lab runtime before.
wait_for_interfaces() {
  want=${CLAB_INTFS:-0}
  i=0
  while [ "$(ls /sys/class/net | grep -c -v -x -e lo -e eth0)" -lt "$want" ] && [ $i -lt 600 ]; do
    sleep 0.1; i=$((i + 1))
  done
}

start_sshd() {
  # A node without a host key (a fresh Docker container) makes one; the lab runtime provisions
  # its own ED25519 key so that known_hosts is written before boot. Only ED25519: RSA is slow.
  [ -s /etc/ssh/ssh_host_ed25519_key ] || ssh-keygen -q -t ed25519 -N '' -f /etc/ssh/ssh_host_ed25519_key
  if [ ! -e /etc/ssh/sshd_config.d/fabric-lab.conf ]; then
    mkdir -p /etc/ssh/sshd_config.d
    printf '%s\n' '# fabric lab node: key login as root, ED25519 host key only' \
      'HostKey /etc/ssh/ssh_host_ed25519_key' 'PermitRootLogin prohibit-password' \
      'PasswordAuthentication no' 'UseDNS no' >/etc/ssh/sshd_config.d/fabric-lab.conf
  fi
  mkdir -p /run/sshd && chmod 0755 /run/sshd
  if /usr/sbin/sshd; then report sshd ok; else report sshd "failed: sshd exited $?"; fi
}

start_snmpd() {
  # FRR (frr-snmp) connects as user frr to snmpd's AgentX socket.
  if wants frr && ! grep -qs agentXPerms /etc/snmp/snmpd.conf /etc/snmp/snmpd.conf.d/*.conf; then
    mkdir -p /etc/snmp/snmpd.conf.d
    printf '%s\n' '# fabric lab node: FRR subagents (user frr) use the AgentX socket' 'master agentx' \
      'agentXPerms 0777 0755' >/etc/snmp/snmpd.conf.d/fabric-lab.conf
  fi
  if /usr/sbin/snmpd -LSwd -Lf /dev/null -u Debian-snmp -g Debian-snmp -I -smux,mteTrigger,mteTriggerConf -p /run/snmpd.pid; then
    report snmpd ok
  else report snmpd "failed: snmpd exited $?"; fi
}

# zebra needs a large netlink buffer (-s); with snmpd, zebra and bgpd load the AgentX module
# (without it on zebra, frr-reload.py fails on `agentx`). A bound file that cannot be rewritten
# (a Docker bind mount) is left alone with a warning.
tune_frr_daemons() {
  f=/etc/frr/daemons
  script='/^zebra_options=/{/ -s /!s/"$/ -s 90000000"/}'
  wants snmpd && script="$script;/^\(zebra\|bgpd\)_options=/{/-M snmp/!s/\"\$/ -M snmp\"/}"
  tmp=$(mktemp) && sed "$script" "$f" >"$tmp" || return 0
  if ! cmp -s "$f" "$tmp"; then
    cat "$tmp" >"$f.fabric-lab" && mv "$f.fabric-lab" "$f" && chown frr:frr "$f" && chmod 0640 "$f" ||
      echo "labnode-init: warning: cannot update $f (bind mount?): set zebra -s and -M snmp there" >&2
  fi
  rm -f "$tmp" "$f.fabric-lab"
}

start_frr() {
  tune_frr_daemons
  install -d -o frr -g frr -m 0755 /run/frr /var/log/frr
  # through the node's service (src/lab/node/service): FRR runs at nice -10 in a lab node
  service frr start >"$STATE/frr-start.log" 2>&1
  # FRR's own rule for what is enabled (zebra and staticd always are)
  enabled=$(bash -c '. /usr/lib/frr/frrcommon.sh >/dev/null 2>&1; daemon_list' 2>/dev/null)
  missing=""
  for d in watchfrr $enabled; do running "$d" || missing="$missing $d"; done
  if ! running watchfrr || ! running zebra; then
    report frr "failed: not running:$missing (see $STATE/frr-start.log)"
  elif [ -n "$missing" ]; then
    why=""
    case " $missing " in *" ldpd "*) [ -d /proc/sys/net/mpls ] || why=" (ldpd needs MPLS, which this kernel lacks)" ;; esac
    report frr "ok, not running:$missing$why"
  else
    report frr ok
  fi
}

# Without IPVS in the kernel, keepalived exits at start as soon as keepalived.conf has a
# virtual_server. Then it runs VRRP only (--vrrp) and lab-ipvs-sync stands in for IPVS and
# keepalived's checker: nftables DNAT to the real servers that pass their rendered checks (its
# checker runs in the background, stopped by its PID file on stop, restarted on start, reload and
# restart). A lab stand-in, not a load balancer. /etc/init.d/keepalived sources
# /etc/default/keepalived with its action in $1, so `service`, `systemctl` (shim) and the init
# script all resync the nftables table on start, reload and restart.
# Note: this file is written only when IPVS is missing, so a host with ip_vs keeps Debian's.
setup_keepalived() {
  [ -e /proc/net/ip_vs ] && return 0
  cat >/etc/default/keepalived <<'EOF'
# Written by labnode-init: this kernel has no IPVS (no /proc/net/ip_vs), so keepalived runs
# VRRP only and lab-ipvs-sync emulates keepalived.conf's virtual_server blocks with nftables
# DNAT (tables ip and ip6 lab_ipvs) and their health checks. A lab stand-in for IPVS, not a load balancer.
DAEMON_ARGS="--vrrp"
case "${1:-}" in
  start|reload|force-reload) /usr/local/sbin/lab-ipvs-sync || true ;;
  # The init script's restart stops without waiting and starts 1 s later, while keepalived is
  # still leaving (VRRP priority-0 adverts): the start then fails. Stop and wait here first.
  restart)
    start-stop-daemon --stop --quiet --retry 10 --pidfile /var/run/keepalived.pid --exec /usr/sbin/keepalived || true
    /usr/local/sbin/lab-ipvs-sync || true ;;
  stop) /usr/local/sbin/lab-ipvs-sync --flush || true ;;
esac
EOF
}

start_keepalived() {
  setup_keepalived
  if [ ! -f /etc/keepalived/keepalived.conf ]; then
    # a box that is not configured yet (an empty lab waiting for `fabric push`): not a failure
    report keepalived "unconfigured: no /etc/keepalived/keepalived.conf yet"
    return
  fi
  service keepalived start >"$STATE/keepalived-start.log" 2>&1
  sleep 0.2
  if running keepalived; then report keepalived ok; else report keepalived "failed: see $STATE/keepalived-start.log"; fi
  supervise keepalived
}

start_haproxy() {
  if service haproxy start >"$STATE/haproxy-start.log" 2>&1 && running haproxy; then report haproxy ok
  else report haproxy "failed: see $STATE/haproxy-start.log"; fi
}

# Redis and Sentinel (the `redis` driver) through Debian's init scripts, for the files fabric
# rendered: a node's overlay shows the host's stock ones otherwise, and those are not started.
# fabric's files say `daemonize no` (systemd supervises them on a device, Type=notify); the init
# scripts need a daemon that forks, so the node's /etc/default/<name> adds --daemonize yes.
# Each file binds the node's data address, which the topology's `exec` lines add after boot
# (both runtimes): the daemons start in the background once their addresses exist (at most 60 s).
REDIS_FILES="redis-server:/etc/redis/redis.conf redis-sentinel:/etc/redis/sentinel.conf"
binds_of() { awk '$1 == "bind" { for (i = 2; i <= NF; i++) { a = $i; sub(/^-/, "", a); print a } }' "$1"; }
has_address() { ip -o addr show | awk '{ split($4, a, "/"); print a[1] }' | grep -qxF "$1"; }
# wait_for_address A: until the node has address A (the topology's exec adds it), at most 60 s
wait_for_address() {
  i=0
  while ! has_address "$1" && [ $i -lt 600 ]; do sleep 0.1; i=$((i + 1)); done
}
start_redis() {
  (
    started="" failed=""
    for pair in $REDIS_FILES; do
      n=${pair%%:*} conf=${pair#*:}
      grep -qs 'generated by fabric' "$conf" || continue
      for a in $(binds_of "$conf"); do wait_for_address "$a"; done
      printf '%s\n' "# fabric lab node: $n forks (fabric's $conf says daemonize no, for systemd)" \
        "DAEMON_ARGS=\"$conf --daemonize yes\"" >"/etc/default/$n"
      service "$n" start >"$STATE/$n-start.log" 2>&1
      i=0
      while ! running "$n" && [ $i -lt 20 ]; do sleep 0.1; i=$((i + 1)); done
      if running "$n"; then started="$started $n"; else failed="$failed $n"; fi
    done
    if [ -n "$failed" ]; then report redis "failed:$failed (see $STATE/<name>-start.log and /var/log/redis)"
    elif [ -n "$started" ]; then report redis "ok:$started"
    else report redis "unconfigured: no redis.conf or sentinel.conf from fabric yet"; fi
  ) >/dev/null 2>&1 &
}

# A PostgreSQL member (the etcd, patroni and pgbouncer drivers), in the background once the
# addresses its files bind exist: etcd and PgBouncer through Debian's init scripts (etcd's reads
# fabric's /etc/default/etcd; PgBouncer's runs it as postgres on /etc/pgbouncer/pgbouncer.ini),
# Patroni by hand (patroni below): Debian's /etc/init.d/patroni reads /etc/patroni/postgres.yml
# with /usr/bin/python, which bookworm lacks; fabric renders config.yml, which patroni.service
# reads. Patroni waits for no one: only the member whose config has a bootstrap section (the
# inventory's primary) initializes the cluster, the others wait for it and clone it.
# on_tmpfs DIR OWNER MODE: DIR on a tmpfs of the node's own (it goes with the node). etcd and
# PostgreSQL fsync every write; on the machine's one disk, shared by every node and whatever else
# runs, a slow fsync made etcd miss its heartbeats and Patroni lose the leader lock, and the
# lab's write VIP had no primary for seconds with no fault made. A real member has its own disk.
on_tmpfs() {
  mountpoint -q "$1" && return 0
  mkdir -p "$1" && mount -t tmpfs -o "size=1g,mode=$3" "fabric-$(basename "$1")" "$1" && chown "$2" "$1"
}

start_etcd() {
  (
    a=$(sed -n 's|^ETCD_LISTEN_CLIENT_URLS=https*://\([^:,]*\):.*|\1|p' /etc/default/etcd 2>/dev/null)
    if [ -z "$a" ]; then report etcd "unconfigured: no /etc/default/etcd from fabric yet"; exit 0; fi
    on_tmpfs /var/lib/etcd etcd:etcd 0700 || { report etcd "failed: no tmpfs for /var/lib/etcd"; exit 0; }
    wait_for_address "$a"
    if service etcd start >"$STATE/etcd-start.log" 2>&1 && running etcd; then report etcd ok
    else report etcd "failed: see $STATE/etcd-start.log"; fi
  ) >/dev/null 2>&1 &
}

PATRONI_CONF=/etc/patroni/config.yml
PATRONI_PID=/run/patroni.pid
# patroni start|stop|reload|status: Patroni as postgres on fabric's file, its PID in $PATRONI_PID
# (what `lab failover`'s crash and the node's service/systemctl use). It logs to stderr:
# /var/log/patroni.log.
patroni() {
  case "$1" in
    start)
      patroni status && return 0
      install -d -o postgres -g postgres -m 2775 /run/postgresql
      start-stop-daemon --start --quiet --background --make-pidfile --pidfile "$PATRONI_PID" \
        --chuid postgres --output /var/log/patroni.log --exec /usr/bin/patroni -- "$PATRONI_CONF"
      ;;
    # Patroni stops PostgreSQL on SIGTERM (and gives up the leader lock): wait for it
    stop) start-stop-daemon --stop --quiet --retry TERM/30/KILL/5 --pidfile "$PATRONI_PID" --remove-pidfile || return 0 ;;
    reload) start-stop-daemon --stop --quiet --signal HUP --pidfile "$PATRONI_PID" ;;
    status) start-stop-daemon --status --pidfile "$PATRONI_PID" ;;
  esac
}
start_patroni() {
  (
    a=$(sed -n "s/^  listen: '\([^']*\):[0-9]*'\$/\1/p" "$PATRONI_CONF" 2>/dev/null | head -1)
    if [ -z "$a" ]; then report patroni "unconfigured: no $PATRONI_CONF from fabric yet"; exit 0; fi
    on_tmpfs /var/lib/postgresql postgres:postgres 0755 || { report patroni "failed: no tmpfs for /var/lib/postgresql"; exit 0; }
    wait_for_address "$a"
    if patroni start; then report patroni ok; else report patroni "failed: see /var/log/patroni.log"; fi
  ) >/dev/null 2>&1 &
}

start_pgbouncer() {
  (
    a=$(sed -n 's/^listen_addr = //p' /etc/pgbouncer/pgbouncer.ini 2>/dev/null)
    if ! grep -qs 'generated by fabric' /etc/pgbouncer/pgbouncer.ini; then
      report pgbouncer "unconfigured: no pgbouncer.ini from fabric yet"; exit 0
    fi
    [ -n "$a" ] && wait_for_address "$a"
    install -d -o postgres -g postgres -m 2775 /run/postgresql
    if service pgbouncer start >"$STATE/pgbouncer-start.log" 2>&1 && running pgbouncer; then report pgbouncer ok
    else report pgbouncer "failed: see $STATE/pgbouncer-start.log and /var/log/postgresql/pgbouncer.log"; fi
    supervise pgbouncer
  ) >/dev/null 2>&1 &
}

# fabric's systemd drop-ins (src/daemons/drop-in.ts: `/etc/systemd/system/<unit>.service.d/fabric.conf`),
# played: a lab node has no systemd. A drop-in's ExecStopPost= lines run after every end of the
# unit's main process, as systemd runs them however it ended: on a stop through `service` (the
# node's stand-in, src/lab/node/service, runs them itself) and on a crash. After a crash,
# Restart=always starts the unit again RestartSec later. One loop per unit waits on the main PID
# (`tail --pid` looks every 50 ms in one process), so a crash in `lab failover` costs what it
# costs on a device. Without a drop-in
# nothing restarts a crashed daemon, as with Debian's unit alone.
# The main PID's file, as the lab starts each unit with a drop-in (Debian's init scripts; gdnsd's
# is written by `gdnsd start` below, as systemd keeps its main PID).
drop_in_pid_file() {
  case "$1" in
    gdnsd) echo "$GDNSD_PID" ;;
    keepalived) echo /run/keepalived.pid ;;
    pgbouncer) echo /var/run/postgresql/pgbouncer.pid ;;
    rabbitmq-server) echo /run/rabbitmq/pid ;;
    *) return 1 ;;
  esac
}
drop_in_file() { echo "/etc/systemd/system/$1.service.d/fabric.conf"; }
# drop_in_running UNIT: whether the unit's main process runs
drop_in_running() {
  f=$(drop_in_pid_file "$1") || return 1
  pid=$(head -n 1 "$f" 2>/dev/null)
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}
# drop_in_stop_post UNIT: the drop-in's ExecStopPost= commands, in order; a leading `-` (failure
# ignored) is systemd's, and every failure is ignored here
drop_in_stop_post() {
  sed -n 's/^ExecStopPost=-\{0,1\}//p' "$(drop_in_file "$1")" 2>/dev/null | while IFS= read -r c; do
    sh -c "$c" >/dev/null 2>&1
  done
}
# drop_in_log UNIT WHAT: what the loop saw and did, timestamped (`lab exec NODE cat
# /run/fabric-lab/supervise-UNIT.log`): systemd's journal for the unit, in short
drop_in_log() { echo "$(date +%T.%3N) $2" >>"$STATE/supervise-$1.log"; }
# drop_in_loop UNIT PAUSE: supervise's loop (PAUSE: RestartSec in seconds, 0 without Restart=always)
drop_in_loop() {
  unit=$1 pause=$2 stopping="$STATE/$1.stopping"
  echo $$ >"$STATE/supervise-$unit.pid"
  while :; do
    if drop_in_running "$unit"; then
      pid=$(head -n 1 "$(drop_in_pid_file "$unit")")
      tail --pid="$pid" -s 0.05 -f /dev/null
      # stopped through service: it ran ExecStopPost itself, and systemd restarts no stopped unit
      if [ -e "$stopping" ]; then
        rm -f "$stopping"
        drop_in_log "$unit" "main PID $pid ended: stopped through service"
        continue
      fi
      drop_in_log "$unit" "main PID $pid ended without a stop: ExecStopPost"
      drop_in_stop_post "$unit"
      [ "$pause" = 0 ] && continue
      sleep "$pause"
      if drop_in_running "$unit"; then drop_in_log "$unit" "running again before Restart="
      else
        drop_in_log "$unit" "Restart="
        service "$unit" start >/dev/null 2>&1 || sleep 1
      fi
    else sleep 0.2
    fi
  done
}
# supervise UNIT: the loop above, once per unit and node (nothing without a drop-in); started
# with the unit, by labnode-init or by the service stand-in (a unit push starts later too)
supervise() {
  unit=$1
  [ -f "$(drop_in_file "$unit")" ] && drop_in_pid_file "$unit" >/dev/null || return 0
  s="$STATE/supervise-$unit.pid"
  [ -s "$s" ] && kill -0 "$(cat "$s")" 2>/dev/null && return 0
  ms=0
  if grep -qx 'Restart=always' "$(drop_in_file "$unit")"; then
    ms=$(sed -n 's/^RestartSec=\([0-9]*\)ms$/\1/p' "$(drop_in_file "$unit")")
    [ -n "$ms" ] || ms=100 # systemd's default RestartSec
  fi
  setsid nohup /usr/local/sbin/labnode-init drop-in loop "$unit" "$(awk -v ms="$ms" 'BEGIN { print ms / 1000 }')" >/dev/null 2>&1 &
  # the loop writes its PID itself; until then this one keeps a second loop from starting
  echo $! >"$s"
}

# A RabbitMQ node (the rabbitmq-server driver) through Debian's init script, which starts it as
# rabbitmq on fabric's /etc/rabbitmq files and waits until it has booted (`rabbitmqctl wait`), in
# the background once the address it listens on exists. It reads every file of fabric's as
# rabbitmq, so all are staged as its own (FABRIC_PRIVATE). The node's database is on a tmpfs of the node's own, as
# etcd's (quorum queues fsync their log). Lab only: the Erlang VM's schedulers busy-wait for work
# by default, and three nodes on one shared machine would spin on the other nodes' time (a VM of
# its own spins on nobody's), so /etc/default/rabbitmq-server, which the init script reads,
# turns that off.
RABBITMQ_CONF=/etc/rabbitmq/rabbitmq.conf
start_rabbitmq_server() {
  (
    if ! grep -qs 'generated by fabric' "$RABBITMQ_CONF"; then
      report rabbitmq-server "unconfigured: no rabbitmq.conf from fabric yet"; exit 0
    fi
    a=$(sed -n 's/^listeners\.tcp\.1 = \(.*\):[0-9]*$/\1/p' "$RABBITMQ_CONF")
    on_tmpfs /var/lib/rabbitmq/mnesia rabbitmq:rabbitmq 0750 ||
      { report rabbitmq-server "failed: no tmpfs for /var/lib/rabbitmq/mnesia"; exit 0; }
    [ -n "$a" ] && wait_for_address "$a"
    echo 'export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="+sbwt none +sbwtdcpu none +sbwtdio none"' >/etc/default/rabbitmq-server
    if service rabbitmq-server start >"$STATE/rabbitmq-server-start.log" 2>&1 && running beam.smp; then
      report rabbitmq-server ok
    else report rabbitmq-server "failed: see $STATE/rabbitmq-server-start.log and /var/log/rabbitmq"; fi
    supervise rabbitmq-server
  ) >/dev/null 2>&1 &
}

# gdnsd, the GSLB DNS server (the gdnsd driver). Debian ships it with a systemd unit only, so
# its unit's lines are played here (the node's service stand-in sends `gdnsd` to labnode-init, as
# push reloads it through systemctl): ExecStart `gdnsd start` in the foreground, its log in
# /var/log/gdnsd.log (a lab node has no syslog), ExecReload `gdnsdctl replace` (a new daemon takes
# the sockets over without losing queries), ExecStop `gdnsdctl stop`. The main PID goes to
# GDNSD_PID, as systemd keeps it, so that the drop-in's loop can wait on it: a replace hands it to
# the new daemon (systemd follows its MAINPID notification), marked as a stop so that the loop
# neither restarts gdnsd nor runs ExecStopPost when the old one exits.
GDNSD_PID=/run/gdnsd.pid
gdnsd() {
  case "$1" in
    start)
      gdnsd status && return 0
      nohup /usr/sbin/gdnsd -c /etc/gdnsd -i start >>/var/log/gdnsd.log 2>&1 &
      echo $! >"$GDNSD_PID"
      i=0
      while ! gdnsd status && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
      gdnsd status ;;
    stop) gdnsd status || return 0; gdnsdctl -c /etc/gdnsd stop >>/var/log/gdnsd.log 2>&1 ;;
    reload)
      drop_in_running gdnsd && : >"$STATE/gdnsd.stopping"
      if gdnsdctl -c /etc/gdnsd replace >>/var/log/gdnsd.log 2>&1; then
        gdnsd_main_pid >"$GDNSD_PID.new" && mv "$GDNSD_PID.new" "$GDNSD_PID"
      else
        rm -f "$STATE/gdnsd.stopping"
        return 1
      fi ;;
    status) gdnsdctl -c /etc/gdnsd status >/dev/null 2>&1 ;;
  esac
}
# the running daemon's PID, as `gdnsdctl status` says it ("... running at PID 1234")
gdnsd_main_pid() {
  gdnsdctl -c /etc/gdnsd status 2>&1 | sed -n 's/.* PID \([0-9][0-9]*\).*/\1/p' | grep .
}
# on fabric's /etc/gdnsd, once the addresses it listens on exist
start_gdnsd() {
  (
    if ! grep -qs 'generated by fabric' /etc/gdnsd/config; then
      report gdnsd "unconfigured: no /etc/gdnsd/config from fabric yet"; exit 0
    fi
    for a in $(sed -n '/listen => \[/,/\]/s/^ *\([0-9a-f.:]*\),$/\1/p' /etc/gdnsd/config); do wait_for_address "$a"; done
    if gdnsd start; then report gdnsd ok; else report gdnsd "failed: see /var/log/gdnsd.log"; fi
    supervise gdnsd
  ) >/dev/null 2>&1 &
}

# RabbitMQ's worker (the amqp-worker driver): fabric's unit's ExecStartPre and ExecStart, run
# again RestartSec after each end, as its Restart=always would (a lab node has no systemd), from
# boot on: until the broker behind its VIP answers, each try ends and the next follows. The loop
# is the node's own: it ends with the node.
AMQP_WORKER_UNIT=/etc/systemd/system/fabric-amqp-worker.service
start_amqp_worker() {
  (
    if ! grep -qs 'generated by fabric' "$AMQP_WORKER_UNIT"; then
      report amqp-worker "unconfigured: no fabric-amqp-worker.service from fabric yet"; exit 0
    fi
    pre=$(sed -n 's/^ExecStartPre=//p' "$AMQP_WORKER_UNIT")
    cmd=$(sed -n 's/^ExecStart=//p' "$AMQP_WORKER_UNIT")
    pause=$(sed -n 's/^RestartSec=//p' "$AMQP_WORKER_UNIT")
    [ -n "$pre" ] && sh -c "$pre"
    nohup sh -c "while :; do $cmd; sleep ${pause:-1}; done" >>/var/log/fabric-amqp-worker.log 2>&1 &
    sleep 1
    if running amqp-consume; then report amqp-worker ok
    else report amqp-worker "starting: amqp-consume not running yet (retried every ${pause:-1} s; see /var/log/fabric-amqp-worker.log)"; fi
  ) >/dev/null 2>&1 &
}

# OVS by hand: its init script (ovs-ctl) loads the kernel module, which may not exist. Private
# database in the node's /etc/openvswitch, sockets in its /run/openvswitch, so plain ovs-vsctl
# works in the node. Without the kernel module, bridges must use datapath_type=netdev: the
# node's /usr/local/sbin/ovs-vsctl (src/lab/node/ovs-vsctl) makes every bridge so.
# At nice -10, as ovs-ctl starts them (its --ovs-vswitchd-priority and --ovsdb-server-priority
# defaults): the userspace datapath forwards in ovs-vswitchd's own threads, and at nice 0 a busy
# machine starved it into dropping a hypervisor's packets during a push (docs/failover.md).
OVS_NICE=-10
ovs() {
  case "$1" in
    start)
      # what is already running stays: `lab failover`'s crash restarts a killed ovs-vswitchd
      # this way, at the same priority as at boot, next to its running ovsdb-server
      install -d -m 0755 /run/openvswitch /var/log/openvswitch /etc/openvswitch
      if ! running ovsdb-server; then
        [ -s /etc/openvswitch/conf.db ] ||
          ovsdb-tool create /etc/openvswitch/conf.db /usr/share/openvswitch/vswitch.ovsschema || return 1
        nice -n "$OVS_NICE" ovsdb-server /etc/openvswitch/conf.db --remote=punix:/run/openvswitch/db.sock \
          --remote=db:Open_vSwitch,Open_vSwitch,manager_options --pidfile --detach \
          --log-file=/var/log/openvswitch/ovsdb-server.log -vconsole:off || return 1
        ovs-vsctl --no-wait init || return 1
        ovs-vsctl --no-wait set Open_vSwitch . external_ids:hostname="$(hostname)"
      fi
      running ovs-vswitchd ||
        nice -n "$OVS_NICE" ovs-vswitchd unix:/run/openvswitch/db.sock --pidfile --detach \
          --log-file=/var/log/openvswitch/ovs-vswitchd.log -vconsole:off
      ;;
    stop)
      ovs-appctl -t ovs-vswitchd exit >/dev/null 2>&1
      ovs-appctl -t ovsdb-server exit >/dev/null 2>&1
      return 0
      ;;
    status) running ovsdb-server && running ovs-vswitchd ;;
  esac
}

# python3 -m http.server on each FABRIC_HTTP_PORTS port (on FABRIC_HTTP_BIND), serving /srv/www
http() {
  case "$1" in
    start)
      mkdir -p /srv/www
      [ -e /srv/www/index.html ] || hostname >/srv/www/index.html
      [ -e /srv/www/healthz ] || echo ok >/srv/www/healthz
      for port in $(printf '%s' "${FABRIC_HTTP_PORTS:-80}" | tr ',' ' '); do
        # in a subshell, so that PID 1 (tini) adopts and reaps the server
        # shellcheck disable=SC2086 # --bind and its address: two words, or none
        (python3 -m http.server "$port" ${FABRIC_HTTP_BIND:+--bind "$FABRIC_HTTP_BIND"} --directory /srv/www >"/var/log/lab-http-$port.log" 2>&1 &
          echo $! >"/run/lab-http-$port.pid")
      done
      ;;
    stop)
      for f in /run/lab-http-*.pid; do [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null; rm -f "$f"; done
      return 0
      ;;
    status)
      for port in $(printf '%s' "${FABRIC_HTTP_PORTS:-80}" | tr ',' ' '); do
        kill -0 "$(cat "/run/lab-http-$port.pid" 2>/dev/null)" 2>/dev/null || return 3
      done
      ;;
  esac
}

# default-via IF...: a host without an address on its links (a Kubernetes node whose speaker
# accepts no route from its leaves) routes everything to the routers at the other end of its
# links, by their IPv6 link-local addresses: IPv6, and IPv4 over an IPv6 next hop (RFC 8950),
# one ECMP route per family. Which links is the topology's (compile's) decision; this only finds
# each router's link-local address (a ping to all-routers fills the neighbour table).
default_via() {
  hops4="" hops6=""
  for ifc in "$@"; do
    peer="" i=0
    while [ -z "$peer" ] && [ $i -lt 50 ]; do
      ping -6 -c 1 -W 1 -I "$ifc" ff02::2 >/dev/null 2>&1
      peer=$(ip -6 neigh show dev "$ifc" | awk '/^fe80:/ && !/FAILED|INCOMPLETE/ { print $1; exit }')
      [ -n "$peer" ] || sleep 0.2
      i=$((i + 1))
    done
    if [ -z "$peer" ]; then echo "labnode-init: default-via: no router answers on $ifc" >&2; return 1; fi
    hops4="$hops4 nexthop via inet6 $peer dev $ifc"
    hops6="$hops6 nexthop via $peer dev $ifc"
  done
  # shellcheck disable=SC2086 # one word per field of each next hop
  ip -4 route replace default $hops4 && ip -6 route replace default $hops6
}

start_ovs() { if ovs start && ovs status; then report ovs ok; else report ovs "failed: see /var/log/openvswitch"; fi; }
start_http() { if http start; then report http "ok, ports ${FABRIC_HTTP_PORTS:-80}"; else report http failed; fi; }

# gobgp_speaker start|stop|status: the GoBGP a Cilium node's agent embeds (Cilium's BGP control
# plane), on the configuration Cilium programs into it (/etc/gobgp/gobgpd.conf: the cluster's
# reference speakers/<node>.gobgpd.toml); the paths Cilium adds through GoBGP's API added with
# its client, from FABRIC_GOBGP_PATHS (space-separated IPv4 prefixes), kept for a restart.
GOBGP_PATHS=$STATE/gobgp-paths
gobgp_speaker() {
  case "$1" in
    start)
      [ -n "${FABRIC_GOBGP_PATHS:-}" ] && printf '%s\n' "$FABRIC_GOBGP_PATHS" >"$GOBGP_PATHS"
      # in a subshell, so that PID 1 (tini) adopts and reaps it; its API on the node's loopback only
      (gobgpd -f /etc/gobgp/gobgpd.conf -t toml -p --pprof-disable --api-hosts 127.0.0.1:50051 \
        >/var/log/gobgpd.log 2>&1 &
        echo $! >/run/gobgpd.pid)
      i=0
      until gobgp global >/dev/null 2>&1; do
        i=$((i + 1)); [ $i -lt 100 ] || return 1; sleep 0.1
      done
      for p in $(cat "$GOBGP_PATHS" 2>/dev/null); do
        gobgp global rib add -a ipv4 "$p" origin igp >/dev/null || return 1
      done
      ;;
    stop) kill "$(cat /run/gobgpd.pid 2>/dev/null)" 2>/dev/null; rm -f /run/gobgpd.pid; return 0 ;;
    status) kill -0 "$(cat /run/gobgpd.pid 2>/dev/null)" 2>/dev/null || return 3 ;;
  esac
}
start_gobgpd() {
  if gobgp_speaker start; then report gobgpd "ok, $(wc -w <"$GOBGP_PATHS" 2>/dev/null || echo 0) paths"
  else report gobgpd failed; fi
}

# Files their daemons rewrite (Redis's CONFIG REWRITE, Sentinel's state: a temporary file renamed
# over the target) are bound at /etc/fabric-lab/rewritable<target>, not at the target, where a
# bind mount makes that rename fail: copied into place with their owner and mode, and their
# directory given to the owner, before any daemon starts (FABRIC_REWRITABLE). Files a daemon
# reads as its own user (Patroni's config.yml, postgres 0600), where a bind mount would keep the
# host file's owner, are staged and placed the same way (FABRIC_PRIVATE), their directory left as
# it is. Entries: "<target>:<owner>:<mode> ..." (src/topology/clab.ts).
place_staged() { # ENTRIES [dir]
  for entry in $1; do
    target=${entry%%:*} rest=${entry#*:}
    owner=${rest%:*} mode=${rest##*:}
    staged="/etc/fabric-lab/rewritable$target"
    if [ -f "$staged" ] && install -D -m "$mode" "$staged" "$target" && chown "$owner" "$target" &&
      { [ "${2:-}" != dir ] || chown "$owner" "$(dirname "$target")"; }; then :
    else echo "labnode-init: cannot place $target from $staged" >&2; fi
  done
}

# the daemons this init starts (start_<name> above), in order
STARTABLE="sshd snmpd frr keepalived haproxy redis etcd patroni pgbouncer rabbitmq-server amqp-worker gdnsd ovs gobgpd http"

boot() {
  mkdir -p "$STATE" /run/lock /run/sshd
  place_staged "${FABRIC_REWRITABLE:-}" dir
  place_staged "${FABRIC_PRIVATE:-}"
  : >"$STATE/daemons"
  : >/run/utmp
  [ -s /etc/hostname ] && hostname "$(cat /etc/hostname)" 2>/dev/null
  ip link set lo up
  # Only net.* sysctls: they are per network namespace; kernel.* and vm.* would change the host.
  sysctl -qw net.ipv4.ip_forward=1 net.ipv6.conf.all.forwarding=1 ||
    echo "labnode-init: warning: cannot enable forwarding" >&2
  wait_for_interfaces
  for d in $STARTABLE; do
    wants "$d" && "start_$(printf '%s' "$d" | tr - _)"
  done
  # a daemon the node's model lists that this init cannot start: said,
  # so that `fabric lab status` and `lab up` say why it is down instead of only that it is
  for d in $(printf '%s' "$DAEMONS" | tr ',' ' '); do
    case " $STARTABLE " in *" $d "*) ;; *) report "$d" "not started: fabric's lab nodes cannot run $d yet" ;; esac
  done
  touch "$STATE/booted"
  echo BOOTED
  exec sleep infinity
}

case "${1:-boot}" in
  boot) boot ;;
  start | stop | status)
    case "${2:-}" in
      ovs | http | patroni | gdnsd) "$2" "$1" ;;
      gobgpd) gobgp_speaker "$1" ;;
      # a Kubernetes node's speaker, whichever it runs: Cilium's GoBGP, or MetalLB's FRR
      speaker) if [ -e /etc/gobgp/gobgpd.conf ]; then gobgp_speaker "$1"; else service frr "$1" >/dev/null; fi ;;
      *) echo "usage: $0 start|stop|restart|status ovs|http|patroni|gdnsd|gobgpd" >&2; exit 2 ;;
    esac ;;
  reload)
    case "${2:-}" in patroni | gdnsd) "$2" reload ;; *) echo "usage: $0 reload patroni|gdnsd" >&2; exit 2 ;; esac ;;
  drop-in)
    case "${2:-}" in
      running) drop_in_running "${3:-}" ;;
      stop-post) drop_in_stop_post "${3:-}" ;;
      pid-file) drop_in_pid_file "${3:-}" ;;
      supervise) supervise "${3:-}" ;;
      loop) drop_in_loop "${3:-}" "${4:-0}" ;;
      *) echo "usage: $0 drop-in running|stop-post|pid-file|supervise UNIT" >&2; exit 2 ;;
    esac ;;
  default-via)
    shift
    [ $# -gt 0 ] || { echo "usage: $0 default-via IF..." >&2; exit 2; }
    default_via "$@" ;;
  restart)
    case "${2:-}" in ovs | http | patroni | gdnsd) "$2" stop; sleep 0.5; "$2" start ;; *) echo "usage: $0 restart ovs|http|patroni|gdnsd" >&2; exit 2 ;; esac ;;
  *) echo "usage: $0 [boot] | start|stop|restart|status ovs|http|patroni|gdnsd | reload patroni|gdnsd | default-via IF... | drop-in ... UNIT" >&2; exit 2 ;;
esac
