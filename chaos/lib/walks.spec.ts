import { doneAlready } from './walks';

describe('doneAlready', () => {
  const detail = (status: string, action: string) =>
    `The case is ${status}; ${action} cannot be done from that status.`;

  it('reads a 409 naming the status the step leads to, or a later one, as the step done', () => {
    expect(
      doneAlready('COMPLETE_VERIFICATION', detail('AWAITING_PAYMENT', 'COMPLETE_VERIFICATION')),
    ).toBe(true);
    expect(doneAlready('APPROVE', detail('ISSUED', 'APPROVE'))).toBe(true);
  });

  it('does not read a 409 from an earlier status, or another problem, as done', () => {
    expect(doneAlready('APPROVE', detail('AWAITING_PAYMENT', 'APPROVE'))).toBe(false);
    expect(doneAlready('ISSUE', detail('REJECTED', 'ISSUE'))).toBe(false);
    expect(doneAlready('ISSUE', 'Case X is being handled by someone else.')).toBe(false);
  });
});
