// hrgraph's GraphiQL: a sign-in box (local issuer) or a pasted token, kept in this page's
// memory only, sent by the fetcher itself in the Authorization header (raw, as AppSync wants).
(() => {
  "use strict";
  const state = { token: "", refreshToken: "", expiresAt: 0, user: "" };
  const $ = (id) => document.getElementById(id);

  function show(text) {
    $("who").textContent = text;
    $("sign-out").hidden = !state.token;
  }

  function claims(token) {
    try {
      const part = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
      return JSON.parse(atob(part));
    } catch (e) {
      return {};
    }
  }

  function take(result, user) {
    state.token = result.IdToken;
    state.expiresAt = Date.now() + (Number(result.ExpiresIn) || 3600) * 1000;
    if (result.RefreshToken) state.refreshToken = result.RefreshToken;
    const c = claims(state.token);
    state.user = user || c["cognito:username"] || c.username || c.sub || "token";
    const groups = (c["cognito:groups"] || []).join(", ");
    show(`Signed in as ${state.user}${groups ? " (" + groups + ")" : ""}.`);
  }

  async function auth(path, body) {
    const response = await fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    const data = await response.json().catch(() => ({}));
    if (!response.ok || !data.AuthenticationResult) {
      throw new Error(data.message || `sign-in refused (HTTP ${response.status})`);
    }
    return data.AuthenticationResult;
  }

  async function token() {
    const soon = Date.now() + 60 * 1000;
    if (state.token && state.refreshToken && state.expiresAt < soon) {
      try {
        take(await auth("/auth/refresh", { refreshToken: state.refreshToken }), state.user);
      } catch (e) {
        state.token = "";
        show("Your sign-in has ended: sign in again.");
      }
    }
    return state.token;
  }

  $("sign-in").addEventListener("submit", async (event) => {
    event.preventDefault();
    const form = event.target;
    show("Signing in…");
    try {
      take(await auth("/auth/login", {
        username: form.username.value.trim(),
        password: form.password.value,
      }), form.username.value.trim());
      form.password.value = "";
    } catch (e) {
      show(`Sign-in refused: ${e.message}`);
    }
  });

  $("paste-token").addEventListener("submit", (event) => {
    event.preventDefault();
    const value = event.target.token.value.trim().replace(/^Bearer\s+/i, "");
    event.target.token.value = "";
    if (!value) return;
    const c = claims(value);
    const left = c.exp ? c.exp * 1000 - Date.now() : 3600 * 1000;
    state.refreshToken = "";
    take({ IdToken: value, ExpiresIn: Math.max(0, Math.floor(left / 1000)) });
  });

  $("sign-out").addEventListener("click", () => {
    Object.assign(state, { token: "", refreshToken: "", expiresAt: 0, user: "" });
    show("Signed out: requests go without a token.");
  });

  async function fetcher(params, options) {
    const headers = { "Content-Type": "application/json", Accept: "application/json" };
    Object.assign(headers, (options && options.headers) || {});
    const current = await token();
    if (current) headers.Authorization = current;
    const response = await fetch("/graphql", {
      method: "POST",
      headers,
      body: JSON.stringify(params),
    });
    return response.json();
  }

  const root = ReactDOM.createRoot($("graphiql"));
  root.render(
    React.createElement(GraphiQL, {
      fetcher,
      defaultQuery: "# Sign in above, then run:\n{\n  me {\n    username\n    groups\n  }\n}\n",
      isHeadersEditorEnabled: true,
    }),
  );
})();
