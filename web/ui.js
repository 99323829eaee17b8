// Pieces every page uses: a BSN field with a live elfproef check, a message area that
// screen readers announce, and a form handler that shows the API's refusal with its rule.
import { h, uid, veld } from './dom.js';
import { bsnStatus } from './bsn.js';
import { uitleg } from './api.js';

// Returns {el, input, ok()}: the field and whether its value passes the elfproef.
export function bsnVeld(label, name = 'bsn', required = true) {
  const statusId = uid('bsn-status');
  const input = h('input', {
    name, type: 'text', inputmode: 'numeric', autocomplete: 'off', maxlength: '9',
    pattern: '[0-9]{8,9}', required, 'aria-describedby': statusId, spellcheck: 'false',
  });
  const status = h('p', { id: statusId, class: 'bsn-status', 'aria-live': 'polite' });
  const check = () => {
    const s = bsnStatus(input.value);
    const leeg = input.value.trim() === '';
    status.textContent = leeg && !required ? 'Niet verplicht.' : s.tekst;
    status.className = `bsn-status ${s.ok ? 'goed' : leeg ? '' : 'fout'}`;
    if (!leeg && !s.ok) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
    return s.ok || (leeg && !required);
  };
  input.addEventListener('input', check);
  check();
  const el = veld(label, input);
  el.append(status);
  return { el, input, ok: check };
}

// A region for the result of an action: role=status for success, role=alert for refusals.
export function melding() {
  const el = h('div', { class: 'melding', 'aria-live': 'polite' });
  return {
    el,
    goed(...lines) {
      el.className = 'melding goed';
      el.setAttribute('role', 'status');
      el.replaceChildren(...lines.map((l) => h('p', {}, l)));
    },
    fout(err) {
      el.className = 'melding fout';
      el.setAttribute('role', 'alert');
      const lines = typeof err === 'string' ? [err] : uitleg(err);
      el.replaceChildren(...lines.map((l) => h('p', {}, l)));
    },
    leeg() {
      el.className = 'melding';
      el.removeAttribute('role');
      el.replaceChildren();
    },
  };
}

// A form whose submit runs `action(form)`; the button is disabled meanwhile, and an error
// is shown in `msg` with the rule that refused.
export function formulier(attrs, children, msg, action) {
  const form = h('form', { novalidate: true, ...attrs }, children);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const button = form.querySelector('button[type=submit]');
    if (button) button.disabled = true;
    msg.leeg();
    try {
      await action(form);
    } catch (err) {
      msg.fout(err);
    } finally {
      if (button) button.disabled = false;
    }
  });
  return form;
}

export function knop(text, attrs = {}) {
  return h('button', { type: 'submit', class: 'knop', ...attrs }, text);
}

// Previous/next for a paginated list of the API ({pagina, paginaGrootte, totaal}).
export function paginering(page, go) {
  const laatste = Math.max(1, Math.ceil(page.totaal / page.paginaGrootte));
  return h('nav', { class: 'paginering', 'aria-label': 'Pagina’s' },
    h('button', { type: 'button', class: 'knop licht', disabled: page.pagina <= 1, onclick: () => go(page.pagina - 1) }, 'Vorige'),
    h('span', {}, `Pagina ${page.pagina} van ${laatste} (${page.totaal} in totaal)`),
    h('button', { type: 'button', class: 'knop licht', disabled: page.pagina >= laatste, onclick: () => go(page.pagina + 1) }, 'Volgende'));
}

export function leeg(text) {
  return h('p', { class: 'leeg' }, text);
}
