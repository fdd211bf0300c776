import { describe, expect, it } from 'vitest';
import { packetText, parsePacket, walk } from './index';
import { inputsFrom } from './iptables/fixtures/load';
import { tMsg } from '../i18n/translate';
import type { Msg } from './msg';

/** A walk message as the English reader sees it. */
const en = (m: Msg | null | undefined) => (m ? tMsg('en', m) : null);

/** The entry point: what it compiles, and that an iptables-nft host is not walked twice. */

const NFT = 'src/parsers/nft/fixtures/nft--k8sstudy-calico-iptables-nft.txt';
const TRANSLATED = 'src/rules/etp-local-no-endpoint/fixtures/broken--iptables-nft-xlb-drop.txt';
const DUMP = 'src/rules/combine/fixtures/netns-ruleset.txt';
const packet = parsePacket('tcp 192.168.1.20:40000 -> 192.168.10.21:31657', { inIface: 'eth0' })!;
const node = { addresses: ['192.168.10.21'] };

describe('walk', () => {
  it('re-exports the packet helpers', () => {
    expect(packetText(packet)).toBe('tcp 192.168.1.20:40000 -> 192.168.10.21:31657');
  });

  it('walks an nft listing alone with the nft compiler', () => {
    const r = walk(inputsFrom(NFT), packet, node);
    expect(r.datapaths).toEqual(['nftables']);
  });

  it('leaves the tables iptables-nft manages to the iptables dump of the same host', () => {
    const both = walk(inputsFrom(NFT, DUMP), packet, node);
    expect(both.datapaths).toEqual(['iptables']);
    expect(both.notes.map(en).join(' ')).toMatch(/walked from the iptables dump, not twice/);
    // nft's translation without warnings or xt: the dump's nf_tables header says whose they are.
    const translated = walk(inputsFrom(TRANSLATED, DUMP), packet, node);
    expect(translated.datapaths).toEqual(['iptables']);
    expect(translated.verdict).toBe(walk(inputsFrom(DUMP), packet, node).verdict);
  });
});
