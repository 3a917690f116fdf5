import { Injectable } from '@nestjs/common';
import { sql, type Executor } from '@satupintu/persistence';
import {
  createSubscription,
  setSubscriptionUrl,
  type SubscriptionKeeping,
} from '@satupintu/webhooks';
import type { ReportedPermit } from './status-reports';
import { OSS_SCOPE } from './status-reports';

/** How long a permit may be in the middle of opening its application before it is given up on. */
const OPENING_GRACE = sql`interval '2 minutes'`;

@Injectable()
export class ReportsRepository {
  /**
   * The OSS permit that opened this application, with what OSS said of it (the checklist entry
   * in the NIB data for its region and name); undefined if none did.
   */
  async permitOf(tx: Executor, applicationId: string): Promise<ReportedPermit | undefined> {
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
                       CASE WHEN jsonb_typeof(coalesce(n.data->'data_checklist',
                                                       n.data->'dataNIB'->'data_checklist'))
                                 = 'array'
                            THEN coalesce(n.data->'data_checklist',
                                          n.data->'dataNIB'->'data_checklist')
                            ELSE '[]'::jsonb END) c
               WHERE c->>'id_izin' = p.id_izin LIMIT 1) AS kd_daerah
        FROM oss_permits p JOIN oss_nibs n ON n.nib = p.nib
       WHERE p.application_id = ${applicationId}`);
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

  /**
   * Whether a permit is opening its application right now: the agency may tell of the new case
   * (it starts verifying at once) before this service has recorded which application the permit
   * opened, and that event must wait rather than be taken for another application's.
   */
  async opening(tx: Executor): Promise<boolean> {
    const [row] = await tx.query(sql`
      SELECT 1 FROM oss_permits
       WHERE state = 'OPENING' AND received_at > now() - ${OPENING_GRACE} LIMIT 1`);
    return row !== undefined;
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
