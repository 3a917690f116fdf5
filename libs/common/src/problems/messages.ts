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
  invalid_token: {
    title: { id: 'Token akses tidak sah', en: 'Invalid access token' },
    detail: {
      id: 'Token akses tidak dapat diverifikasi, sudah kedaluwarsa, atau bukan untuk API ini. Masuk kembali untuk mendapatkan token baru.',
      en: 'The access token cannot be verified, has expired, or is not for this API. Sign in again for a new one.',
    },
  },
  rate_limited: {
    title: { id: 'Terlalu banyak permintaan', en: 'Too many requests' },
    detail: {
      id: 'Batas {limit} permintaan per {windowSeconds} detik tercapai. Coba lagi dalam {retryAfterSeconds} detik.',
      en: 'The limit of {limit} requests per {windowSeconds} seconds is reached. Try again in {retryAfterSeconds} seconds.',
    },
  },
  secret_in_url: {
    title: { id: 'Rahasia tidak boleh ada di URL', en: 'No secrets in URLs' },
    detail: {
      id: 'Parameter {parameter} tidak boleh dikirim di URL: URL tercatat di log dan riwayat. Kirim token di header Authorization, dan rahasia di isi permintaan.',
      en: 'The {parameter} parameter must not be sent in a URL: URLs end up in logs and histories. Send a token in the Authorization header, and secrets in the body.',
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
