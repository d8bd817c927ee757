// The API client. Every request carries the bearer token in a header (never a cookie); the token comes
// from the URL fragment or the form and lives in sessionStorage only.

export const TOKEN_KEY = "aurora.token";

// The token in use (set by sign-in).
export const session = { token: null };

export class Unauthorized extends Error {}

export function takeTokenFromUrl() {
  const m = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (m) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(m[1]));
    history.replaceState(null, "", location.pathname + location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

export async function api(path, options = {}) {
  const headers = { Accept: "application/json", ...options.headers, Authorization: "Bearer " + session.token, "X-Aurora-Source": "dashboard" };
  const response = await fetch(path, { ...options, headers, cache: "no-store", credentials: "omit" });
  if (response.status === 401) {
    throw new Unauthorized("token refused");
  }
  return response;
}

export async function json(path, options) {
  const response = await api(path, options);
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const message = body && body.error ? body.error.message : response.statusText;
    const error = new Error(message);
    error.status = response.status;
    throw error;
  }
  return body;
}
