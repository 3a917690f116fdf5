import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { newWebhookSecret, signedHeaders, webhookBody, webhookIdOf } from './signing';

describe('signing a delivery (Standard Webhooks)', () => {
  const secret = newWebhookSecret();
  const body = webhookBody({
    type: 'application.status-changed',
    occurredAt: new Date('2026-12-03T06:00:00.000Z'),
    data: { applicationId: 'a-1', status: 'APPROVED' },
  });

  it('makes secrets a receiver can use: whsec_ and 32 random bytes', () => {
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
    expect(newWebhookSecret()).not.toBe(secret);
  });

  it('wraps the event in the type, timestamp and data envelope', () => {
    expect(JSON.parse(body)).toEqual({
      type: 'application.status-changed',
      timestamp: '2026-12-03T06:00:00.000Z',
      data: { applicationId: 'a-1', status: 'APPROVED' },
    });
  });

  it('signs with each secret while a rotation overlaps: a receiver verifies with either', () => {
    const previous = newWebhookSecret();
    const headers = signedHeaders(
      [new Webhook(secret), new Webhook(previous)],
      'msg_1',
      body,
      new Date(),
    );
    expect(headers['webhook-signature']).toMatch(/^v1,\S+ v1,\S+$/);
    for (const key of [secret, previous]) {
      expect(new Webhook(key).verify(body, { ...headers })).toEqual(JSON.parse(body));
    }
    expect(() => new Webhook(newWebhookSecret()).verify(body, { ...headers })).toThrow(
      WebhookVerificationError,
    );
  });

  it('signs headers the receiver verifies with the secret', () => {
    const headers = signedHeaders(new Webhook(secret), 'msg_1', body, new Date());
    expect(headers['webhook-id']).toBe('msg_1');
    expect(headers['webhook-timestamp']).toMatch(/^\d{10}$/);
    expect(headers['webhook-signature']).toMatch(/^v1,/);
    expect(new Webhook(secret).verify(body, { ...headers })).toEqual(JSON.parse(body));
  });

  it('is refused with another secret, another body or another id', () => {
    const headers = signedHeaders(new Webhook(secret), 'msg_1', body, new Date());
    const receiver = new Webhook(secret);
    expect(() => new Webhook(newWebhookSecret()).verify(body, { ...headers })).toThrow(
      WebhookVerificationError,
    );
    expect(() => receiver.verify(body.replace('APPROVED', 'REJECTED'), { ...headers })).toThrow(
      WebhookVerificationError,
    );
    expect(() => receiver.verify(body, { ...headers, 'webhook-id': 'msg_2' })).toThrow(
      WebhookVerificationError,
    );
  });

  it('is refused by a receiver when its timestamp is stale (a replayed capture)', () => {
    const old = new Date(Date.now() - 10 * 60_000);
    const headers = signedHeaders(new Webhook(secret), 'msg_1', body, old);
    expect(() => new Webhook(secret).verify(body, { ...headers })).toThrow(/too old/);
  });

  it('gives an event the same webhook id each time', () => {
    const eventId = '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
    expect(webhookIdOf(eventId)).toBe('msg_0193a1b2c3d47e5f8a9b0c1d2e3f4a5b');
    expect(webhookIdOf(eventId)).toBe(webhookIdOf(eventId));
  });
});
