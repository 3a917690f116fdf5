/**
 * A fake OSS RBA for a demo (`npm run fake-oss`): the in-process `FakeOss` of the tests, on
 * FAKE_OSS_PORT (3090), accepting FAKE_OSS_USER_KEY (`demo-user-key`), with its control API:
 * `GET /_fake/calls`, `PUT /_fake/mode` (`{"kind":"ok"}`, `{"kind":"http-error","status":503}`,
 * `{"kind":"pia-error","kode":500}`, `{"kind":"hang","ms":30000}`), `POST /_fake/nib`: its
 * body, byte for byte, to the mall's receiveNIB (FAKE_OSS_MALL_URL) with the Token made of
 * FAKE_OSS_USERNAME, FAKE_OSS_PASSWORD (the mall's OSS_USERNAME, OSS_PASSWORD), the body's NIB
 * and today's date in WIB; `POST /_fake/nib-example`: the PIA's example filled in for the demo
 * map, the same way; `PUT /_fake/files/<name>`: its body served at `/files/<name>` (for
 * receiveFileDS's `file_izin`).
 * Point the mall at it with OSS_BASE_URL=http://127.0.0.1:3090 OSS_USER_KEY=demo-user-key
 * OSS_FILE_HOSTS=127.0.0.1:3090.
 */
import { FakeOss } from './fake-oss';

async function main(): Promise<void> {
  const port = Number(process.env.FAKE_OSS_PORT ?? 3090);
  const userKey = process.env.FAKE_OSS_USER_KEY ?? 'demo-user-key';
  const mall = {
    url: process.env.FAKE_OSS_MALL_URL ?? 'http://127.0.0.1:3000/v1/oss/receiveNIB',
    username: process.env.FAKE_OSS_USERNAME ?? '',
    password: process.env.FAKE_OSS_PASSWORD ?? '',
  };
  const oss = await new FakeOss(userKey, { port, control: true, mall }).start(
    process.env.FAKE_OSS_HOST ?? '127.0.0.1',
  );
  process.stdout.write(
    `fake OSS on ${oss.baseUrl()} (user_key ${userKey}): POST /receiveLicenseStatus, /receiveLicense; GET /files/<name>; GET /_fake/calls, PUT /_fake/mode, POST /_fake/nib, POST /_fake/nib-example, PUT /_fake/files/<name>\n`,
  );
  const stop = () => void oss.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
