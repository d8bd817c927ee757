// Aurora dashboard: plain JS as ES modules, no build step, nothing from the internet. This module wires
// the page's controls; each panel is its own module (services, sparklines, logs, timeline, history,
// incident), live.js keeps them current from one read and the event stream (view.js holds the services),
// auth.js and api.js hold the token and talk to the daemon.

import { TOKEN_KEY, takeTokenFromUrl } from "./api.js";
import { showLogin, signIn } from "./auth.js";
import { $ } from "./dom.js";
import { search } from "./history.js";
import { followLog } from "./logs.js";

const SEARCH_DEBOUNCE_MS = 400;

document.addEventListener("DOMContentLoaded", () => {
  $("login-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const value = $("token-input").value.trim();
    $("token-input").value = "";
    signIn(value);
  });
  $("forget").addEventListener("click", () => {
    sessionStorage.removeItem(TOKEN_KEY);
    showLogin("");
  });
  // Searching as one types: a user's request, sent once the typing pauses (Enter sends it at once).
  let typing = null;
  $("history-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    clearTimeout(typing);
    search($("history-q").value.trim());
  });
  $("history-q").addEventListener("input", () => {
    clearTimeout(typing);
    typing = setTimeout(() => search($("history-q").value.trim()), SEARCH_DEBOUNCE_MS);
  });
  $("log-service").addEventListener("change", followLog);
  $("log-refresh").addEventListener("click", followLog);
  $("incident-close").addEventListener("click", () => {
    $("incident").hidden = true;
    $("history-q").focus();
  });
  const saved = takeTokenFromUrl();
  if (saved) {
    signIn(saved);
  } else {
    showLogin("");
  }
});
