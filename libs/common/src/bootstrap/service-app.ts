import type { DynamicModule, Type } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { CustomTransportStrategy } from '@nestjs/microservices';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { OutageLog } from '../availability/outage-log';
import type { BaseConfig } from '../config/config';
import { REQUEST_ID_HEADER, contextFromHeaders, runInContext } from '../context/request-context';
import { type AppLogger, createLogger } from '../logging/logger';
import { NestPinoLogger } from '../logging/nest-logger';
import { READINESS_PROBES, type ReadinessProbe } from '../health/health.module';
import { ServiceMetrics } from '../metrics/metrics';
import { ProblemFilter } from '../problems/problem.filter';
import { BodyValidationPipe } from './body-validation.pipe';
import { cacheValidationMetadata } from './validation-metadata-cache';
import { CoreModule } from './core.module';
import { RpcContextInterceptor } from './rpc-context.interceptor';

export interface ServiceAppOptions {
  /** Service name: log field, metrics label, NATS queue group. */
  name: string;
  config: BaseConfig;
  module: DynamicModule | Type;
  /**
   * Serve NATS request/reply handlers besides HTTP, through this server (messaging's
   * `RequestServer`); its probe joins the service's readiness.
   */
  rpc?: CustomTransportStrategy & { probe(): ReadinessProbe };
  bodyLimitBytes?: number;
  /** Runs after the app is built and before it listens (Swagger, extra hooks). */
  configure?: (app: NestFastifyApplication, logger: AppLogger) => void | Promise<void>;
}

export interface ServiceApp {
  app: NestFastifyApplication;
  logger: AppLogger;
  url: string;
  close(): Promise<void>;
}

/**
 * Builds and starts one SatuPintu service the same way everywhere: Fastify HTTP (health,
 * metrics, and the REST API for the gateway), an optional NATS request/reply server, JSON
 * logs with request ids, problem+json errors and validated input.
 */
export async function startServiceApp(options: ServiceAppOptions): Promise<ServiceApp> {
  const { name, config } = options;
  const logger = createLogger(name, config.LOG_LEVEL);
  const metrics = new ServiceMetrics(name);
  const outages = new OutageLog(logger);

  @Module({ imports: [CoreModule.forRoot(logger, metrics, outages), options.module] })
  class RootModule {}

  const adapter = new FastifyAdapter({
    logger: false,
    bodyLimit: options.bodyLimitBytes ?? 256 * 1024,
    // Our request ids come from the X-Request-Id header or are minted in `onRequest`.
    requestIdHeader: false,
  });
  const app = await NestFactory.create<NestFastifyApplication>(RootModule, adapter, {
    logger: new NestPinoLogger(logger),
    abortOnError: false,
    // Fastify's own JSON parser only: Nest's default adds url-encoded forms, which we do not take.
    bodyParser: false,
  });

  const fastify = app.getHttpAdapter().getInstance();
  // Only JSON bodies: a text/plain body would otherwise arrive as a string and slip past DTOs.
  fastify.removeContentTypeParser(['text/plain']);
  fastify.addHook('onRequest', (request, reply, done) => {
    const context = contextFromHeaders((header) => {
      const value = request.headers[header];
      return Array.isArray(value) ? value[0] : value;
    });
    void reply.header(REQUEST_ID_HEADER, context.requestId);
    runInContext(context, done);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const seconds = reply.elapsedTime / 1000;
    metrics.httpDuration.observe(
      { method: request.method, route, status: reply.statusCode },
      seconds,
    );
    if (!route.startsWith('/health') && route !== '/metrics') {
      logger.info(
        {
          method: request.method,
          route,
          url: request.url,
          status: reply.statusCode,
          ms: Math.round(reply.elapsedTime),
        },
        'request',
      );
    }
    done();
  });

  // Nest hands Fastify's own errors (unparseable JSON, wrong content type, size) to this filter too.
  app.useGlobalFilters(new ProblemFilter(logger, name, outages));
  cacheValidationMetadata();
  app.useGlobalPipes(new BodyValidationPipe());
  app.useGlobalInterceptors(new RpcContextInterceptor(logger, outages, metrics));
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);

  if (options.rpc) {
    app.connectMicroservice({ strategy: options.rpc }, { inheritAppConfig: true });
    app.get<ReadinessProbe[]>(READINESS_PROBES, { strict: false }).push(options.rpc.probe());
  }
  await options.configure?.(app, logger);
  if (options.rpc) await app.startAllMicroservices();
  await app.listen(config.HTTP_PORT, config.HTTP_HOST);
  const url = `http://${config.HTTP_HOST}:${config.HTTP_PORT}`;
  logger.info({ url }, `${name} ready`);
  return { app, logger, url, close: () => app.close() };
}

/** Runs a service's main: a configuration error ends the process with the message, no stack. */
export function runMain(main: () => Promise<unknown>): void {
  main().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${message}\n`);
    process.exit(1);
  });
}
