import type { ArgumentsHost } from '@nestjs/common';
import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  HttpException,
  HttpStatus,
  InternalServerErrorException,
  MethodNotAllowedException,
  NotFoundException,
  PayloadTooLargeException,
  ServiceUnavailableException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { firstValueFrom, isObservable } from 'rxjs';
import { ANONYMOUS } from '@satupintu/contracts';
import { RETRY_AFTER_SECONDS } from '../availability/dependency-error';
import { OutageLog } from '../availability/outage-log';
import { runInContext } from '../context/request-context';
import { createLogger } from '../logging/logger';
import { DomainError } from './domain-error';
import { ProblemFilter, fromFrameworkError, sendProblem } from './problem.filter';
import { PROBLEM_CONTENT_TYPE, PROBLEM_LIMITS } from './problem';

function newFilter(): ProblemFilter {
  const logger = createLogger('test', 'silent');
  return new ProblemFilter(logger, 'test', new OutageLog(logger));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function fakeRequest(overrides: Partial<Record<string, unknown>> = {}): FastifyRequest {
  return {
    method: 'POST',
    url: '/x?y=1',
    headers: {},
    routeOptions: { bodyLimit: 1024 },
    ...overrides,
  } as unknown as FastifyRequest;
}

/** A Nest HttpException wrapping a Fastify client error, as Nest does for body parsing. */
function wrapped(code: string, status = 400): HttpException {
  return new HttpException('wrapped', status, { cause: { code } });
}

function fastifyError(code: string): Error {
  return Object.assign(new Error(code), { code });
}

function summary(error: DomainError | undefined) {
  return error && { code: error.code, status: error.status, params: error.params };
}

describe('fromFrameworkError', () => {
  const request = fakeRequest();

  it.each(['FST_ERR_CTP_INVALID_MEDIA_TYPE', 'FST_ERR_CTP_INVALID_TYPE'])(
    'answers %s wrapped by Nest with 415 unsupported_media_type',
    (code) => {
      expect(summary(fromFrameworkError(wrapped(code), request))).toEqual({
        code: 'unsupported_media_type',
        status: 415,
        params: {},
      });
    },
  );

  it('answers a body that is too large with 413 and the route body limit', () => {
    const error = fromFrameworkError(wrapped('FST_ERR_CTP_BODY_TOO_LARGE', 413), request);
    expect(summary(error)).toEqual({
      code: 'payload_too_large',
      status: 413,
      params: { limit: 1024 },
    });
  });

  it.each([
    'FST_ERR_CTP_EMPTY_JSON_BODY',
    'FST_ERR_CTP_INVALID_JSON_BODY',
    'FST_ERR_CTP_INVALID_CONTENT_LENGTH',
  ])('answers %s with 400 malformed_json', (code) => {
    expect(summary(fromFrameworkError(wrapped(code), request))).toEqual({
      code: 'malformed_json',
      status: 400,
      params: {},
    });
  });

  it('reads the Fastify code of an unwrapped Fastify error too', () => {
    expect(fromFrameworkError(fastifyError('FST_ERR_CTP_INVALID_MEDIA_TYPE'), request)?.code).toBe(
      'unsupported_media_type',
    );
    expect(fromFrameworkError(fastifyError('FST_ERR_CTP_BODY_TOO_LARGE'), request)?.params).toEqual(
      { limit: 1024 },
    );
  });

  it('treats a bare SyntaxError as a server fault, not the client’s JSON', () => {
    const filter = newFilter();
    expect(filter.toDomainError(new SyntaxError('Unexpected token in stored data'))).toMatchObject({
      code: 'internal_error',
      status: 500,
    });
  });

  it('answers an HttpException caused by a JSON SyntaxError with 400 malformed_json', () => {
    const exception = new BadRequestException('Unexpected token', {
      cause: new SyntaxError('Unexpected token } in JSON at position 9'),
    });
    expect(summary(fromFrameworkError(exception, request))).toEqual({
      code: 'malformed_json',
      status: 400,
      params: {},
    });
  });

  it('answers a route that does not exist with 404 route_not_found, method and path', () => {
    const error = fromFrameworkError(new NotFoundException('Cannot POST /x?y=1'), request);
    expect(summary(error)).toEqual({
      code: 'route_not_found',
      status: 404,
      params: { method: 'POST', path: '/x' },
    });
  });

  it('leaves method and path empty for a 404 without a request', () => {
    expect(fromFrameworkError(new NotFoundException())?.params).toEqual({ method: '', path: '' });
  });

  it('answers a PayloadTooLargeException with 413 and the limit', () => {
    expect(summary(fromFrameworkError(new PayloadTooLargeException(), request))).toEqual({
      code: 'payload_too_large',
      status: 413,
      params: { limit: 1024 },
    });
  });

  it('uses limit 0 when the route has no body limit', () => {
    const noLimit = fakeRequest({ routeOptions: {} });
    expect(fromFrameworkError(new PayloadTooLargeException(), noLimit)?.params).toEqual({
      limit: 0,
    });
  });

  it('answers an UnsupportedMediaTypeException with 415', () => {
    expect(summary(fromFrameworkError(new UnsupportedMediaTypeException(), request))).toEqual({
      code: 'unsupported_media_type',
      status: 415,
      params: {},
    });
  });

  it.each([
    ['BadRequestException', new BadRequestException(), 400],
    ['ForbiddenException', new ForbiddenException(), 403],
    ['MethodNotAllowedException', new MethodNotAllowedException(), 405],
    ['ConflictException', new ConflictException(), 409],
    ['a 429 HttpException', new HttpException('slow down', HttpStatus.TOO_MANY_REQUESTS), 429],
  ])(
    'answers another client error (%s) as bad_request with its status',
    (_label, error, status) => {
      expect(summary(fromFrameworkError(error, request))).toEqual({
        code: 'bad_request',
        status,
        params: {},
      });
    },
  );

  it.each([
    ['InternalServerErrorException', new InternalServerErrorException()],
    ['ServiceUnavailableException', new ServiceUnavailableException()],
    ['a plain Error', new Error('boom')],
    ['a TypeError', new TypeError('x is undefined')],
    ['a string', 'boom'],
    ['undefined', undefined],
    ['null', null],
    ['an error with an unknown code', fastifyError('ECONNREFUSED')],
    ['an error with a numeric code', Object.assign(new Error('x'), { code: 415 })],
  ])('leaves %s to the caller', (_label, error) => {
    expect(fromFrameworkError(error, request)).toBeUndefined();
  });
});

describe('ProblemFilter.toDomainError', () => {
  const logger = createLogger('t', 'silent');
  const filter = new ProblemFilter(logger, 'intake', new OutageLog(logger));

  afterEach(() => jest.restoreAllMocks());

  it.each([
    [
      'a refused database connection',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    ],
    [
      'a database shutting down (57P01)',
      Object.assign(new Error('terminating connection due to administrator command'), {
        code: '57P01',
      }),
    ],
    [
      'a database starting up (57P03)',
      Object.assign(new Error('the database system is starting up'), { code: '57P03' }),
    ],
    [
      'a connection exception (08006)',
      Object.assign(new Error('connection failure'), { code: '08006' }),
    ],
    ['a dropped connection', new Error('Connection terminated unexpectedly')],
    [
      'a TypeORM-wrapped outage',
      Object.assign(new Error('query failed'), {
        driverError: Object.assign(new Error('x'), { code: '57P01' }),
      }),
    ],
  ])('answers %s with 503 and a Retry-After, not 500', (_label, error) => {
    const problem = filter.toDomainError(error);
    expect(summary(problem)).toEqual({
      code: 'service_unavailable',
      status: 503,
      params: { service: 'intake', retryAfterSeconds: 5 },
    });
  });

  it('logs a database outage once, however many requests run into it', () => {
    const own = new ProblemFilter(logger, 'intake', new OutageLog(logger));
    const warn = jest.spyOn(logger, 'warn');
    const error = jest.spyOn(logger, 'error');
    for (let i = 0; i < 50; i++) {
      own.toDomainError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    }
    expect(warn).toHaveBeenCalledTimes(1);
    expect(error).not.toHaveBeenCalled();
  });

  it('still answers a query error that is not an outage as a 500', () => {
    const problem = filter.toDomainError(
      Object.assign(new Error('relation "nope" does not exist'), { code: '42P01' }),
    );
    expect(problem.code).toBe('internal_error');
    expect(problem.status).toBe(500);
  });

  it('passes a DomainError through unchanged', () => {
    const error = new DomainError('application_not_found', 404, [], { trackingNo: 'K7M39QX2C' });
    expect(filter.toDomainError(error)).toBe(error);
  });

  it('maps framework errors with the request', () => {
    const error = filter.toDomainError(new NotFoundException(), fakeRequest({ method: 'GET' }));
    expect(summary(error)).toEqual({
      code: 'route_not_found',
      status: 404,
      params: { method: 'GET', path: '/x' },
    });
  });

  it('answers an arbitrary Error with 500 internal_error and an error id', () => {
    const error = filter.toDomainError(new Error('database exploded'));
    expect(error.code).toBe('internal_error');
    expect(error.status).toBe(500);
    expect(error.errors).toEqual([]);
    expect(String(error.params.errorId)).toMatch(UUID);
  });

  it('logs the original error with the same error id it answers with', () => {
    const spy = jest.spyOn(logger, 'error');
    const original = new Error('database exploded');
    const error = filter.toDomainError(original);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy).toHaveBeenCalledWith(
      { err: original, errorId: error.params.errorId },
      'unhandled error',
    );
  });

  it('does not log a DomainError or a client error', () => {
    const spy = jest.spyOn(logger, 'error');
    filter.toDomainError(new DomainError('bad_request', 400));
    filter.toDomainError(new BadRequestException());
    expect(spy).not.toHaveBeenCalled();
  });

  it('gives every unhandled error its own id', () => {
    const a = filter.toDomainError(new Error('a')).params.errorId;
    const b = filter.toDomainError(new Error('b')).params.errorId;
    expect(a).not.toBe(b);
  });

  it('answers a thrown non-Error value with internal_error', () => {
    expect(filter.toDomainError('oops').code).toBe('internal_error');
  });
});

