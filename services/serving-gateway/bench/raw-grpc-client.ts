import type { ClientHttp2Session } from 'node:http2';

/**
 * Unary gRPC calls of one method with one pre-encoded request over a raw HTTP/2 session: a
 * length-prefixed message out, the answer's bytes and `grpc-status` (in trailers, or in the
 * headers of a trailers-only error) back.
 */
export class RawGrpcClient {
  private readonly framed: Buffer;

  constructor(
    private readonly session: ClientHttp2Session,
    private readonly path: string,
    message: Buffer,
  ) {
    this.framed = Buffer.alloc(5 + message.length);
    this.framed.writeUInt32BE(message.length, 1);
    message.copy(this.framed, 5);
  }

  call(): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const stream = this.session.request({
        ':method': 'POST',
        ':path': this.path,
        'content-type': 'application/grpc',
        te: 'trailers',
      });
      const chunks: Buffer[] = [];
      let status: string | undefined;
      let message = '';
      const statusFrom = (headers: Record<string, string | string[] | number | undefined>) => {
        const code = headers['grpc-status'];
        if (code !== undefined) {
          status = String(code);
          const text = headers['grpc-message'];
          message = typeof text === 'string' ? decodeURIComponent(text) : '';
        }
      };
      stream.on('response', statusFrom);
      stream.on('trailers', statusFrom);
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', reject);
      stream.on('close', () =>
        status === '0'
          ? resolve(Buffer.concat(chunks).subarray(5))
          : reject(new Error(`grpc-status ${status ?? '(none)'}: ${message}`)),
      );
      stream.end(this.framed);
    });
  }

  close(): void {
    this.session.close();
  }
}
