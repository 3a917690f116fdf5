import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { DomainError, SUBJECT_TOKEN_PATTERN } from '@satupintu/common';
import { GetOutputKeys, RevokeOutput } from '@satupintu/contracts';
import { RpcClient } from '@satupintu/messaging';
import type { FastifyReply } from 'fastify';
import { Callers, OfAgency, Public, type CallerRule } from '../auth/access';
import { ApiBodyProblems } from '../accounts/accounts.openapi';
import { AGENCY_CODE } from '../openapi/formats';
import { ApiProblemResponse, ApiUpstreamProblems } from '../openapi/problem.responses';
import { securityOf } from '../openapi/security';
import { askIssuingAgency } from './issuing-agency';
import { MallAgencies } from './mall-agencies';
import { RevokeOutputRequest, documentNoFromPath } from './output.request';
import {
  KEYS_EXAMPLE,
  OutputKeysResponse,
  REVOCATION_EXAMPLE,
  RevokedOutputResponse,
  toOutputKeysResponse,
  toRevokedOutputResponse,
} from './output.response';
import {
  ApiDocumentNoParam,
  ApiOutputNotFound,
  malformedDocumentNoExample,
} from './outputs.openapi';

/** Keys are only ever added, and one signs outputs for years: five minutes of caching is safe. */
export const OUTPUT_KEYS_MAX_AGE_SECONDS = 300;

/** The agency's own admins, and the mall's; the agency decides again. */
export const OUTPUT_REVOKERS = {
  officer: ['AGENCY_ADMIN', 'MALL_ADMIN'],
} as const satisfies CallerRule;

const KEYS_INSTANCE = '/v1/agencies/DUKCAPIL/output-keys';
const REVOCATION_INSTANCE = '/v1/agencies/DUKCAPIL/outputs/DUKCAPIL-2026-000042/revocation';

const AGENCY_PARAM = {
  name: 'agencyCode',
  schema: { type: 'string', maxLength: AGENCY_CODE.maxLength, pattern: AGENCY_CODE.pattern },
  example: 'DUKCAPIL',
} as const;

const agencyCodeFormat = () =>
  DomainError.validation([{ field: 'agencyCode', code: 'agency_code_format' }]);

