import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  OutputKeysV1,
  OutputPdfCheckV1,
  OutputVerificationV1,
  RevokedOutputV1,
} from '@satupintu/contracts';
import { AGENCY_CODE, SERVICE_CODE_MAX_LENGTH, ZONED_TIME } from '../openapi/formats';
import { DOCUMENT_NO, REVOKE_REASON_MAX_LENGTH } from './output.request';

const SHA256_HEX = {
  type: String,
  minLength: 64,
  maxLength: 64,
  pattern: '^[0-9a-f]{64}$',
} as const;
/** An RFC 7638 thumbprint (SHA-256, base64url): 43 characters. */
const KEY_ID = {
  type: String,
  minLength: 43,
  maxLength: 43,
  pattern: '^[A-Za-z0-9_-]{43}$',
  example: 'mT3d6zq1g2Xo0v8Yk5bN4cR7sW9eL2aH6jF1uP0iQ3M',
} as const;

export class OutputAgencyResponse {
  @ApiProperty({ ...AGENCY_CODE })
  code: string;

  @ApiProperty({ maxLength: 200, example: 'Dinas Kependudukan dan Pencatatan Sipil' })
  name: string;
}

export class OutputTextResponse {
  @ApiProperty({ maxLength: 200, description: 'In Indonesian', example: 'Akta Kelahiran' })
  id: string;

  @ApiProperty({ maxLength: 200, description: 'In English', example: 'Birth Certificate' })
  en: string;
}

export class OutputServiceResponse {
  @ApiProperty({ maxLength: SERVICE_CODE_MAX_LENGTH, example: 'DUKCAPIL-AKTA-LAHIR' })
  code: string;

  @ApiProperty({ type: OutputTextResponse })
  name: OutputTextResponse;
}

export class SignedOutputResponse {
  @ApiProperty({ enum: ['EdDSA'], description: 'Ed25519 (RFC 8037)' })
  algorithm: 'EdDSA';

  @ApiProperty({
    ...KEY_ID,
    description: "The `kid` of the agency's output key that signed it (`GET …/output-keys`)",
  })
  keyId: string;

  @ApiProperty({
    ...SHA256_HEX,
    description: "Lower-case hex SHA-256 of the PDF's exact bytes, as `sha256sum` prints it",
    example: '3f0a8c1e9b7d6f5e4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f',
  })
  pdfSha256: string;

  @ApiProperty({
    maxLength: 1024,
    description:
      'The statement signed, byte for byte (UTF-8): canonical JSON of agencyCode, documentNo, ' +
      'format (`satupintu.output.v1`), issuedAt (UTC), keyId, pdfSha256 and serviceCode',
  })
  statement: string;

  @ApiProperty({
    minLength: 86,
    maxLength: 86,
    pattern: '^[A-Za-z0-9_-]{86}$',
    description: 'Ed25519 over the statement’s bytes, base64url without padding (64 bytes)',
  })
  signature: string;
}

export class OutputPdfCheckResponse {
  @ApiProperty({ description: 'Whether the PDF sent is the one the agency signed' })
  authentic: boolean;

  @ApiPropertyOptional({
    enum: ['digest_mismatch', 'wrong_key', 'bad_signature', 'malformed'],
    description:
      'When not authentic, the first check that failed: `digest_mismatch` is a different file ' +
      '(a changed byte is enough); the others mean the record does not verify',
  })
  reason?: 'digest_mismatch' | 'wrong_key' | 'bad_signature' | 'malformed';
}

export class OutputVerificationResponse {
  @ApiProperty({ ...DOCUMENT_NO, description: 'The number, as the agency writes it' })
  documentNo: string;

  @ApiProperty({
    enum: ['VALID', 'REVOKED'],
    description: '`VALID`: issued and standing. `REVOKED`: withdrawn by the agency',
    example: 'VALID',
  })
  status: 'VALID' | 'REVOKED';

  @ApiProperty({ type: OutputAgencyResponse, description: 'Who issued it' })
  agency: OutputAgencyResponse;

  @ApiProperty({ type: OutputServiceResponse, description: 'What it is' })
  service: OutputServiceResponse;

  @ApiProperty({ ...ZONED_TIME, description: "When it was issued, in the agency's time zone" })
  issuedAt: string;

  @ApiPropertyOptional({ ...ZONED_TIME, description: 'When it was revoked, if it was' })
  revokedAt?: string;

  @ApiProperty({ type: SignedOutputResponse, description: 'What to check a PDF against offline' })
  signed: SignedOutputResponse;

  @ApiPropertyOptional({
    type: OutputPdfCheckResponse,
    description: 'Only when a PDF was sent (`POST`): whether it is this document',
  })
  pdf?: OutputPdfCheckResponse;
}

export class OutputPublicKeyResponse {
  @ApiProperty({ enum: ['OKP'] })
  kty: 'OKP';

  @ApiProperty({ enum: ['Ed25519'] })
  crv: 'Ed25519';

  @ApiProperty({
    minLength: 43,
    maxLength: 43,
    pattern: '^[A-Za-z0-9_-]{43}$',
    description: 'The raw 32-byte public key, base64url',
    example: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo',
  })
  x: string;

