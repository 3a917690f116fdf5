import type { SkmIndexV1, SkmReportV1 } from '@satupintu/contracts';
import { SKM_ELEMENT_TEXT } from '@satupintu/domain';
import { REPORT_TEXT, decimal } from './skm-report-text';

/** Text for HTML content and attribute values: the five characters that could break out. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const STYLE = `
  body { font-family: system-ui, sans-serif; margin: 2rem; color: #222; }
  h1 { font-size: 1.4rem; } h2 { font-size: 1.1rem; margin-top: 1.6rem; }
  table { border-collapse: collapse; margin: 0.5rem 0; }
  th, td { border: 1px solid #bbb; padding: 0.25rem 0.5rem; text-align: left; }
  td.n { text-align: right; font-variant-numeric: tabular-nums; }
  .warning { color: #a00; font-weight: bold; }
  figure { margin: 1rem 0; }
  @media print { body { margin: 0; } figure { break-inside: avoid; } }
`;

/** The two charts, drawn already (SVG text from Vega), inlined in the page. */
export interface ReportCharts {
  trendSvg: string;
  elementsSvg: string;
}

/**
 * The printable report: one self-contained HTML page (no script, no outside file), its figures
 * the JSON's rounded to two decimals, its charts inline SVG. Every text from data is escaped.
 */
export function skmReportHtml(report: SkmReportV1, charts: ReportCharts): string {
  const language = report.language;
  const t = REPORT_TEXT[language];
  const index = report.index;
  const n = (value: number) => decimal(value, language);
  const scope = [
    index.agencyCode ? `${t.agency} ${index.agencyCode}` : undefined,
    index.serviceCode ? `${t.service} ${index.serviceCode}` : undefined,
  ].filter(Boolean);
  const rows = index.elements
    .map(
      (score) =>
        `<tr><td>${score.element}</td><td>${escapeHtml(score.name[language])}</td>` +
        `<td class="n">${score.answered}</td>` +
        `<td class="n">${score.nrr === null ? '–' : n(score.nrr)}</td>` +
        `<td class="n">${score.nrr === null ? '–' : decimal(score.nrr * index.weight, language, 3)}</td></tr>`,
    )
    .join('\n');
  const profile = (Object.keys(t.profileFields) as (keyof typeof t.profileFields)[])
    .map(
      (field) =>
        `<tr><th scope="row">${escapeHtml(t.profileFields[field])}</th><td>` +
        Object.entries(index.profile[field])
          .map(([band, count]) => `${escapeHtml(band)}: ${count}`)
          .join(', ') +
        '</td></tr>',
    )
    .join('\n');
  const plan = report.followUpPlan;
  const planRows = plan.items
    .map(
      (item) =>
        `<tr><td>${item.element} ${escapeHtml(SKM_ELEMENT_TEXT[item.element].name[language])}</td>` +
        `<td>${escapeHtml(item.activity)}</td>` +
        `<td>${item.plannedQuarters.map((q) => `TW ${q}`).join(', ')}</td>` +
        `<td>${escapeHtml(item.responsibleUnit)}</td>` +
        `<td>${escapeHtml(t.statuses[item.status])}</td>` +
        `<td>${escapeHtml([item.evidence.text ?? '', ...item.evidence.links].filter(Boolean).join(' · '))}</td></tr>`,
    )
    .join('\n');
  const cols = t.followUpColumns;
  return `<!DOCTYPE html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(`${t.title} ${index.period.label}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(t.title)}</h1>
