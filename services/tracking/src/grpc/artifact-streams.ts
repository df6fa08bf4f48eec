import { Readable } from 'node:stream';
import type { Observable } from 'rxjs';
import { Observable as RxObservable } from 'rxjs';
import type { trackingV1 } from '@flywheel/contracts';
import { invalidArgument } from '../domain/tracking-error';

/** The flow control of a grpc-js call: pausing it stops reading messages off the connection. */
interface Pausable {
  pause(): unknown;
  resume(): unknown;
}

/** The writable side of a grpc-js server stream, as far as flow control needs it. */
interface Drainable {
  readonly writableNeedDrain: boolean;
  once(event: 'drain', listener: () => void): unknown;
}

export interface Upload {
  header: trackingV1.UploadArtifactHeader;
  /** The chunks after the header, as bytes. */
  body: Readable;
  /** Bytes received so far (all of them once `body` ended). */
  size(): number;
}

/**
 * Turns an UploadArtifact stream into its header and a byte stream. When the consumer of
 * `body` falls behind, the call is paused, so a slow store slows the client instead of
 * filling memory. Resolves once the header arrived; the first message must be the header.
 */
export function receiveUpload(
  messages: Observable<trackingV1.UploadArtifactRequest>,
  call: Pausable | undefined,
): Promise<Upload> {
  return new Promise((resolve, reject) => {
    let received = 0;
    let body: Readable | undefined;
    messages.subscribe({
      next(message) {
        if (!body) {
          if (message.header == null) {
            reject(invalidArgument('header: the first UploadArtifact message must carry the header'));
            return;
          }
          body = new Readable({ read: () => void call?.resume() });
          resolve({ header: message.header, body, size: () => received });
        } else if (message.chunk) {
          received += message.chunk.length;
          if (!body.push(Buffer.from(message.chunk))) call?.pause();
        } else if (message.header != null) {
          body.destroy(invalidArgument('header: only the first UploadArtifact message may carry a header'));
        }
      },
      error(error: unknown) {
        const failure = error instanceof Error ? error : new Error(String(error));
        if (body) body.destroy(failure);
        else reject(failure);
      },
      complete() {
        if (body) body.push(null);
        else reject(invalidArgument('header: the UploadArtifact stream was empty'));
      },
    });
  });
}

/**
 * Streams an artifact as DownloadArtifact messages, pausing the source while the call's send
 * buffer is full, so a slow client slows the read instead of filling memory.
 */
export function sendDownload(
  source: Promise<Readable>,
  call: Drainable | undefined,
): Observable<trackingV1.DownloadArtifactResponse> {
  return new RxObservable((subscriber) => {
    let stream: Readable | undefined;
    source.then(
      (readable) => {
        stream = readable;
        readable.on('data', (chunk: Buffer) => {
          subscriber.next({ chunk });
          if (call?.writableNeedDrain) {
            readable.pause();
            call.once('drain', () => readable.resume());
          }
        });
        readable.once('end', () => subscriber.complete());
        readable.once('error', (error) => subscriber.error(error));
      },
      (error: unknown) => subscriber.error(error),
    );
    return () => stream?.destroy();
  });
}
