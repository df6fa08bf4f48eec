import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import type { STREAMED_BODY } from '@flywheel/service-kit';

/** A JSON body that could not be parsed; the route answers BAD_REQUEST naming why. */
export class UnparsableBody {
  constructor(readonly reason: string) {}
}

const bodySizes = new WeakMap<object, number>();

/** Bytes of the request's JSON body as received (log-batch enforces MLflow's 1 MB limit on it). */
export function bodySizeOf(request: FastifyRequest): number {
  return bodySizes.get(request) ?? 0;
}

/**
 * Replaces the JSON parser of the app's Fastify instance with one that serves MLflow clients:
 * JSON of any content type (MLflow's server ignores it), an empty body as `{}`, double-encoded
 * JSON from old clients decoded twice, and the body size recorded. Routes configured with the
 * kit's STREAMED_BODY (artifact uploads, forwarding; exempt from the kit's body limit and handler
 * deadline) get the raw stream instead, whatever its type, so uploads are never buffered and
 * forwarded bodies stay byte-identical.
 */
export function installMlflowBodyParser(fastify: FastifyInstance): void {
  // Fastify's own text/plain parser and Nest's JSON and form parsers would consume artifact
  // uploads of those types; this one parser decides for every content type.
  fastify.removeAllContentTypeParsers();
  const parser = (
    request: FastifyRequest,
    payload: Readable,
    done: (error: Error | null, body?: unknown) => void,
  ) => {
    if ((request.routeOptions.config as Partial<typeof STREAMED_BODY>).streamedBody === true) {
      done(null, payload);
      return;
    }
    readAll(payload).then(
      (bytes) => {
        bodySizes.set(request, bytes.length);
        done(null, parseJson(bytes));
      },
      (error: Error) => done(error),
    );
  };
  fastify.addContentTypeParser('*', parser);
}

async function readAll(payload: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of payload) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseJson(bytes: Buffer): unknown {
  if (bytes.length === 0) return {};
  try {
    const parsed: unknown = JSON.parse(bytes.toString('utf8'));
    return typeof parsed === 'string' ? JSON.parse(parsed) : parsed;
  } catch (error) {
    return new UnparsableBody(error instanceof Error ? error.message : String(error));
  }
}
