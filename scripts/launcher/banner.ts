import { formatDuration } from '@satupintu/process';
import { Ansi, paint } from './log-format';

export interface BannerInput {
  /** `http://127.0.0.1:3000`, without a trailing slash. */
  gatewayUrl: string;
  serviceCount: number;
  elapsedMs: number;
  color: boolean;
  /** The demo accounts and how to get a token as each, when the demo data is loaded. */
  logins?: { who: string; curl: string }[];
}

/** A citizen applies for themself: who applies comes from the token, not the body. */
const EXAMPLE_APPLICATION = JSON.stringify({ serviceCode: 'DUKCAPIL-KK' });

/** What a newcomer needs once everything answers: where to look and two requests to try. */
export function renderBanner({
  gatewayUrl,
  serviceCount,
  elapsedMs,
  color,
  logins = [],
}: BannerInput): string {
  const bold = (text: string) => paint(text, Ansi.bold, color);
  const dim = (text: string) => paint(text, Ansi.gray, color);
  const green = (text: string) => paint(text, Ansi.green, color);
  return [
    '',
    green(`SatuPintu is ready: ${serviceCount} services in ${formatDuration(elapsedMs)}`),
    '',
    `  Gateway   ${bold(gatewayUrl)}`,
    `  API docs: ${bold(`${gatewayUrl}/docs`)}  ${dim(`(OpenAPI JSON: ${gatewayUrl}/docs-json)`)}`,
    '',
    ...(logins.length > 0
      ? [
          '  Demo accounts: get a token as each (the README lists them):',
          ...logins.flatMap(({ who, curl }) => [`    ${dim(who)}`, `      ${curl}`]),
          '',
        ]
      : []),
    "  Submit an application as a citizen (TOKEN: the access_token of a citizen's sign-in):",
    `    curl -s -X POST ${gatewayUrl}/v1/applications -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' -d '${EXAMPLE_APPLICATION}'`,
    '  Read its timeline (trackingNo is in the answer above):',
    `    curl -s -H "authorization: Bearer $TOKEN" ${gatewayUrl}/v1/applications/<trackingNo>/timeline`,
    '',
    dim('  Ctrl-C stops everything.'),
    '',
  ].join('\n');
}
