/**
 * @module
 * Output conventions: results on stdout (text or `--json`), messages and progress on stderr,
 * progress only when stderr is a terminal.
 */
import type { Coverage, EmbargoError, ParseWarning } from '../core/index.ts';

/** Options every command takes. */
export interface CommonOptions {
  json?: boolean;
  home?: string;
  /** The database: a PostgreSQL URL or SQLite path (default $EMBARGO_DATABASE_URL, else the home's). */
  database?: string;
}

/** Writes a JSON document to stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

/** Writes a line to stderr. */
export function note(message: string): void {
  process.stderr.write(message + '\n');
}

/** Prints an error to stderr, as JSON with --json. */
export function printError(err: EmbargoError, json: boolean): void {
  if (json) process.stderr.write(JSON.stringify({ error: err.toJSON() }) + '\n');
  else {
    const where = err.file ? ` (${err.file}${err.line ? `:${err.line}` : ''})` : '';
    const msg = err.file && err.message.startsWith(err.file) ? err.message : err.message + where;
    process.stderr.write(`embargo: ${msg}\n`);
  }
}

/** One-line form of a warning. */
export function formatWarning(w: ParseWarning): string {
  const where = [w.file, w.line].filter((x) => x !== undefined).join(':');
  const prefixed = where && !(w.file && w.message.startsWith(w.file));
  return `${prefixed ? where + ': ' : ''}${w.message}${w.record ? ` [record ${w.record}]` : ''}`;
}

/** Prints up to `max` warnings to stderr and says how many more there were. */
export function printWarnings(warnings: ParseWarning[], max = 10): void {
  for (const w of warnings.slice(0, max)) note(`  warning: ${formatWarning(w)}`);
  if (warnings.length > max) note(`  … and ${warnings.length - max} more warnings (see --json)`);
}

/** A fixed-width text table. */
export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)].join('\n');
}

/** Formats an integer with thousands separators. */
export function int(n: number): string {
  return n.toLocaleString('en-US');
}

/**
 * A progress line on stderr that rewrites itself, shown only on a terminal (never in logs or CI).
 */
export function progressLine(label: string): { update(n: number): void; done(): void } {
  if (!process.stderr.isTTY) return { update: () => {}, done: () => {} };
  let last = 0;
  return {
    update(n) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      process.stderr.write(`\r${label}: ${int(n)} entities`);
    },
    done() {
      process.stderr.write('\r\x1b[2K');
    },
  };
}

/**
 * What an answer was judged on, in one line: each snapshot with its age (and STALE when older
 * than allowed), then the lists relied on that are missing.
 */
export function coverageLine(c: Coverage): string {
  const used = c.snapshots
    .map((s) => `${s.id} (${s.age_days} d${s.stale ? ', STALE' : ''})`)
    .join(', ');
  const missing = c.missing.length ? `; not loaded: ${c.missing.join(', ')}` : '';
  return `lists: ${used || 'none'}${missing}`;
}
