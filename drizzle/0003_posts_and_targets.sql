CREATE TYPE "public"."post_format" AS ENUM('video', 'image');--> statement-breakpoint
CREATE TYPE "public"."post_mode" AS ENUM('now', 'schedule', 'draft');--> statement-breakpoint
CREATE TYPE "public"."post_status" AS ENUM('draft', 'submitting', 'scheduled', 'publishing', 'published', 'partially_published', 'failed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."post_target_error_kind" AS ENUM('needs_edit', 'retryable', 'final');--> statement-breakpoint
CREATE TYPE "public"."post_target_status" AS ENUM('pending', 'sending', 'scheduled', 'processing', 'published', 'failed', 'cancelled');--> statement-breakpoint
CREATE TABLE "post_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"post_id" uuid NOT NULL,
	"profile_id" text NOT NULL,
	"profile_name" text NOT NULL,
	"profile_avatar_url" text,
	"status" "post_target_status" DEFAULT 'pending' NOT NULL,
	"error" text,
	"error_kind" "post_target_error_kind",
	"postproxy_post_id" text,
	"revision" integer DEFAULT 0 NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"request" jsonb,
	"sent_at" timestamp with time zone,
	"scheduled_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"platform_url" text,
	"last_synced_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "posts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_by_id" uuid,
	"status" "post_status" DEFAULT 'draft' NOT NULL,
	"caption" text DEFAULT '' NOT NULL,
	"format" "post_format",
	"settings" jsonb NOT NULL,
	"profile_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"media" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"schedule_mode" "post_mode" DEFAULT 'now' NOT NULL,
	"schedule_at" text,
	"time_zone" text DEFAULT 'UTC' NOT NULL,
	"scheduled_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "media_usages" ADD COLUMN "position" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "post_targets" ADD CONSTRAINT "post_targets_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_targets" ADD CONSTRAINT "post_targets_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "post_targets_post_profile_idx" ON "post_targets" USING btree ("post_id","profile_id");--> statement-breakpoint
CREATE INDEX "post_targets_workspace_status_idx" ON "post_targets" USING btree ("workspace_id","status");--> statement-breakpoint
CREATE INDEX "post_targets_profile_time_idx" ON "post_targets" USING btree ("workspace_id","profile_id","scheduled_at");--> statement-breakpoint
CREATE INDEX "post_targets_postproxy_post_idx" ON "post_targets" USING btree ("postproxy_post_id");--> statement-breakpoint
CREATE INDEX "posts_workspace_updated_idx" ON "posts" USING btree ("workspace_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "posts_workspace_status_idx" ON "posts" USING btree ("workspace_id","status","updated_at");--> statement-breakpoint
CREATE INDEX "posts_created_by_idx" ON "posts" USING btree ("created_by_id");--> statement-breakpoint
ALTER TABLE "media_usages" ADD CONSTRAINT "media_usages_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE cascade ON UPDATE no action;