import { benchCompose } from "./compose";
import { benchFirstLoad } from "./first-load";
import { benchPages } from "./pages";
import { benchPostproxy } from "./postproxy";
import { benchPostsList } from "./posts-list";
import { benchUpload } from "./upload";

// Each bench prints its own figures; they run one after another so they do not disturb each other.
// `npm run bench -- --only=<name>` runs one of them (the names below).
const only = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length);
if (!only || only === "postproxy") await benchPostproxy();
if (!only || only === "upload") await benchUpload();
if (!only || only === "compose") await benchCompose();
if (!only || only === "posts-list") await benchPostsList();
if (!only || only === "first-load") await benchFirstLoad();
if (!only || only === "pages") await benchPages();
