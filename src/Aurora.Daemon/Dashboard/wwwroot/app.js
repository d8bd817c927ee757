// Aurora dashboard: plain JS as ES modules, no build step, nothing from the internet. This module wires
// the page's controls; each panel is its own module (services, sparklines, logs, timeline, history,
// incident), live.js keeps it current, auth.js and api.js hold the token and talk to the daemon.

import { TOKEN_KEY, takeTokenFromUrl } from "./api.js";
import { showLogin, signIn } from "./auth.js";
import { $ } from "./dom.js";
import { search } from "./history.js";
import { loadLog } from "./logs.js";

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
  $("history-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    search($("history-q").value.trim());
  });
  $("log-service").addEventListener("change", loadLog);
  $("log-refresh").addEventListener("click", loadLog);
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
