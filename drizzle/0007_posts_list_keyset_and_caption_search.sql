DROP INDEX "posts_workspace_status_idx";--> statement-breakpoint
ALTER TABLE "posts" ADD COLUMN "list_at" timestamp with time zone GENERATED ALWAYS AS (coalesce(scheduled_at, submitted_at, created_at)) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "posts_workspace_status_list_idx" ON "posts" USING btree ("workspace_id","status","list_at","id");--> statement-breakpoint
CREATE INDEX "posts_workspace_list_idx" ON "posts" USING btree ("workspace_id","list_at","id");--> statement-breakpoint
CREATE INDEX "posts_caption_trgm_idx" ON "posts" USING gin ("caption" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "posts_workspace_status_idx" ON "posts" USING btree ("workspace_id","status","updated_at","id");