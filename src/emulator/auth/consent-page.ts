import type { AuthorizeRequest } from "./authorize-request.ts";

export interface ConsentPageInput {
  request: AuthorizeRequest;
  appId: number;
  /** Portals the user may install into; the request's portal is preselected. */
  portalIds: number[];
  /** Where the form posts its decision. */
  action: string;
}

/**
 * HubSpot's "Connect app" screen, reduced to what a developer needs to see: the app, the
 * account, the scopes asked for, and Approve / Deny. The form re-posts the request's fields
 * so the decision is validated exactly like the original request.
 */
export function consentPage({ request, appId, portalIds, action }: ConsentPageInput): string {
  const hidden: Array<[string, string]> = [
    ["client_id", request.clientId],
    ["redirect_uri", request.redirectUri],
    ["scope", request.scopes.join(" ")],
    ["optional_scope", request.optionalScopes.join(" ")],
  ];
  if (request.state !== undefined) hidden.push(["state", request.state]);
  const options = portalIds
    .map((id) => `<option value="${id}"${id === request.portalId ? " selected" : ""}>Portal ${id}</option>`)
    .join("");
  const scopeList = (scopes: string[]): string =>
    scopes.length === 0 ? "<p>None</p>" : `<ul>${scopes.map((s) => `<li><code>${escapeHtml(s)}</code></li>`).join("")}</ul>`;
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Connect app ${appId} — HubSpot emulator</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem}button{font-size:1rem;padding:.5rem 1.5rem;margin-right:1rem}</style>
</head>
<body>
<h1>Connect app ${appId} to your HubSpot account</h1>
<p>The app will be redirected to <code>${escapeHtml(request.redirectUri)}</code>.</p>
<form method="post" action="${escapeHtml(action)}">
${hidden.map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`).join("\n")}
<p><label>Account: <select name="portal_id">${options}</select></label></p>
<h2>Required scopes</h2>
${scopeList(request.scopes)}
<h2>Optional scopes</h2>
${scopeList(request.optionalScopes)}
<p><button type="submit" name="decision" value="approve">Approve</button><button type="submit" name="decision" value="deny">Deny</button></p>
</form>
</body>
</html>`;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
