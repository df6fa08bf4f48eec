import type { ApprovalPolicy } from '@flywheel/access';
import type { Stage } from './stages';

// The registry's domain types: what use cases return, whatever the transport.

export const VERSION_STATUSES = ['PENDING_REGISTRATION', 'READY', 'FAILED_REGISTRATION'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

export type Tags = Readonly<Record<string, string>>;

export interface Lineage {
  datasetDigest: string;
  codeVersion: string;
}

export interface ColumnSpec {
  name: string;
  type: string;
}

export interface Signature {
  inputs: ColumnSpec[];
  outputs: ColumnSpec[];
}

export interface ModelVersionView {
  name: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  createdBy: string;
  description: string;
  /** As the client gave it. */
  source: string;
  /** Where the artifacts are read from (absolute `s3://` or `file://`). */
  storageUri: string;
  runId: string;
  runLink: string;
  loggedModelId: string;
  status: VersionStatus;
  statusMessage: string;
  stage: Stage;
  tags: Tags;
  aliases: string[];
  lineage: Lineage;
  signature: Signature | undefined;
  hasReferenceProfile: boolean;
}

export interface ModelAlias {
  alias: string;
  version: number;
}

export interface RegisteredModelView {
  name: string;
  description: string;
  createdAt: Date;
  updatedAt: Date;
  createdBy: string;
  tags: Tags;
  aliases: ModelAlias[];
  /** The newest version of each stage that has one, ordered by stage. */
  latestVersions: ModelVersionView[];
  approvalPolicy: ApprovalPolicy;
}

export type PromotionTarget = { kind: 'alias'; alias: string } | { kind: 'stage'; stage: Stage };
export type PromotionState = 'PENDING' | 'APPLIED' | 'REJECTED';

export interface PromotionView {
  id: string;
  modelName: string;
  version: number;
  target: PromotionTarget;
  archiveExistingVersions: boolean;
  state: PromotionState;
  requestedBy: string;
  decidedBy: string;
  requestedAt: Date;
  decidedAt: Date | undefined;
  comment: string;
  decisionComment: string;
}

/** One page of a search, with the token of the next page when there is one. */
export interface Page<T> {
  items: T[];
  nextPageToken: string | undefined;
}
