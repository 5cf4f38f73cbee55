import { createHmac } from "node:crypto";

/** The signature header Postproxy sends with `body`, signed with the endpoint's secret at `at`. */
export const signWebhook = (secret: string, body: string, at = Math.floor(Date.now() / 1000)) =>
  `t=${at},v1=${createHmac("sha256", secret).update(`${at}.${body}`).digest("hex")}`;
