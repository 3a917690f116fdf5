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
  webhook_subscription_not_found: {
    title: { id: 'Langganan webhook tidak ditemukan', en: 'Webhook subscription not found' },
    detail: {
      id: 'Tidak ada langganan webhook {subscriptionId}.',
      en: 'There is no webhook subscription {subscriptionId}.',
    },
  },
  webhook_delivery_not_found: {
    title: { id: 'Pengiriman webhook tidak ditemukan', en: 'Webhook delivery not found' },
    detail: {
      id: 'Tidak ada pengiriman webhook {deliveryId}.',
      en: 'There is no webhook delivery {deliveryId}.',
    },
  },
  application_not_found: {
    title: { id: 'Permohonan tidak ditemukan', en: 'Application not found' },
    detail: {
      id: 'Tidak ada permohonan dengan nomor pelacakan {trackingNo}.',
      en: 'There is no application with tracking number {trackingNo}.',
    },
  },
  external_reference_exists: {
    title: {
      id: 'Nomor rujukan sudah dipakai',
      en: 'External reference already used',
    },
    detail: {
      id: 'Rujukan {externalReference} sudah dipakai untuk permohonan {trackingNo} yang Anda ajukan.',
      en: 'Reference {externalReference} is already used by application {trackingNo}, which you submitted.',
    },
  },
  application_not_withdrawable: {
    title: {
      id: 'Permohonan tidak dapat ditarik lagi',
      en: 'The application can no longer be withdrawn',
    },
    detail: {
      id: 'Permohonan {trackingNo} sudah berstatus {status}; penarikan hanya mungkin sebelum ada keputusan.',
      en: 'Application {trackingNo} is {status}; it can be withdrawn only before a decision.',
    },
  },
  application_not_resubmittable: {
    title: {
      id: 'Permohonan tidak sedang menunggu perbaikan',
      en: 'The application is not awaiting corrections',
    },
    detail: {
      id: 'Permohonan {trackingNo} berstatus {status}; perbaikan hanya dapat dikirim saat berstatus NEEDS_REVISION.',
      en: 'Application {trackingNo} is {status}; corrections can be sent only while it is NEEDS_REVISION.',
    },
  },
  illegal_transition: {
    title: {
      id: 'Tindakan tidak dapat dilakukan pada status ini',
      en: 'The action is not possible in this status',
    },
    detail: {
      id: 'Berkas ini berstatus {status}; {action} tidak dapat dilakukan dari status tersebut.',
      en: 'The case is {status}; {action} cannot be done from that status.',
    },
  },
  agency_rules_unmet: {
    title: {
      id: 'Berkas belum memenuhi aturan instansi',
      en: 'The case does not meet the agency’s rules',
    },
    detail: {
      id: 'Verifikasi belum dapat diselesaikan: aturan {rules} belum terpenuhi. Persyaratan yang bermasalah disebutkan di `errors`; minta perbaikan atas persyaratan tersebut atau tolak berkas.',
      en: 'Verification cannot be completed: the rule {rules} is not met. The requirements at fault are listed in `errors`; ask for a revision of them or reject the case.',
    },
  },
  payment_callback_unverified: {
    title: {
      id: 'Callback pembayaran tidak terverifikasi',
      en: 'The payment callback is not verified',
    },
    detail: {
      id: 'Callback ditolak dan dicatat ({reason}): tanda tangan Payment-Signature atas Payment-Timestamp dan isi permintaan harus sah dan waktunya paling jauh 5 menit dari sekarang.',
      en: 'The callback was refused and recorded ({reason}): its Payment-Signature over Payment-Timestamp and the body must be genuine, and its time within 5 minutes of now.',
    },
  },
  payment_code_unknown: {
    title: { id: 'Kode pembayaran tidak dikenal', en: 'Unknown payment code' },
    detail: {
      id: 'Instansi ini tidak meminta pembayaran dengan kode {paymentCode}; callback dicatat.',
      en: 'This agency asked for no payment with code {paymentCode}; the callback was recorded.',
    },
  },
  payment_already_paid: {
    title: { id: 'Sudah dibayar', en: 'Already paid' },
    detail: {
      id: 'Kode pembayaran {paymentCode} sudah dibayar dengan referensi lain; pembayaran ini dicatat untuk dikembalikan.',
      en: 'Payment code {paymentCode} was paid already under another reference; this payment was recorded for a refund.',
    },
  },
  payment_amount_mismatch: {
    title: { id: 'Jumlah pembayaran tidak sesuai', en: 'The amount paid does not match' },
    detail: {
      id: 'Kode pembayaran {paymentCode} meminta Rp {due}, bukan Rp {paid}; callback dicatat.',
      en: 'Payment code {paymentCode} asks for Rp {due}, not Rp {paid}; the callback was recorded.',
    },
  },
  payment_expired: {
    title: { id: 'Kode pembayaran kedaluwarsa', en: 'The payment code has expired' },
    detail: {
      id: 'Kode pembayaran {paymentCode} berlaku sampai {expiresAt}; pembayaran sesudahnya ditolak dan dicatat.',
      en: 'Payment code {paymentCode} was valid until {expiresAt}; a payment after that is refused and recorded.',
    },
  },
  payment_not_expired: {
    title: { id: 'Kode pembayaran masih berlaku', en: 'The payment code is still valid' },
    detail: {
      id: 'Kode pembayaran {paymentCode} berlaku sampai {expiresAt}; kode baru hanya diterbitkan setelah kode itu kedaluwarsa tanpa dibayar.',
      en: 'Payment code {paymentCode} is valid until {expiresAt}; a new code is issued only once it has expired unpaid.',
    },
  },
  case_claimed: {
    title: {
      id: 'Berkas sedang ditangani petugas lain',
      en: 'Another officer is handling the case',
    },
    detail: {
      id: 'Berkas {trackingNo} sedang ditangani oleh {holder} sampai {until}.',
      en: 'Case {trackingNo} is being handled by {holder} until {until}.',
    },
  },
  document_not_found: {
    title: { id: 'Dokumen tidak ditemukan', en: 'Document not found' },
    detail: {
      id: 'Tidak ada dokumen {documentId} yang dapat Anda lihat.',
      en: 'There is no document {documentId} you can see.',
    },
  },
  output_not_found: {
    title: { id: 'Dokumen keluaran tidak ditemukan', en: 'Output not found' },
    detail: {
      id: 'Tidak ada dokumen keluaran bernomor {documentNo}.',
      en: 'There is no output numbered {documentNo}.',
    },
  },
  output_already_revoked: {
    title: { id: 'Dokumen keluaran sudah dicabut', en: 'Output already revoked' },
    detail: {
      id: 'Dokumen keluaran {documentNo} sudah dicabut pada {revokedAt}.',
      en: 'Output {documentNo} was revoked on {revokedAt}.',
    },
  },
  document_too_large: {
    title: { id: 'Dokumen terlalu besar', en: 'The document is too large' },
    detail: {
      id: 'Ukuran dokumen maksimum adalah {limit} bita.',
      en: 'The largest document accepted is {limit} bytes.',
    },
  },
  document_type_not_allowed: {
    title: { id: 'Jenis dokumen tidak diterima', en: 'Document type not accepted' },
    detail: {
      id: 'Isi berkas bukan PDF, JPEG, atau PNG. Jenis berkas diperiksa dari isinya, bukan dari nama atau jenis yang dinyatakan.',
      en: 'The file is not a PDF, JPEG or PNG. The type is read from its content, not its name or declared type.',
    },
  },
  document_missing: {
    title: { id: 'Berkas tidak ada', en: 'No file' },
    detail: {
      id: 'Kirim satu berkas dalam kolom `file` sebagai multipart/form-data.',
      en: 'Send one file in the `file` field as multipart/form-data.',
    },
  },
  upload_aborted: {
    title: { id: 'Unggahan terputus', en: 'Upload interrupted' },
    detail: {
      id: 'Berkas tidak diterima utuh. Silakan unggah kembali.',
      en: 'The file did not arrive whole. Upload it again.',
    },
  },
  bundle_not_found: {
    title: { id: 'Paket layanan tidak ditemukan', en: 'Bundle not found' },
    detail: {
      id: 'Tidak ada paket layanan dengan kode {code}.',
      en: 'No bundle has the code {code}.',
    },
  },
  bundle_case_not_found: {
    title: { id: 'Permohonan paket tidak ditemukan', en: 'Bundle application not found' },
    detail: {
      id: 'Tidak ada permohonan paket dengan nomor {trackingNo} yang dapat Anda lihat.',
      en: 'No bundle application numbered {trackingNo} that you may see.',
    },
  },
  account_exists: {
    title: { id: 'Akun sudah ada', en: 'Account already exists' },
    detail: {
      id: 'Sudah ada akun dengan data ini. Silakan masuk, atau pulihkan kata sandi Anda.',
      en: 'An account with these details already exists. Sign in, or recover your password.',
    },
  },
  verification_failed: {
    title: { id: 'Kode verifikasi tidak diterima', en: 'Verification code not accepted' },
    detail: {
      id: 'Kode salah, sudah kedaluwarsa, atau sudah terlalu sering dicoba. Periksa kembali, atau minta kode baru.',
      en: 'The code is wrong, expired, or was tried too often. Check it, or ask for a new code.',
    },
  },
  verification_code_recent: {
    title: { id: 'Kode baru saja dikirim', en: 'A code was just sent' },
    detail: {
      id: 'Tunggu {retryAfterSeconds} detik sebelum meminta kode baru.',
      en: 'Wait {retryAfterSeconds} seconds before asking for a new code.',
    },
  },
  contact_missing: {
    title: { id: 'Kontak belum diisi', en: 'No such contact' },
    detail: {
      id: 'Tambahkan nomor telepon atau e-mail ke profil Anda lebih dahulu.',
      en: 'Add the phone number or e-mail to your profile first.',
    },
  },
  contact_verified: {
    title: { id: 'Kontak sudah terverifikasi', en: 'Already verified' },
    detail: {
      id: 'Kontak ini sudah terverifikasi; tidak perlu kode baru.',
      en: 'This contact is verified already; no new code is needed.',
    },
  },
  agency_exists: {
    title: { id: 'Instansi sudah ada', en: 'Agency already exists' },
    detail: {
      id: 'Sudah ada instansi dengan kode {code}.',
      en: 'There is already an agency {code}.',
    },
  },
  agency_not_found: {
    title: { id: 'Instansi tidak ditemukan', en: 'Agency not found' },
    detail: { id: 'Tidak ada instansi dengan kode {code}.', en: 'There is no agency {code}.' },
  },
  calendar_year_not_found: {
    title: { id: 'Tahun kalender tidak ditemukan', en: 'Calendar year not found' },
    detail: {
      id: 'Kalender hari kerja belum memuat hari libur tahun {year}.',
      en: 'The working-day calendar does not hold the days off of {year} yet.',
    },
  },
  day_off_not_found: {
    title: { id: 'Hari libur tidak ditemukan', en: 'Day off not found' },
    detail: {
      id: 'Tanggal {date} bukan hari libur atau cuti bersama di kalender.',
      en: '{date} is not a holiday or cuti bersama in the calendar.',
    },
  },
  officer_not_found: {
    title: { id: 'Petugas tidak ditemukan', en: 'Officer not found' },
    detail: {
      id: 'Tidak ada petugas {officerId} yang dapat Anda kelola.',
      en: 'There is no officer {officerId} that you can manage.',
    },
  },
  username_taken: {
    title: { id: 'Nama pengguna sudah dipakai', en: 'Username taken' },
    detail: {
      id: 'Nama pengguna {username} sudah dipakai; pilih yang lain.',
      en: 'The username {username} is taken; choose another.',
    },
  },
  client_not_found: {
    title: { id: 'Klien API tidak ditemukan', en: 'API client not found' },
    detail: {
      id: 'Tidak ada klien API {clientId} yang dapat Anda kelola.',
      en: 'There is no API client {clientId} that you can manage.',
    },
  },
  client_id_taken: {
    title: { id: 'ID klien sudah dipakai', en: 'Client id taken' },
    detail: {
      id: 'ID klien {clientId} sudah dipakai; pilih yang lain.',
      en: 'The client id {clientId} is taken; choose another.',
    },
  },
  client_revoked: {
    title: { id: 'Klien API sudah dicabut', en: 'API client revoked' },
    detail: {
      id: 'Klien API {clientId} sudah dicabut dan tidak dapat diberi rahasia baru.',
      en: 'The API client {clientId} is revoked and cannot get a new secret.',
    },
  },
  business_not_found: {
    title: { id: 'Badan usaha tidak ditemukan', en: 'Business not found' },
    detail: {
      id: 'Tidak ada badan usaha {businessId} yang dapat Anda kelola.',
      en: 'There is no business {businessId} that you can manage.',
    },
  },
  business_exists: {
    title: { id: 'Badan usaha sudah terdaftar', en: 'Business already registered' },
    detail: {
      id: 'NIB ini sudah terdaftar. Minta pemiliknya menambahkan Anda sebagai perwakilan.',
      en: 'This NIB is already registered. Ask its owner to add you as a representative.',
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
  idempotency_key_reused: {
    title: {
      id: 'Idempotency-Key sudah dipakai untuk permintaan lain',
      en: 'Idempotency-Key already used for another request',
    },
    detail: {
      id: 'Kunci ini sudah dipakai dengan isi permintaan yang berbeda. Kirim ulang isi yang sama, atau pakai kunci baru untuk permintaan baru.',
      en: 'This key was used with a different request body. Resend the same body, or use a new key for a new request.',
    },
  },
  idempotency_key_in_flight: {
    title: {
      id: 'Permintaan dengan Idempotency-Key ini masih diproses',
      en: 'A request with this Idempotency-Key is still in progress',
    },
    detail: {
      id: 'Permintaan pertama dengan kunci ini belum selesai. Kirim ulang sebentar lagi untuk menerima jawabannya.',
      en: 'The first request with this key has not finished. Resend in a moment to receive its answer.',
    },
  },
  idempotency_answer_unavailable: {
    title: {
      id: 'Jawaban pertama untuk Idempotency-Key ini tidak dapat diberikan lagi',
      en: 'The first answer under this Idempotency-Key can no longer be given',
    },
    detail: {
      id: 'Permintaan pertama dengan kunci ini sudah selesai, tetapi rahasia dalam jawabannya tidak dapat dibuka lagi (kunci enkripsi layanan telah diganti). Tidak ada yang dibuat ulang; buat rahasia baru untuk klien ini bila perlu.',
      en: 'The first request with this key was completed, but the secret its answer held can no longer be opened (the service’s encryption key was changed). Nothing was created again; rotate the client’s secret if you need one.',
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
  too_many_live_streams: {
    title: { id: 'Terlalu banyak aliran langsung', en: 'Too many live streams' },
    detail: {
      id: 'Paling banyak {limit} aliran langsung boleh terbuka sekaligus. Tutup salah satunya, atau coba lagi dalam {retryAfterSeconds} detik.',
      en: 'At most {limit} live streams may be open at once. Close one, or try again in {retryAfterSeconds} seconds.',
    },
  },
  live_streams_full: {
    title: { id: 'Aliran langsung penuh', en: 'Live streams full' },
    detail: {
      id: 'Gateway ini sedang melayani aliran langsung sebanyak yang ia mampu. Coba lagi dalam {retryAfterSeconds} detik.',
      en: 'This gateway holds as many live streams as it can. Try again in {retryAfterSeconds} seconds.',
    },
  },
  secret_in_url: {
    title: { id: 'Rahasia tidak boleh ada di URL', en: 'No secrets in URLs' },
    detail: {
      id: 'Parameter {parameter} tidak boleh dikirim di URL: URL tercatat di log dan riwayat. Kirim token di header Authorization, dan rahasia di isi permintaan.',
      en: 'The {parameter} parameter must not be sent in a URL: URLs end up in logs and histories. Send a token in the Authorization header, and secrets in the body.',
    },
  },
  service_not_found: {
    title: { id: 'Layanan tidak ditemukan', en: 'Service not found' },
    detail: {
      id: 'Tidak ada layanan {code} di katalog.',
      en: 'There is no service {code} in the catalog.',
    },
  },
  follow_up_plan_not_found: {
    title: { id: 'Rencana tindak lanjut tidak ditemukan', en: 'Follow-up plan not found' },
    detail: {
      id: 'Tidak ada rencana tindak lanjut {planId}.',
      en: 'There is no follow-up plan {planId}.',
    },
  },
  follow_up_item_not_found: {
    title: { id: 'Butir tindak lanjut tidak ditemukan', en: 'Follow-up item not found' },
    detail: {
      id: 'Rencana ini tidak memuat butir {itemId}.',
      en: 'This plan has no item {itemId}.',
    },
  },
  follow_up_plan_exists: {
    title: { id: 'Rencana tindak lanjut sudah ada', en: 'The follow-up plan exists' },
    detail: {
      id: 'Sudah ada rencana tindak lanjut {scope} untuk periode {period}: ubah rencana {planId}.',
      en: 'There is a follow-up plan of {scope} for {period} already: change plan {planId}.',
    },
  },
  follow_up_plan_full: {
    title: { id: 'Rencana tindak lanjut sudah penuh', en: 'The follow-up plan is full' },
    detail: {
      id: 'Satu rencana memuat paling banyak {max} butir.',
      en: 'A plan holds at most {max} items.',
    },
  },
  follow_up_transition_refused: {
    title: { id: 'Status butir tidak dapat diubah', en: 'The item cannot move to that status' },
    detail: {
      id: 'Butir berstatus {from} tidak dapat menjadi {to}.',
      en: 'An item in {from} cannot move to {to}.',
    },
  },
  version_conflict: {
    title: { id: 'Data sudah diubah orang lain', en: 'Changed by someone else' },
    detail: {
      id: 'Anda mengubah versi {expected}, padahal versi terkini {current}: baca ulang, lalu ubah lagi.',
      en: 'You changed version {expected}, but the current one is {current}: read it again, then change it.',
    },
  },
  servqual_case_not_finished: {
    title: { id: 'Permohonan belum selesai', en: 'The application is not finished' },
    detail: {
      id: 'Survei dapat diisi setelah permohonan {trackingNo} selesai (ISSUED atau REJECTED).',
      en: 'The survey opens once application {trackingNo} is finished (ISSUED or REJECTED).',
    },
  },
  servqual_already_answered: {
    title: { id: 'Survei sudah diisi', en: 'The survey was answered' },
    detail: {
      id: 'Survei SERVQUAL untuk permohonan {trackingNo} sudah diisi.',
      en: 'The SERVQUAL survey of application {trackingNo} was answered already.',
    },
  },
  complaint_not_found: {
    title: { id: 'Pengaduan tidak ditemukan', en: 'Complaint not found' },
    detail: {
      id: 'Tidak ada pengaduan {complaintNo} yang dapat Anda lihat.',
      en: 'There is no complaint {complaintNo} that you may see.',
    },
  },
  invalid_complaint_number: {
    title: { id: 'Nomor pengaduan tidak sah', en: 'Invalid complaint number' },
    detail: {
      id: 'Nomor pengaduan salah ketik: diawali ADU, periksa kembali setiap karakter.',
      en: 'The complaint number is mistyped: it starts with ADU; check every character again.',
    },
  },
  complaint_subject_not_found: {
    title: { id: 'Pokok pengaduan tidak ditemukan', en: 'Complaint subject not found' },
    detail: {
      id: 'Permohonan, langkah paket atau layanan yang diadukan tidak ditemukan.',
      en: 'The application, bundle step or service complained about was not found.',
    },
  },
  complaint_action_refused: {
    title: { id: 'Tindakan atas pengaduan ditolak', en: 'Complaint action refused' },
    detail: {
      id: '{action} tidak dapat dilakukan pada pengaduan berstatus {status} ({reason}).',
      en: '{action} is not possible on a {status} complaint ({reason}).',
    },
  },
  internal_error: {
    title: { id: 'Terjadi kesalahan pada sistem', en: 'Internal error' },
    detail: {
      id: 'Kesalahan ini sudah dicatat dengan kode {errorId}.',
      en: 'This error was logged with id {errorId}.',
    },
  },
  skm_case_not_found: {
    title: { id: 'Permohonan tidak ditemukan', en: 'Application not found' },
    detail: {
      id: 'Anda tidak memiliki permohonan dengan nomor pelacakan {trackingNo} yang dapat dinilai.',
      en: 'You have no application with tracking number {trackingNo} to rate.',
    },
  },
  skm_case_not_finished: {
    title: { id: 'Layanan belum selesai', en: 'Service not finished' },
    detail: {
      id: 'Survei kepuasan untuk permohonan {trackingNo} dapat diisi setelah permohonan selesai (diterbitkan atau ditolak).',
      en: 'The satisfaction survey for application {trackingNo} opens once it is finished (issued or rejected).',
    },
  },
  skm_already_answered: {
    title: { id: 'Survei sudah diisi', en: 'Survey already answered' },
    detail: {
      id: 'Survei kepuasan untuk permohonan {trackingNo} sudah diisi; satu permohonan, satu survei.',
      en: 'The satisfaction survey for application {trackingNo} is answered already: one per application.',
    },
  },
  queue_ticket_not_found: {
    title: { id: 'Tiket antrean tidak ditemukan', en: 'Queue ticket not found' },
    detail: {
      id: 'Tidak ada tiket antrean {code} yang dapat Anda lihat.',
      en: 'There is no queue ticket {code} that you may see.',
    },
  },
  invalid_ticket_code: {
    title: { id: 'Kode tiket tidak sah', en: 'Invalid ticket code' },
    detail: {
      id: 'Kode tiket salah ketik: diawali ANT, periksa kembali setiap karakter.',
      en: 'The ticket code is mistyped: it starts with ANT; check every character again.',
    },
  },
  queue_counter_not_found: {
    title: { id: 'Loket tidak ditemukan', en: 'Counter not found' },
    detail: {
      id: 'Tidak ada loket {counterCode} di mal ini.',
      en: 'There is no counter {counterCode} in this mall.',
    },
  },
  queue_counter_inactive: {
    title: { id: 'Loket tidak aktif', en: 'Counter not in use' },
    detail: {
      id: 'Loket {counterCode} sedang tidak digunakan; aktifkan dahulu.',
      en: 'Counter {counterCode} is not in use; set it active first.',
    },
  },
  queue_counter_busy: {
    title: { id: 'Loket sedang dipakai', en: 'Counter in use' },
    detail: {
      id: 'Sudah ada sesi petugas yang terbuka di loket {counterCode}.',
      en: 'An officer already has a session open at counter {counterCode}.',
    },
  },
  queue_officer_busy: {
    title: { id: 'Anda masih bertugas di loket lain', en: 'You are at another counter' },
    detail: {
      id: 'Anda masih memiliki sesi terbuka di loket {counterCode}; tutup dahulu.',
      en: 'You still have a session open at counter {counterCode}; close it first.',
    },
  },
  queue_session_not_found: {
    title: { id: 'Sesi loket tidak ditemukan', en: 'Counter session not found' },
    detail: {
      id: 'Tidak ada sesi loket {sessionId} yang dapat Anda pakai.',
      en: 'There is no counter session {sessionId} that you may use.',
    },
  },
  queue_no_open_session: {
    title: { id: 'Tidak ada sesi loket yang terbuka', en: 'No open counter session' },
    detail: {
      id: 'Tidak ada sesi loket terbuka di sini yang dapat Anda lihat.',
      en: 'There is no open counter session here that you may see.',
    },
  },
  queue_session_closed: {
    title: { id: 'Sesi loket sudah ditutup', en: 'Counter session closed' },
    detail: {
      id: 'Sesi loket {sessionId} sudah ditutup; buka sesi baru.',
      en: 'Counter session {sessionId} is closed; open a new one.',
    },
  },
  queue_ticket_in_service: {
    title: { id: 'Masih ada nomor yang dilayani', en: 'A number is still being served' },
    detail: {
      id: 'Nomor {ticketNo} masih dipanggil ke loket ini: tandai selesai dilayani atau tidak hadir dahulu.',
      en: 'Number {ticketNo} is still called to this counter: mark it served or no-show first.',
    },
  },
  queue_no_ticket_called: {
    title: { id: 'Tidak ada nomor yang dipanggil', en: 'No number called' },
    detail: {
      id: 'Belum ada nomor yang dipanggil ke loket ini.',
      en: 'No number is called to this counter.',
    },
  },
  queue_nothing_waiting: {
    title: { id: 'Tidak ada antrean', en: 'Nobody waiting' },
    detail: {
      id: 'Tidak ada nomor yang menunggu untuk layanan sesi ini.',
      en: "No number is waiting for this session's services.",
    },
  },
  queue_service_in_other_line: {
    title: { id: 'Layanan sudah ada di jalur lain', en: 'Service in another line' },
    detail: {
      id: 'Layanan {serviceCode} sudah diberi nomor di jalur {prefix}; keluarkan dari jalur itu dahulu.',
      en: 'Service {serviceCode} is already numbered on line {prefix}; take it out of that line first.',
    },
  },
  queue_numbers_exhausted: {
    title: { id: 'Nomor antrean habis', en: 'Queue numbers used up' },
    detail: {
      id: 'Jalur {prefix} sudah memberikan {max} nomor hari ini.',
      en: 'Line {prefix} has given out {max} numbers today.',
    },
  },
  queue_schedule_not_found: {
    title: { id: 'Layanan tidak menerima pemesanan', en: 'Service takes no bookings' },
    detail: {
      id: 'Layanan {serviceCode} belum memiliki jadwal kunjungan yang dapat dipesan.',
      en: 'Service {serviceCode} has no visit slots to book.',
    },
  },
  queue_slot_full: {
    title: { id: 'Jadwal kunjungan penuh', en: 'Slot fully booked' },
    detail: {
      id: 'Jadwal {slotStart} pada {day} sudah penuh; pilih jadwal lain.',
      en: 'The {slotStart} slot on {day} is fully booked; choose another.',
    },
  },
  queue_booking_exists: {
    title: { id: 'Sudah ada pemesanan', en: 'Already booked' },
    detail: {
      id: 'Anda sudah memesan kunjungan untuk layanan {serviceCode} pada {day}.',
      en: 'You have already booked a visit for service {serviceCode} on {day}.',
    },
  },
  queue_booking_refused: {
    title: { id: 'Pemesanan tidak dapat diubah', en: 'Booking cannot be changed' },
    detail: {
      id: 'Pemesanan {code} berstatus {status}: tidak dapat dibatalkan atau didaftarkan lagi.',
      en: 'Booking {code} is {status}: it cannot be cancelled or checked in.',
    },
  },
  queue_check_in_not_today: {
    title: { id: 'Bukan hari kunjungan', en: 'Not the day of the visit' },
    detail: {
      id: 'Pemesanan ini untuk {day}; daftar ulang di kios pada hari itu.',
      en: 'This booking is for {day}; check in at a kiosk on that day.',
    },
  },
} satisfies Record<string, { title: Text; detail: Text }>;

export type ProblemCode = keyof typeof PROBLEMS;

/** Messages for one invalid field, by code. */
export const FIELD_MESSAGES: Record<string, Text> = {
  required: { id: 'wajib diisi', en: 'is required' },
  must_be_string: { id: 'harus berupa teks', en: 'must be a string' },
  must_be_object: { id: 'harus berupa objek', en: 'must be an object' },
  must_be_array: { id: 'harus berupa daftar', en: 'must be a list' },
  max_items: { id: 'paling banyak {max} butir', en: 'must have at most {max} items' },
  must_be_body_object: {
    id: 'isi permintaan harus berupa objek JSON',
    en: 'the body must be a JSON object',
  },
  must_be_one_of: { id: 'harus salah satu dari: {values}', en: 'must be one of: {values}' },
  max_length: { id: 'paling banyak {max} karakter', en: 'must be at most {max} characters' },
  min_length: { id: 'paling sedikit {min} karakter', en: 'must be at least {min} characters' },
  must_be_date: { id: 'harus berupa tanggal YYYY-MM-DD', en: 'must be a date YYYY-MM-DD' },
  period_order: { id: 'tidak boleh sebelum from', en: 'must not be before from' },
  too_many_periods: {
    id: 'paling banyak {max} periode sekaligus',
    en: 'must cover at most {max} periods at once',
  },
  unknown_field: { id: 'kolom ini tidak dikenal', en: 'is not a known field' },
  skm_no_answer: {
    id: 'jawab paling sedikit satu unsur (U1–U9)',
    en: 'answer at least one element (U1–U9)',
  },
  service_of_other_agency: {
    id: 'layanan ini bukan milik instansi {agencyCode}',
    en: 'this service is not one of agency {agencyCode}',
  },
  day_in_future: {
    id: 'tidak boleh setelah hari ini ({today})',
    en: 'must not be after today ({today})',
  },
  invalid: { id: 'tidak valid', en: 'is invalid' },
  webhook_url: {
    id: 'harus berupa URL https:// tanpa nama pengguna atau kata sandi',
    en: 'must be an https:// URL without a user name or password',
  },
  webhook_url_private: {
    id: 'tidak boleh menuju localhost, alamat loopback, privat atau link-local',
    en: 'must not point at localhost or a loopback, private or link-local address',
  },
  webhook_range: {
    id: 'harus sesudah from',
    en: 'must be after from',
  },
  webhook_event_types: {
    id: 'paling banyak {max} jenis peristiwa, masing-masing teks tidak kosong',
    en: 'at most {max} event types, each a non-empty text',
  },
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
  password_too_short: {
    id: 'kata sandi paling sedikit {min} karakter',
    en: 'the password must be at least {min} characters',
  },
  password_too_long: {
    id: 'kata sandi paling banyak {max} karakter',
    en: 'the password must be at most {max} characters',
  },
  password_common: {
    id: 'kata sandi ini terlalu umum dan mudah ditebak',
    en: 'this password is too common and easy to guess',
  },
  password_personal: {
    id: 'kata sandi tidak boleh memuat NIK, nama, nama pengguna, e-mail atau nomor telepon Anda',
    en: 'the password must not contain your NIK, name, username, e-mail or phone number',
  },
  phone_format: {
    id: 'nomor telepon ditulis +62 diikuti 8–13 digit, misalnya +6281234567890',
    en: 'a phone number is +62 and 8–13 digits, e.g. +6281234567890',
  },
  email_format: { id: 'alamat e-mail tidak sah', en: 'not a valid e-mail address' },
  contact_required: {
    id: 'isi nomor telepon atau alamat e-mail (atau keduanya)',
    en: 'give a phone number or an e-mail address (or both)',
  },
  nib_format: { id: 'NIB harus 13 digit angka', en: 'a NIB must be 13 digits' },
  one_lookup_factor: {
    id: 'isi tepat satu: tanggal lahir pemohon (birthDate) atau NIB usaha (nib)',
    en: 'give exactly one: the applicant’s birth date (birthDate) or the business’s NIB (nib)',
  },
  nik_not_registered: {
    id: 'NIK pemohon belum terdaftar sebagai akun',
    en: 'the applicant’s NIK is not registered to an account',
  },
  business_required: {
    id: 'layanan usaha memerlukan usaha yang terdaftar dengan NIB',
    en: 'a business service needs a business registered with a NIB',
  },
  kbli_not_held: {
    id: 'KBLI {kbli} tidak dimiliki usaha ini',
    en: 'the business does not hold KBLI {kbli}',
  },
  kbli_format: {
    id: 'kode KBLI 2020 harus 5 digit angka',
    en: 'a KBLI 2020 code must be 5 digits',
  },
  npwp_format: {
    id: 'NPWP harus 15 atau 16 digit angka',
    en: 'an NPWP must be 15 or 16 digits',
  },
  username_format: {
    id: 'nama pengguna 3–64 huruf kecil, angka, titik, _ atau -',
    en: 'a username is 3–64 lower-case letters, digits, dots, _ or -',
  },
  client_id_format: {
    id: 'ID klien 3–64 huruf kecil, angka, titik, _ atau -, diawali huruf atau angka',
    en: 'a client id is 3–64 lower-case letters, digits, dots, _ or -, starting with a letter or digit',
  },
  verification_code_format: {
    id: 'kode verifikasi harus 6 digit angka',
    en: 'a verification code is 6 digits',
  },
  role_not_grantable: {
    id: 'Anda tidak dapat memberikan peran {role}',
    en: 'you cannot grant the role {role}',
  },
  roles_need_agency: {
    id: 'peran instansi memerlukan kode instansi',
    en: 'agency roles need an agency code',
  },
  agency_not_allowed: {
    id: 'Anda hanya dapat mengelola instansi Anda sendiri',
    en: 'you can only manage your own agency',
  },
  unknown_agency: {
    id: 'instansi {agencyCode} tidak terdaftar',
    en: 'agency {agencyCode} is not registered',
  },
  scope_not_allowed: {
    id: 'cakupan {scope} tidak dapat diberikan kepada klien ini',
    en: 'the scope {scope} cannot be given to this client',
  },
  client_id_reserved: {
    id: 'ID klien ini dipakai oleh SatuPintu sendiri',
    en: 'this client id is SatuPintu’s own',
  },
  client_kind_not_allowed: {
    id: 'Anda hanya dapat membuat klien AGENCY_SYSTEM untuk instansi Anda',
    en: 'you can only create AGENCY_SYSTEM clients of your own agency',
  },
  member_not_registered: {
    id: 'tidak ada pemohon terdaftar dengan NIK ini',
    en: 'no registered applicant has this NIK',
  },
  already_member: {
    id: 'pemohon ini sudah bertindak untuk badan usaha ini',
    en: 'this applicant already acts for this business',
  },
  nothing_to_change: {
    id: 'sebutkan paling sedikit satu kolom yang diubah',
    en: 'name at least one field to change',
  },
  current_password_wrong: {
    id: 'kata sandi saat ini salah',
    en: 'the current password is wrong',
  },
  document_no_format: {
    id: 'nomor dokumen berbentuk INSTANSI-TAHUN-NOMOR, mis. DUKCAPIL-2026-000042',
    en: 'a document number reads AGENCY-YEAR-NUMBER, e.g. DUKCAPIL-2026-000042',
  },
  sha256_format: {
    id: 'SHA-256 ditulis 64 digit heksadesimal huruf kecil',
    en: 'a SHA-256 is 64 lower-case hexadecimal digits',
  },
  follow_secret_format: {
    id: 'rahasia pengaduan 22 karakter A–Z, a–z, 0–9, _ atau -, seperti pada tanda terima',
    en: 'a complaint secret is 22 characters A–Z, a–z, 0–9, _ or -, as the receipt gave it',
  },
  invalid_range: {
    id: 'rentang harus 1 sampai 367 hari setelah from',
    en: 'the range must end 1 to 367 days after from',
  },
  agency_code_format: {
    id: 'kode instansi 2–32 huruf besar, angka atau -, misalnya DUKCAPIL',
    en: 'an agency code is 2–32 capital letters, digits or -, e.g. DUKCAPIL',
  },
  calendar_year_range: {
    id: 'tahun harus antara {min} dan {max}',
    en: 'the year must be from {min} to {max}',
  },
  date_outside_year: {
    id: 'tanggal harus jatuh pada tahun {year}',
    en: 'the date must fall in {year}',
  },
  unknown_service: {
    id: 'layanan {serviceCode} tidak ada di katalog',
    en: 'service {serviceCode} is not in the catalog',
  },
  unknown_bundle: {
    id: 'paket layanan {bundleCode} tidak ada',
    en: 'bundle {bundleCode} does not exist',
  },
  bundle_code_format: {
    id: 'kode paket 2–48 huruf besar, angka atau -, misalnya START-SMALL-BUSINESS',
    en: 'a bundle code is 2–48 capital letters, digits or -, e.g. START-SMALL-BUSINESS',
  },
  step_key_format: {
    id: 'kunci langkah 1–32 huruf kecil, angka atau -, diawali huruf',
    en: 'a step key is 1–32 lower-case letters, digits or -, starting with a letter',
  },
  requirement_format: {
    id: 'jenis persyaratan 2–48 huruf besar, angka atau _, misalnya AKTA_KELAHIRAN',
    en: 'a requirement kind is 2–48 capital letters, digits or _, e.g. AKTA_KELAHIRAN',
  },
  duplicate_step: {
    id: 'langkah {step} sudah ada di paket ini',
    en: 'step {step} is already in this bundle',
  },
  self_dependency: {
    id: 'sebuah langkah tidak dapat bergantung pada dirinya sendiri',
    en: 'a step cannot depend on itself',
  },
  unknown_step: {
    id: 'langkah {step} tidak ada di paket ini',
    en: 'step {step} is not in this bundle',
  },
  dependency_cycle: {
    id: 'langkah {step} bergantung pada dirinya sendiri melalui langkah lain (siklus)',
    en: 'step {step} depends on itself through other steps (a cycle)',
  },
  input_not_upstream: {
    id: 'hasil langkah {step} hanya dapat dipakai oleh langkah yang bergantung padanya',
    en: 'the output of step {step} can only be taken by a step that depends on it',
  },
  duplicate_requirement: {
    id: 'persyaratan {requirement} sudah diisi oleh masukan lain',
    en: 'requirement {requirement} is already filled by another input',
  },
  too_many_fields: {
    id: 'paling banyak {max} kolom',
    en: 'at most {max} fields',
  },
  form_field_name: {
    id: 'nama kolom 1–64 huruf, angka atau _, diawali huruf',
    en: 'a field name is 1–64 letters, digits or _, starting with a letter',
  },
  form_value: {
    id: 'isi kolom harus berupa teks, angka atau ya/tidak',
    en: 'a field value must be text, a number or true/false',
  },
  consent_required: {
    id: 'persetujuan pemohon wajib dicatat bila petugas mengajukan atas namanya',
    en: "the applicant's consent must be recorded when an officer submits on their behalf",
  },
  consent_reference_format: {
    id: 'nomor formulir persetujuan: 1–64 huruf, angka, `_`, `.`, `/`, `:` atau `-`',
    en: 'consent form number: 1–64 letters, digits, `_`, `.`, `/`, `:` or `-`',
  },
  external_reference_format: {
    id: 'nomor rujukan: 1–64 huruf, angka, `_`, `.`, `/`, `:` atau `-`',
    en: 'external reference: 1–64 letters, digits, `_`, `.`, `/`, `:` or `-`',
  },
  ticket_code_format: {
    id: 'kode tiket antrean: ANT dan 9 huruf atau angka',
    en: 'queue ticket code: ANT and 9 letters or digits',
  },
  queue_ticket_not_for_caller: {
    id: 'hanya petugas loket yang mengajukan di loket (kanal COUNTER) yang menyebut tiket antrean',
    en: 'only a front-desk officer submitting at the counter (channel COUNTER) names a queue ticket',
  },
  queue_ticket_not_at_counter: {
    id: 'tiket ini bukan yang sedang dipanggil ke loket Anda',
    en: 'this ticket is not the one called to your counter',
  },
  queue_ticket_has_application: {
    id: 'permohonan untuk tiket ini sudah diajukan',
    en: 'an application was submitted for this ticket already',
  },
  queue_ticket_of_other_agency: {
    id: 'tiket ini untuk layanan instansi {agencyCode}',
    en: 'this ticket is for a service of {agencyCode}',
  },
  external_reference_not_for_caller: {
    id: 'hanya klien API yang memberi nomor rujukannya sendiri',
    en: 'only an API client gives a reference of its own',
  },
  applicant_is_caller: {
    id: 'pemohon adalah Anda sendiri: jangan isi data pemohon',
    en: 'you are the applicant: leave the applicant out',
  },
  channel_not_for_caller: {
    id: 'kanal ini tidak tersedia bagi Anda; pilih salah satu dari: {values}',
    en: 'this channel is not yours to use; use one of: {values}',
  },
  amount_not_assessed: {
    id: 'hanya untuk retribusi yang ditetapkan per berkas, saat verifikasi selesai',
    en: 'only for a fee assessed per case, when verification is complete',
  },
  amount_below_minimum: {
    id: 'paling sedikit Rp {min} menurut standar pelayanan',
    en: 'must be at least Rp {min} under the service standard',
  },
  must_be_integer_between: {
    id: 'harus bilangan bulat {min} sampai {max}',
    en: 'must be a whole number from {min} to {max}',
  },
  must_be_number: { id: 'harus berupa angka', en: 'must be a number' },
  must_be_boolean: { id: 'harus true atau false', en: 'must be true or false' },
  number_min: { id: 'paling kecil {min}', en: 'must be at least {min}' },
  number_max: { id: 'paling besar {max}', en: 'must be at most {max}' },
  form_phone_format: {
    id: 'nomor telepon ditulis +62 atau 0 diikuti 8–13 digit, misalnya 081234567890',
    en: 'a phone number is +62 or 0 and 8–13 digits, e.g. 081234567890',
  },
  form_shape: {
    id: 'paling banyak {maxKeys} kolom bernama huruf dan angka, masing-masing teks (paling banyak {maxLength} karakter), angka atau true/false',
    en: 'at most {maxKeys} fields named with letters and digits, each a text (at most {maxLength} characters), a number or true/false',
  },
  duplicate: { id: 'sudah disebutkan sebelumnya', en: 'is listed twice' },
  not_for_type: {
    id: 'tidak berlaku untuk kolom berjenis {type}',
    en: 'does not apply to a field of type {type}',
  },
  service_code_format: {
    id: 'kode layanan 2–48 huruf besar, angka atau -, misalnya DUKCAPIL-KK',
    en: 'a service code is 2–48 capital letters, digits or -, e.g. DUKCAPIL-KK',
  },
  service_code_not_of_agency: {
    id: 'kode layanan instansi ini diawali {prefix}',
    en: "this agency's service codes start with {prefix}",
  },
  form_field_name_format: {
    id: 'nama kolom diawali huruf kecil, lalu huruf atau angka, paling banyak 48 karakter',
    en: 'a field name starts with a lower-case letter, then letters or digits, at most 48 characters',
  },
  document_kind_format: {
    id: 'jenis dokumen 2–48 huruf besar, angka atau _, misalnya KTP_ELEKTRONIK',
    en: 'a document kind is 2–48 capital letters, digits or _, e.g. KTP_ELEKTRONIK',
  },
  channel_not_for_service: {
    id: 'layanan ini tidak menerima permohonan lewat kanal ini; pilih salah satu dari: {values}',
    en: 'this service does not take applications through this channel; use one of: {values}',
  },
  form_not_for_service: {
    id: 'layanan ini belum menerbitkan standar pelayanan dengan kolom isian',
    en: 'this service has published no standard with form fields',
  },
  not_business_member: {
    id: 'pemohon tidak terdaftar sebagai pemilik atau kuasa badan usaha ini',
    en: 'the applicant is not registered as an owner or representative of this business',
  },
  document_not_found: {
    id: 'tidak ada dokumen ini yang Anda unggah',
    en: 'you uploaded no such document',
  },
  document_already_attached: {
    id: 'dokumen ini sudah dilampirkan pada permohonan lain',
    en: 'this document is already attached to an application',
  },
  nothing_to_resubmit: {
    id: 'kirim kolom yang diperbaiki (form) atau dokumen pengganti (documents)',
    en: 'send the corrected fields (form) or replacement documents (documents)',
  },
  document_offered_twice: {
    id: 'dokumen yang sama dilampirkan dua kali',
    en: 'the same document is offered twice',
  },
  unknown_requirement: {
    id: 'persyaratan {requirement} tidak ada dalam standar pelayanan layanan ini',
    en: "requirement {requirement} is not in this service's standard",
  },
  requirement_offered_twice: {
    id: 'persyaratan dokumen yang sama diisi dua kali',
    en: 'the same document requirement is filled twice',
  },
  document_type_not_for_requirement: {
    id: 'jenis berkas ini tidak diterima untuk persyaratan {requirement}; gunakan salah satu dari: {values}',
    en: 'this file type is not accepted for requirement {requirement}; use one of: {values}',
  },
  document_too_large_for_requirement: {
    id: 'dokumen ini melebihi batas {limit} bita untuk persyaratan {requirement}',
    en: 'this document is larger than the {limit} bytes allowed for requirement {requirement}',
  },
  scope_codes: {
    id: 'MALL tanpa kode; AGENCY dengan agencyCode saja; SERVICE dengan serviceCode saja',
    en: 'MALL takes no code; AGENCY only agencyCode; SERVICE only serviceCode',
  },
  quarter_repeated: { id: 'triwulan yang sama disebut dua kali', en: 'a quarter is named twice' },
  evidence_required: {
    id: 'butir yang selesai (DONE) perlu bukti: teks atau tautan',
    en: 'a DONE item needs evidence: a text or a link',
  },
  item_repeated: { id: 'butir {item} dijawab dua kali', en: 'item {item} is answered twice' },
  servqual_source: {
    id: 'pemohon mengirim trackingNo saja; kios mengirim serviceCode dan day',
    en: 'an applicant sends trackingNo only; a kiosk sends serviceCode and day',
  },
  day_in_past: {
    id: 'tidak boleh sebelum hari ini ({today})',
    en: 'must not be before today ({today})',
  },
  day_beyond_horizon: {
    id: 'paling lambat {last}',
    en: 'must be {last} or earlier',
  },
  calendar_year_not_held: {
    id: 'kalender hari kerja tahun {year} belum ditetapkan',
    en: 'the working-day calendar of {year} is not set yet',
  },
  day_not_working: {
    id: 'bukan hari kerja mal (akhir pekan, libur nasional atau cuti bersama)',
    en: 'is not a working day of the mall (a weekend, a public holiday or collective leave)',
  },
  slot_unknown: {
    id: 'tidak ada jadwal mulai pukul ini; pilih salah satu dari: {values}',
    en: 'no slot starts at this time; use one of: {values}',
  },
  slot_started: {
    id: 'jadwal ini sudah dimulai',
    en: 'this slot has already started',
  },
  slot_overlap: {
    id: 'bertumpuk dengan jadwal sebelumnya ({previous}); urutkan tanpa tumpang tindih',
    en: 'overlaps the slot before it ({previous}); list slots in order without overlap',
  },
  slot_past_midnight: {
    id: 'jadwal tidak boleh melewati tengah malam',
    en: 'a slot must end by midnight',
  },
  time_format: {
    id: 'jam ditulis HH:MM, 00:00 sampai 23:59',
    en: 'a time is HH:MM, 00:00 to 23:59',
  },
  service_not_in_line: {
    id: 'layanan ini belum diberi nomor antrean di jalur mana pun yang aktif',
    en: 'this service is not numbered on any active line',
  },
  service_takes_no_bookings: {
    id: 'layanan ini tidak menerima pemesanan kunjungan',
    en: 'this service takes no booked visits',
  },
  tracking_no_required: {
    id: 'sebutkan nomor pelacakan permohonan untuk keperluan ini',
    en: 'name the tracking number of the application for this purpose',
  },
  tracking_no_not_for_purpose: {
    id: 'nomor pelacakan hanya untuk menyerahkan berkas atau mengambil hasil layanan',
    en: 'a tracking number is only for handing in documents or collecting an output',
  },
  unknown_application: {
    id: 'tidak ada permohonan dengan nomor pelacakan ini',
    en: 'no application has this tracking number',
  },
  application_of_other_agency: {
    id: 'permohonan ini ditangani instansi {agencyCode}, bukan instansi layanan ini',
    en: "this application is handled by agency {agencyCode}, not this service's agency",
  },
  line_prefix_format: {
    id: 'awalan jalur 1–2 huruf besar, misalnya B',
    en: 'a line prefix is 1–2 capital letters, e.g. B',
  },
  counter_code_format: {
    id: 'kode loket 1–8 huruf besar atau angka, misalnya 3 atau A12',
    en: 'a counter code is 1–8 capital letters or digits, e.g. 3 or A12',
  },
  must_be_period: {
    id: 'periode berbentuk 2026-TW1 (triwulan I–IV), 2026-S2 (semester) atau 2026',
    en: 'a period reads 2026-TW1 (quarters TW1–TW4), 2026-S2 (semesters) or 2026',
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
