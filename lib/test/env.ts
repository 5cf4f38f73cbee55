import { resetEnvForTests } from "@/lib/env";

/** The two secrets every environment needs, valid and obviously fake. */
export const testSecrets = { NEXTAUTH_SECRET: "s".repeat(40), APP_ENCRYPTION_KEY: "a".repeat(64) };

/** Sets `vars` (and the secrets) in process.env and makes getEnv() read them again. */
export function setTestEnv(vars: Record<string, string>) {
  Object.assign(process.env, { ...testSecrets, ...vars });
  resetEnvForTests();
}
