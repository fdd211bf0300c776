import { describe, expect, it } from 'vitest';
import { addrBits, inPrefix, portIn, splitHostPort } from './addr';
import { packetText, parsePacket } from './packet';

describe('addresses and prefixes', () => {
  it('reads IPv4 and IPv6 and refuses what is neither', () => {
    expect(addrBits('10.0.0.5')).toEqual({ bits: 0x0a000005n, width: 32 });
    expect(addrBits('fd00::1')?.width).toBe(128);
    expect(addrBits('::ffff:10.0.0.5')?.bits).toBe(0xffff0a000005n);
    for (const bad of ['10.0.0.256', '10.0.0', 'eth0', '1::2::3', '', 'fd00:::1'])
      expect(addrBits(bad)).toBeNull();
  });

  it('matches prefixes, bare hosts and the old mask form', () => {
    expect(inPrefix('10.96.0.10', '10.96.0.0/12')).toBe(true);
    expect(inPrefix('10.112.0.1', '10.96.0.0/12')).toBe(false);
    expect(inPrefix('10.0.0.5', '10.0.0.5')).toBe(true);
    expect(inPrefix('10.0.0.5', '0.0.0.0/0')).toBe(true);
    expect(inPrefix('10.1.2.3', '10.0.0.0/255.0.0.0')).toBe(true);
    expect(inPrefix('fd00::5', 'fd00::/8')).toBe(true);
    expect(inPrefix('fd00::5', '10.0.0.0/8')).toBe(false);
    expect(inPrefix('10.0.0.5', '10.0.0.0/33')).toBeNull();
    expect(inPrefix('x', '10.0.0.0/8')).toBeNull();
  });

  it('reads ports, ranges, lists and service names', () => {
    expect(portIn(31610, '30000:32767')).toBe(true);
    expect(portIn(31610, '30000-32767')).toBe(true);
    expect(portIn(443, '80,443')).toBe(true);
    expect(portIn(443, '{ 80, 443 }')).toBe(true);
    expect(portIn(22, 'ssh')).toBe(true);
    expect(portIn(81, '80')).toBe(false);
    expect(portIn(81, 'weird')).toBeNull();
    expect(splitHostPort('[fd00::5]:80')).toEqual({ address: 'fd00::5', port: 80 });
    expect(splitHostPort('10.0.0.5')).toEqual({ address: '10.0.0.5', port: null });
    expect(splitHostPort('node-1:80')).toBeNull();
  });
});

describe('the packet as the operator writes it', () => {
  it('reads the forms and writes them back', () => {
    const p = parsePacket('tcp 192.168.1.20:40000 -> 10.0.0.5:31610')!;
    expect(p).toMatchObject({ proto: 'tcp', src: '192.168.1.20', sport: 40000, dport: 31610 });
    expect(packetText(p)).toBe('tcp 192.168.1.20:40000 -> 10.0.0.5:31610');
    expect(parsePacket('UDP 10.244.1.3 → 10.96.0.10:53')?.sport).toBe(40000);
    expect(parsePacket('icmp 10.0.0.1 -> 10.0.0.2')?.dport).toBeNull();
    expect(packetText(parsePacket('tcp [fd00::1]:1 -> [fd00::2]:80')!)).toBe(
      'tcp [fd00::1]:1 -> [fd00::2]:80',
    );
  });

  it('refuses what is not a packet', () => {
    for (const bad of [
      '',
      'tcp 10.0.0.1 -> 10.0.0.2',
      'http 1.2.3.4:1 -> 5.6.7.8:80',
      'tcp 10.0.0.1:1 -> fd00::2:80',
      'tcp 10.0.0.1:1 -> [fd00::2]:80',
      'rm -rf /',
    ])
      expect(parsePacket(bad)).toBeNull();
  });
});
