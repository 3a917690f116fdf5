import { ossDeliveryType, ossMethodOf, ossProtocol } from './oss-protocol';

const delivery = {
  url: 'https://api-stg.oss.go.id/stg/v1/kl/rba/',
  webhookId: 'msg_1',
  eventType: ossDeliveryType('receiveLicenseStatus'),
  payload: { IZINSTATUS: { kd_status: '10' } },
  occurredAt: new Date(),
};

describe('the OSS delivery protocol', () => {
  it('posts the stored PIA body to the method under the base URL, with the user_key', () => {
    expect(ossProtocol('k-1').request(delivery)).toEqual({
      url: 'https://api-stg.oss.go.id/stg/v1/kl/rba/receiveLicenseStatus',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'SatuPintu-OSS/1',
        user_key: 'k-1',
      },
      body: '{"IZINSTATUS":{"kd_status":"10"}}',
    });
    expect(ossMethodOf('oss.receiveLicense')).toBe('receiveLicense');
    expect(() => ossMethodOf('agency.application.status-changed.v1')).toThrow();
  });

  it("takes OSS's kode, not the HTTP status, as the acknowledgement, and keeps the reply", () => {
    const protocol = ossProtocol('k-1');
    expect(
      protocol.answer(delivery, {
        status: 200,
        body: '{"responreceiveLicenseStatus":{"kode":200,"keterangan":"Sukses","dataNIB":{}}}',
      }),
    ).toEqual({ acknowledged: true, kept: '200 Sukses' });
    expect(
      protocol.answer(delivery, {
        status: 200,
        body: '{"responreceiveLicenseStatus":{"kode":500,"keterangan":"Proses Payload Data Di Sistem OSS Gagal"}}',
      }),
    ).toEqual({ acknowledged: false, kept: '500 Proses Payload Data Di Sistem OSS Gagal' });
    expect(protocol.answer(delivery, { status: 502, body: 'Bad Gateway' })).toEqual({
      acknowledged: false,
      kept: 'Bad Gateway',
    });
  });
});
