import { type ExecutionContext, createParamDecorator } from '@nestjs/common';

/** The grpc-js call object of a handler (its third argument), for flow control of streams. */
export const GrpcCall = createParamDecorator((_data: unknown, context: ExecutionContext): unknown =>
  context.getArgByIndex(2),
);
