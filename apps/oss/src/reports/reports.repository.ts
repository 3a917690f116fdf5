import { Injectable } from '@nestjs/common';
import { sql, type Executor } from '@satupintu/persistence';
import {
  createSubscription,
  setSubscriptionUrl,
  type SubscriptionKeeping,
} from '@satupintu/webhooks';
import type { ReportedPermit } from './status-reports';
import { OSS_SCOPE } from './status-reports';

@Injectable()
export class ReportsRepository {
  /**
   * The OSS permit that opened this application (by its id or its tracking number: the opening
   * job records the number always, the id when intake gave it), with what OSS said of it (the
   * checklist entry in the NIB data, for its region); undefined if none did.
   *
   * The agency tells of a new case at once (it starts verifying on receipt), possibly before the
   * job that opened the application has committed what it opened: that job holds its permit's
   * row locked from before it asks intake until it commits. So when no permit matches, this
   * waits for every permit being opened (a share lock on the OPENING rows) and looks again.
   */
  async permitOf(
    tx: Executor,
    applicationId: string,
    trackingNo: string,
  ): Promise<ReportedPermit | undefined> {
    const found = await this.matching(tx, applicationId, trackingNo);
    if (found) return found;
    await tx.query(sql`SELECT 1 FROM oss_permits WHERE state = 'OPENING' FOR SHARE`);
    return this.matching(tx, applicationId, trackingNo);
  }

  private async matching(
    tx: Executor,
    applicationId: string,
    trackingNo: string,
  ): Promise<ReportedPermit | undefined> {
    const [row] = await tx.query(sql<{
      nib: string;
      id_izin: string;
      kd_izin: string | null;
      id_proyek: string | null;
      id_produk: string | null;
      oss_id: string | null;
      kd_daerah: string | null;
      nama_izin: string | null;
    }>`
      SELECT p.nib, p.id_izin, p.kd_izin, p.id_proyek, p.id_produk, n.oss_id, p.nama_izin,
             (SELECT c->>'kd_daerah'
                FROM jsonb_array_elements(
                       CASE WHEN jsonb_typeof(n.data->'data_checklist') = 'array'
                            THEN n.data->'data_checklist' ELSE '[]'::jsonb END) c
               WHERE c->>'id_izin' = p.id_izin LIMIT 1) AS kd_daerah
        FROM oss_permits p JOIN oss_nibs n ON n.nib = p.nib
       WHERE p.state = 'OPENED'
         AND (p.application_id = ${applicationId} OR p.tracking_no = ${trackingNo})
       LIMIT 1`);
    if (!row) return undefined;
    return {
      nib: row.nib,
      idIzin: row.id_izin,
      kdIzin: row.kd_izin ?? '',
      ...(row.id_proyek ? { idProyek: row.id_proyek } : {}),
      ...(row.id_produk ? { idProduk: row.id_produk } : {}),
      ...(row.oss_id ? { ossId: row.oss_id } : {}),
      ...(row.kd_daerah ? { kdDaerah: row.kd_daerah } : {}),
      ...(row.nama_izin ? { namaIzin: row.nama_izin } : {}),
    };
  }

  /** The subscription of OSS's reports, if OSS_BASE_URL was ever set. */
  async subscriptionId(db: Executor): Promise<string | undefined> {
    const [row] = await db.query(sql<{ id: string }>`
      SELECT id FROM webhook_subscriptions WHERE scope = ${OSS_SCOPE}`);
    return row?.id;
  }

  /** The tracking numbers of these applications, those an OSS permit opened. */
  async trackingNos(db: Executor, applicationIds: string[]): Promise<Map<string, string>> {
    if (applicationIds.length === 0) return new Map();
    const rows = await db.query(sql<{ application_id: string; tracking_no: string }>`
      SELECT application_id, tracking_no FROM oss_permits
       WHERE application_id = ANY (${applicationIds}::uuid[]) AND tracking_no IS NOT NULL`);
    return new Map(rows.map((r) => [r.application_id, r.tracking_no]));
  }

  /**
   * The one subscription OSS's reports go to, at `url`: made on the first start, pointed at the
   * configured URL on every start after (replicas racing meet on its unique index).
   */
  async ensureSubscription(
    db: Executor,
    url: string,
    keeping: SubscriptionKeeping,
  ): Promise<string> {
    const find = async () => {
      const [row] = await db.query(sql<{ id: string; url: string }>`
        SELECT id, url FROM webhook_subscriptions WHERE scope = ${OSS_SCOPE}`);
      return row;
    };
    const found = await find();
    if (found) {
      if (found.url !== url) await setSubscriptionUrl(db, found.id, url, keeping);
      return found.id;
    }
    try {
      const { subscription } = await createSubscription(
        db,
        { owner: OSS_SCOPE, scope: OSS_SCOPE, url },
        keeping,
      );
      return subscription.id;
    } catch (error) {
      const raced = await find();
      if (raced) return raced.id;
      throw error;
    }
  }
}
