import { BlockList, isIP } from 'node:net';

/**
 * The client's address: the TCP peer, unless the peer is a trusted proxy, in which case
 * X-Forwarded-For is read from the right, skipping trusted proxies, to the first untrusted hop.
 */
export class ClientIpResolver {
  private readonly trusted = new BlockList();

  constructor(trustedProxies: string[]) {
    for (const entry of trustedProxies) {
      const [address, prefix] = entry.split('/');
      const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
      if (prefix === undefined) this.trusted.addAddress(address, type);
      else this.trusted.addSubnet(address, Number(prefix), type);
    }
  }

  resolve(peer: string | undefined, forwardedFor: string | string[] | undefined): string {
    const direct = normalize(peer ?? '');
    if (!this.isTrusted(direct) || !forwardedFor) return direct;
    const hops = [forwardedFor].flat().join(',').split(',').map((h) => normalize(h.trim())).filter((h) => isIP(h));
    for (let i = hops.length - 1; i >= 0; i--) {
      if (!this.isTrusted(hops[i])) return hops[i];
    }
    return hops[0] ?? direct;
  }

  private isTrusted(address: string): boolean {
    const type = isIP(address);
    return type !== 0 && this.trusted.check(address, type === 6 ? 'ipv6' : 'ipv4');
  }
}

function normalize(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}
