import type { ApplicationStatus } from '../application-status/application-status';

/**
 * Lampiran 10 of the OSS RBA PIA (v4.3.22), "Data Kode Status Izin": every code OSS accepts as
 * `kd_status` (receiveLicenseStatus) and `status_izin` (receiveLicense), with the PIA's own
 * STATUS and KETERANGAN, word for word (docs/oss-kd-status.md shows them beside SatuPintu's).
 */
export const KD_STATUS = {
  '05': { status: 'Proses Penapisan', keterangan: 'Penapisan dokumen lingkungan' },
  '09': {
    status: 'Telah Melengkapi Persyaratan',
    keterangan: 'Dokumen permohonan dan persyaratan izin sudah diisi dan dilengkapi',
  },
  '10': {
    status: 'Dokumen Lengkap',
    keterangan: 'Dokumen permohonan izin sudah lengkap dan benar',
  },
  '11': { status: 'Dokumen Belum Lengkap', keterangan: 'Dokumen permohonan izin belum lengkap' },
  '12': { status: 'Pemenuhan Komitmen', keterangan: 'Pemenuhan Komitmen' },
  '20': {
    status: 'Validasi',
    keterangan: 'Petugas melakukan pengecekkan terhadap permohonan izin tersebut',
  },
  '30': {
    status: 'Verifikasi Pembayaran',
    keterangan: 'Petugas melakukan verifikasi pembayaran terhadap Pelaku Usaha',
  },
  '31': {
    status: 'Konfirmasi Pembayaran',
    keterangan: 'Petugas melakukan konfirmasi pembayaran terhadap Pelaku Usaha',
  },
  '32': {
    status: 'Menunggu Verifikasi Bukti Bayar PNBP',
    keterangan: 'Pelaku usaha telah melakukan pembayaran PNBP',
  },
  '33': { status: 'Persetujuan Pembayaran', keterangan: 'Petugas melakukan verifikasi pembayaran' },
  '34': {
    status: 'Perbaikan Konfirmasi Pembayaran',
    keterangan: 'Pelaku usaha upload kembali PNBP',
  },
  '40': { status: 'Inspeksi', keterangan: 'Petugas melakukan pengecekan ke lapangan' },
  '41': {
    status: 'Konfirmasi Persyaratan',
    keterangan: 'Pemberhentian perhitungan SLA perizinan karena ada urgensi tertentu',
  },
  '42': {
    status: 'Data Konfirmasi Persyaratan',
    keterangan: 'Mulai kembali perhitungan SLA perizinan',
  },
  '43': {
    status: 'Re-Konfirmasi Persyaratan',
    keterangan: 'Pemberhentian perhitungan SLA kembali ke awal',
  },
  '44': {
    status: 'Data Re-Konfirmasi Persyaratan',
    keterangan: 'Mulai kembali perhitungan SLA perizinan dari awal',
  },
  '45': {
    status: 'Persyaratan terverifikasi',
    keterangan: 'Persetujuan status persyaratan oleh dinas teknis',
  },
  '49': {
    status: 'Pengambilan Nomor',
    keterangan: 'Pengambilan nomor Izin/SS/UMKU dalam hal integrasi',
  },
  '50': { status: 'Disetujui', keterangan: 'Petugas menyetujui Izin dari Pelaku Usaha' },
  '52': {
    status: 'Terbit Sementara',
    keterangan: 'Terbit sementara untuk dilakukan pemenuhan komitmen',
  },
  '57': {
    status:
      'Disetujui secara otomatis oleh sistem OSS (fiktif positif) berdasarkan Pasal 175 angka 6 Undang-Undang Nomor 11 Tahun 2020',
    keterangan:
      'Disetujui secara otomatis oleh sistem OSS (fiktif positif) berdasarkan Pasal 175 angka 6 Undang-Undang Nomor 11 Tahun 2020',
  },
  '60': {
    status: 'Peringatan',
    keterangan:
      'Petugas memberikan peringatan terhadap Izin Pelaku Usaha, apabila Izin tersebut bermasalah',
  },
  '70': {
    status: 'Penghentian Sementara Kegiatan Berusaha',
    keterangan:
      'Petugas menghentikan sementara kegiatan berusaha, apabila Izin tersebut bermasalah',
  },
  '80': {
    status: 'Pengenaan Denda Administratif',
    keterangan: 'Petugas memberikan denda administratif, apabila Izin tersebut bermasalah',
  },
  '90': { status: 'Ditolak', keterangan: 'Petugas menolak permohonan Izin Usaha' },
  '93': {
    status: 'Penolakan Persyaratan',
    keterangan: 'Penolakan status persyaratan oleh Dinas Teknis',
  },
} as const satisfies Record<string, { status: string; keterangan: string }>;

