import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { ARTIFACT_STORE } from '@flywheel/platform';
import { ArtifactNotFoundError, type ArtifactStore } from '@flywheel/storage';
import type { Actor } from '../domain/actor';
import type { RunInfo } from '../domain/run';
import { invalidArgument, notFound } from '../domain/tracking-error';
import { TrackingAudit } from '../audit/tracking-audit';
import { TrackingDatabase } from '../database/tracking-database';
import { activeRun, runNotFound } from '../runs/run-guards';
import { RunRepository } from '../runs/run.repository';
import { type ListedFile, listChildren } from './artifact-listing';
import { joinPath, proxyDirectoryPrefix, proxyKey, proxyPathOfUri } from './artifact-paths';

/**
 * Artifacts in the platform's store (S3 or files), streamed both ways. Addressed by proxied
 * path (`<experiment_id>/<run_id>/artifacts/<file>`, what `mlflow-artifacts:/` URIs name) or
 * by run and path relative to the run's artifact root; both reach the same bytes.
 */
@Injectable()
export class ArtifactsService {
  constructor(
    @Inject(ARTIFACT_STORE) private readonly store: ArtifactStore,
    private readonly database: TrackingDatabase,
    private readonly runs: RunRepository,
    private readonly audit: TrackingAudit,
  ) {}

  /** Stores `body` (streamed, never buffered whole), replacing an artifact at `path`. */
  async upload(actor: Actor, path: string, body: Readable, contentType?: string): Promise<void> {
    await this.store.put(proxyKey(path), body, contentType ? { contentType } : {});
    await this.audit.record(actor, { action: 'artifacts.write', target: { type: 'artifact', id: path } });
  }

  /** @throws TrackingError not_found before any byte is sent. */
  async download(path: string): Promise<Readable> {
    try {
      return await this.store.get(proxyKey(path));
    } catch (error) {
      if (error instanceof ArtifactNotFoundError) throw notFound(`Artifact '${path}' does not exist`);
      throw error;
    }
  }

  /** Files and directories directly under `path` (`''`: the proxy root); a file lists as empty. */
  list(path: string): Promise<ListedFile[]> {
    const prefix = proxyDirectoryPrefix(path);
    return listChildren(this.store.list(prefix), prefix);
  }

  /** Removes the artifact at `path`, or every artifact below it when it is a directory. */
  async delete(actor: Actor, path: string): Promise<void> {
    const key = proxyKey(path.replace(/\/+$/, ''));
    for await (const info of this.store.list(`${key}/`)) await this.store.delete(info.key);
    await this.store.delete(key);
    await this.audit.record(actor, { action: 'artifacts.write', target: { type: 'artifact', id: path } });
  }

  /** Proxied path of a file of an active run. */
  async runUploadPath(runId: string, path: string): Promise<string> {
    if (path === '') throw invalidArgument("Missing value for required parameter 'path'.");
    const run = activeRun(await this.findRun(runId), runId);
    return joinPath(proxyPathOfUri(run.artifactUri), path);
  }

  /** The run's artifact URI and the proxied path of `path` below it (any lifecycle stage). */
  async runPath(runId: string, path: string): Promise<{ artifactUri: string; path: string }> {
    const run = await this.findRun(runId);
    if (!run) throw runNotFound(runId);
    return { artifactUri: run.artifactUri, path: joinPath(proxyPathOfUri(run.artifactUri), path) };
  }

  private findRun(runId: string): Promise<RunInfo | undefined> {
    return this.database.withConnection((c) => this.runs.findInfo(c, runId));
  }
}
