import { createHash } from "node:crypto";
import type { ServerName } from "./cluster";

/** Direct HTTP to the cluster's proxy, optionally pinned to one server. */
export function clusterClient(baseUrl: string) {
  const pinned = (pin: ServerName | null, headers: Record<string, string> = {}) =>
    pin ? { ...headers, "x-cluster-pin": pin } : headers;

  return {
    /** next-auth's credentials sign-in, as the sign-in form posts it; the session cookie or the error. */
    async signIn(email: string, password: string, pin: ServerName | null) {
      const csrf = await fetch(`${baseUrl}/api/auth/csrf`, { headers: pinned(pin) });
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      const csrfCookie = csrf.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; ");
      const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
        method: "POST",
        redirect: "manual",
        headers: pinned(pin, {
          "content-type": "application/x-www-form-urlencoded",
          cookie: csrfCookie,
        }),
        body: new URLSearchParams({
          email,
          password,
          csrfToken,
          callbackUrl: baseUrl,
          json: "true",
        }),
      });
      const session = res.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .find((c) => c.startsWith("next-auth.session-token="));
      const target = res.headers.get("location") ?? ((await res.json()) as { url: string }).url;
      const error = new URL(target, baseUrl).searchParams.get("error");
      return { cookie: session ?? null, error };
    },

    /** The session next-auth reports for a cookie (null when signed out). */
    async session(cookie: string, pin: ServerName | null) {
      const res = await fetch(`${baseUrl}/api/auth/session`, {
        headers: pinned(pin, { cookie }),
      });
      const body = (await res.json()) as { user?: { email?: string } };
      return body.user ?? null;
    },

    /** A tus upload: create, then PATCHes and HEADs, each pinned where the check says. */
    tus(cookie: string) {
      const headers = (pin: ServerName | null, extra: Record<string, string> = {}) =>
        pinned(pin, { cookie, "Tus-Resumable": "1.0.0", ...extra });
      return {
        async create(
          pin: ServerName | null,
          meta: { workspaceId: string; filename: string; filetype: string },
          length: number,
        ) {
          const b64 = (s: string) => Buffer.from(s).toString("base64");
          const res = await fetch(`${baseUrl}/api/uploads`, {
            method: "POST",
            headers: headers(pin, {
              "Upload-Length": String(length),
              "Upload-Metadata": `workspaceId ${b64(meta.workspaceId)},filename ${b64(meta.filename)},filetype ${b64(meta.filetype)}`,
            }),
          });
          if (res.status !== 201) throw new Error(`create: ${res.status} ${await res.text()}`);
          return new URL(res.headers.get("location")!, baseUrl).toString();
        },
        async offset(pin: ServerName | null, location: string) {
          const res = await fetch(location, { method: "HEAD", headers: headers(pin) });
          if (res.status !== 200) throw new Error(`HEAD: ${res.status}`);
          return Number(res.headers.get("upload-offset"));
        },
        /** Streams `body` from `offset`; `onSent` sees the bytes sent so far (to pause or kill). */
        async patch(
          pin: ServerName | null,
          location: string,
          offset: number,
          body: Buffer,
          onSent?: (sent: number) => Promise<void> | void,
        ) {
          let sent = 0;
          const chunk = 256 * 1024;
          const stream = new ReadableStream<Uint8Array>({
            async pull(controller) {
              if (sent >= body.length) return controller.close();
              const piece = body.subarray(sent, sent + chunk);
              sent += piece.length;
              controller.enqueue(piece);
              await onSent?.(sent);
            },
          });
          const res = await fetch(location, {
            method: "PATCH",
            headers: headers(pin, {
              "Upload-Offset": String(offset),
              "Content-Type": "application/offset+octet-stream",
            }),
            body: stream,
            duplex: "half",
            redirect: "error",
          } as RequestInit);
          return {
            status: res.status,
            offset: Number(res.headers.get("upload-offset")),
            text: await res.text(),
          };
        },
      };
    },
  };
}

export const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
