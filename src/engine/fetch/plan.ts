/**
 * @module
 * What to download for a source: its official download, with the addresses and format the
 * configuration overrides.
 */
import { basename } from 'node:path';
import {
  EmbargoError,
  ERROR_CODES,
  sourceFormats,
  type DownloadFile,
  type ListSource,
  type SourceFormat,
} from '../../core/index.ts';
import type { SourceConfig } from '../config.ts';

/** The files to fetch for one source, and the settings to fetch them with. */
export interface DownloadPlan {
  source: ListSource;
  format: SourceFormat;
  files: DownloadFile[];
  settings: SourceConfig;
}

/**
 * The plan of a source, or undefined when it has neither an official download nor configured
 * addresses. A configuration that does not fit the source's formats is a USAGE error naming the
 * field.
 */
export function downloadPlan(source: ListSource, settings: SourceConfig): DownloadPlan | undefined {
  const at = `sources.${source.id}`;
  const fail = (field: string, problem: string): never => {
    throw new EmbargoError(ERROR_CODES.USAGE, `configuration: ${field}: ${problem}`, { field });
  };
  const configured = Object.keys(settings.urls).length > 0;
  const formatId =
    settings.formatId ?? source.download?.formatId ?? (configured ? source.formatId : undefined);
  if (!formatId) return undefined;
  const formats = sourceFormats(source);
  const format = formats.find((f) => f.formatId === formatId);
  if (!format)
    return fail(
      settings.formatId ? `${at}.formatId` : `${at}`,
      `${source.id} has no format "${formatId}" (formats: ${formats.map((f) => f.formatId).join(', ')})`,
    );
  const official = source.download?.formatId === formatId ? source.download.files : [];
  const byRole = new Map(official.map((f) => [f.role, f]));
  for (const [role, url] of Object.entries(settings.urls)) {
    const spec = format.files.find((s) => s.role === role);
    if (!spec)
      fail(
        `${at}.urls.${role}`,
        `the ${formatId} format of ${source.id} has no role "${role}" (roles: ${format.files.map((s) => s.role).join(', ')})`,
      );
    const fromUrl = basename(new URL(url).pathname);
    const name = spec!.pattern.test(fromUrl)
      ? fromUrl
      : (byRole.get(role)?.name ?? literalName(spec!.pattern));
    if (!name || !spec!.pattern.test(name))
      fail(
        `${at}.urls.${role}`,
        `cannot name the file: "${fromUrl}" does not fit ${spec!.pattern.source}`,
      );
    byRole.set(role, { role, url, name: name! });
  }
  const missing = format.files.filter((s) => s.required && !byRole.has(s.role)).map((s) => s.role);
  if (missing.length)
    fail(
      `${at}.urls`,
      `no address for the required role${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of the ${formatId} format`,
    );
  return { source, format, files: [...byRole.values()], settings };
}

/** The file name a pattern such as `^sdn\.csv$` matches, when it matches only one. */
function literalName(pattern: RegExp): string | undefined {
  const m = /^\^((?:[^\\^$.|?*+()[\]{}]|\\.)+)\$$/.exec(pattern.source);
  return m ? m[1]!.replace(/\\(.)/g, '$1') : undefined;
}
