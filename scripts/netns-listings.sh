#!/usr/bin/env bash
# Regenerates src/rules/combine/fixtures/netns-*: loads netns-ruleset.txt into a fresh network
# namespace with iptables-restore and records what the real iptables prints for it. Root only;
# touches nothing outside the namespace it makes and removes. Needs iptables (nft backend).
set -euo pipefail
dir="$(cd "$(dirname "$0")/../src/rules/combine/fixtures" && pwd)"
ns="net-triage-listing-$$"
ip netns add "$ns"
trap 'ip netns del "$ns"' EXIT
ip netns exec "$ns" iptables-restore < "$dir/netns-ruleset.txt"
ip netns exec "$ns" iptables -t nat -L -n > "$dir/netns-iptables-L-nat.txt"
ip netns exec "$ns" iptables -t nat -L -n -v > "$dir/netns-iptables-L-nat-v.txt"
ip netns exec "$ns" iptables-save -t nat > "$dir/netns-iptables-save-nat.txt"
iptables -V
