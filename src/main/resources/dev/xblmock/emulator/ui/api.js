// The control plane's JSON routes, same origin. Errors are problem+json: thrown as ApiError with code and detail.

export class ApiError extends Error {
  constructor(status, code, detail) {
    super(code ? `${status} ${code}: ${detail}` : `${status}: ${detail}`);
    this.status = status;
    this.code = code;
  }
}

export async function request(method, path, {body, headers = {}, json} = {}) {
  if (json !== undefined) {
    body = JSON.stringify(json);
    headers = {'Content-Type': 'application/json', ...headers};
  }
  const response = await fetch(path, {method, body, headers});
  if (!response.ok && response.status !== 304) {
    let problem = {};
    try { problem = await response.json(); } catch { /* not problem+json */ }
    throw new ApiError(response.status, problem.code, problem.detail || response.statusText);
  }
  return response;
}

export async function get(path) {
  return (await request('GET', path)).json();
}

/** A query string; '/' stays as is (namespaces and paths are full of them, and a query may hold them raw). */
export function query(params) {
  return Object.entries(params)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([name, value]) => `${name}=${encodeURIComponent(value).replace(/%2F/g, '/')}`)
    .join('&');
}

export const BLOB = '/_emulator/storage/blob';

export function blobUrl(namespace, name) {
  return `${BLOB}?${query({namespace, name})}`;
}
