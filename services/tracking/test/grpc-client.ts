import {
  type Client,
  type ClientReadableStream,
  type ClientWritableStream,
  Metadata,
  type ServiceError,
  credentials,
  loadPackageDefinition,
} from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { PROTO_LOADER_OPTIONS, protoPath, trackingV1 } from '@flywheel/contracts';

/** A decoded message; the tests' assertions check its shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- fixtures, checked by assertions
export type Loose = any;

type Callback = (error: ServiceError | null, response?: Loose) => void;

/** A grpc-js stub of `flywheel.tracking.v1.TrackingService`, loaded the way Nest loads it. */
export interface TrackingStub extends Client {
  uploadArtifact(metadata: Metadata, callback: Callback): ClientWritableStream<unknown>;
  downloadArtifact(request: unknown): ClientReadableStream<{ chunk: Buffer }>;
}

export function trackingStub(address: string): TrackingStub {
  const definition = loadSync(protoPath(trackingV1.protobufFileName), PROTO_LOADER_OPTIONS);
  const loaded = loadPackageDefinition(definition) as Loose;
  const Service = loaded.flywheel.tracking.v1.TrackingService as new (...args: unknown[]) => TrackingStub;
  return new Service(address, credentials.createInsecure());
}

/** Calls a unary method; rejects with the ServiceError (its `code` and `details`). */
export function unary(stub: TrackingStub, method: string, request: unknown): Promise<Loose> {
  const call = (
    stub as unknown as Record<string, (request: unknown, metadata: Metadata, callback: Callback) => void>
  )[method]!;
  return new Promise((resolve, reject) => {
    call.call(stub, request, new Metadata(), (error, response) =>
      error ? reject(error) : resolve(response),
    );
  });
}
