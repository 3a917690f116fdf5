import type { MessageParams } from './domain-error';

export type Locale = 'id' | 'en';

interface Text {
  id: string;
  en: string;
}

/** Problem codes: stable, part of the public contract (`type` is `urn:satupintu:problem:<code>` with `_` written as `-`). */
export const PROBLEMS = {
  validation_failed: {
    title: { id: 'Data tidak valid', en: 'Invalid data' },
    detail: {
      id: 'Periksa kolom yang disebutkan di `errors`.',
      en: 'Check the fields listed in `errors`.',
    },
  },
  unprocessable: {
    title: { id: 'Permohonan tidak dapat diproses', en: 'The request cannot be processed' },
    detail: {
      id: 'Periksa kolom yang disebutkan di `errors`.',
      en: 'Check the fields listed in `errors`.',
    },
  },
  malformed_json: {
    title: { id: 'Isi permintaan bukan JSON yang sah', en: 'The request body is not valid JSON' },
    detail: {
      id: 'Kirim isi permintaan sebagai JSON yang sah.',
      en: 'Send the request body as valid JSON.',
    },
  },
  unsupported_media_type: {
    title: { id: 'Jenis konten tidak didukung', en: 'Unsupported content type' },
    detail: {
      id: 'Kirim isi permintaan dengan Content-Type: application/json.',
      en: 'Send the request body with Content-Type: application/json.',
    },
  },
  payload_too_large: {
    title: { id: 'Isi permintaan terlalu besar', en: 'The request body is too large' },
    detail: {
      id: 'Ukuran maksimum adalah {limit} bita.',
      en: 'The maximum size is {limit} bytes.',
    },
  },
  bad_request: {
    title: { id: 'Permintaan tidak dapat diterima', en: 'Bad request' },
    detail: {
      id: 'Periksa kembali permintaan Anda. Lihat /docs.',
      en: 'Check the request. See /docs.',
    },
  },
  route_not_found: {
    title: { id: 'Alamat tidak ditemukan', en: 'No such endpoint' },
    detail: {
      id: 'Tidak ada {method} {path}. Lihat /docs.',
      en: 'There is no {method} {path}. See /docs.',
    },
  },
  application_not_found: {
    title: { id: 'Permohonan tidak ditemukan', en: 'Application not found' },
    detail: {
      id: 'Tidak ada permohonan dengan nomor pelacakan {trackingNo}.',
      en: 'There is no application with tracking number {trackingNo}.',
    },
  },
  invalid_tracking_number: {
    title: { id: 'Nomor pelacakan tidak sah', en: 'Invalid tracking number' },
    detail: {
      id: 'Nomor pelacakan salah ketik: periksa kembali setiap karakter.',
      en: 'The tracking number is mistyped: check every character again.',
    },
  },
  service_unavailable: {
    title: { id: 'Layanan sedang tidak tersedia', en: 'Service unavailable' },
    detail: {
      id: 'Layanan {service} tidak menjawab. Coba lagi dalam {retryAfterSeconds} detik.',
      en: 'The {service} service is not answering. Try again in {retryAfterSeconds} seconds.',
    },
  },
  upstream_timeout: {
    title: { id: 'Waktu tunggu habis', en: 'Timed out' },
    detail: {
      id: 'Layanan {service} tidak menjawab dalam {timeoutMs} ms. Coba lagi beberapa saat lagi.',
      en: 'The {service} service did not answer within {timeoutMs} ms. Try again.',
    },
  },
  not_ready: {
    title: { id: 'Layanan belum siap', en: 'Not ready' },
    detail: {
      id: 'Layanan ini belum dapat bekerja: {down} tidak tersedia.',
      en: 'This service cannot do its work now: {down} unavailable.',
    },
  },
  invalid_idempotency_key: {
    title: { id: 'Idempotency-Key tidak sah', en: 'Invalid Idempotency-Key' },
    detail: {
      id: 'Idempotency-Key harus 8–128 karakter huruf, angka, `_`, `.`, `:` atau `-` (misalnya sebuah UUID).',
      en: 'The Idempotency-Key must be 8–128 letters, digits, `_`, `.`, `:` or `-` (a UUID, say).',
    },
  },
  invalid_cursor: {
    title: { id: 'Kursor tidak sah', en: 'Invalid cursor' },
    detail: {
      id: 'Gunakan `nextCursor` dari halaman sebelumnya apa adanya, atau mulai tanpa kursor.',
      en: 'Pass the `nextCursor` of the previous page as it is, or start without a cursor.',
    },
  },
  invalid_credentials: {
    title: { id: 'Gagal masuk', en: 'Sign-in failed' },
    detail: {
      id: 'NIK, e-mail atau nama pengguna, atau kata sandinya, salah.',
      en: 'The NIK, e-mail or username, or its password, is wrong.',
    },
  },
  account_locked: {
    title: { id: 'Terlalu banyak percobaan masuk', en: 'Too many sign-in attempts' },
    detail: {
      id: 'Akun ini dikunci sementara setelah beberapa kali gagal masuk. Coba lagi dalam {retryAfterSeconds} detik.',
      en: 'This account is locked for a while after repeated failed sign-ins. Try again in {retryAfterSeconds} seconds.',
    },
  },
  invalid_client: {
    title: { id: 'Autentikasi klien gagal', en: 'Client authentication failed' },
    detail: {
      id: 'Klien tidak dikenal, sudah dicabut, atau rahasianya salah atau kedaluwarsa.',
      en: 'The client is unknown or revoked, or its secret is wrong or expired.',
    },
  },
  invalid_grant: {
    title: { id: 'Refresh token tidak berlaku', en: 'Invalid refresh token' },
    detail: {
      id: 'Refresh token tidak dikenal, sudah dipakai, dicabut, atau kedaluwarsa. Masuk kembali.',
      en: 'The refresh token is unknown, used, revoked or expired. Sign in again.',
    },
  },
  invalid_scope: {
    title: { id: 'Cakupan tidak diizinkan', en: 'Scope not allowed' },
    detail: {
      id: 'Klien ini tidak memiliki cakupan {scope}.',
      en: 'This client does not hold the scope {scope}.',
    },
  },
  unsupported_grant_type: {
    title: { id: 'grant_type tidak didukung', en: 'Unsupported grant_type' },
    detail: {
      id: 'Gunakan grant_type client_credentials atau refresh_token.',
      en: 'Use grant_type client_credentials or refresh_token.',
    },
  },
  forbidden: {
    title: { id: 'Tidak diizinkan', en: 'Forbidden' },
    detail: {
      id: 'Anda tidak berhak atas {resource}.',
      en: 'You may not access {resource}.',
    },
  },
  unauthenticated: {
    title: { id: 'Perlu masuk', en: 'Authentication required' },
    detail: {
      id: 'Masuk terlebih dahulu untuk mengakses {resource}.',
      en: 'Sign in to access {resource}.',
    },
  },
  internal_error: {
    title: { id: 'Terjadi kesalahan pada sistem', en: 'Internal error' },
    detail: {
      id: 'Kesalahan ini sudah dicatat dengan kode {errorId}.',
      en: 'This error was logged with id {errorId}.',
    },
  },
} satisfies Record<string, { title: Text; detail: Text }>;

