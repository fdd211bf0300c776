#!/bin/sh
# net-triage collector: gathers, read-only, what the net-triage wizard reads, into one
# output to paste into its "paste everything" box. Each command's output starts with a
# header line "==> COMMAND <==". It changes no setting, loads no module, writes nothing
# but one temporary file that it removes. A missing tool is noted, never fatal.
#
#   sh collect.sh [-s SYMPTOM] [-p NODEPORT] [-i IFACE] [-t TARGET] [-r] > net-triage.txt
#
#   -s SYMPTOM  nodeport | clusterip | pod-external | ingress | all (default: all)
#   -p PORT     the failing NodePort or port: adds a 10-second capture of that port
#               (tcpdump, root only) and the listeners on it
#   -i IFACE    an interface to read offload settings of (default: every VXLAN device)
#   -t TARGET   an outside address the pods fail to reach: adds a path-MTU ping to it
#   -r          redact: IPv4 addresses become 10.255.x.y, MAC addresses 02:00:00:00:x:y,
#               the same value always the same pseudonym
#   -h          this help
#
# Run it as root to see everything (iptables, conntrack, dmesg need it). CentOS 7 and
# newer, Debian/Ubuntu, and minimal images with busybox.
set -u
LC_ALL=C
export LC_ALL

symptom=all
port=
iface=
target=
redact=0

usage() { sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; }

while getopts 's:p:i:t:rh' opt; do
  case $opt in
    s) symptom=$OPTARG ;;
    p) port=$OPTARG ;;
    i) iface=$OPTARG ;;
    t) target=$OPTARG ;;
    r) redact=1 ;;
    h) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done

case $symptom in
  nodeport | clusterip | pod-external | ingress | all) ;;
  *) echo "collect.sh: unknown symptom '$symptom' (nodeport, clusterip, pod-external, ingress, all)" >&2; exit 2 ;;
esac
case $port in
  '' | *[!0-9]*) [ -n "$port" ] && { echo "collect.sh: -p needs a port number" >&2; exit 2; } ;;
esac
case $iface in
  *[!A-Za-z0-9._@-]*) echo "collect.sh: -i needs an interface name" >&2; exit 2 ;;
esac
case $target in
  *[!A-Za-z0-9.:-]*) echo "collect.sh: -t needs an address or a host name" >&2; exit 2 ;;
esac

want() { [ "$symptom" = all ] || case " $* " in *" $symptom "*) true ;; *) false ;; esac; }
have() { command -v "$1" >/dev/null 2>&1; }

# Each command runs under a time limit when `timeout` exists (coreutils or busybox).
if have timeout; then limit() { timeout 20 "$@"; }; else limit() { "$@"; }; fi

# section TITLE TOOL COMMAND...: the header, then the output (stderr too), or a note.
section() {
  title=$1 tool=$2
  shift 2
  printf '==> %s <==\n' "$title"
  if ! have "$tool"; then
    printf '# net-triage: tool missing: %s\n' "$tool"
    return 0
  fi
  limit "$@" 2>&1
  status=$?
  [ "$status" -eq 124 ] && printf '# net-triage: timed out after 20 s\n'
  return 0
}

# file TITLE PATH: a file's content, or a note when it is not there.
file() {
  printf '==> %s <==\n' "$1"
  if [ -r "$2" ]; then cat "$2"; else printf '# net-triage: not readable: %s\n' "$2"; fi
}

