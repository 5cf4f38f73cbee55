ALTER TABLE "post_stat_states" ADD COLUMN "latest_recorded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "post_stat_states" ADD COLUMN "latest_impressions" bigint;--> statement-breakpoint
ALTER TABLE "post_stat_states" ADD COLUMN "latest_likes" bigint;--> statement-breakpoint
ALTER TABLE "post_stat_states" ADD COLUMN "latest_comments" bigint;--> statement-breakpoint
ALTER TABLE "post_stat_states" ADD COLUMN "latest_shares" bigint;--> statement-breakpoint
ALTER TABLE "post_stat_states" ADD COLUMN "week_engagement" bigint;--> statement-breakpoint
INSERT INTO "post_stat_states" ("post_target_id", "workspace_id", "latest_recorded_at", "latest_impressions", "latest_likes", "latest_comments", "latest_shares", "week_engagement")
SELECT t."id", t."workspace_id", l."recorded_at", l."impressions", l."likes", l."comments", l."shares",
  (SELECT coalesce(w."likes", 0) + coalesce(w."comments", 0) + coalesce(w."shares", 0)
   FROM "post_stat_snapshots" w
   WHERE w."post_target_id" = t."id" AND w."recorded_at" <= t."published_at" + interval '7 days'
   ORDER BY w."recorded_at" DESC LIMIT 1)
FROM "post_targets" t
CROSS JOIN LATERAL (
  SELECT s."recorded_at", s."impressions", s."likes", s."comments", s."shares"
  FROM "post_stat_snapshots" s WHERE s."post_target_id" = t."id"
  ORDER BY s."recorded_at" DESC LIMIT 1
) l
ON CONFLICT ("post_target_id") DO UPDATE SET
  "latest_recorded_at" = excluded."latest_recorded_at",
  "latest_impressions" = excluded."latest_impressions",
  "latest_likes" = excluded."latest_likes",
  "latest_comments" = excluded."latest_comments",
  "latest_shares" = excluded."latest_shares",
  "week_engagement" = excluded."week_engagement";
