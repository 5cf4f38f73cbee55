import { seededRandom } from "../core/prng";

/** TikTok-style 19-digit ids, derived from the platform post id so reruns look alike. */
export function publicIdFor(platformPostId: string): string {
  const random = seededRandom(platformPostId, "public-id");
  let id = "7";
  for (let i = 0; i < 18; i++) id += Math.floor(random() * 10);
  return id;
}
