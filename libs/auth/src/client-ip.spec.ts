import { ClientIpResolver } from './client-ip';

describe('ClientIpResolver', () => {
  const resolver = new ClientIpResolver(['10.0.0.1', '192.168.0.0/16']);

  it.each([
    ['an untrusted peer: X-Forwarded-For is ignored', '203.0.113.9', '1.2.3.4', '203.0.113.9'],
    ['no header from a trusted proxy: the peer', '10.0.0.1', undefined, '10.0.0.1'],
    ['a trusted proxy: the client it forwards for', '10.0.0.1', '198.51.100.7', '198.51.100.7'],
    ['a chain: the first untrusted hop from the right', '10.0.0.1', '6.6.6.6, 198.51.100.7, 192.168.1.2', '198.51.100.7'],
    ['IPv4-mapped IPv6 peers count as IPv4', '::ffff:10.0.0.1', '198.51.100.7', '198.51.100.7'],
    ['garbage hops are skipped', '10.0.0.1', 'nonsense, 198.51.100.8', '198.51.100.8'],
  ])('%s', (_, peer, header, expected) => {
    expect(resolver.resolve(peer, header)).toBe(expected);
  });

  it('trusts nobody by default', () => {
    expect(new ClientIpResolver([]).resolve('10.0.0.1', '1.2.3.4')).toBe('10.0.0.1');
  });
});
