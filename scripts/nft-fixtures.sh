#!/usr/bin/env bash
# Regenerates src/parsers/nft/fixtures/netns/*: loads rulesets into a fresh network namespace and records
# what the real nft prints for them. Root only; touches nothing outside the namespace it makes and
# removes. Needs nftables and iptables (nft backend).
#   kube-proxy.nft      kube-proxy's nftables-mode rules (its TestOverallNFTablesRules expectation)
#   arch-default.nft    Arch Linux's default /etc/nftables.conf as a user listed it (input and
#                       forward policy drop)
#   iptables-nft input  src/rules/combine/fixtures/netns-ruleset.txt (kube-proxy, iptables mode),
#                       loaded with iptables-nft-restore: what `nft list ruleset` shows on an
#                       iptables-nft host
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="$root/src/parsers/nft/fixtures/netns"
ns="net-triage-nft-$$"
ip netns add "$ns"
trap 'ip netns del "$ns"' EXIT
in_ns() { ip netns exec "$ns" "$@"; }

in_ns nft -f "$dir/kube-proxy.nft"
in_ns nft list ruleset > "$dir/kube-proxy-list.txt"
in_ns nft -a list ruleset > "$dir/kube-proxy-list-a.txt"
in_ns nft -j list ruleset > "$dir/kube-proxy.json"
in_ns nft flush ruleset

in_ns nft -f "$dir/arch-default.nft"
in_ns nft list ruleset > "$dir/arch-default-list.txt"
in_ns nft flush ruleset

in_ns iptables-nft-restore < "$root/src/rules/combine/fixtures/netns-ruleset.txt"
in_ns nft list ruleset > "$dir/iptables-nft-list.txt"
in_ns nft -j list ruleset > "$dir/iptables-nft.json"
nft --version
iptables -V
