/**
 * @module
 * The small HTML card OpenRefine shows when hovering a reconciliation candidate. Every value from
 * the lists is escaped: list data is input, not markup.
 */
import { caption, type StoredEntity } from '../../core/index.ts';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Properties shown on the card, in this order, when the entity has them. */
const SHOWN = [
  'alias',
  'birthDate',
  'birthPlace',
  'nationality',
  'country',
  'passportNumber',
  'idNumber',
  'registrationNumber',
  'imoNumber',
  'flag',
];

/** The preview card of an entity. */
export function reconcilePreview(e: StoredEntity): string {
  const rows = SHOWN.filter((p) => e.properties[p]?.length).map(
    (p) =>
      `<tr><th>${escapeHtml(p)}</th><td>${e.properties[p]!.slice(0, 5).map(escapeHtml).join('; ')}</td></tr>`,
  );
  if (e.programs.length)
    rows.push(`<tr><th>programs</th><td>${e.programs.map(escapeHtml).join(', ')}</td></tr>`);
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(caption(e))}</title></head>
<body style="font:13px sans-serif;margin:8px">
<h3 style="margin:0 0 4px">${escapeHtml(caption(e))}</h3>
<div style="color:#555">${escapeHtml(e.schema)} · ${escapeHtml(e.source)} · ${escapeHtml(e.id)}</div>
<table style="margin-top:6px;border-collapse:collapse">${rows.join('')}</table>
</body></html>`;
}

/**
 * The flyout OpenRefine's suggest box shows beside a hovered suggestion (Reconciliation API 0.2,
 * suggest `flyout_service_path`): an HTML fragment put into OpenRefine's own page, so nothing
 * but escaped text and plain tags.
 */
export function reconcileFlyout(e: StoredEntity): string {
  const facts = [
    e.properties.birthDate?.length ? `born ${e.properties.birthDate.slice(0, 3).join(', ')}` : '',
    e.properties.nationality?.length ? `nationality ${e.properties.nationality.join(', ')}` : '',
    e.programs.length ? e.programs.join(', ') : '',
  ].filter(Boolean);
  return `<div class="embargo-flyout"><strong>${escapeHtml(caption(e))}</strong><br>${escapeHtml(
    [e.schema, e.source, e.id].join(' · '),
  )}${facts.map((f) => `<br>${escapeHtml(f)}`).join('')}</div>`;
}
