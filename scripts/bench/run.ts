import { benchCompose } from "./compose";
import { benchFirstLoad } from "./first-load";
import { benchMedia } from "./media";
import { benchPostproxy } from "./postproxy";
import { benchUpload } from "./upload";

// Each bench prints its own figures; they run one after another so they do not disturb each other.
// `npm run bench -- --only=upload` (or postproxy, compose, first-load, media) runs one of them.
const only = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length);
if (!only || only === "postproxy") await benchPostproxy();
if (!only || only === "upload") await benchUpload();
if (!only || only === "compose") await benchCompose();
if (!only || only === "first-load") await benchFirstLoad();
if (!only || only === "media") await benchMedia();
