/**
 * @module
 * Hash routing: `#/screen?name=…`, `#/entity/<id>`, `#/lists`, `#/trade`, `#/scenario`. The state
 * of a page lives in its hash, so Back, reload and a pasted link all land on the same view.
 */

/** Where a page is mounted and what the hash says. */
export interface Route {
  /** Path segments after `#/`, decoded: `['entity', 'un_sc-KPi.033']`. */
  path: string[];
  params: URLSearchParams;
}

/** Reads the current hash. */
export function currentRoute(): Route {
  const raw = location.hash.replace(/^#\/?/, '');
  const q = raw.indexOf('?');
  const pathPart = q < 0 ? raw : raw.slice(0, q);
  return {
    path: pathPart
      .split('/')
      .filter(Boolean)
      .map((s) => {
        try {
          return decodeURIComponent(s);
        } catch {
          return s;
        }
      }),
    params: new URLSearchParams(q < 0 ? '' : raw.slice(q + 1)),
  };
}

/** A hash for a path and its parameters (empty values dropped). */
export function href(path: string[], params: Record<string, string | undefined> = {}): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) qs.set(k, v);
  const s = qs.toString();
  return `#/${path.map(encodeURIComponent).join('/')}${s ? `?${s}` : ''}`;
}

/**
 * Goes to a hash. When the hash is already the current one (the same search submitted again),
 * `hashchange` would not fire, so the listener is called directly.
 */
export function go(hash: string, rerender: () => void): void {
  if (location.hash === hash) rerender();
  else location.hash = hash;
}
