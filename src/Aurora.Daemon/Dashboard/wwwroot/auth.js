// Signing in and out: the login card, and what a refused token does to the page.

import { TOKEN_KEY, Unauthorized, json, session } from "./api.js";
import { $ } from "./dom.js";
import { begin, setConn, stop } from "./live.js";

export function showLogin(message) {
  stop();
  $("app").hidden = true;
  $("forget").hidden = true;
  $("login").hidden = false;
  $("login-error").textContent = message || "";
  setConn("off", "not connected");
  $("token-input").focus();
}

export async function signIn(candidate) {
  session.token = candidate;
  try {
    // The list that proves the token is also the first connect's read of the services.
    const list = await json("/api/v1/services");
    const receivedAt = Date.now();
    sessionStorage.setItem(TOKEN_KEY, session.token);
    $("login").hidden = true;
    $("app").hidden = false;
    $("forget").hidden = false;
    begin(list, receivedAt);
  } catch (e) {
    sessionStorage.removeItem(TOKEN_KEY);
    showLogin(e instanceof Unauthorized ? "The daemon refused that token." : "Could not reach the daemon: " + e.message);
  }
}

// True when the error was a refused token (the login card is then shown).
export function handle(e) {
  if (e instanceof Unauthorized) {
    sessionStorage.removeItem(TOKEN_KEY);
    showLogin("The daemon refused the token (was .aurora/token replaced?). Paste the current one.");
    return true;
  }
  return false;
}
