import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  APPLICATION_STATUSES,
  canTransition,
  type ApplicationStatus,
} from '../application-status/application-status';
import { ACTION_RULES, WORKFLOW_ACTIONS } from '../workflow/workflow';
import { KD_STATUS, isKdStatus, issuesLicense, kdStatusesOf, type KdStatus } from './kd-status';

/** Every move the workflow can make, RENEW_PAYMENT's stay in AWAITING_PAYMENT included. */
const moves: Array<{ from: ApplicationStatus; to: ApplicationStatus }> = WORKFLOW_ACTIONS.flatMap(
  (action) =>
    ACTION_RULES[action].from.flatMap((from) =>
      ACTION_RULES[action].to.map((to) => ({ from, to })),
    ),
);

/** A case's life, the statuses it goes through, and what OSS is told of it, in order. */
function reported(life: ApplicationStatus[]): KdStatus[] {
  return life.slice(1).flatMap((to, i) => kdStatusesOf({ from: life[i], to }));
}

describe('kd_status of a case move (Lampiran 10)', () => {
  it('maps the issue-10 examples as Lampiran 10 words them', () => {
    // Documents complete (10, "sudah lengkap dan benar") when verification completes.
    expect(kdStatusesOf({ from: 'VERIFYING', to: 'IN_REVIEW' })).toEqual(['10', '20']);
    // Not complete (11), and the SLA stops (41) while the applicant corrects them…
    expect(kdStatusesOf({ from: 'VERIFYING', to: 'NEEDS_REVISION' })).toEqual(['11', '41']);
    // …and starts again (42) when they resubmit.
    expect(kdStatusesOf({ from: 'NEEDS_REVISION', to: 'VERIFYING' })).toEqual(['42']);
    expect(kdStatusesOf({ from: 'VERIFYING', to: 'AWAITING_PAYMENT' })).toEqual(['10', '30']);
    expect(kdStatusesOf({ from: 'AWAITING_PAYMENT', to: 'IN_REVIEW' })).toEqual(['31', '20']);
    expect(kdStatusesOf({ from: 'IN_REVIEW', to: 'APPROVED' })).toEqual(['50']);
    for (const from of ['SUBMITTED', 'VERIFYING', 'IN_REVIEW'] as const)
      expect(kdStatusesOf({ from, to: 'REJECTED' })).toEqual(['90']);
  });

  it('checks each code used against its wording in the PIA', () => {
    expect(KD_STATUS['09'].keterangan).toMatch(/sudah diisi dan dilengkapi/);
    expect(KD_STATUS['10'].keterangan).toMatch(/sudah lengkap dan benar/);
    expect(KD_STATUS['11'].keterangan).toMatch(/belum lengkap/);
    expect(KD_STATUS['20'].keterangan).toMatch(/pengecekkan terhadap permohonan/);
    expect(KD_STATUS['30'].status).toBe('Verifikasi Pembayaran');
    expect(KD_STATUS['31'].status).toBe('Konfirmasi Pembayaran');
    expect(KD_STATUS['41'].keterangan).toMatch(/^Pemberhentian perhitungan SLA/);
    expect(KD_STATUS['42'].keterangan).toMatch(/^Mulai kembali perhitungan SLA/);
    expect(KD_STATUS['50'].status).toBe('Disetujui');
    expect(KD_STATUS['90'].status).toBe('Ditolak');
  });

  it('knows what every move of the workflow reports, and reports only Lampiran 10 codes', () => {
    for (const move of moves) {
      expect(move.from === move.to || canTransition(move.from, move.to)).toBe(true);
      for (const code of kdStatusesOf(move)) expect(isKdStatus(code)).toBe(true);
    }
    // Only ISSUED and WITHDRAWN are told nothing by receiveLicenseStatus.
    const silent = moves.filter((m) => kdStatusesOf(m).length === 0);
    expect(new Set(silent.map((m) => m.to))).toEqual(new Set(['ISSUED', 'WITHDRAWN']));
    expect(moves.filter(issuesLicense)).toEqual([{ from: 'APPROVED', to: 'ISSUED' }]);
  });

  it('tells a case life in the PIA order, the SLA stop and restart around the pause', () => {
    expect(
      reported([
        'SUBMITTED',
        'VERIFYING',
        'NEEDS_REVISION',
        'VERIFYING',
        'AWAITING_PAYMENT',
        'AWAITING_PAYMENT',
        'IN_REVIEW',
        'APPROVED',
        'ISSUED',
      ]),
    ).toEqual(['09', '11', '41', '42', '10', '30', '30', '31', '20', '50']);
    expect(reported(['SUBMITTED', 'VERIFYING', 'IN_REVIEW', 'REJECTED'])).toEqual([
      '09',
      '10',
      '20',
      '90',
    ]);
  });

  it('reports nothing for a move the workflow does not make', () => {
    for (const from of APPLICATION_STATUSES)
      for (const to of APPLICATION_STATUSES) {
        const legal = moves.some((m) => m.from === from && m.to === to);
        if (!legal && to !== 'APPROVED' && to !== 'REJECTED' && to !== 'NEEDS_REVISION')
          expect(kdStatusesOf({ from, to })).toEqual([]);
      }
  });

  it('is the table of docs/oss-kd-status.md, code for code and word for word', () => {
    const doc = readFileSync(join(__dirname, '../../../../docs/oss-kd-status.md'), 'utf8');
    const rows = [...doc.matchAll(/^\| `(\d\d)` \| ([^|]+) \| ([^|]+) \|/gm)].map((m) => [
      m[1],
      m[2].trim(),
      m[3].trim(),
    ]);
    expect(rows).toEqual(
      Object.entries(KD_STATUS)
        .map(([code, w]) => [code, w.status, w.keterangan])
        .sort(([a], [b]) => a.localeCompare(b)),
    );
  });
});
