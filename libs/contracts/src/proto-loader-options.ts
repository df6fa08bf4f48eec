import type { Options } from '@grpc/proto-loader';
import { PROTO_ROOT } from './proto-root';

/**
 * `@grpc/proto-loader` options under which the objects gRPC hands to Nest controllers have the
 * shapes of the ts-proto types in this library (see proto/buf.gen.yaml). Pass them as Nest's gRPC
 * `loader` option. Changing either side alone makes controllers receive objects their types lie about.
 */
export const PROTO_LOADER_OPTIONS: Options = Object.freeze({
  // ts-proto snakeToCamel: fields are lowerCamelCase (request_id -> requestId).
  keepCase: false,
  // ts-proto forceLong=number: int64/uint64 are JS numbers (epoch ms fit well within 2^53).
  longs: Number,
  // ts-proto numeric enums (stringEnums off): enum fields are their numeric values.
  enums: Number,
  // ts-proto scalars, repeated and map fields are never undefined: fill proto3 defaults ('' / 0 /
  // false / [] / {}). Caveat: an absent sub-message arrives as null, not undefined.
  defaults: true,
  arrays: true,
  objects: true,
  // Adds a virtual property naming the set oneof member (e.g. change: 'aliasSet') next to the
  // member itself, which is what ts-proto's oneof=properties types describe.
  oneofs: true,
  // Proto imports are rooted at proto/ (`import "flywheel/deployment/v1/traffic_policy.proto"`).
  includeDirs: [PROTO_ROOT],
});
