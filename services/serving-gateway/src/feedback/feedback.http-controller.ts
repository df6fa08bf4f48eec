import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { asInferenceError, httpStatusOf } from '../protocol/error-mapping';
import { decodeFeedback } from './decode-feedback';
import { FeedbackPublisher } from './feedback-publisher';

/**
 * `POST /v2/models/{model}/feedback`: ground truth for earlier predictions, by the request id
 * the prediction was logged under (`<id>` for row 0 of a request, `<id>:<row>` for the others).
 * Not part of the Open Inference Protocol; it is here so a client that can call the gateway can
 * also label its predictions (the standalone platform's bus is not reachable from outside).
 */
@Controller('v2')
export class FeedbackHttpController {
  constructor(private readonly publisher: FeedbackPublisher) {}

  @Post('models/:model/feedback')
  @HttpCode(202)
  async feedback(@Param('model') model: string, @Body() body: unknown, @Res({ passthrough: true }) reply: FastifyReply) {
    try {
      const feedback = decodeFeedback(typeof body === 'string' ? parseJson(body) : body, model, Date.now());
      await this.publisher.publish(feedback);
      return { accepted: feedback.length };
    } catch (error) {
      const failure = asInferenceError(error);
      void reply.code(httpStatusOf(failure));
      return { error: failure.message };
    }
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
