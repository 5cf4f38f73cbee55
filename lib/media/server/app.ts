import "server-only";
import { getSessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { createMediaRoutes } from "./routes";
import { getMediaStorage } from "./storage";

type Routes = ReturnType<typeof createMediaRoutes>;
const globalForRoutes = globalThis as unknown as { postdeckMediaRoutes?: Promise<Routes> };

/** The media routes wired to the app's database, store and session (one set per process). */
export function getMediaRoutes(): Promise<Routes> {
  globalForRoutes.postdeckMediaRoutes ??= (async () => {
    const env = getEnv();
    return createMediaRoutes({
      db: await getDb(),
      storage: await getMediaStorage(),
      getUser: () => getSessionUser(),
      secret: env.NEXTAUTH_SECRET,
      ffmpegPath: env.FFMPEG_PATH,
    });
  })();
  return globalForRoutes.postdeckMediaRoutes;
}
