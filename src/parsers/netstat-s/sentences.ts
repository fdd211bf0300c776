/**
 * `netstat -s` sentences (net-tools statistics.c, old and new wording) → nstat counter names.
 * A template is the sentence lower-cased with its number replaced by `#`. Each belongs to a
 * family; the section it is printed under gives the prefix (`Udp`, `UdpLite`, `Udp6` share one).
 */
type Family = 'Ip' | 'Icmp' | 'Tcp' | 'Udp' | 'TcpExt';

const TABLE: Record<Family, Record<string, string>> = {
  TcpExt: {
    '# syn cookies sent': 'SyncookiesSent',
    '# syn cookies received': 'SyncookiesRecv',
    '# invalid syn cookies received': 'SyncookiesFailed',
    '# resets received for embryonic syn_recv sockets': 'EmbryonicRsts',
    '# packets pruned from receive queue because of socket buffer overrun': 'PruneCalled',
    '# packets pruned from receive queue': 'RcvPruned',
    '# packets dropped from out-of-order queue because of socket buffer overrun': 'OfoPruned',
    '# icmp packets dropped because they were out-of-window': 'OutOfWindowIcmps',
    '# icmp packets dropped because socket was locked': 'LockDroppedIcmps',
    '# arp packets filtered': 'ArpFilter',
    '# tcp sockets finished time wait in fast timer': 'TW',
    '# time wait sockets recycled by time stamp': 'TWRecycled',
    '# tcp sockets finished time wait in slow timer': 'TWKilled',
    '# passive connections rejected because of time stamp': 'PAWSPassive',
    '# active connections rejected because of time stamp': 'PAWSActive',
    '# packets rejects in established connections because of timestamp': 'PAWSEstab',
    '# packets rejected in established connections because of timestamp': 'PAWSEstab',
    '# packetes rejected in established connections because of timestamp': 'PAWSEstab',
    '# delayed acks sent': 'DelayedACKs',
    '# delayed acks further delayed because of locked socket': 'DelayedACKLocked',
    'quick ack mode was activated # times': 'DelayedACKLost',
    '# times the listen queue of a socket overflowed': 'ListenOverflows',
    '# syns to listen sockets dropped': 'ListenDrops',
    '# syns to listen sockets ignored': 'ListenDrops',
    '# packets directly queued to recvmsg prequeue': 'TCPPrequeued',
    '# bytes directly in process context from backlog': 'TCPDirectCopyFromBacklog',
    '# packets directly received from backlog': 'TCPDirectCopyFromBacklog',
    '# bytes directly received in process context from prequeue': 'TCPDirectCopyFromPrequeue',
    '# packets directly received from prequeue': 'TCPDirectCopyFromPrequeue',
    '# packets dropped from prequeue': 'TCPPrequeueDropped',
    '# packet headers predicted': 'TCPHPHits',
    '# packets header predicted': 'TCPHPHits',
    '# packets header predicted and directly queued to user': 'TCPHPHitsToUser',
    '# packet headers predicted and directly queued to user': 'TCPHPHitsToUser',
    'ran # times out of system memory during packet sending': 'SockMallocOOM',
    '# acknowledgments not containing data payload received': 'TCPPureAcks',
    '# acknowledgments not containing data received': 'TCPPureAcks',
    '# predicted acknowledgments': 'TCPHPAcks',
    '# times recovered from packet loss due to fast retransmit': 'TCPRenoRecovery',
    '# times recovered from packet loss by selective acknowledgements': 'TCPSackRecovery',
    '# times recovered from packet loss due to sack data': 'TCPSackRecovery',
    '# bad sacks received': 'TCPSACKReneging',
    'detected reordering # times using fack': 'TCPFACKReorder',
    'detected reordering # times using sack': 'TCPSACKReorder',
    'detected reordering # times using time stamp': 'TCPTSReorder',
    'detected reordering # times using reno fast retransmit': 'TCPRenoReorder',
    '# congestion windows fully recovered without slow start': 'TCPFullUndo',
    '# congestion windows fully recovered': 'TCPFullUndo',
    '# congestion windows partially recovered using hoe heuristic': 'TCPPartialUndo',
    '# congestion windows recovered without slow start by dsack': 'TCPDSACKUndo',
    '# congestion window recovered using dsack': 'TCPDSACKUndo',
    '# congestion windows recovered without slow start after partial ack': 'TCPLossUndo',
    '# congestion windows recovered after partial ack': 'TCPLossUndo',
    '# tcp data loss events': 'TCPLoss',
    '# retransmits lost': 'TCPLostRetransmit',
    '# timeouts after reno fast retransmit': 'TCPRenoFailures',
    '# timeouts after sack recovery': 'TCPSackFailures',
    '# timeouts in loss state': 'TCPLossFailures',
    '# fast retransmits': 'TCPFastRetrans',
    '# forward retransmits': 'TCPForwardRetrans',
    '# retransmits in slow start': 'TCPSlowStartRetrans',
    '# other tcp timeouts': 'TCPTimeouts',
    '# sack retransmits failed': 'TCPSackRecoveryFail',
    '# reno fast retransmits failed': 'TCPRenoRecoveryFail',
    '# times receiver scheduled too late for direct processing': 'TCPSchedulerFailed',
    '# packets collapsed in receive queue due to low socket buffer': 'TCPRcvCollapsed',
    '# dsacks sent for old packets': 'TCPDSACKOldSent',
    '# dsacks sent for out of order packets': 'TCPDSACKOfoSent',
    '# dsacks received': 'TCPDSACKRecv',
    '# dsacks for out of order packets received': 'TCPDSACKOfoRecv',
    '# connections reset due to unexpected syn': 'TCPAbortOnSyn',
    '# connections reset due to unexpected data': 'TCPAbortOnData',
    '# connections reset due to early user close': 'TCPAbortOnClose',
    '# connections aborted due to memory pressure': 'TCPAbortOnMemory',
    '# connections aborted due to timeout': 'TCPAbortOnTimeout',
    '# connections aborted after user close in linger timeout': 'TCPAbortOnLinger',
    '# times unable to send rst due to no memory': 'TCPAbortFailed',
    'tcp ran low on memory # times': 'TCPMemoryPressures',
  },
  Tcp: {
    '# active connections openings': 'ActiveOpens',
    '# active connection openings': 'ActiveOpens',
    '# passive connection openings': 'PassiveOpens',
    '# passive connections openings': 'PassiveOpens',
    '# failed connection attempts': 'AttemptFails',
    '# connection resets received': 'EstabResets',
    '# connections established': 'CurrEstab',
    '# segments received': 'InSegs',
    '# segments send out': 'OutSegs',
    '# segments sent out': 'OutSegs',
    '# segments retransmited': 'RetransSegs',
    '# segments retransmitted': 'RetransSegs',
    '# bad segments received': 'InErrs',
    '# resets sent': 'OutRsts',
  },
  Ip: {
    '# total packets received': 'InReceives',
    '# with invalid headers': 'InHdrErrors',
    '# with invalid addresses': 'InAddrErrors',
    '# forwarded': 'ForwDatagrams',
    '# with unknown protocol': 'InUnknownProtos',
    '# incoming packets discarded': 'InDiscards',
    '# incoming packets delivered': 'InDelivers',
    '# requests sent out': 'OutRequests',
    '# outgoing packets dropped': 'OutDiscards',
    '# dropped because of missing route': 'OutNoRoutes',
    '# fragments dropped after timeout': 'ReasmTimeout',
    '# reassemblies required': 'ReasmReqds',
    '# packets reassembled ok': 'ReasmOKs',
    '# packet reassembles failed': 'ReasmFails',
    '# fragments received ok': 'FragOKs', // sic: net-tools prints FragOKs this way
    '# fragments failed': 'FragFails',
    '# fragments created': 'FragCreates',
    'default ttl is #': 'DefaultTTL',
  },
  Icmp: {
    '# icmp messages received': 'InMsgs',
    '# input icmp message failed': 'InErrors',
    '# icmp messages sent': 'OutMsgs',
    '# icmp messages failed': 'OutErrors',
  },
  Udp: {
    '# packets received': 'InDatagrams',
    '# packets to unknown port received': 'NoPorts',
    '# packet receive errors': 'InErrors',
    '# packets sent': 'OutDatagrams',
    '# receive buffer errors': 'RcvbufErrors',
    '# send buffer errors': 'SndbufErrors',
  },
};

