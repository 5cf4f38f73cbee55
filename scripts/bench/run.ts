import { benchCompose } from "./compose";
import { benchFirstLoad } from "./first-load";
import { benchPostproxy } from "./postproxy";
import { benchStats } from "./stats";
import { benchUpload } from "./upload";

// Each bench prints its own figures; they run one after another so they do not disturb each other.
// `npm run bench -- --only=upload` (or postproxy, compose, stats, first-load) runs one of them.
const only = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length);
if (!only || only === "postproxy") await benchPostproxy();
if (!only || only === "upload") await benchUpload();
if (!only || only === "compose") await benchCompose();
if (!only || only === "stats") await benchStats();
if (!only || only === "first-load") await benchFirstLoad();
