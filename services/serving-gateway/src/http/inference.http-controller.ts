import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { InferenceService } from '../inference/inference.service';
import { ModelStatusService } from '../inference/model-status.service';
import { decodeRestRequest } from '../protocol/decode-rest-request';
import { encodeRestResponse } from '../protocol/encode-response';
import { asInferenceError, httpStatusOf } from '../protocol/error-mapping';
import { SERVING_OPTIONS, type ServingOptions } from '../serving-options';

type HeaderMap = Record<string, string | string[] | undefined>;

/**
 * The Open Inference Protocol REST API. Failures answer `{"error": "<message naming the
 * field>"}` with 400 (malformed), 404 (unknown model or version), 429 (concurrency cap),
 * 503 (model cannot be loaded) or 500.
 */
@Controller('v2')
export class InferenceHttpController {
  constructor(
    private readonly inference: InferenceService,
    private readonly status: ModelStatusService,
    @Inject(SERVING_OPTIONS) private readonly options: ServingOptions,
  ) {}

  @Get('health/live')
  live(): { live: boolean } {
    return { live: true };
  }

  @Get('health/ready')
  ready(@Res({ passthrough: true }) reply: FastifyReply): { ready: boolean } {
    const ready = this.status.serverReady();
    void reply.code(ready ? 200 : 503);
    return { ready };
  }

  @Get()
  metadata(): { name: string; version: string; extensions: string[] } {
    return this.status.serverMetadata();
  }

  @Get('models/:model')
  modelMetadata(@Param('model') model: string, @Res({ passthrough: true }) reply: FastifyReply) {
    return answer(reply, () => this.status.modelMetadata(model, ''));
  }

  @Get('models/:model/versions/:version')
  versionMetadata(@Param('model') model: string, @Param('version') version: string, @Res({ passthrough: true }) reply: FastifyReply) {
    return answer(reply, () => this.status.modelMetadata(model, version));
  }

  @Get('models/:model/ready')
  modelReady(@Param('model') model: string, @Res({ passthrough: true }) reply: FastifyReply) {
    return answer(reply, async () => readyBody(reply, await this.status.modelReady(model, '')));
  }

  @Get('models/:model/versions/:version/ready')
  versionReady(@Param('model') model: string, @Param('version') version: string, @Res({ passthrough: true }) reply: FastifyReply) {
    return answer(reply, async () => readyBody(reply, await this.status.modelReady(model, version)));
  }

  @Post('models/:model/infer')
  @HttpCode(200)
  infer(@Param('model') model: string, @Body() body: unknown, @Headers() headers: HeaderMap, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.serveInfer(model, '', body, headers, reply);
  }

  @Post('models/:model/versions/:version/infer')
  @HttpCode(200)
  inferVersion(@Param('model') model: string, @Param('version') version: string, @Body() body: unknown, @Headers() headers: HeaderMap, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.serveInfer(model, version, body, headers, reply);
  }

  private serveInfer(model: string, version: string, body: unknown, headers: HeaderMap, reply: FastifyReply) {
    return answer(reply, async () => {
      const request = decodeRestRequest(jsonBody(body), model, version, this.options.maxMessageBytes);
      const result = await this.inference.infer(request, (name) => {
        const value = headers[name];
        return Array.isArray(value) ? value[0] : value;
      });
      return encodeRestResponse(result);
    });
  }
}

/** A text/plain body (Fastify hands it over as a string) read as JSON; not JSON: null (a 400). */
function jsonBody(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return null;
  }
}

function readyBody(reply: FastifyReply, ready: boolean): { ready: boolean } {
  void reply.code(ready ? 200 : 503);
  return { ready };
}

async function answer<T>(reply: FastifyReply, work: () => Promise<T>): Promise<T | { error: string }> {
  try {
    return await work();
  } catch (error) {
    const failure = asInferenceError(error);
    void reply.code(httpStatusOf(failure));
    return { error: failure.message };
  }
}