interface SentReply {
  status?: number;
  headers: Record<string, string>;
  body?: unknown;
}

function fakeReply(): { reply: FastifyReply; sent: SentReply } {
  const sent: SentReply = { headers: {} };
  const reply = {
    status(code: number) {
      sent.status = code;
      return reply;
    },
    header(name: string, value: string) {
      sent.headers[name] = value;
      return reply;
    },
    send(body: unknown) {
      sent.body = body;
      return reply;
    },
  };
  return { reply: reply as unknown as FastifyReply, sent };
}

function httpHost(request: FastifyRequest, reply: FastifyReply): ArgumentsHost {
  return {
    getType: () => 'http',
    switchToHttp: () => ({
      getRequest: () => request,
      getResponse: () => reply,
      getNext: () => undefined,
    }),
  } as unknown as ArgumentsHost;
}

const rpcHost = { getType: () => 'rpc' } as unknown as ArgumentsHost;

describe('sendProblem', () => {
  it('sends problem+json with the status, in the language the caller asked for', () => {
    const { reply, sent } = fakeReply();
    const request = fakeRequest({ headers: { 'accept-language': 'en-US,en;q=0.9' } });
    sendProblem(request, reply, new DomainError('bad_request', 400));
    expect(sent.status).toBe(400);
    expect(sent.headers['content-type']).toBe(PROBLEM_CONTENT_TYPE);
    expect(sent.body).toMatchObject({
      title: 'Bad request',
      instance: '/x?y=1',
      code: 'bad_request',
    });
  });

  it('answers in Indonesian without Accept-Language', () => {
    const { reply, sent } = fakeReply();
    sendProblem(fakeRequest(), reply, new DomainError('bad_request', 400));
    expect(sent.body).toMatchObject({ title: 'Permintaan tidak dapat diterima' });
  });

  it('includes the request id of the current context', () => {
    const { reply, sent } = fakeReply();
    runInContext({ requestId: 'req-42', traceparent: '', principal: ANONYMOUS }, () =>
      sendProblem(fakeRequest(), reply, new DomainError('bad_request', 400)),
    );
    expect(sent.body).toMatchObject({ requestId: 'req-42' });
  });

  it('tells the caller when to retry a 503', () => {
    const { reply, sent } = fakeReply();
    sendProblem(fakeRequest(), reply, new DomainError('service_unavailable', 503));
    expect(sent.headers['retry-after']).toBe(String(RETRY_AFTER_SECONDS));
  });

  it('sends no Retry-After with other errors', () => {
    const { reply, sent } = fakeReply();
    sendProblem(fakeRequest(), reply, new DomainError('upstream_timeout', 504));
    expect(sent.headers).not.toHaveProperty('retry-after');
  });

  it('echoes at most the instance limit of a very long URL', () => {
    const { reply, sent } = fakeReply();
    const url = `/v1/${'x'.repeat(10_000)}`;
    sendProblem(fakeRequest({ url }), reply, new DomainError('bad_request', 400));
    const { instance } = sent.body as { instance: string };
    expect(instance).toHaveLength(PROBLEM_LIMITS.instance);
    expect(instance.endsWith('…')).toBe(true);
  });
});

