import { codeForLog, maskTarget } from './notifier';

describe('what a notification log line shows', () => {
  it('masks a phone number to its country code, operator prefix and last three digits', () => {
    expect(maskTarget('PHONE', '+6281234567890')).toBe('+62812****890');
    expect(maskTarget('PHONE', '+62')).toBe('****');
  });

  it('masks an e-mail address to its first letter and domain', () => {
    expect(maskTarget('EMAIL', 'siti.rahayu@example.id')).toBe('s***@example.id');
  });

  it('shows the code only in development', () => {
    expect(codeForLog('123456', true)).toBe('123456');
    expect(codeForLog('123456', false)).toBe('******');
  });
});
