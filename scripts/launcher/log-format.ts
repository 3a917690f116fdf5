/** ANSI colour codes; the launcher only ever needs these. */
export const Ansi = {
  red: 31,
  green: 32,
  yellow: 33,
  blue: 34,
  magenta: 35,
  cyan: 36,
  gray: 90,
  bold: 1,
} as const;

/** Prefix colours, red excluded: red means an error. */
const PREFIX_HUES = [Ansi.cyan, Ansi.magenta, Ansi.blue, Ansi.green, Ansi.yellow];

export function paint(text: string, code: number, enabled: boolean): string {
  return enabled ? `\u001b[${code}m${text}\u001b[0m` : text;
}

/** Colour when writing to a terminal, unless NO_COLOR asks otherwise; FORCE_COLOR wins. */
export function useColor(env: NodeJS.ProcessEnv, isTty: boolean): boolean {
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTty && env.TERM !== 'dumb';
}

/** `[intake]         `: padded so that messages of every service line up. */
export function servicePrefix(name: string, index: number, width: number, color: boolean): string {
  const hue = PREFIX_HUES[index % PREFIX_HUES.length] ?? Ansi.cyan;
  return paint(`[${name}]`, hue, color) + ' '.repeat(Math.max(width - name.length, 0));
}

const PINO_LEVELS: Record<number, string> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warn',
  50: 'error',
  60: 'fatal',
};

const LEVEL_HUES: Record<string, number> = {
  trace: Ansi.gray,
  debug: Ansi.gray,
  info: Ansi.green,
  warn: Ansi.yellow,
  error: Ansi.red,
  fatal: Ansi.red,
};

/** Fields every line has or that the prefix already says. */
const HIDDEN_FIELDS = new Set([
  'level',
  'time',
  'msg',
  'pid',
  'hostname',
  'service',
  'err',
  'stack',
]);

type LogRecord = Record<string, unknown>;

function parseRecord(line: string): LogRecord | null {
  if (!line.startsWith('{')) return null;
  try {
    const parsed: unknown = JSON.parse(line);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
    const record = parsed as LogRecord;
    return 'level' in record ? record : null;
  } catch {
    return null;
  }
}

function levelOf(value: unknown): string {
  if (typeof value === 'number') return PINO_LEVELS[value] ?? String(value);
  return typeof value === 'string' ? value : 'info';
}

function formatValue(value: unknown): string {
  if (typeof value === 'string') return /^[^\s"=]+$/.test(value) ? value : JSON.stringify(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return typeof value === 'function' || typeof value === 'symbol'
    ? typeof value
    : `${value as string}`;
}

interface ErrorShape {
  type?: unknown;
  message?: unknown;
  stack?: unknown;
}

/** pino puts a logged Error under `err`; Nest's own error lines carry a bare `stack`. */
function errorParts(record: LogRecord): { summary?: string; stack?: string } {
  const err = record.err;
  const bareStack = typeof record.stack === 'string' ? record.stack : undefined;
  if (typeof err === 'object' && err !== null) {
    const { type, message, stack } = err as ErrorShape;
    const name = typeof type === 'string' ? `${type}: ` : '';
    return {
      summary: typeof message === 'string' ? `${name}${message}` : JSON.stringify(err),
      stack: typeof stack === 'string' ? stack : bareStack,
    };
  }
  if (err !== undefined) return { summary: formatValue(err), stack: bareStack };
  return { stack: bareStack };
}

/**
 * One output line of a service, ready to print: a pino JSON line becomes
 * `[intake] info  intake ready url=http://…`, keeping every field except the ones that repeat on
 * each line; errors get their stack below. Anything else is printed unchanged after the prefix.
 */
export function formatServiceLine(line: string, prefix: string, color: boolean): string[] {
  const record = parseRecord(line);
  if (!record) return [`${prefix} ${line}`];

  const level = levelOf(record.level);
  const severe = level === 'error' || level === 'fatal';
  const hue = LEVEL_HUES[level] ?? Ansi.gray;
  const message = typeof record.msg === 'string' ? record.msg : '';
  const { summary, stack } = errorParts(record);
  const fields = Object.entries(record)
    .filter(([key, value]) => !HIDDEN_FIELDS.has(key) && value !== undefined)
    .map(([key, value]) => `${key}=${formatValue(value)}`);
  if (summary !== undefined) fields.unshift(`err=${summary}`);

  const text = [message, ...fields].filter((part) => part !== '').join(' ');
  const head = `${prefix} ${paint(level.padEnd(5), hue, color)} ${severe ? paint(text, Ansi.red, color) : text}`;
  if (!severe || stack === undefined) return [head];
  // The first stack line repeats the message already shown.
  const frames = stack
    .split('\n')
    .slice(1)
    .map((frame) => frame.trim())
    .filter(Boolean);
  return [head, ...frames.map((frame) => `${prefix}       ${paint(frame, Ansi.gray, color)}`)];
}

// eslint-disable-next-line no-control-regex -- ANSI colour codes start with ESC by definition
const ANSI_CODES = /\u001b\[\d+m/g;
/** Prefix, then `at frame (file:line)`, as Node prints stacks and formatServiceLine indents them. */
const STACK_FRAME = /^\S*?\]\S*\s+at\s/;

/**
 * The last `max` lines of a failure report, with long stack traces cut to their first frames:
 * otherwise the tail of a crash is all `at Module._load` and the error itself scrolls away.
 */
export function condenseTail(lines: readonly string[], max = 20, framesKept = 2): string[] {
  const condensed: string[] = [];
  let run = 0;
  let skipped = 0;
  let runPrefix = '';
  const flush = () => {
    if (skipped > 0)
      condensed.push(`${runPrefix}… ${skipped} more stack frame${skipped === 1 ? '' : 's'}`);
    run = 0;
    skipped = 0;
  };
  for (const line of lines) {
    if (!STACK_FRAME.test(line.replace(ANSI_CODES, ''))) {
      flush();
      condensed.push(line);
      continue;
    }
    // Prefix and indentation of the frames, so the count lines up under them.
    if (run === 0) runPrefix = /^\S*?\]\S*\s+/.exec(line)?.[0] ?? '';
    run += 1;
    if (run <= framesKept) condensed.push(line);
    else skipped += 1;
  }
  flush();
  return condensed.slice(-max);
}
