import { jsonPayloadProblem } from './json-payload-problem';

/**
 * Converts one protobuf message type to and from its two Kafka encodings: binary protobuf
 * (`application/x-protobuf`, the default) and the proto3 JSON mapping (`application/json`, accepted
 * from external producers). Decoding failures throw MessageDecodeError so consumers can send the
 * record to the DLQ with a reason.
 */
export interface MessageCodec<T> {
  /** Fully-qualified protobuf name, e.g. `flywheel.inference.v1.InferenceLog`. */
  readonly typeName: string;
  encode(message: T): Uint8Array;
  /** @throws MessageDecodeError when the bytes are not a valid encoding of the message. */
  decode(bytes: Uint8Array): T;
  /**
   * Parses an already `JSON.parse`d value.
   * @throws MessageDecodeError unless it is a JSON object whose values fit their fields' types.
   */
  fromJSON(json: unknown): T;
  /** Proto3 JSON object (lowerCamelCase keys, enum names, default values omitted). */
  toJSON(message: T): unknown;
}

/** The part of ts-proto's generated `MessageFns<T>` a codec needs. */
export interface GeneratedMessageFns<T> {
  encode(message: T): { finish(): Uint8Array };
  decode(input: Uint8Array): T;
  fromJSON(object: unknown): T;
  toJSON(message: T): unknown;
}

/**
 * A hand-written binary encoding of a hot message type, used in place of the generated one; it
 * must read and write exactly what the generated code does.
 */
export interface BinaryFns<T> {
  encode(message: T): Uint8Array;
  /** @throws where the generated decoder throws. */
  decode(bytes: Uint8Array): T;
}

/** A payload that is not a valid encoding of the expected message type. */
export class MessageDecodeError extends Error {
  constructor(
    readonly typeName: string,
    readonly encoding: 'binary' | 'json',
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(`cannot decode ${typeName} from ${encoding}: ${reason}`, options);
    this.name = 'MessageDecodeError';
  }
}

/**
 * Adapts ts-proto's generated functions for one message type to a MessageCodec; `binary`, when
 * given, replaces the generated binary encoding (JSON stays generated).
 */
export function codecFor<T>(generated: GeneratedMessageFns<T>, typeName: string, binary?: BinaryFns<T>): MessageCodec<T> {
  const encode = binary?.encode ?? ((message: T) => generated.encode(message).finish());
  const decode = binary?.decode ?? ((bytes: Uint8Array) => generated.decode(bytes));
  return Object.freeze({
    typeName,
    encode: (message: T): Uint8Array => encode(message),
    decode(bytes: Uint8Array): T {
      if (!(bytes instanceof Uint8Array)) {
        throw new MessageDecodeError(typeName, 'binary', `expected bytes, got ${describe(bytes)}`);
      }
      try {
        return decode(bytes);
      } catch (error) {
        throw new MessageDecodeError(typeName, 'binary', errorText(error), { cause: error });
      }
    },
    fromJSON(json: unknown): T {
      // ts-proto's fromJSON reads properties of whatever it is given; a string or array would
      // silently decode to an all-defaults message.
      if (typeof json !== 'object' || json === null || Array.isArray(json)) {
        throw new MessageDecodeError(typeName, 'json', `expected a JSON object, got ${describe(json)}`);
      }
      const problem = jsonPayloadProblem(json);
      if (problem !== undefined) throw new MessageDecodeError(typeName, 'json', problem);
      let message: T;
      try {
        message = generated.fromJSON(json);
      } catch (error) {
        throw new MessageDecodeError(typeName, 'json', errorText(error), { cause: error });
      }
      // ts-proto coerces with Number(), so "x", 1.5, 1e309 or 2^60 in an integer field would yield
      // a message that no encoder accepts or that binary decoding refuses (NaN, fractions, out of
      // range, beyond 2^53): refuse it here, where the consumer dead-letters it, rather than
      // crash whoever re-encodes it later. JSON is for external producers; binary skips this.
      try {
        decode(encode(message));
      } catch (error) {
        throw new MessageDecodeError(typeName, 'json', `a field holds a value its type cannot (${errorText(error)})`, {
          cause: error,
        });
      }
      return message;
    },
    toJSON: (message: T): unknown => generated.toJSON(message),
  });
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
