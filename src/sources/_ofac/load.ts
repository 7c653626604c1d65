/**
 * @module
 * What every OFAC format does around its entries: the load context the mapper shares, and the
 * summary warning on "Linked To" names that resolved to no entry or to several.
 */
import type { ParseContext } from '../../core/index.ts';
import type { LoadContext, OfacFormatOptions } from './context.ts';
import type { NameIndex } from './names.ts';

/** The load context of one file of a format whose entries all live in `path`. */
export function singleFileLoad(
  o: OfacFormatOptions,
  path: string,
  names: NameIndex,
  ctx: ParseContext,
): LoadContext {
  return {
    source: o.id,
    blocking: o.blocking,
    names,
    linkStats: { missing: 0, ambiguous: 0 },
    idOf: (recordId) => `${o.id}-${recordId}`,
    paths: { primary: path },
    warn: (w) => ctx.warn(w),
  };
}

/** One warning for the "Linked To" names of the load that linked nothing. */
export function reportLinkStats(load: LoadContext, ctx: ParseContext): void {
  const { missing, ambiguous } = load.linkStats;
  if (missing || ambiguous)
    ctx.warn({
      message: `${load.paths.primary}: ${missing} "Linked To" name(s) match no entry of this load and ${ambiguous} match several; they stay in the remarks without a link`,
      file: load.paths.primary,
    });
}
