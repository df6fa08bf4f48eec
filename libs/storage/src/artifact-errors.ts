/** A key or list prefix that could escape the store's root, or that storage cannot hold. */
export class InvalidArtifactKeyError extends Error {
  override readonly name = 'InvalidArtifactKeyError';

  constructor(
    readonly key: string,
    reason: string,
  ) {
    super(`invalid artifact key ${JSON.stringify(key)}: ${reason}`);
  }
}

/** `get` of an artifact that does not exist. */
export class ArtifactNotFoundError extends Error {
  override readonly name = 'ArtifactNotFoundError';

  constructor(readonly uri: string) {
    super(`artifact ${uri} does not exist`);
  }
}

/** A URI outside every configured artifact root, or of an unsupported kind. */
export class ArtifactUriNotAllowedError extends Error {
  override readonly name = 'ArtifactUriNotAllowedError';

  constructor(
    readonly uri: string,
    /** Why, without the URI. */
    readonly reason: string,
    /** The request field that carried the URI, when known; the message then starts with it. */
    readonly field?: string,
  ) {
    super(`${field === undefined ? '' : `${field}: `}artifact URI ${JSON.stringify(uri)} is not allowed: ${reason}`);
  }
}
