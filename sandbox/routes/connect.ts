import type { SandboxContext } from "../core/context";
import type { App } from "../http/app-env";
import { approveSession, denySession, openSession, redirectWith } from "../connect/sessions";
import type { ConnectSessionRecord } from "../store/types";
import { escapeHtml, page } from "./html";

/** The simulated OAuth consent screen behind initialize_connection's `url`. */
export function registerConnectRoutes(app: App, ctx: SandboxContext): void {
  app.get("/__sandbox/connect/:sid", (c) => {
    const session = openSession(ctx, c.req.param("sid"));
    if (!session)
      return c.html(
        page("Link expired", "<h1>This connection link has expired or was used</h1>"),
        410,
      );
    return c.html(consentPage(ctx, session));
  });

  app.post("/__sandbox/connect/:sid", async (c) => {
    const session = openSession(ctx, c.req.param("sid"));
    if (!session)
      return c.html(
        page("Link expired", "<h1>This connection link has expired or was used</h1>"),
        410,
      );
    const form = await c.req.parseBody();
    const field = (name: string) =>
      typeof form[name] === "string" ? (form[name] as string) : undefined;
    if (field("decision") !== "approve") {
      denySession(ctx, session);
      ctx.store.markDirty();
      return c.redirect(
        redirectWith(session.redirectUrl, {
          error: "access_denied",
          error_description: "The user denied the request",
          platform: session.platform,
        }),
        302,
      );
    }
    const account = field("account");
    const profile = approveSession(ctx, session, {
      profileId: account && account !== "new" ? account : undefined,
      username: field("username"),
    });
    ctx.store.markDirty();
    return c.redirect(
      redirectWith(session.redirectUrl, {
        status: "success",
        platform: profile.platform,
        profile_id: profile.id,
      }),
      302,
    );
  });
}

function consentPage(ctx: SandboxContext, session: ConnectSessionRecord): string {
  const group = ctx.store.group(session.groupId);
  const existing = ctx.store
    .profilesOf(session.groupId)
    .filter((p) => p.platform === session.platform);
  const preferred = existing.find((p) => p.status !== "active") ?? existing[0];
  const options = [
    ...existing.map(
      (p) =>
        `<option value="${escapeHtml(p.id)}"${p === preferred ? " selected" : ""}>Reconnect ${escapeHtml(p.name)} (${p.status})</option>`,
    ),
    `<option value="new"${preferred ? "" : " selected"}>Connect a new account</option>`,
  ].join("");
  const network = escapeHtml(session.platform);
  return page(
    `Connect ${session.platform}`,
    `<div class="card">
<h1>Postproxy Sandbox wants to access your ${network} account</h1>
<p>Profile group: <strong>${escapeHtml(group?.name ?? session.groupId)}</strong>. This page stands in for ${network}'s OAuth consent screen.</p>
<form method="post">
  <label>Account <select name="account">${options}</select></label>
  <label>Username for a new account <input name="username" placeholder="brand_handle"></label>
  <p>
    <button class="primary" type="submit" name="decision" value="approve">Approve</button>
    <button type="submit" name="decision" value="deny">Deny</button>
  </p>
</form>
</div>`,
  );
}
