/**
 * @module
 * Is a response an HTML page (a portal's error or maintenance page, a login wall) served in
 * place of the list? Judged on the Content-Type and the first bytes, before anything is parsed.
 */

/** Why the response is not a list, or undefined when it may be one. */
export function htmlProblem(contentType: string | null, head: Buffer): string | undefined {
  const text = head
    .toString('latin1')
    .replace(/^\xEF\xBB\xBF/, '')
    .trimStart()
    .slice(0, 512)
    .toLowerCase();
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  const markup =
    text.startsWith('<!doctype html') ||
    text.startsWith('<html') ||
    /^<\?xml[^>]*>\s*(<!doctype html|<html)/.test(text) ||
    /^<(head|body|title)[\s>]/.test(text);
  if (markup) return `an HTML page${type ? ` (Content-Type ${type})` : ''}, not the list`;
  // No list is published as a web page: text/html is a portal's page whatever it starts with.
  if (type === 'text/html' || type === 'application/xhtml+xml')
    return `served as ${type}, not as the list (an error page?)`;
  return undefined;
}
