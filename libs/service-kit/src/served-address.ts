/** One listener of the process, for the start-up table and tests. */
export interface ServedAddress {
  /** A service name, or `admin` for the admin server. */
  owner: string;
  protocol: 'grpc' | 'http';
  /** host:port for gRPC, a URL for HTTP. */
  address: string;
  /** What is served there when the kit knows: gRPC services, or the admin paths. */
  serves?: string;
}

/** `host:port`, with IPv6 hosts bracketed. */
export function hostPort(host: string, port: number): string {
  return `${host.includes(':') ? `[${host}]` : host}:${port}`;
}
