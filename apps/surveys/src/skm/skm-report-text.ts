import type { SkmReportLanguage } from '@satupintu/contracts';
import type { FollowUpStatus, SkmPeriodKind, SkmWeightRule } from '@satupintu/domain';

/** The report's words, Indonesian (the default) and English. */
export const REPORT_TEXT = {
  id: {
    title: 'Laporan Survei Kepuasan Masyarakat (SKM)',
    mall: 'Seluruh Mal Pelayanan Publik',
    agency: 'Instansi',
    service: 'Layanan',
    period: 'Periode',
    timeZone: 'Zona waktu',
    periodKinds: { quarter: 'Triwulan', semester: 'Semester', year: 'Tahun' },
    element: 'Unsur',
    code: 'Kode',
    answered: 'Responden yang menjawab',
    nrr: 'NRR',
    nrrWeighted: 'NRR tertimbang',
    ikm: 'IKM',
    category: 'Mutu pelayanan',
    noIndex: 'Indeks tidak dapat dihitung: ada unsur yang tidak dijawab siapa pun',
    respondents: 'Jumlah responden',
    population: 'Populasi (permohonan selesai dalam periode)',
    minimumSample: 'Sampel minimum (Krejcie & Morgan)',
    sampleTooSmall: 'Sampel kurang dari minimum: indeks belum mewakili populasi',
    sampleEnough: 'Sampel memenuhi minimum',
    weightRule: 'Aturan bobot',
    weightRules: {
      EXACT: 'Tepat 1/9 (PermenPANRB 14/2017)',
      ROUNDED_0_111: 'Dibulatkan 0,111',
      ROUNDED_0_11: 'Dibulatkan 0,11',
    },
    trend: 'Tren IKM',
    elementScores: 'Nilai per unsur',
    weakest: 'Unsur terlemah lebih dahulu',
    profile: 'Profil responden',
    profileFields: {
      sex: 'Jenis kelamin',
      ageBand: 'Usia',
      education: 'Pendidikan',
      occupation: 'Pekerjaan',
    },
    suggestions: 'Responden yang memberi saran',
    followUp: 'Rencana tindak lanjut',
    followUpColumns: {
      priorityElement: 'Unsur prioritas',
      programme: 'Program/kegiatan',
      quarters: 'Waktu (triwulan)',
      responsibleUnit: 'Penanggung jawab',
      status: 'Status',
      evidence: 'Bukti',
    },
    noFollowUp: 'Belum ada rencana tindak lanjut yang dicatat.',
    forum: 'Forum Konsultasi Publik (FKP)',
    forumDate: 'Tanggal',
    forumParticipants: 'Peserta',
    forumMinutes: 'Notulen',
    noForum: 'Belum ada FKP yang dicatat.',
    generatedAt: 'Dibuat',
    statuses: {
      PLANNED: 'Direncanakan',
      IN_PROGRESS: 'Berjalan',
      DONE: 'Selesai',
      DROPPED: 'Dibatalkan',
    },
  },
  en: {
    title: 'Community Satisfaction Survey (SKM) report',
    mall: 'The whole Public Service Mall',
    agency: 'Agency',
    service: 'Service',
    period: 'Period',
    timeZone: 'Time zone',
    periodKinds: { quarter: 'Quarter', semester: 'Semester', year: 'Year' },
    element: 'Element',
    code: 'Code',
    answered: 'Respondents who answered',
    nrr: 'NRR',
    nrrWeighted: 'Weighted NRR',
    ikm: 'IKM',
    category: 'Service quality',
    noIndex: 'No index: an element was answered by nobody',
    respondents: 'Respondents',
    population: 'Population (applications finished in the period)',
    minimumSample: 'Minimum sample (Krejcie & Morgan)',
    sampleTooSmall: 'Sample below the minimum: the index does not yet represent the population',
    sampleEnough: 'Sample meets the minimum',
    weightRule: 'Weight rule',
    weightRules: {
      EXACT: 'Exactly 1/9 (PermenPANRB 14/2017)',
      ROUNDED_0_111: 'Rounded to 0.111',
      ROUNDED_0_11: 'Rounded to 0.11',
    },
    trend: 'IKM trend',
    elementScores: 'Score per element',
    weakest: 'Weakest elements first',
    profile: 'Respondents',
    profileFields: { sex: 'Sex', ageBand: 'Age', education: 'Education', occupation: 'Occupation' },
    suggestions: 'Respondents who left a suggestion',
    followUp: 'Follow-up plan',
    followUpColumns: {
      priorityElement: 'Priority element',
      programme: 'Programme/activity',
      quarters: 'When (quarters)',
      responsibleUnit: 'Responsible unit',
      status: 'Status',
      evidence: 'Evidence',
    },
    noFollowUp: 'No follow-up plan is recorded yet.',
    forum: 'Public consultation forum (FKP)',
    forumDate: 'Date',
    forumParticipants: 'Participants',
    forumMinutes: 'Minutes',
    noForum: 'No forum is recorded yet.',
    generatedAt: 'Generated',
    statuses: {
      PLANNED: 'Planned',
      IN_PROGRESS: 'In progress',
      DONE: 'Done',
      DROPPED: 'Dropped',
    },
  },
} satisfies Record<
  SkmReportLanguage,
  {
    periodKinds: Record<SkmPeriodKind, string>;
    weightRules: Record<SkmWeightRule, string>;
    statuses: Record<FollowUpStatus, string>;
    [key: string]: unknown;
  }
>;

export type ReportText = (typeof REPORT_TEXT)['id'];

/** A number as the language writes it, to two decimals (91,48 / 91.48). */
export function decimal(value: number, language: SkmReportLanguage, digits = 2): string {
  return value.toLocaleString(language === 'id' ? 'id-ID' : 'en-GB', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}
