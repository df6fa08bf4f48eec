import { ArtifactUriNotAllowedError } from './artifact-errors';
import { type ResolvedArtifactUri, resolveArtifactUri } from './resolve-artifact-uri';

/** The verdict on a caller-supplied artifact URI: where it lies, or why it may not be used. */
export type ArtifactUriCheck =
  | ({ ok: true } & ResolvedArtifactUri)
  | {
      ok: false;
      /** The request field that carried the URI (`source`, `artifact_uri`, …). */
      field: string;
      reason: string;
      /** `<field>: <reason>`, ready for an INVALID_ARGUMENT / 400 answer. */
      message: string;
    };

/**
 * Checks a URI received from a caller (a model version's `source`, a run's artifact location)
 * against the configured artifact roots without throwing: same scheme and bucket as a root,
 * under its prefix at a `/` boundary (`s3://b/prefix-evil` is not under `s3://b/prefix`), no
 * `.`/`..` segments (also percent-encoded), no http(s) or other schemes, so the platform never
 * fetches an address a caller chose. Pure: it touches no storage.
 * @throws Error only when a configured root itself is invalid (a configuration bug).
 */
export function artifactUriWithinRoots(
  uri: string,
  roots: readonly string[],
  field = 'uri',
): ArtifactUriCheck {
  try {
    return { ok: true, ...resolveArtifactUri(uri, roots) };
  } catch (error) {
    if (!(error instanceof ArtifactUriNotAllowedError)) throw error;
    return { ok: false, field, reason: error.reason, message: new ArtifactUriNotAllowedError(uri, error.reason, field).message };
  }
}

/**
 * `artifactUriWithinRoots` for code that validates by throwing.
 * @throws ArtifactUriNotAllowedError whose message starts with the field and gives the reason.
 */
export function assertArtifactUriWithinRoots(
  uri: string,
  roots: readonly string[],
  field = 'uri',
): ResolvedArtifactUri {
  const check = artifactUriWithinRoots(uri, roots, field);
  if (!check.ok) throw new ArtifactUriNotAllowedError(uri, check.reason, field);
  return { root: check.root, key: check.key };
}
