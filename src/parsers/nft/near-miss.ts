import type { Line, Msg } from '../../engine/types';

const any = (head: Line[], re: RegExp) => head.some((l) => re.test(l.text));

/**
 * What `nft list ruleset` prints when it cannot list (see ../near-miss.ts): each says why and
 * what to paste instead. Only asked when no parser recognised the paste.
 */
export const NFT_NEAR_MISSES: {
  kind: string;
  detect(head: Line[], command: string | null): boolean;
  msg: Msg;
}[] = [
  {
    // `nft list tables`: the names only.
    kind: 'nft',
    detect: (head) =>
      head.length > 0 &&
      head.every((l) => /^table (?:ip|ip6|inet|bridge|arp|netdev) \S+$/.test(l.text.trim())),
    msg: { key: 'parse.nearMiss.nftTables' },
  },
  {
    // An nft older than the rules it reads (kube-proxy's concatenations) aborts or crashes.
    kind: 'nft',
    detect: (head, command) =>
      any(head, /netlink_delinearize\.c:\d+: .*Assertion .* failed/) ||
      (/\bnft\b/.test(command ?? '') && any(head, /^Segmentation fault\b/)),
    msg: { key: 'parse.nearMiss.nftTooOld' },
  },
  {
    kind: 'nft',
    detect: (head) =>
      any(
        head,
        /cache initialization failed: Operation not permitted|Operation not permitted \(you must be root\)/,
      ),
    msg: { key: 'parse.nearMiss.nftRoot' },
  },
  {
    // The kernel has no nf_tables: this node's rules can only be in legacy iptables.
    kind: 'nft',
    detect: (head) =>
      any(
        head,
        /Unable to initialize Netlink socket: Protocol not supported|cache initialization failed: Protocol not supported|Failed to initialize nft: Protocol not supported/,
      ),
    msg: { key: 'parse.nearMiss.nftUnsupported' },
  },
  {
    kind: 'nft',
    detect: (head) => any(head, /\bnft: (?:command not found|команда не найдена|未找到命令)/),
    msg: { key: 'parse.nearMiss.nftMissing' },
  },
  {
    // iptables-nft refusing a table whose rules nft made (kube-proxy's nftables mode, firewalld).
    kind: 'nft',
    detect: (head) =>
      any(head, /\bip6?tables v[\d.]+ \(nf_tables\): (?:table|chain) `\w+' is incompatible/),
    msg: { key: 'parse.nearMiss.iptablesIncompatible' },
  },
];