  @ApiProperty({ ...KEY_ID, description: 'RFC 7638 thumbprint of the key' })
  kid: string;

  @ApiProperty({ enum: ['EdDSA'] })
  alg: 'EdDSA';

  @ApiProperty({ enum: ['sig'] })
  use: 'sig';
}

export class OutputKeysResponse {
  @ApiProperty({ ...AGENCY_CODE })
  agencyCode: string;

  @ApiProperty({
    type: [OutputPublicKeyResponse],
    maxItems: 100,
    description: 'Every key that ever signed an output of the agency; none is ever removed',
  })
  keys: OutputPublicKeyResponse[];
}

export class RevokedOutputResponse {
  @ApiProperty({ ...DOCUMENT_NO })
  documentNo: string;

  @ApiProperty({ ...ZONED_TIME, description: "When it was revoked, in the agency's time zone" })
  revokedAt: string;

  @ApiProperty({
    minLength: 1,
    maxLength: REVOKE_REASON_MAX_LENGTH,
    example: 'Issued to the wrong holder',
  })
  reason: string;

  @ApiProperty({ maxLength: 128, description: 'The subject of the admin who revoked it' })
  revokedBy: string;
}

const EXAMPLE_STATEMENT = JSON.stringify({
  agencyCode: 'DUKCAPIL',
  documentNo: 'DUKCAPIL-2026-000042',
  format: 'satupintu.output.v1',
  issuedAt: '2026-11-23T03:45:12.123Z',
  keyId: KEY_ID.example,
  pdfSha256: '3f0a8c1e9b7d6f5e4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f',
  serviceCode: 'DUKCAPIL-AKTA-LAHIR',
});

export const VERIFICATION_EXAMPLE: OutputVerificationResponse = {
  documentNo: 'DUKCAPIL-2026-000042',
  status: 'VALID',
  agency: { code: 'DUKCAPIL', name: 'Dinas Kependudukan dan Pencatatan Sipil' },
  service: {
    code: 'DUKCAPIL-AKTA-LAHIR',
    name: { id: 'Akta Kelahiran', en: 'Birth Certificate' },
  },
  issuedAt: '2026-11-23T10:45:12.123+07:00',
  signed: {
    algorithm: 'EdDSA',
    keyId: KEY_ID.example,
    pdfSha256: '3f0a8c1e9b7d6f5e4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f',
    statement: EXAMPLE_STATEMENT,
    signature:
      'hJtXIZ2uSN5kbQfbtTNWbpdmhkV8FJG-Onbc6mxCcYg7Vwsk0wzpLq7JrRqw2ep1r9hQ-C7cR_FzT5jyN0nLCw',
  },
};

export const REVOKED_EXAMPLE: OutputVerificationResponse = {
  ...VERIFICATION_EXAMPLE,
  status: 'REVOKED',
  revokedAt: '2026-12-01T09:15:00.000+07:00',
};

export const KEYS_EXAMPLE: OutputKeysResponse = {
  agencyCode: 'DUKCAPIL',
  keys: [
    {
      kty: 'OKP',
      crv: 'Ed25519',
      x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo',
      kid: KEY_ID.example,
      alg: 'EdDSA',
      use: 'sig',
    },
  ],
};

export const REVOCATION_EXAMPLE: RevokedOutputResponse = {
  documentNo: 'DUKCAPIL-2026-000042',
  revokedAt: '2026-12-01T09:15:00.000+07:00',
  reason: 'Issued to the wrong holder',
  revokedBy: 'officer-7f1c',
};

/** Field-by-field copies: the public answers and the contracts can evolve apart. */
export function toOutputVerificationResponse(
  answer: OutputVerificationV1,
): OutputVerificationResponse {
  return {
    documentNo: answer.documentNo,
    status: answer.status,
    agency: { code: answer.agency.code, name: answer.agency.name },
    service: {
      code: answer.service.code,
      name: { id: answer.service.name.id, en: answer.service.name.en },
    },
    issuedAt: answer.issuedAt,
    ...(answer.revokedAt ? { revokedAt: answer.revokedAt } : {}),
    signed: {
      algorithm: answer.signed.algorithm,
      keyId: answer.signed.keyId,
      pdfSha256: answer.signed.pdfSha256,
      statement: answer.signed.statement,
      signature: answer.signed.signature,
    },
    ...(answer.pdf ? { pdf: toPdfCheck(answer.pdf) } : {}),
  };
}

function toPdfCheck(check: OutputPdfCheckV1): OutputPdfCheckResponse {
  return check.authentic ? { authentic: true } : { authentic: false, reason: check.reason };
}

export function toOutputKeysResponse(keys: OutputKeysV1): OutputKeysResponse {
  return {
    agencyCode: keys.agencyCode,
    keys: keys.keys.slice(0, 100).map(({ kty, crv, x, kid, alg, use }) => ({
      kty,
      crv,
      x,
      kid,
      alg,
      use,
    })),
  };
}

export function toRevokedOutputResponse(revoked: RevokedOutputV1): RevokedOutputResponse {
  return {
    documentNo: revoked.documentNo,
    revokedAt: revoked.revokedAt,
    reason: revoked.reason,
    revokedBy: revoked.revokedBy,
  };
}
