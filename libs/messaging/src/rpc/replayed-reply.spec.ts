import { replayedReply, unwrapReply } from './replayed-reply';

describe('replayed replies', () => {
  it('unwraps a replay to the answer it repeats, and says so', () => {
    const answer = { trackingNo: 'K7M39QX2C' };
    // Through JSON, as it crosses NATS.
    const wire: unknown = JSON.parse(JSON.stringify(replayedReply(answer)));
    expect(unwrapReply(wire)).toEqual({ response: answer, replayed: true });
  });

  it.each([[{ trackingNo: 'K7M39QX2C' }], [null], ['text'], [[1, 2]], [{ 'sp:replayed': 'yes' }]])(
    'leaves any other answer as it is: %o',
    (answer) => {
      expect(unwrapReply(answer)).toEqual({ response: answer, replayed: false });
    },
  );
});