collect() {
  section 'uname -r' uname uname -r
  sysctl_keys='net.ipv4.ip_forward net.ipv4.tcp_tw_recycle net.ipv4.tcp_timestamps net.ipv4.tcp_keepalive_time net.ipv4.ip_local_port_range net.ipv4.ip_local_reserved_ports net.ipv4.conf.all.rp_filter net.ipv4.conf.default.rp_filter net.ipv4.neigh.default.gc_thresh3 net.netfilter.nf_conntrack_count net.netfilter.nf_conntrack_max net.netfilter.nf_conntrack_tcp_timeout_close_wait net.netfilter.nf_conntrack_tcp_be_liberal net.bridge.bridge-nf-call-iptables net.ipv4.vs.conn_reuse_mode net.ipv4.vs.conntrack'
  # One key per call: sysctl stops at the first unknown key on some versions.
  printf '==> sysctl %s <==\n' "$sysctl_keys"
  if have sysctl; then
    for key in $sysctl_keys; do limit sysctl "$key" 2>&1; done
  else
    printf '# net-triage: tool missing: sysctl\n'
  fi
  if have nstat; then section 'nstat -az' nstat nstat -az; else section 'netstat -s' netstat netstat -s; fi
  section 'ip -d addr' ip ip -d addr
  section 'ip route' ip ip route
  section 'lsmod' lsmod lsmod
  section 'dmesg -T' dmesg sh -c 'dmesg -T 2>/dev/null | tail -n 1000 || dmesg | tail -n 1000'
  section 'iptables-save' iptables-save iptables-save
  # kube-proxy's nftables mode, firewalld and others write nft tables iptables-save cannot show.
  # Listing would load nf_tables when it is absent: read it only when it is loaded or in use.
  if [ -d /sys/module/nf_tables ] || { have iptables && iptables -V 2>/dev/null | grep -q nf_tables; }; then
    section 'nft list ruleset' nft nft list ruleset
  fi
  file '/proc/net/stat/nf_conntrack' /proc/net/stat/nf_conntrack
  file 'cat /etc/resolv.conf' /etc/resolv.conf
  section 'ss -s' ss ss -s

  if want nodeport clusterip; then
    # ipvsadm loads the ip_vs module when it is absent: read it only when it is there.
    if [ -e /proc/net/ip_vs ]; then
      section 'ipvsadm -Ln' ipvsadm ipvsadm -Ln
      section 'ipvsadm -Ln --timeout' ipvsadm ipvsadm -Ln --timeout
    else
      printf '==> ipvsadm -Ln <==\n# net-triage: ip_vs not loaded, so no IPVS table\n'
    fi
  fi
  if want nodeport; then
    if have firewall-cmd && firewall-cmd --state >/dev/null 2>&1; then
      section 'firewall-cmd --list-all' firewall-cmd firewall-cmd --list-all
    fi
  fi
  if want clusterip pod-external; then
    devices=$iface
    [ -z "$devices" ] && have ip && devices=$(ip -o link show type vxlan 2>/dev/null | awk -F': ' '{print $2}' | cut -d@ -f1)
    for dev in $devices; do section "ethtool -k $dev" ethtool ethtool -k "$dev"; done
  fi
  if want ingress nodeport pod-external; then
    # The conntrack table itself, from /proc (no module load), at most 250,000 entries.
    if [ -r /proc/net/nf_conntrack ]; then
      printf '==> cat /proc/net/nf_conntrack <==\n'
      head -n 250000 /proc/net/nf_conntrack
    fi
  fi
  if [ -n "$port" ]; then
    section "ss -ltnp sport = :$port" ss ss -ltnp "sport = :$port"
    # A capture waits for packets: only with a time limit, and only as root.
    if [ "$(id -u)" = 0 ] && have timeout; then
      section "tcpdump -i any -nn -c 50 tcp port $port" tcpdump tcpdump -i any -nn -c 50 tcp port "$port"
    fi
  fi
  if [ -n "$target" ]; then
    section "ping -M do -s 1472 -c 3 $target" ping ping -M 'do' -s 1472 -c 3 -W 2 "$target"
  fi
}

# Pseudonyms that keep their shape, the same for every occurrence.
redact_filter() {
  # Spelled out: mawk has no {n} intervals.
  h='[0-9A-Fa-f][0-9A-Fa-f]'
  awk -v mac="$h:$h:$h:$h:$h:$h" '
    function pseudo(kind, v,   n) {
      if (v ~ /^(ff:){5}ff$|^(00:){5}00$|^0[.]0[.]0[.]0$|^255[.]255[.]255[.]255$/) return v
      if (!((kind, v) in seen)) { count[kind]++; seen[kind, v] = count[kind] }
      n = seen[kind, v]
      if (kind == "ip") return sprintf("10.255.%d.%d", int(n / 250), n % 250 + 1)
      return sprintf("02:00:00:00:%02x:%02x", int(n / 256) % 256, n % 256)
    }
    {
      line = $0; out = ""
      while (match(line, mac "|[0-9]+[.][0-9]+[.][0-9]+[.][0-9]+")) {
        token = substr(line, RSTART, RLENGTH)
        kind = (index(token, ":") ? "mac" : "ip")
        out = out substr(line, 1, RSTART - 1) pseudo(kind, token)
        line = substr(line, RSTART + RLENGTH)
      }
      print out line
    }'
}

tmp=$(mktemp 2>/dev/null || echo "/tmp/net-triage.$$")
trap 'rm -f "$tmp"' EXIT INT TERM
collect >"$tmp"
if [ "$redact" = 1 ]; then redact_filter <"$tmp"; else cat "$tmp"; fi
