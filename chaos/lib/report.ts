import { type Fault } from './faults';

export interface RowResult {
  fault: Fault;
  acknowledged: number;
  lost: number;
  twice: number;
  /** `503×120, refused×40`, or `0`. */
  failures: string;
  /** From the end of the fault until POSTs succeed and every service is ready; unset if never. */
  recoverySeconds?: number;
  /** Got there within the bound, with no restart but the fault's own undoing. */
  withoutHelp: boolean;
  /** What the reader needs to believe the row: who restarted, what the harness did. */
  notes: string[];
}

export function rowFailed(row: RowResult): boolean {
  return row.lost > 0 || row.twice > 0 || !row.withoutHelp;
}

const bold = (text: string | number) => `**${text}**`;

/** One line a row, like the bench's: what is wrong is bold, so a failing row stands out. */
export function markdownTable(rows: readonly RowResult[], recoveryBoundS: number): string {
  const header = [
    'fault',
    'acknowledged',
    'lost',
    'processed twice',
    'non-2xx by status',
    'seconds to recover',
    'recovered without help',
    'notes',
  ];
  const lines = rows.map((row) =>
    [
      row.fault.title,
      row.acknowledged,
      row.lost > 0 ? bold(row.lost) : 0,
      row.twice > 0 ? bold(row.twice) : 0,
      row.failures,
      row.recoverySeconds === undefined
        ? bold(`> ${recoveryBoundS}`)
        : row.recoverySeconds.toFixed(1),
      row.withoutHelp ? 'yes' : bold('no'),
      row.notes.join('; ').replace(/\|/g, '\\|'),
    ].join(' | '),
  );
  return [
    `| ${header.join(' | ')} |`,
    `| --- | ---: | ---: | ---: | --- | ---: | --- | --- |`,
    ...lines.map((line) => `| ${line} |`),
  ].join('\n');
}
