import type { DynamicModule, INestApplicationContext, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { MicroserviceOptions } from '@nestjs/microservices';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Server } from '@grpc/grpc-js';
import type { GrpcServerPlan } from './grpc-server-options';
import {
  collectHttpRoutes,
  fastifyAdapterFor,
  limitRequestBodies,
  type HttpTransportSettings,
} from './http-server-setup';
import { hostPort, type ServedAddress } from './served-address';
import type { ServiceDefinition } from './service-definition';

const IDLE_REAP_INTERVAL_MS = 100;

/** A created (not yet listening) Nest app and how to start, drain and cut its listeners. */
export interface NestAppShape {
  app: INestApplicationContext;
  /** Starts every listener; the returned addresses are what it serves. */
  listen(): Promise<ServedAddress[]>;
  drain(): Promise<void>;
  forceClose(): void;
  /** Route ids of every gRPC method and HTTP route served (complete once listening). */
  routeIds(): string[];
}

export interface ShapeInput {
  definition: ServiceDefinition;
  root: DynamicModule;
  grpc: GrpcServerPlan | undefined;
  /** The grpc-js server, once the gRPC plan created it. */
  grpcServer: () => Server | undefined;
  host: string;
  http: HttpTransportSettings;
  logger: LoggerService;
}

/** Picks the Nest app shape: HTTP (Fastify, gRPC connected), gRPC only, or no listener. */
export async function createNestApp(input: ShapeInput): Promise<NestAppShape> {
  if (input.definition.http) return createHttpApp(input, input.definition.http.port);
  if (input.grpc) return createGrpcApp(input, input.grpc);
  const app = await NestFactory.createApplicationContext(input.root, {
    logger: input.logger,
    abortOnError: false,
  });
  return {
    app,
    async listen() {
      await app.init();
      return [];
    },
    drain: () => Promise.resolve(),
    forceClose: () => undefined,
    routeIds: () => [],
  };
}

async function createHttpApp(input: ShapeInput, httpPort: number): Promise<NestAppShape> {
  const app = await NestFactory.create<NestFastifyApplication>(input.root, fastifyAdapterFor(input.http), {
    logger: input.logger,
    abortOnError: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  limitRequestBodies(fastify, input.http.maxRequestBytes);
  const httpRoutes = collectHttpRoutes(fastify);
  const scheme = input.http.tls ? 'https' : 'http';
  const grpc = grpcShape(input);
  return {
    app,
    async listen() {
      const addresses: ServedAddress[] = [];
      if (input.grpc) {
        app.connectMicroservice<MicroserviceOptions>(input.grpc.options, { inheritAppConfig: true });
        addresses.push(await grpc.start(input.grpc, () => app.startAllMicroservices()));
      }
      const address = hostPort(input.host, httpPort);
      await failWith(`cannot serve HTTP on ${address}`, () => app.listen(httpPort, input.host));
      addresses.push({ owner: input.definition.name, protocol: 'http', address: `${scheme}://${address}` });
      return addresses;
    },
    async drain() {
      // close() reaps only the keep-alive connections idle when it starts; one whose response
      // finishes later would hold the drain open until the deadline. Reap those as they idle.
      const reaper = setInterval(() => fastify.server.closeIdleConnections(), IDLE_REAP_INTERVAL_MS);
      try {
        await Promise.all([grpc.drain(), fastify.close()]);
      } finally {
        clearInterval(reaper);
      }
    },
    forceClose() {
      grpc.forceClose();
      fastify.server.closeAllConnections();
    },
    routeIds: () => [...(input.grpc?.routeIds ?? []), ...httpRoutes],
  };
}

async function createGrpcApp(input: ShapeInput, plan: GrpcServerPlan): Promise<NestAppShape> {
  const app = await NestFactory.createMicroservice<MicroserviceOptions>(input.root, {
    ...plan.options,
    logger: input.logger,
    abortOnError: false,
  });
  const grpc = grpcShape(input);
  return {
    app,
    listen: async () => [await grpc.start(plan, () => app.listen())],
    drain: () => grpc.drain(),
    forceClose: () => grpc.forceClose(),
    routeIds: () => [...plan.routeIds],
  };
}

/** Starting, draining and cutting the gRPC server, whichever Nest app hosts it. */
function grpcShape(input: ShapeInput) {
  return {
    async start(plan: GrpcServerPlan, listen: () => Promise<unknown>): Promise<ServedAddress> {
      await failWith(`cannot serve gRPC on ${plan.address}`, listen);
      const serves = [...plan.serviceNames, 'reflection'].join(', ');
      return { owner: input.definition.name, protocol: 'grpc', address: plan.address, serves };
    },
    drain(): Promise<void> {
      const server = input.grpcServer();
      return new Promise((resolve) => (server ? server.tryShutdown(() => resolve()) : resolve()));
    },
    forceClose(): void {
      input.grpcServer()?.forceShutdown();
    },
  };
}

async function failWith(what: string, action: () => Promise<unknown>): Promise<void> {
  try {
    await action();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${what}: ${reason}`, { cause: error });
  }
}