/** An agency's outputs: the keys that verify them (public), and revoking one (its admins). */
@ApiTags('outputs')
@Controller('v1/agencies')
export class AgencyOutputsController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly agencies: MallAgencies,
  ) {}

  @Get(':agencyCode/output-keys')
  @Public()
  @ApiOperation({
    operationId: 'getOutputKeys',
    summary: "The public keys that sign an agency's outputs",
    description:
      'JWKS-shaped (RFC 7517): every Ed25519 key that ever signed one of the agency’s outputs. ' +
      'A key is never removed, so documents stay verifiable offline for as long as they are ' +
      'valid: find the key whose `kid` is the statement’s `keyId`, and verify the signature ' +
      '(base64url, 64 bytes) over the statement’s UTF-8 bytes with `x`, the raw public key ' +
      '(ADR 0021). Cacheable for 5 minutes. An agency that has issued nothing has no key yet.',
    security: [],
  })
  @ApiParam({ ...AGENCY_PARAM, description: 'The agency whose keys to list' })
  @ApiOkResponse({
    description: 'The agency’s output keys',
    type: OutputKeysResponse,
    headers: {
      'Cache-Control': {
        description: 'Public, for 5 minutes',
        required: true,
        schema: { type: 'string', maxLength: 40, example: 'public, max-age=300' },
      },
    },
    examples: { keys: { summary: 'One Ed25519 key', value: KEYS_EXAMPLE } },
  })
  @ApiProblemResponse(400, 'A malformed agency code', {
    agencyCode: {
      summary: 'An agency code in lower case',
      error: agencyCodeFormat(),
      instance: '/v1/agencies/dukcapil/output-keys',
    },
  })
  @ApiProblemResponse(404, 'The mall has no such agency', {
    unknown: {
      summary: 'An agency code the mall does not have',
      error: new DomainError('agency_not_found', 404, [], { code: 'NOPE' }),
      instance: '/v1/agencies/NOPE/output-keys',
    },
  })
  @ApiUpstreamProblems('DUKCAPIL', KEYS_INSTANCE)
  async keys(
    @Param('agencyCode') agencyCode: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OutputKeysResponse> {
    if (!SUBJECT_TOKEN_PATTERN.test(agencyCode)) throw agencyCodeFormat();
    const keys = await askIssuingAgency(
      agencyCode,
      () => this.rpc.request(GetOutputKeys, {}, { to: agencyCode }),
      this.agencies,
      () => new DomainError('agency_not_found', 404, [], { code: agencyCode }),
    );
    void reply.header('cache-control', `public, max-age=${OUTPUT_KEYS_MAX_AGE_SECONDS}`);
    return toOutputKeysResponse(keys);
  }

  @Post(':agencyCode/outputs/:documentNo/revocation')
  @Callers(OUTPUT_REVOKERS)
  @OfAgency('agencyCode')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'revokeOutput',
    summary: 'Revoke an output',
    description:
      'An admin of the agency (`AGENCY_ADMIN`), or a mall admin, withdraws one of its outputs, ' +
      'with a reason: verification answers `REVOKED` from then on (the signature still ' +
      'verifies: the paper is genuine, no longer current). The reason and who revoked are kept ' +
      'by the agency and never shown publicly. Not a creating request, so no ' +
      '`Idempotency-Key`: a repeat is a 409 naming when it was revoked. Irreversible: a ' +
      'mistaken revocation is answered by issuing again.',
    security: securityOf(OUTPUT_REVOKERS),
  })
  @ApiParam({ ...AGENCY_PARAM, description: 'The agency that issued the output' })
  @ApiDocumentNoParam('The output’s number; one the agency in the path issued')
  @ApiBody({
    type: RevokeOutputRequest,
    examples: {
      wrongHolder: {
        summary: 'Issued to the wrong holder',
        value: { reason: 'Issued to the wrong holder; reissue requested by the applicant' },
      },
    },
  })
  @ApiOkResponse({
    description: 'Revoked: when, why and by whom, as the agency recorded it',
    type: RevokedOutputResponse,
    examples: { revoked: { summary: 'Revoked just now', value: REVOCATION_EXAMPLE } },
  })
  @ApiBodyProblems(
    REVOCATION_INSTANCE,
    DomainError.validation([{ field: 'reason', code: 'required' }]),
    'No reason, or one over 500 characters',
    {
      ...malformedDocumentNoExample('/v1/agencies/DUKCAPIL/outputs/DUKCAPIL-26-42/revocation'),
      agencyCode: {
        summary: 'An agency code in lower case',
        error: agencyCodeFormat(),
        instance: '/v1/agencies/dukcapil/outputs/DUKCAPIL-2026-000042/revocation',
      },
    },
  )
  @ApiProblemResponse(401, 'No authenticated caller', {
    anonymous: {
      summary: 'An anonymous caller',
      error: new DomainError('unauthenticated', 401, [], { resource: 'outputs DUKCAPIL' }),
      instance: REVOCATION_INSTANCE,
    },
  })
  @ApiProblemResponse(403, 'Not an admin of this agency, nor a mall admin', {
    verifier: {
      summary: 'A verifier of the agency',
      error: new DomainError('forbidden', 403, [], { resource: 'outputs DUKCAPIL' }),
      instance: REVOCATION_INSTANCE,
    },
  })
  @ApiOutputNotFound(REVOCATION_INSTANCE)
  @ApiProblemResponse(409, 'Revoked already', {
    revoked: {
      summary: 'A second revocation',
      error: new DomainError('output_already_revoked', 409, [], {
        documentNo: 'DUKCAPIL-2026-000042',
        revokedAt: '2026-12-01T09:15:00.000+07:00',
      }),
      instance: REVOCATION_INSTANCE,
    },
  })
  @ApiUpstreamProblems('DUKCAPIL', REVOCATION_INSTANCE)
  async revoke(
    @Param('agencyCode') agencyCode: string,
    @Param('documentNo') raw: string,
    @Body() body: RevokeOutputRequest,
  ): Promise<RevokedOutputResponse> {
    if (!SUBJECT_TOKEN_PATTERN.test(agencyCode)) throw agencyCodeFormat();
    const { documentNo, agencyCode: issuer } = documentNoFromPath(raw);
    // Another agency's number is not one of this agency's outputs.
    if (issuer !== agencyCode) throw new DomainError('output_not_found', 404, [], { documentNo });
    const revoked = await askIssuingAgency(
      agencyCode,
      () => this.rpc.request(RevokeOutput, { documentNo, reason: body.reason }, { to: agencyCode }),
      this.agencies,
      () => new DomainError('output_not_found', 404, [], { documentNo }),
    );
    return toRevokedOutputResponse(revoked);
  }
}
