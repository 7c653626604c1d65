/**
 * Showing the answer to a form below it: a status line while it runs, the answer's view (or the
 * error) when it comes, and the reader's focus taken to the answer's heading, since it lands
 * below the form.
 */
import { errorText } from '../api.ts';
import { h, replace } from '../dom.ts';

export function showAnswer<T>(
  out: HTMLElement,
  st: HTMLElement,
  running: string,
  pending: () => Promise<T>,
  view: (answer: T) => Node,
  heading: string,
): void {
  st.textContent = running;
  replace(out);
  pending()
    .then((answer) => {
      st.textContent = '';
      replace(out, view(answer));
      const el = out.querySelector<HTMLElement>(heading);
      el?.focus({ preventScroll: true });
      el?.scrollIntoView({ block: 'start' });
    })
    .catch((err: unknown) => {
      st.textContent = '';
      replace(out, h('p', { class: 'error', role: 'alert' }, errorText(err)));
    });
}
