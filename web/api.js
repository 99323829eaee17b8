// The JSON API with the bearer token the user signed in with. The token lives in
// sessionStorage: gone when the tab closes, never in a cookie (so no CSRF), never in a URL.
const KEY = 'jeugdhulp.token';

export const token = {
  get: () => sessionStorage.getItem(KEY),
  set: (t) => sessionStorage.setItem(KEY, t),
  clear: () => sessionStorage.removeItem(KEY),
};

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
}

export async function api(method, path, body) {
  const headers = { Accept: 'application/json' };
  const t = token.get();
  if (t) headers.Authorization = `Bearer ${t}`;
  const init = { method, headers, cache: 'no-store', credentials: 'omit' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const r = await fetch(path, init);
  const text = await r.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch { data = { detail: text }; }
  }
  if (!r.ok) throw new ApiError(r.status, data);
  return data;
}

export const get = (path) => api('GET', path);
export const post = (path, body = {}) => api('POST', path, body);

// A refusal in words: what went wrong, which rule refused and on what legal ground, and
// which fields were wrong.
export function uitleg(err) {
  if (!(err instanceof ApiError)) return [`Er ging iets mis: ${err.message}`];
  const p = err.problem;
  const lines = [p.detail || p.title || `Fout ${err.status}`];
  if (p.regel) lines.push(`Regel ${p.regel}${p.grondslag ? ` (${p.grondslag})` : ''}.`);
  for (const ip of p.invalidParams || []) lines.push(`${ip.name}: ${ip.reason}`);
  return lines;
}
