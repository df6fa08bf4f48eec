import type { Entity } from '../ast';
import type { ClosedEntity, OpenEntity, SearchSchema } from '../schema/search-schema';
import { SyntaxFailure } from '../syntax/syntax-failure';
import type { NameToken } from '../syntax/token';
import { formatList, ownValue, shorten } from '../messages';

export interface ResolvedName {
  readonly entity: Entity;
  /** Canonical key: aliases of attributes are already translated. */
  readonly key: string;
  /** The key as the user wrote it, for messages. */
  readonly writtenKey: string;
  readonly spec: OpenEntity | ClosedEntity;
}

/**
 * Splits `prefix.key` into entity and key the way MLflow does: a single name is an attribute,
 * otherwise the first segment is the entity type and the rest the key, so `tags.mlflow.user`
 * is the tag `mlflow.user`. A quoted key must be the whole key.
 */
export function resolveName(token: NameToken, schema: SearchSchema): ResolvedName {
  const [first, ...keySegments] = token.segments;
  if (!first) throw new SyntaxFailure(`Invalid identifier '${shorten(token.raw)}'`, token.position);
  const entity = keySegments.length === 0 ? 'attribute' : ownValue(schema.prefixes, first.text);
  const spec = entity === undefined ? undefined : schema.entities[entity];
  if (entity === undefined || spec === undefined) {
    throw new SyntaxFailure(
      `Invalid entity type '${shorten(first.text)}'. Valid values are ${formatList(schema.prefixNames)}`,
      token.position,
    );
  }
  const writtenKey = keySegments.length === 0 ? first.text : joinKey(token, keySegments);
  if (writtenKey === '')
    throw new SyntaxFailure(`Invalid identifier '${shorten(token.raw)}': the key is empty`, token.position);
  const key = spec.kind === 'closed' ? (ownValue(spec.aliases, writtenKey) ?? writtenKey) : writtenKey;
  return { entity, key, writtenKey, spec };
}

function joinKey(token: NameToken, segments: NameToken['segments']): string {
  if (segments.length > 1 && segments.some((segment) => segment.quoting !== 'bare')) {
    throw new SyntaxFailure(
      `Invalid identifier '${shorten(token.raw)}'. A quoted key must be the whole key, e.g. tags.\`a.b\``,
      token.position,
    );
  }
  return segments.map((segment) => segment.text).join('.');
}