export type ProblemCode = keyof typeof PROBLEMS;

/** Messages for one invalid field, by code. */
export const FIELD_MESSAGES: Record<string, Text> = {
  required: { id: 'wajib diisi', en: 'is required' },
  must_be_string: { id: 'harus berupa teks', en: 'must be a string' },
  must_be_object: { id: 'harus berupa objek', en: 'must be an object' },
  must_be_body_object: {
    id: 'isi permintaan harus berupa objek JSON',
    en: 'the body must be a JSON object',
  },
  must_be_one_of: { id: 'harus salah satu dari: {values}', en: 'must be one of: {values}' },
  max_length: { id: 'paling banyak {max} karakter', en: 'must be at most {max} characters' },
  min_length: { id: 'paling sedikit {min} karakter', en: 'must be at least {min} characters' },
  must_be_date: { id: 'harus berupa tanggal YYYY-MM-DD', en: 'must be a date YYYY-MM-DD' },
  unknown_field: { id: 'kolom ini tidak dikenal', en: 'is not a known field' },
  invalid: { id: 'tidak valid', en: 'is invalid' },
  nik_format: { id: 'NIK harus 16 digit angka', en: 'a NIK must be 16 digits' },
  nik_region: {
    id: 'kode wilayah pada NIK (6 digit pertama) tidak terdaftar',
    en: 'the region code in the NIK (first 6 digits) does not exist',
  },
  nik_birth_date: {
    id: 'tanggal lahir pada NIK (digit 7–12) tidak sah',
    en: 'the birth date in the NIK (digits 7–12) is not a real date',
  },
  nik_serial: {
    id: 'nomor urut NIK (4 digit terakhir) tidak boleh 0000',
    en: 'the NIK serial (last 4 digits) cannot be 0000',
  },
  nik_birth_date_mismatch: {
    id: 'tanggal lahir pada NIK tidak sama dengan tanggal lahir yang diisi',
    en: 'the birth date in the NIK does not match the stated birth date',
  },
  nik_gender_mismatch: {
    id: 'jenis kelamin pada NIK tidak sama dengan yang diisi',
    en: 'the gender encoded in the NIK does not match the stated gender',
  },
  current_password_wrong: {
    id: 'kata sandi saat ini salah',
    en: 'the current password is wrong',
  },
  agency_code_format: {
    id: 'kode instansi 2–32 huruf besar, angka atau -, misalnya DUKCAPIL',
    en: 'an agency code is 2–32 capital letters, digits or -, e.g. DUKCAPIL',
  },
  unknown_service: {
    id: 'layanan {serviceCode} tidak ada di katalog',
    en: 'service {serviceCode} is not in the catalog',
  },
};

export function interpolate(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.hasOwn(params, key) ? String(params[key]) : whole,
  );
}

/**
 * Picks Indonesian or English from an Accept-Language header: the highest-weighted
 * supported language wins; Indonesian is the default.
 */
export function localeFrom(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'id';
  let best: { locale: Locale; q: number } | undefined;
  for (const part of acceptLanguage.split(',')) {
    const [tag, ...attrs] = part.trim().toLowerCase().split(';');
    const qAttr = attrs.map((a) => a.trim()).find((a) => a.startsWith('q='));
    const q = qAttr ? Number(qAttr.slice(2).trim()) : 1;
    const lang = tag.trim().split('-')[0];
    const locale: Locale | undefined =
      lang === 'en' ? 'en' : lang === 'id' || lang === 'in' ? 'id' : undefined;
    if (locale && q > 0 && q <= 1 && (!best || q > best.q)) best = { locale, q };
  }
  return best?.locale ?? 'id';
}
