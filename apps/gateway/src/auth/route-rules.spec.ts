import { Controller, Get, Module, type Type } from '@nestjs/common';
import { DiscoveryService, NestFactory, Reflector } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadGatewayConfig } from '../config';
import { GatewayModule } from '../gateway.module';
import { buildOpenApiDocument } from '../openapi/openapi';
import { Public } from './access';
import { routesWithoutRules } from './route-rules';

const config = loadGatewayConfig({});

async function build(module: Type | ReturnType<typeof GatewayModule.forRoot>) {
  return NestFactory.create<NestFastifyApplication>(module, new FastifyAdapter(), {
    logger: false,
    abortOnError: false,
  });
}

describe('route rules (secure by default)', () => {
  it('are stated on every route of the gateway', async () => {
    const app = await build(GatewayModule.forRoot(config));
    try {
      const controllers = app
        .get(DiscoveryService)
        .getControllers()
        .map((wrapper) => wrapper.metatype as Type);
      expect(controllers.map((controller) => controller.name)).toEqual(
        expect.arrayContaining(['ApplicationsController', 'WorkQueueController']),
      );
      expect(routesWithoutRules(app.get(Reflector), controllers)).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('stop the gateway from starting when a route has none', async () => {
    @Controller('v1/forgotten')
    class ForgottenController {
      @Get()
      list() {
        return [];
      }

      @Get('public')
      @Public()
      open() {
        return [];
      }
    }
    @Module({ imports: [GatewayModule.forRoot(config)], controllers: [ForgottenController] })
    class WithAForgottenRoute {}

    const app = await build(WithAForgottenRoute);
    await expect(app.init()).rejects.toThrow(
      /must state who may call it .*: ForgottenController\.list$/,
    );
    await app.close();
  });

  it('agree with what the API document says of each operation: public ones declare no scheme', async () => {
    const document = await buildOpenApiDocument();
    const securityOf = (path: string, method: 'get' | 'post') =>
      document.paths[path][method]?.security;
    expect(securityOf('/v1/applications', 'post')).toEqual([
      { bearer: [] },
      { oauth2: ['applications:submit'] },
    ]);
    expect(securityOf('/v1/applications/{trackingNo}/timeline', 'get')).toEqual([
      { bearer: [] },
      { oauth2: [] },
    ]);
    expect(securityOf('/v1/applications', 'get')).toEqual([
      { bearer: [] },
      { oauth2: ['applications:read'] },
    ]);
    expect(securityOf('/v1/agencies/{agencyCode}/work-queue', 'get')).toEqual([
      { bearer: [] },
      { oauth2: [] },
    ]);
  });
});