<p>${escapeHtml(scope.length ? scope.join(' · ') : t.mall)}<br>
${escapeHtml(t.period)}: ${escapeHtml(`${t.periodKinds[index.period.kind]} ${index.period.label}`)} (${index.period.start} – ${index.period.end}, ${escapeHtml(t.timeZone)} ${escapeHtml(index.timeZone)})<br>
${escapeHtml(t.weightRule)}: ${escapeHtml(t.weightRules[index.weightRule])}</p>
${headline(index, report)}
<h2>${escapeHtml(t.elementScores)}</h2>
<table>
<thead><tr><th>${escapeHtml(t.code)}</th><th>${escapeHtml(t.element)}</th><th>${escapeHtml(t.answered)}</th><th>${escapeHtml(t.nrr)}</th><th>${escapeHtml(t.nrrWeighted)}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<p>${escapeHtml(t.weakest)}: ${index.weakestFirst.join(', ')}</p>
<figure>${charts.elementsSvg}</figure>
<h2>${escapeHtml(t.trend)}</h2>
<table>
<thead><tr><th>${escapeHtml(t.period)}</th><th>${escapeHtml(t.ikm)}</th><th>${escapeHtml(t.category)}</th><th>${escapeHtml(t.respondents)}</th></tr></thead>
<tbody>
${report.trend
  .map(
    (period) =>
      `<tr><td>${escapeHtml(period.period.label)}</td><td class="n">${period.ikmRounded === null ? '–' : n(period.ikmRounded)}</td>` +
      `<td>${period.category ?? '–'}</td><td class="n">${period.respondents}</td></tr>`,
  )
  .join('\n')}
</tbody>
</table>
<figure>${charts.trendSvg}</figure>
<h2>${escapeHtml(t.profile)}</h2>
<table>
<tbody>
${profile}
</tbody>
</table>
<p>${escapeHtml(t.suggestions)}: ${index.suggestions}</p>
<h2>${escapeHtml(t.followUp)}</h2>
${
  plan.items.length
    ? `<table>
<thead><tr><th>${escapeHtml(cols.priorityElement)}</th><th>${escapeHtml(cols.programme)}</th><th>${escapeHtml(cols.quarters)}</th><th>${escapeHtml(cols.responsibleUnit)}</th><th>${escapeHtml(cols.status)}</th><th>${escapeHtml(cols.evidence)}</th></tr></thead>
<tbody>
${planRows}
</tbody>
</table>`
    : `<p>${escapeHtml(t.noFollowUp)}</p>`
}
<h2>${escapeHtml(t.forum)}</h2>
${
  plan.forum
    ? `<dl><dt>${escapeHtml(t.forumDate)}</dt><dd>${escapeHtml(plan.forum.date)}</dd>` +
      `<dt>${escapeHtml(t.forumParticipants)}</dt><dd>${escapeHtml(plan.forum.participants.map((p) => (p.affiliation ? `${p.name} (${p.affiliation})` : p.name)).join(', '))}</dd>` +
      `<dt>${escapeHtml(t.forumMinutes)}</dt><dd>${escapeHtml(plan.forum.minutes)}</dd></dl>`
    : `<p>${escapeHtml(t.noForum)}</p>`
}
<footer><p>${escapeHtml(t.generatedAt)}: ${escapeHtml(report.generatedAt)}</p></footer>
</body>
</html>
`;
}

function headline(index: SkmIndexV1, report: SkmReportV1): string {
  const language = report.language;
  const t = REPORT_TEXT[language];
  const figure =
    index.ikmRounded === null || index.categoryLabel === null
      ? `<p class="warning">${escapeHtml(t.noIndex)}: ${index.unanswered.join(', ')}</p>`
      : `<p><strong>${escapeHtml(t.ikm)}: <span id="ikm">${decimal(index.ikmRounded, language)}</span></strong> · ` +
        `${escapeHtml(t.category)}: <span id="category">${index.category}</span> (${escapeHtml(index.categoryLabel[language])})</p>`;
  return `${figure}
<table>
<tbody>
<tr><th scope="row">${escapeHtml(t.respondents)}</th><td class="n" id="respondents">${index.respondents}</td></tr>
<tr><th scope="row">${escapeHtml(t.population)}</th><td class="n" id="population">${index.population}</td></tr>
<tr><th scope="row">${escapeHtml(t.minimumSample)}</th><td class="n" id="minimum-sample">${index.minimumSample}</td></tr>
</tbody>
</table>
<p class="${index.sampleTooSmall ? 'warning' : 'ok'}">${escapeHtml(index.sampleTooSmall ? t.sampleTooSmall : t.sampleEnough)}</p>`;
}
