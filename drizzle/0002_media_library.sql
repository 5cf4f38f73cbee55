CREATE TYPE "public"."media_kind" AS ENUM('video', 'image', 'other');--> statement-breakpoint
CREATE TYPE "public"."media_status" AS ENUM('uploading', 'ready', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."media_usage_status" AS ENUM('draft', 'scheduled', 'publishing', 'published');--> statement-breakpoint
CREATE TABLE "media_files" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"uploaded_by_id" uuid,
	"name" text NOT NULL,
	"declared_type" text DEFAULT '' NOT NULL,
	"status" "media_status" DEFAULT 'uploading' NOT NULL,
	"kind" "media_kind" NOT NULL,
	"size" bigint NOT NULL,
	"mime" text,
	"container" text,
	"duration_sec" double precision,
	"width" integer,
	"height" integer,
	"frame_rate" double precision,
	"reject_reason" text,
	"has_thumbnail" boolean DEFAULT false NOT NULL,
	"converted_from_id" uuid,
	"first_attached_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "media_usages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"media_id" uuid NOT NULL,
	"post_id" uuid NOT NULL,
	"status" "media_usage_status" DEFAULT 'draft' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "media_files" ADD CONSTRAINT "media_files_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_files" ADD CONSTRAINT "media_files_uploaded_by_id_users_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_files" ADD CONSTRAINT "media_files_converted_from_id_media_files_id_fk" FOREIGN KEY ("converted_from_id") REFERENCES "public"."media_files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_usages" ADD CONSTRAINT "media_usages_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_usages" ADD CONSTRAINT "media_usages_media_id_media_files_id_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media_files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "media_files_workspace_idx" ON "media_files" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "media_files_uploaded_by_idx" ON "media_files" USING btree ("uploaded_by_id");--> statement-breakpoint
CREATE INDEX "media_files_converted_from_idx" ON "media_files" USING btree ("converted_from_id");--> statement-breakpoint
CREATE INDEX "media_files_status_idx" ON "media_files" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "media_usages_media_post_idx" ON "media_usages" USING btree ("media_id","post_id");--> statement-breakpoint
CREATE INDEX "media_usages_workspace_idx" ON "media_usages" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "media_usages_post_idx" ON "media_usages" USING btree ("post_id");--> statement-breakpoint
CREATE INDEX "media_usages_status_idx" ON "media_usages" USING btree ("media_id","status");