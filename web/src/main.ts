/**
 * @module
 * The analyst UI's entry: the page shell (navigation, API key), hash routing to the pages, and
 * the keyboard shortcut `/` for the screening search.
 */
import { apiKey, setApiKey } from './api.ts';
import { h, replace } from './dom.ts';
import { entityPage } from './pages/entity.ts';
import { listsPage } from './pages/lists.ts';
import { scenarioPage } from './pages/scenario.ts';
import { SEARCH_FIELD_ID, screeningPage } from './pages/screening.ts';
import { tradePage } from './pages/trade.ts';
import { currentRoute, type Route } from './router.ts';

type Page = (root: HTMLElement, route: Route, rerender: () => void) => void;

const PAGES: Record<string, { page: Page; title: string; nav?: string }> = {
  screen: { page: screeningPage, title: 'Screening', nav: 'Screening' },
  entity: { page: entityPage, title: 'Entity' },
  lists: { page: listsPage, title: 'Lists', nav: 'Lists' },
  trade: { page: tradePage, title: 'Trade check', nav: 'Trade check' },
  scenario: { page: scenarioPage, title: 'Scenario', nav: 'Scenario' },
};

const main = document.getElementById('main') as HTMLElement;
const nav = document.getElementById('nav') as HTMLElement;
const keyBox = document.getElementById('key') as HTMLElement;

function navLinks(): void {
  replace(
    nav,
    h(
      'ul',
      null,
      Object.entries(PAGES)
        .filter(([, p]) => p.nav)
        .map(([id, p]) => h('li', null, h('a', { href: `#/${id}`, 'data-page': id }, p.nav!))),
    ),
  );
}

/** The API key control: shows whether a key is set, lets the analyst paste or forget one. */
function keyControl(): void {
  const input = h('input', {
    id: 'api-key',
    type: 'password',
    autocomplete: 'off',
    placeholder: apiKey() ? 'key set for this tab' : 'none (server without auth)',
  });
  const state = h('span', { class: 'key-state' }, apiKey() ? 'key set' : 'no key');
  replace(
    keyBox,
    h(
      'details',
      { class: 'key' },
      h('summary', null, 'API key ', state),
      h(
        'form',
        {
          class: 'key-form',
          onsubmit: (e: Event) => {
            e.preventDefault();
            setApiKey(input.value);
            keyControl();
            render();
          },
        },
        h('label', { for: 'api-key' }, 'API key'),
        input,
        h('button', { type: 'submit' }, 'Use key'),
        h(
          'button',
          {
            type: 'button',
            class: 'secondary',
            onclick: () => {
              setApiKey(null);
              keyControl();
              render();
            },
          },
          'Forget',
        ),
        h(
          'small',
          { class: 'hint' },
          'Kept in this tab only (sessionStorage); sent as Authorization: ApiKey.',
        ),
      ),
    ),
  );
}

let lastPage = '';

/** Renders the page the hash names. */
function render(): void {
  const route = currentRoute();
  const id = route.path[0] && PAGES[route.path[0]] ? route.path[0] : 'screen';
  const { page, title } = PAGES[id]!;
  for (const a of nav.querySelectorAll('a'))
    if (a.dataset.page === id) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  document.title = `${title} — Embargo`;
  page(main, route, render);
  // On a move to another page, focus its heading so keyboard and screen-reader users start there;
  // a page that focused a field of its own (the search box) keeps that.
  if (id !== lastPage && !main.contains(document.activeElement))
    main.querySelector<HTMLElement>('h1')?.focus();
  lastPage = id;
}

/** `/` focuses the search from anywhere except a text field, as on most search-led tools. */
document.addEventListener('keydown', (e) => {
  if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
  const t = e.target as HTMLElement | null;
  if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
  e.preventDefault();
  const focus = () => {
    const el = document.getElementById(SEARCH_FIELD_ID) as HTMLInputElement | null;
    el?.focus();
    el?.select();
  };
  if (currentRoute().path[0] === 'screen' || !location.hash) focus();
  else {
    location.hash = '#/screen';
    setTimeout(focus, 0);
  }
});

// The skip link's `#main` would be read as a route: move the focus instead.
document.querySelector('.skip')?.addEventListener('click', (e) => {
  e.preventDefault();
  main.focus();
});

window.addEventListener('hashchange', render);
navLinks();
keyControl();
render();
