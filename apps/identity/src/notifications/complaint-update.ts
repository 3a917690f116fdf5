import type { ApplicantLanguage, ComplaintUpdateStep } from '@satupintu/contracts';

const TEXT: Record<ComplaintUpdateStep, Record<ApplicantLanguage, (no: string) => string>> = {
  ROUTED: {
    id: (no) => `Pengaduan ${no} sudah diverifikasi dan diteruskan ke instansi yang berwenang.`,
    en: (no) => `Complaint ${no} has been verified and passed to the agency responsible.`,
  },
  ANSWERED: {
    id: (no) =>
      `Pengaduan ${no} sudah dijawab. Lihat jawabannya; Anda dapat menyanggahnya satu kali dalam 10 hari kerja.`,
    en: (no) =>
      `Complaint ${no} has been answered. Read the answer; you may dispute it once within 10 working days.`,
  },
  CLOSED: {
    id: (no) => `Pengaduan ${no} sudah ditutup.`,
    en: (no) => `Complaint ${no} is closed.`,
  },
};

const SUBJECT: Record<ApplicantLanguage, (no: string) => string> = {
  id: (no) => `Pengaduan ${no}`,
  en: (no) => `Complaint ${no}`,
};

/**
 * What a complaint's reporter is told of a step, in their language: no text of the complaint or
 * its answer (a message may be read by others; the answer is on the complaint). Pure.
 */
export function complaintUpdateText(
  step: ComplaintUpdateStep,
  complaintNo: string,
  language: ApplicantLanguage,
): { subject: string; text: string } {
  return { subject: SUBJECT[language](complaintNo), text: TEXT[step][language](complaintNo) };
}
