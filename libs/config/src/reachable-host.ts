/**
 * The host to connect to for a service in this host bound on `bindHost`. A wildcard bind address
 * (`0.0.0.0`, `::`, or empty) is not an address to connect to, so it is reached on the loopback
 * address of the same family. IPv6 literals come bracketed, ready for `host:port` and URLs.
 */
export function reachableHost(bindHost: string): string {
  const host = bindHost === '' || bindHost === '0.0.0.0' ? '127.0.0.1' : bindHost === '::' ? '::1' : bindHost;
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}