describe('ProblemFilter.catch', () => {
  const filter = newFilter();

  it('answers over HTTP with a rendered problem', () => {
    const { reply, sent } = fakeReply();
    const request = fakeRequest({ method: 'DELETE', url: '/v1/nope?z=2' });
    const result = filter.catch(new NotFoundException(), httpHost(request, reply));
    expect(result).toBeUndefined();
    expect(sent.status).toBe(404);
    expect(sent.body).toMatchObject({
      type: 'urn:satupintu:problem:route-not-found',
      detail: 'Tidak ada DELETE /v1/nope. Lihat /docs.',
      instance: '/v1/nope?z=2',
    });
  });

  it('answers over NATS with a serialized domain error', async () => {
    const result = filter.catch(
      new DomainError('unprocessable', 422, [{ field: 'a', code: 'b' }]),
      rpcHost,
    );
    expect(isObservable(result)).toBe(true);
    if (!isObservable(result)) return;
    await expect(firstValueFrom(result)).rejects.toEqual({
      kind: 'domain-error',
      code: 'unprocessable',
      status: 422,
      params: {},
      errors: [{ field: 'a', code: 'b' }],
    });
  });

  it('answers an unhandled error over NATS as a serialized internal_error', async () => {
    const result = filter.catch(new Error('boom'), rpcHost);
    if (!isObservable(result)) throw new Error('expected an observable');
    const thrown: unknown = await firstValueFrom(result).catch((error: unknown) => error);
    expect(DomainError.isSerialized(thrown)).toBe(true);
    expect(thrown).toMatchObject({ code: 'internal_error', status: 500 });
  });
});
