import { buildLicenseStatusBody } from '@satupintu/domain';
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeOss, receiveNibToken } from './fake-oss';
import { demoNibExample } from './oss-pia';

const body = JSON.stringify(
  buildLicenseStatusBody({
    permit: { nib: '8120207730001', idIzin: 'I-202111181604410530001', kdIzin: '033000000001' },
    kdInstansi: '001',
    kdStatus: '10',
    at: new Date('2026-12-03T03:04:05Z'),
    timeZone: 'Asia/Jakarta',
  }),
);

const post = async (oss: FakeOss, method: string, text: string, userKey = 'key-1') => {
  const response = await fetch(`${oss.baseUrl()}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', user_key: userKey },
    body: text,
  });
  return {
    status: response.status,
    json: (await response.json()) as Record<string, { kode: number; keterangan: string }>,
  };
};

describe('fake OSS', () => {
  let oss: FakeOss;
  beforeEach(async () => {
    oss = await new FakeOss('key-1').start();
  });
  afterEach(() => oss.stop());

  it("answers the PIA's success reply to a body as the field list has it, and records it", async () => {
    const answer = await post(oss, 'receiveLicenseStatus', body);
    expect(answer).toEqual({
      status: 200,
      json: { responreceiveLicenseStatus: { kode: 200, keterangan: 'Sukses', dataNIB: {} } },
    });
    expect(oss.statusesOf('I-202111181604410530001')).toEqual(['10']);
  });

  it('refuses a wrong user_key (401) and a body off the field list (400, naming the field)', async () => {
    expect((await post(oss, 'receiveLicenseStatus', body, 'key-2')).json).toEqual({
      responreceiveLicenseStatus: { kode: 401, keterangan: 'User Akses Tidak Valid', dataNIB: {} },
    });
    const bad = JSON.parse(body) as { IZINSTATUS: Record<string, unknown> };
    bad.IZINSTATUS.kd_status = '99';
    const refused = await post(oss, 'receiveLicenseStatus', JSON.stringify(bad));
    expect(refused.status).toBe(400);
    expect(refused.json.responreceiveLicenseStatus.keterangan).toBe(
      'Data Parameter Salah: IZINSTATUS.kd_status (not_a_code)',
    );
    expect((await post(oss, 'receiveLicense', body)).json.responreceiveLicense.kode).toBe(400);
    expect(oss.acknowledged()).toEqual([]);
  });

  it('fails as told: an HTTP 5xx, or HTTP 200 with an error kode', async () => {
    oss.mode = { kind: 'http-error', status: 503 };
    expect((await post(oss, 'receiveLicenseStatus', body)).status).toBe(503);
    oss.mode = { kind: 'pia-error', kode: 500 };
    const answer = await post(oss, 'receiveLicenseStatus', body);
    expect(answer.status).toBe(200);
    expect(answer.json.responreceiveLicenseStatus.kode).toBe(500);
    oss.mode = { kind: 'ok' };
    expect(
      (await post(oss, 'receiveLicenseStatus', body)).json.responreceiveLicenseStatus.kode,
    ).toBe(200);
    expect(oss.calls.map((c) => c.kode)).toEqual([500, 500, 200]);
  });

  it('hangs until released, then answers', async () => {
    oss.mode = { kind: 'hang', ms: 60_000 };
    const pending = post(oss, 'receiveLicenseStatus', body);
    while (oss.calls.length === 0) await new Promise((r) => setTimeout(r, 10));
    expect(oss.calls[0].kode).toBeUndefined();
    oss.release();
    expect((await pending).json.responreceiveLicenseStatus.kode).toBe(200);
  });

  it('calls receiveNIB with the body as given and the Token of its NIB and today', async () => {
    let seen: { token?: string; body?: string } = {};
    const mall = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (c: Buffer) => chunks.push(c));
      request.on('end', () => {
        seen = { token: request.headers.token as string, body: Buffer.concat(chunks).toString() };
        response.end('{"responreceiveNIB":{"status":"1","keterangan":"Berhasil menyimpan data"}}');
      });
    });
    await new Promise<void>((r) => mall.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(mall.address() as AddressInfo).port}/v1/oss/receiveNIB`;
    const at = new Date('2026-12-03T18:00:00Z');
    const payload = '{"dataNIB": {"nib": "8120207730001",}}';
    const answer = await FakeOss.sendNib(url, payload, { username: 'u', password: 'p', at });
    mall.close();
    expect(answer.status).toBe(200);
    expect(seen.body).toBe(payload);
    // 01:00 on 4 December in Jakarta: the date of the Token is the 4th.
    expect(seen.token).toBe(receiveNibToken('u', 'p', '8120207730001', at));
    expect(receiveNibToken('u', 'p', '8120207730001', at)).toBe(
      // sha1("up812020773000120261204")
      createHash('sha1').update('up812020773000120261204').digest('hex'),
    );
  });

  it('is told what to do over HTTP in a demo, and forwards a receiveNIB body as it is', async () => {
    let forwarded = '';
    const mall = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (c: Buffer) => chunks.push(c));
      request.on('end', () => {
        forwarded = Buffer.concat(chunks).toString();
        response.end('{"responreceiveNIB":{"status":"1","keterangan":"Berhasil menyimpan data"}}');
      });
    });
    await new Promise<void>((r) => mall.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(mall.address() as AddressInfo).port}/v1/oss/receiveNIB`;
    const demo = await new FakeOss('key-1', {
      control: true,
      mall: { url, username: 'u', password: 'p' },
    }).start();
    try {
      const mode = await fetch(`${demo.baseUrl()}/_fake/mode`, {
        method: 'PUT',
        body: JSON.stringify({ kind: 'pia-error', kode: 500 }),
      });
      expect(mode.status).toBe(200);
      expect(demo.mode).toEqual({ kind: 'pia-error', kode: 500 });
      const payload = '{ "dataNIB": {"nib": "8120207730001"} }';
      const sent = await fetch(`${demo.baseUrl()}/_fake/nib`, { method: 'POST', body: payload });
      expect(((await sent.json()) as { status: number }).status).toBe(200);
      expect(forwarded).toBe(payload);
      const calls = await fetch(`${demo.baseUrl()}/_fake/calls`);
      expect(await calls.json()).toEqual([]);
    } finally {
      await demo.stop();
      mall.close();
    }
  });

  it('serves the files it is given, fails them while told to, and sends the demo NIB', async () => {
    let forwarded = '';
    const mall = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (c: Buffer) => chunks.push(c));
      request.on('end', () => {
        forwarded = Buffer.concat(chunks).toString();
        response.end('{"responreceiveNIB":{"status":"1","keterangan":"Berhasil menyimpan data"}}');
      });
    });
    await new Promise<void>((r) => mall.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(mall.address() as AddressInfo).port}/v1/oss/receiveNIB`;
    const demo = await new FakeOss('key-1', {
      control: true,
      mall: { url, username: 'u', password: 'p' },
    }).start();
    try {
      const put = await fetch(`${demo.baseUrl()}/_fake/files/izin.pdf`, {
        method: 'PUT',
        body: '%PDF-1.7 signed',
      });
      const { url: fileUrl } = (await put.json()) as { url: string };
      expect(fileUrl).toBe(`${demo.baseUrl()}/files/izin.pdf`);
      demo.fileOutages = 1;
      expect((await fetch(fileUrl)).status).toBe(503);
      const file = await fetch(fileUrl);
      expect([file.status, file.headers.get('content-type'), await file.text()]).toEqual([
        200,
        'application/pdf',
        '%PDF-1.7 signed',
      ]);
      expect((await fetch(`${demo.baseUrl()}/files/other.pdf`)).status).toBe(404);
      expect(demo.fileGets).toEqual(['izin.pdf', 'izin.pdf', 'other.pdf']);

      const sent = await fetch(`${demo.baseUrl()}/_fake/nib-example`, { method: 'POST' });
      expect(((await sent.json()) as { status: number }).status).toBe(200);
      expect(JSON.parse(forwarded)).toEqual(demoNibExample());
    } finally {
      await demo.stop();
      mall.close();
    }
  });
});
