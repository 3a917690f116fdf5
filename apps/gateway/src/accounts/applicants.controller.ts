import { Body, Controller, Get, Header, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@satupintu/common';
import {
  ConfirmVerification,
  GetMyProfile,
  RegisterApplicant,
  SendVerificationCode,
  UpdateMyProfile,
} from '@satupintu/contracts';
import { RpcClient } from '@satupintu/messaging';
import { Callers, Public } from '../auth/access';
import {
  ApiIdempotencyKey,
  REPLAYED_HEADERS,
  invalidIdempotencyKeyExample,
} from '../idempotency/idempotency.openapi';
import { ApiProblemResponse, ApiUpstreamProblems } from '../openapi/problem.responses';
import { ApiAccountAccess, ApiBodyProblems, BEARER } from './accounts.openapi';
import {
  ConfirmVerificationRequest,
  RegisterApplicantRequest,
  SendVerificationCodeRequest,
  UpdateProfileRequest,
  toConfirmVerificationV1,
  toRegisterApplicantV1,
  toSendVerificationCodeV1,
  toUpdateMyProfileV1,
} from './applicant.request';
import {
  ApplicantProfileResponse,
  ApplicantRegisteredResponse,
  VerificationCodeSentResponse,
  VerificationConfirmedResponse,
  toApplicantProfileResponse,
  toApplicantRegisteredResponse,
  toVerificationCodeSentResponse,
  toVerificationConfirmedResponse,
} from './applicant.response';

const PROFILE_EXAMPLE: ApplicantProfileResponse = {
  applicantId: '6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b',
  nikMasked: '3201********0001',
  name: 'Siti Rahayu',
  birthDate: '1990-06-05',
  sex: 'F',
  phone: '+6281234567890',
  phoneVerified: true,
  email: 'siti@example.id',
  emailVerified: false,
  address: {
    line: 'Jl. Sudirman No. 9, RT 02/RW 05',
    districtCode: '32.01.01',
    postalCode: '16914',
  },
  preferredLanguage: 'id',
  version: 3,
};

const ME = '/v1/applicants/me';
const PROFILE = 'applicant profile';

@ApiTags('applicants')
@Controller('v1/applicants')
export class ApplicantsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @Public()
  @HttpCode(201)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    operationId: 'registerApplicant',
    summary: 'Register as a citizen',
    description:
      'Opens an applicant account. The NIK is checked as intake checks it (its region must exist, its birth date ' +
      'must be a real date, its serial not 0000) and must agree with the stated birth date and sex; a problem ' +
      'names the part of the NIK that is wrong. A phone (+62…) or an e-mail is needed; each gets a six-digit ' +
      'one-time code to confirm at `POST /v1/applicants/me/verifications` once signed in. The password must be ' +
      'at least 10 characters, not a common one, and not contain the NIK, name, e-mail or phone. One NIK, phone ' +
      'or e-mail opens one account: a second is `409 account_exists`, which does not say which was taken. ' +
      'Under an `Idempotency-Key`, only the very same body (password included) receives the first answer ' +
      'again; the keys are kept per NIK, and a replay sends no new code.',
    security: [],
  })
  @ApiBody({
    type: RegisterApplicantRequest,
    examples: {
      email: {
        summary: 'With an e-mail address',
        value: {
          nik: '3201014506900001',
          name: 'Siti Rahayu',
          birthDate: '1990-06-05',
          sex: 'F',
          email: 'siti@example.id',
          password: 'kopi tubruk di pagi hari',
        } satisfies RegisterApplicantRequest,
      },
    },
  })
  @ApiResponse({
    status: 201,
    description: 'The account is open; codes were sent',
    type: ApplicantRegisteredResponse,
    headers: REPLAYED_HEADERS,
    examples: {
      registered: {
        summary: 'A code went to the e-mail address',
        value: {
          applicantId: '6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b',
          verificationsSent: ['EMAIL'],
        } satisfies ApplicantRegisteredResponse,
      },
    },
  })
  @ApiBodyProblems(
    '/v1/applicants',
    DomainError.validation([{ field: 'nik', code: 'nik_format' }]),
    'A NIK of the wrong length',
    invalidIdempotencyKeyExample('/v1/applicants'),
  )
  @ApiIdempotencyKey('/v1/applicants', {
    409: {
      description: 'An account with this NIK, phone or e-mail exists',
      examples: {
        exists: {
          summary: 'Registered before',
          error: new DomainError('account_exists', 409),
          instance: '/v1/applicants',
        },
      },
    },
    422: {
      description: 'A NIK that cannot exist or disagrees, no contact, or a weak password',
      examples: {
        nikRegion: {
          summary: 'A NIK whose region does not exist',
          error: DomainError.validation([{ field: 'nik', code: 'nik_region' }], 422),
          instance: '/v1/applicants',
        },
        nikSerial: {
          summary: 'A NIK with serial 0000',
          error: DomainError.validation([{ field: 'nik', code: 'nik_serial' }], 422),
          instance: '/v1/applicants',
        },
        password: {
          summary: 'A common password',
          error: DomainError.validation([{ field: 'password', code: 'password_common' }], 422),
          instance: '/v1/applicants',
        },
      },
    },
  })
  @ApiUpstreamProblems('identity', '/v1/applicants')
  async register(@Body() body: RegisterApplicantRequest): Promise<ApplicantRegisteredResponse> {
    return toApplicantRegisteredResponse(
      await this.rpc.request(RegisterApplicant, toRegisterApplicantV1(body)),
    );
  }

  @Get('me')
  @Callers({ applicant: true })
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    operationId: 'getMyProfile',
    summary: 'My profile',
    description:
      "The signed-in applicant's profile: name, birth date, sex, contacts and whether they are verified, " +
      'address. The NIK is masked.',
    security: BEARER,
  })
  @ApiResponse({
    status: 200,
    description: 'The profile',
    type: ApplicantProfileResponse,
    examples: { profile: { summary: 'A citizen with a verified phone', value: PROFILE_EXAMPLE } },
  })
  @ApiAccountAccess(PROFILE, ME, 'The caller is not an applicant')
  async me(): Promise<ApplicantProfileResponse> {
    return toApplicantProfileResponse(await this.rpc.request(GetMyProfile, {}));
  }

  @Patch('me')
  @Callers({ applicant: true })
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    operationId: 'updateMyProfile',
    summary: 'Change my profile',
    description:
      'Changes the fields given (address, phone, e-mail, a corrected name); the others stay. Each change makes a ' +
      'new version of the profile, which every agency that serves the applicant receives (once-only data: ' +
      'nobody has to submit it again). A new phone or e-mail is unverified and gets a code.',
    security: BEARER,
  })
  @ApiBody({
    type: UpdateProfileRequest,
    examples: {
      moved: {
        summary: 'A new address',
        value: {
          address: {
            line: 'Jl. Sudirman No. 9, RT 02/RW 05',
            districtCode: '32.01.01',
            postalCode: '16914',
          },
        } satisfies UpdateProfileRequest,
      },
    },
  })
  @ApiResponse({
    status: 200,
    description: 'The profile after the change',
    type: ApplicantProfileResponse,
    examples: { profile: { summary: 'The new version', value: PROFILE_EXAMPLE } },
  })
  @ApiBodyProblems(
    ME,
    DomainError.validation([{ field: 'phone', code: 'phone_format' }]),
    'A phone number not in +62 form',
  )
  @ApiProblemResponse(409, 'The phone or e-mail belongs to another account', {
    exists: { summary: 'Taken', error: new DomainError('account_exists', 409), instance: ME },
  })
  @ApiAccountAccess(PROFILE, ME, 'The caller is not an applicant')
  async update(@Body() body: UpdateProfileRequest): Promise<ApplicantProfileResponse> {
    return toApplicantProfileResponse(
      await this.rpc.request(UpdateMyProfile, toUpdateMyProfileV1(body)),
    );
  }

  @Post('me/verifications')
  @Callers({ applicant: true })
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    operationId: 'confirmVerification',
    summary: 'Confirm my phone or e-mail',
    description:
      'Confirms the six-digit code sent to the phone or e-mail. A code is good for 15 minutes and 5 tries; a ' +
      'wrong, expired or exhausted code is one answer (`422 verification_failed`).',
    security: BEARER,
  })
  @ApiBody({
    type: ConfirmVerificationRequest,
    examples: {
      email: {
        summary: 'The code from the e-mail',
        value: { channel: 'EMAIL', code: '482913' } satisfies ConfirmVerificationRequest,
      },
    },
  })
  @ApiResponse({
    status: 200,
    description: 'Verified',
    type: VerificationConfirmedResponse,
    examples: {
      verified: {
        summary: 'The e-mail is verified',
        value: {
          channel: 'EMAIL',
          verifiedAt: '2026-12-02T03:04:05.678Z',
        } satisfies VerificationConfirmedResponse,
      },
    },
  })
  @ApiBodyProblems(
    `${ME}/verifications`,
    DomainError.validation([{ field: 'code', code: 'verification_code_format' }]),
    'A code that is not six digits',
  )
  @ApiProblemResponse(422, 'The code is wrong, expired or tried too often', {
    failed: {
      summary: 'Not accepted',
      error: new DomainError('verification_failed', 422),
      instance: `${ME}/verifications`,
    },
  })
  @ApiAccountAccess('verification', `${ME}/verifications`, 'The caller is not an applicant')
  async confirm(@Body() body: ConfirmVerificationRequest): Promise<VerificationConfirmedResponse> {
    return toVerificationConfirmedResponse(
      await this.rpc.request(ConfirmVerification, toConfirmVerificationV1(body)),
    );
  }

  @Post('me/verification-codes')
  @Callers({ applicant: true })
  @HttpCode(202)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    operationId: 'sendVerificationCode',
    summary: 'Send me a new code',
    description:
      'Sends a new six-digit code to the phone or e-mail of the profile, when the last one expired or never ' +
      'arrived; the codes sent before stop working. At most one a minute per contact (429 with `Retry-After`); ' +
      'a contact already verified needs none (409).',
    security: BEARER,
  })
  @ApiBody({
    type: SendVerificationCodeRequest,
    examples: {
      phone: {
        summary: 'To the phone',
        value: { channel: 'PHONE' } satisfies SendVerificationCodeRequest,
      },
    },
  })
  @ApiResponse({
    status: 202,
    description: 'A new code is on its way',
    type: VerificationCodeSentResponse,
    examples: {
      sent: {
        summary: 'Sent',
        value: {
          channel: 'PHONE',
          expiresAt: '2026-12-02T03:19:05.678Z',
        } satisfies VerificationCodeSentResponse,
      },
    },
  })
  @ApiBodyProblems(
    `${ME}/verification-codes`,
    DomainError.validation([
      { field: 'channel', code: 'must_be_one_of', params: { values: 'PHONE, EMAIL' } },
    ]),
    'An unknown channel',
  )
  @ApiProblemResponse(409, 'The profile has no such contact, or it is verified already', {
    verified: {
      summary: 'Verified already',
      error: new DomainError('contact_verified', 409),
      instance: `${ME}/verification-codes`,
    },
  })
  @ApiProblemResponse(
    429,
    'A code went to this contact less than a minute ago',
    {
      recent: {
        summary: 'Too soon',
        error: new DomainError('verification_code_recent', 429, [], { retryAfterSeconds: 42 }),
        instance: `${ME}/verification-codes`,
      },
    },
    {
      'Retry-After': {
        description: 'Seconds until a new code may be sent',
        required: true,
        schema: { type: 'integer', minimum: 1, maximum: 60, example: 42 },
      },
    },
  )
  @ApiAccountAccess('verification', `${ME}/verification-codes`, 'The caller is not an applicant')
  async resend(@Body() body: SendVerificationCodeRequest): Promise<VerificationCodeSentResponse> {
    return toVerificationCodeSentResponse(
      await this.rpc.request(SendVerificationCode, toSendVerificationCodeV1(body)),
    );
  }
}