/** `ICMP input histogram:` / `ICMP output histogram:` entries, named after the direction. */
export const ICMP_HISTOGRAM: Record<string, string> = {
  'destination unreachable': 'DestUnreachs',
  'timeout in transit': 'TimeExcds',
  'time exceeded': 'TimeExcds',
  'wrong parameters': 'ParmProbs',
  'source quench': 'SrcQuenchs',
  'source quenches': 'SrcQuenchs',
  redirect: 'Redirects',
  redirects: 'Redirects',
  'echo request': 'Echos',
  'echo requests': 'Echos',
  'echo replies': 'EchoReps',
  'timestamp request': 'Timestamps',
  'timestamp requests': 'Timestamps',
  'timestamp reply': 'TimestampReps',
  'timestamp replies': 'TimestampReps',
  'address mask request': 'AddrMasks',
  'address mask requests': 'AddrMasks',
  'address mask replies': 'AddrMaskReps',
};

const FAMILY_OF: Record<string, Family> = {
  Ip: 'Ip',
  Ip6: 'Ip',
  Icmp: 'Icmp',
  Icmp6: 'Icmp',
  Tcp: 'Tcp',
  TcpExt: 'TcpExt',
  Udp: 'Udp',
  UdpLite: 'Udp',
  Udp6: 'Udp',
  UdpLite6: 'Udp',
};
// Without a section header (a grep-filtered paste), the first family that knows a sentence wins.
const ORDER: Family[] = ['TcpExt', 'Tcp', 'Ip', 'Icmp', 'Udp'];

/** Section headers netstat prints (`Tcp:`), including the MPTCP and IPv6 ones of newer kernels. */
export const SECTIONS = new Set([
  'Ip',
  'Icmp',
  'IcmpMsg',
  'Tcp',
  'Udp',
  'UdpLite',
  'TcpExt',
  'IpExt',
  'MPTcpExt',
  'Ip6',
  'Icmp6',
  'Udp6',
  'UdpLite6',
  'Sctp',
  'TcpExtra',
]);

/** The sentence's template and number, or null when it holds no number. */
export function template(text: string): { tpl: string; value: number } | null {
  const m = /\d+/.exec(text);
  if (!m) return null;
  const tpl = (text.slice(0, m.index) + '#' + text.slice(m.index + m[0].length))
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/\s*\.$/, '');
  return { tpl, value: Number(m[0]) };
}

/** nstat name of a sentence printed under `section` (null: no header seen), or null when unknown. */
export function counterName(tpl: string, section: string | null): string | null {
  const family = section ? FAMILY_OF[section] : undefined;
  if (section && family) {
    const name = TABLE[family][tpl];
    return name ? section + name : null;
  }
  if (section) return null;
  for (const f of ORDER) if (TABLE[f][tpl]) return f + TABLE[f][tpl];
  return null;
}
