import { escapeHtml } from './skm-report-html';

describe('escapeHtml', () => {
  it('leaves no character that could end a text or an attribute', () => {
    expect(escapeHtml(`<script>"a" & 'b'</script>`)).toBe(
      '&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;',
    );
  });
});
