import { runInContext } from '@satupintu/common';
import { RegisterDocument, SubmitApplication, type RegisterDocumentV1 } from '@satupintu/contracts';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { JetStreamDocumentStore, RpcClient, documentsBucket } from '@satupintu/messaging';
import {
  ServiceProcess,
  aFrontDeskOfficer,
  aPdf,
  anApplication,
  deleteNamespaceStreams,
  eventually,
  queryServiceDb,
  testEnvironment,
} from '@satupintu/testing';
import { createHash, randomUUID } from 'node:crypto';

/**
 * "An upload that fails or is abandoned leaves nothing behind", for what the gateway cannot
 * clean up itself: intake's recurring sweep removes a document never attached (row and bytes)
 * and bytes never registered, once they are older than the configured age, and the chunks of a write
 * that never finished, and leaves attached documents alone. A mall of its own (database and namespace), swept every second.
 */
describe('the sweep of abandoned uploads', () => {
  const env = testEnvironment();
  const own = { DB_PREFIX: `${env.DB_PREFIX}_sweep`, SP_NAMESPACE: `${env.SP_NAMESPACE}-sweep` };
  let intake: ServiceProcess;
  let rpc: RpcClient;
  let store: JetStreamDocumentStore;

  const frontDesk = aFrontDeskOfficer();
  const as = <T>(fn: () => Promise<T>) =>
    runInContext({ requestId: randomUUID(), traceparent: '', principal: frontDesk }, fn);

  /** What the gateway does for an upload: bytes into the store, then, if asked, registered. */
  async function stored(register: boolean): Promise<{ objectName: string; documentId?: string }> {
    const bytes = aPdf(2000);
    const objectName = randomUUID();
    await store.write(objectName, new Blob([bytes]).stream());
    if (!register) return { objectName };
    const registration: RegisterDocumentV1 = {
      objectName,
      contentType: 'application/pdf',
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    };
    const document = await as(() => rpc.request(RegisterDocument, registration));
    return { objectName, documentId: document.documentId };
  }
  /** What a gateway killed in the middle of a write leaves: chunks no object names. */
  async function unfinishedWrite(): Promise<{ subject: string; left: () => Promise<boolean> }> {
    const bucket = documentsBucket(own.SP_NAMESPACE);
    const subject = `$O.${bucket}.C.${randomUUID().replaceAll('-', '')}`;
    const nc = await connect({ servers: env.NATS_URL.split(',') });
    await jetstream(nc).publish(subject, aPdf(1000));
    const left = async () => {
      const info = await (
        await jetstreamManager(nc)
      ).streams.info(`OBJ_${bucket}`, { subjects_filter: subject });
      return Object.keys(info.state.subjects ?? {}).includes(subject);
    };
    connections.push(nc);
    return { subject, left };
  }
  const connections: { close(): Promise<void> }[] = [];
  const objectNames = async () => new Set((await store.list()).map((object) => object.name));
  const rowOf = (documentId: string) =>
    queryServiceDb(
      ['intake'],
      'SELECT id FROM documents WHERE id = $1',
      [documentId],
      own.DB_PREFIX,
    );

  beforeAll(async () => {
    intake = await ServiceProcess.start('intake', {
      ...own,
      DEMO_SEED: 'true',
      DOCUMENT_ABANDONED_AFTER_SECONDS: '2',
      DOCUMENT_SWEEP_INTERVAL_SECONDS: '1',
    });
    rpc = new RpcClient({
      url: env.NATS_URL,
      namespace: own.SP_NAMESPACE,
      timeoutMs: 10_000,
      name: 'document-sweeper-test',
    });
    store = new JetStreamDocumentStore({
      natsUrl: env.NATS_URL,
      namespace: own.SP_NAMESPACE,
      connectionName: 'document-sweeper-test',
    });
  });

  afterAll(async () => {
    await Promise.all(connections.map((nc) => nc.close()));
    await store?.close();
    if (rpc) await rpc.onApplicationShutdown();
    await intake?.stop();
    await deleteNamespaceStreams(env.NATS_URL, own.SP_NAMESPACE);
  });

  it('removes documents never attached, bytes never registered or never finished, and keeps attached ones', async () => {
    const attached = await stored(true);
    const receipt = await as(() =>
      rpc.request(SubmitApplication, {
        ...anApplication({ serviceCode: 'DUKCAPIL-KK' }),
        documents: [{ requirement: 'F1_02', documentId: attached.documentId! }],
      }),
    );
    expect(receipt.status).toBe('SUBMITTED');
    // Stored after the attached one: the sweep that takes them finds the attached one old enough.
    const abandoned = await stored(true);
    const unregistered = await stored(false);
    const unfinished = await unfinishedWrite();
    expect(await unfinished.left()).toBe(true);

    await eventually(async () => {
      const names = await objectNames();
      expect(names.has(abandoned.objectName)).toBe(false);
      expect(names.has(unregistered.objectName)).toBe(false);
      expect(await rowOf(abandoned.documentId!)).toEqual([]);
    }, 20_000);
    expect((await objectNames()).has(attached.objectName)).toBe(true);
    expect(await rowOf(attached.documentId!)).toEqual([{ id: attached.documentId }]);
  });
});
