import { createReadStream, createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";

/** Seconds a plain copy of `file` takes on its own disk: the baseline an upload is read against. */
export async function diskCopySeconds(file: string): Promise<number> {
  const copy = path.join(path.dirname(file), "copy.bin");
  const started = performance.now();
  await pipeline(createReadStream(file), createWriteStream(copy));
  const seconds = (performance.now() - started) / 1000;
  await rm(copy);
  return seconds;
}
