import { benchCalendar } from "./calendar";
import { benchCluster } from "./cluster";
import { benchCompose } from "./compose";
import { benchFirstLoad } from "./first-load";
import { benchMedia } from "./media";
import { benchPages } from "./pages";
import { benchPostproxy } from "./postproxy";
import { benchPostsList } from "./posts-list";
import { benchStats } from "./stats";
import { benchSubmitHttp } from "./submit-http";
import { benchUpload } from "./upload";
import { benchWebhooks } from "./webhooks";

// Each bench prints its own figures; they run one after another so they do not disturb each other.
// `npm run bench -- --only=<name>` runs one of them (the names below).
const only = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length);
if (!only || only === "postproxy") await benchPostproxy();
if (!only || only === "upload") await benchUpload();
if (!only || only === "compose") await benchCompose();
if (!only || only === "submit") await benchSubmitHttp();
if (!only || only === "posts-list") await benchPostsList();
if (!only || only === "stats") await benchStats();
if (!only || only === "calendar") await benchCalendar();
if (!only || only === "first-load") await benchFirstLoad();
if (!only || only === "media") await benchMedia();
if (!only || only === "pages") await benchPages();
// The webhook receiver on PostgreSQL: only with a PostgreSQL server to create a database on.
if (
  only === "webhooks" ||
  (!only && (process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL))
)
  await benchWebhooks();
// Two app servers over PostgreSQL and S3: only with a PostgreSQL server to create a database on.
if (
  only === "cluster" ||
  (!only && (process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL))
)
  await benchCluster();