export type KdStatus = keyof typeof KD_STATUS;

export function isKdStatus(value: unknown): value is KdStatus {
  return typeof value === 'string' && Object.hasOwn(KD_STATUS, value);
}

/** One move of a case, as the agency's `ApplicationStatusChanged` event tells it. */
export interface CaseStatusChange {
  from: ApplicationStatus;
  to: ApplicationStatus;
}

/**
 * The `kd_status` codes OSS is told of for one move of a case, in the order to send them: none,
 * one, or two when the move is two steps in the PIA's terms (documents found complete, then the
 * next phase; the revision asked, then the SLA stopped). Every mapping is checked against
 * Lampiran 10's wording in the spec and in docs/oss-kd-status.md:
 *
 * - received for verification (SUBMITTED → VERIFYING): 09, the application and its requirements
 *   have been filled in and completed;
 * - verification complete (VERIFYING → AWAITING_PAYMENT | IN_REVIEW): 10, the documents are
 *   complete and correct, then 30 (the officer verifies the payment: a fee is due) or 20 (the
 *   officer checks the application);
 * - a revision asked (VERIFYING → NEEDS_REVISION): 11, the documents are incomplete, then 41,
 *   the SLA stops while the applicant corrects them; resubmitted (NEEDS_REVISION → VERIFYING):
 *   42, the SLA starts again;
 * - a new payment code (AWAITING_PAYMENT → AWAITING_PAYMENT): 30 again, with the new billing;
 * - payment confirmed (AWAITING_PAYMENT → IN_REVIEW): 31, then 20;
 * - APPROVED: 50; REJECTED (from anywhere): 90.
 *
 * ISSUED has no code of its own: OSS is told with receiveLicense (status_izin 50, the permit and
 * its file). WITHDRAWN has none in Lampiran 10 (90 says the officer rejected it, which is not
 * so): nothing is sent, and OSS learns nothing of a withdrawal from SatuPintu.
 */
export function kdStatusesOf(change: CaseStatusChange): KdStatus[] {
  const { from, to } = change;
  switch (to) {
    case 'VERIFYING':
      if (from === 'NEEDS_REVISION') return ['42'];
      return from === 'SUBMITTED' ? ['09'] : [];
    case 'NEEDS_REVISION':
      return ['11', '41'];
    case 'AWAITING_PAYMENT':
      if (from === 'AWAITING_PAYMENT') return ['30'];
      return from === 'VERIFYING' ? ['10', '30'] : [];
    case 'IN_REVIEW':
      if (from === 'AWAITING_PAYMENT') return ['31', '20'];
      return from === 'VERIFYING' ? ['10', '20'] : [];
    case 'APPROVED':
      return ['50'];
    case 'REJECTED':
      return ['90'];
    case 'SUBMITTED':
    case 'ISSUED':
    case 'WITHDRAWN':
      return [];
  }
}

/** The `status_izin` of a permit issued (receiveLicense): approved, Lampiran 10's 50. */
export const ISSUED_STATUS_IZIN: KdStatus = '50';

/** Whether OSS is sent the permit itself (receiveLicense) for this move. */
export function issuesLicense(change: CaseStatusChange): boolean {
  return change.to === 'ISSUED';
}
