import type { SkmReportV1 } from '@satupintu/contracts';
import { skmPeriodOf } from '@satupintu/domain';
import { parse, type ParserError } from 'parse5';
import { assembleIndex } from './skm-index';
import { escapeHtml, skmReportHtml } from './skm-report-html';

describe('escapeHtml', () => {
  it('leaves no character that could end a text or an attribute', () => {
    expect(escapeHtml(`<script>"a" & 'b'</script>`)).toBe(
      '&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;',
    );
  });
});

describe('skmReportHtml', () => {
  const period = skmPeriodOf('quarter', '2026-05-01');
  const index = assembleIndex(
    period,
    {
      start: period.start,
      respondents: 2,
      population: 0,
      suggestions: 0,
      answered: [2, 2, 2, 2, 2, 2, 2, 2, 0],
      nrr: [4, 4, 3, 4, 4, 4, 4, 3, null],
      ikm: null,
      profile: { sex: {}, ageBand: {}, education: {}, occupation: {} },
    },
    { agencyCode: 'PUPR' },
    'EXACT',
    'Asia/Jakarta',
  );
  const report: SkmReportV1 = {
    language: 'id',
    index,
    trend: [index],
    followUpPlan: {
      items: [
        {
          id: '8d1c3f6e-2b7a-4e59-9c0d-5a4b3c2d1e0f',
          element: 'U3',
          activity: 'Antar <dokumen> ke rumah',
          plannedQuarters: ['II', 'III'],
          responsibleUnit: 'Bidang Pelayanan & Pengaduan',
          status: 'IN_PROGRESS',
          evidence: { text: 'SK No. 12/2026', links: [] },
          version: 1,
        },
      ],
      forum: {
        date: '2026-04-20',
        participants: [{ name: 'DPMPTSP' }, { name: 'Kadin "Kota"', affiliation: 'Kadin' }],
        minutes: 'Disepakati.',
      },
    },
    generatedAt: '2026-07-01T00:00:00.000Z',
  };
  const charts = { trendSvg: '<svg></svg>', elementsSvg: '<svg></svg>' };

  it('prints the follow-up plan and its forum, escaped, in a page that parses without error', () => {
    const html = skmReportHtml(report, charts);
    const errors: ParserError[] = [];
    parse(html, { onParseError: (error) => errors.push(error) });
    expect(errors).toEqual([]);
    expect(html).toContain('<td>Antar &lt;dokumen&gt; ke rumah</td>');
    expect(html).toContain('<td>TW II, TW III</td>');
    expect(html).toContain('<td>Bidang Pelayanan &amp; Pengaduan</td>');
    expect(html).toContain('<td>Berjalan</td>');
    expect(html).toContain('<dd>DPMPTSP, Kadin &quot;Kota&quot; (Kadin)</dd>');
  });

  it('says there is no index when an element was answered by nobody, and names it', () => {
    const html = skmReportHtml({ ...report, language: 'en' }, charts);
    expect(html).toContain('No index: an element was answered by nobody: U9');
    expect(html).not.toContain('id="ikm"');
  });
});
