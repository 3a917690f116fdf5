import type { ChangePasswordRequest } from './change-password.request';
import type { JwksResponse } from './jwks.response';
import type { LogInRequest } from './log-in.request';
import type { TokenResponse } from './token.response';

// Examples for the OpenAPI document, typed as the real bodies. Every secret in them is made up.

const ACCESS_TOKEN =
  'eyJhbGciOiJFZERTQSIsInR5cCI6ImF0K2p3dCIsImtpZCI6IlRrRjNuLTA5In0.eyJpc3MiOiJodHRwOi8vMTI3LjAuMC4xOjMwMDAiLCJhdWQiOiJzYXR1cGludHUtYXBpIn0.c2lnbmF0dXJl';

export const LOG_IN_EXAMPLES: Record<string, { summary: string; value: LogInRequest }> = {
  nik: {
    summary: 'An applicant by NIK',
    value: { identifier: '3201014506900001', password: 'kopi-tubruk-di-pagi-hari' },
  },
  email: {
    summary: 'An applicant by e-mail',
    value: { identifier: 'siti.rahayu@example.id', password: 'kopi-tubruk-di-pagi-hari' },
  },
  officer: {
    summary: 'An officer by username',
    value: { identifier: 'dukcapil.verifier', password: 'meja-verifikasi-nomor-3' },
  },
};

export const PERSON_TOKENS_EXAMPLE: TokenResponse = {
  access_token: ACCESS_TOKEN,
  token_type: 'Bearer',
  expires_in: 900,
  refresh_token: 'q0Zr3xk8H1wP5mJ2vN7cT4yL9bD6fG0sA3eR8uW1iKo',
  refresh_token_expires_in: 2592000,
};

export const CLIENT_TOKEN_EXAMPLE: TokenResponse = {
  access_token: ACCESS_TOKEN,
  token_type: 'Bearer',
  expires_in: 900,
  scope: 'applications:submit applications:read',
};

export const TOKEN_FORM_EXAMPLES = {
  clientCredentialsBasic: {
    summary: 'Client credentials, the client authenticated by HTTP Basic (client_secret_basic)',
    value: { grant_type: 'client_credentials', scope: 'applications:submit' },
  },
  clientCredentialsPost: {
    summary: 'Client credentials, the id and secret in the form (client_secret_post)',
    value: {
      grant_type: 'client_credentials',
      client_id: 'portal-nasional',
      client_secret: 'Zq3v9Hk2Lw8Rt5Yx1Nb7Mc4Pd6Fs0Ga2Jh9Ke3Uw5Ti',
    },
  },
  refresh: {
    summary: 'A person refreshes: the refresh token is used up and a new pair comes back',
    value: {
      grant_type: 'refresh_token',
      refresh_token: 'q0Zr3xk8H1wP5mJ2vN7cT4yL9bD6fG0sA3eR8uW1iKo',
    },
  },
};

export const CHANGE_PASSWORD_EXAMPLE: ChangePasswordRequest = {
  currentPassword: 'kopi-tubruk-di-pagi-hari',
  newPassword: 'teh-manis-dan-pisang-goreng',
};

export const JWKS_EXAMPLE: JwksResponse = {
  keys: [
    {
      kty: 'OKP',
      crv: 'Ed25519',
      x: 'TdnevFECdPNaIxyuuYjFiYmrT2L9BNfkz-RaIh2LGug',
      kid: 'TkF3n-09qWbY3kUq0bS8bR2-6e0J3hJd5u5oWwqk8yQ',
      alg: 'EdDSA',
      use: 'sig',
    },
  ],
};

/** Headers of every answer that carries a token (RFC 6749 §5.1). */
export const NO_STORE_HEADERS = {
  'Cache-Control': {
    description: 'Tokens are never cached',
    required: true,
    schema: { type: 'string', enum: ['no-store'], example: 'no-store' },
  },
  Pragma: {
    description: 'For HTTP/1.0 caches',
    required: true,
    schema: { type: 'string', enum: ['no-cache'], example: 'no-cache' },
  },
};
