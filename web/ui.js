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
// It takes focus (tabindex -1) so that after a submit the keyboard and the screen reader
// continue at the result instead of at the top of the page (WCAG 2.4.3).
export function melding() {
  const el = h('div', { class: 'melding', 'aria-live': 'polite', tabindex: '-1' });
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
// is shown in `msg` with the rule that refused. Disabling the button loses the focus, so it
// then moves on (WCAG 2.4.3, 3.3.1): to the first field the server named in invalidParams,
// or the field the action's own check focused before it showed its error (both marked
// aria-invalid), else to the message.
export function formulier(attrs, children, msg, action) {
  const form = h('form', { novalidate: true, ...attrs }, children);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const button = form.querySelector('button[type=submit]');
    if (button) button.disabled = true;
    msg.leeg();
    for (const el of form.querySelectorAll('[data-fout]')) ongemarkeerd(el);
    let veld = null;
    let geweigerd = false;
    try {
      await action(form);
    } catch (err) {
      geweigerd = true;
      msg.fout(err);
      veld = (err?.problem?.invalidParams || [])
        .map((ip) => form.querySelector(`[name="${CSS.escape(String(ip.name))}"]`))
        .filter(Boolean).map(gemarkeerd)[0];
    } finally {
      if (button) button.disabled = false;
    }
    const nu = document.activeElement;
    const eigenCheck = !geweigerd && msg.el.classList.contains('fout') && nu !== button && form.contains(nu);
    if (veld) veld.focus();
    else if (eigenCheck) gemarkeerd(nu);
    else if (msg.el.isConnected && msg.el.hasChildNodes()) msg.el.focus();
  });
  return form;
}

// A field named by an error is aria-invalid until it is edited or the form is sent again.
function gemarkeerd(el) {
  el.setAttribute('aria-invalid', 'true');
  el.setAttribute('data-fout', '');
  // Capture: before a field's own check (bsnVeld), which may mark it again.
  el.addEventListener('input', () => ongemarkeerd(el), { once: true, capture: true });
  return el;
}

function ongemarkeerd(el) {
  if (!el.hasAttribute('data-fout')) return;
  el.removeAttribute('data-fout');
  el.removeAttribute('aria-invalid');
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
