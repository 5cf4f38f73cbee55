CREATE TABLE "post_stat_snapshots" (
	"workspace_id" uuid NOT NULL,
	"post_target_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"impressions" bigint,
	"likes" bigint,
	"comments" bigint,
	"shares" bigint,
	CONSTRAINT "post_stat_snapshots_post_target_id_recorded_at_pk" PRIMARY KEY("post_target_id","recorded_at")
);
--> statement-breakpoint
CREATE TABLE "post_stat_states" (
	"post_target_id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"fetched_at" timestamp with time zone,
	"gone_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "profile_connections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"state_hash" text NOT NULL,
	"profile_ids_before" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "profile_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"postproxy_id" text NOT NULL,
	"name" text NOT NULL,
	"removed_at" timestamp with time zone,
	"synced_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "profile_mirror_states" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"refreshed_at" timestamp with time zone,
	"attempted_at" timestamp with time zone,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "profile_stat_snapshots" (
	"workspace_id" uuid NOT NULL,
	"profile_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"follower_count" bigint,
	"following_count" bigint,
	"likes_count" bigint,
	"video_count" bigint,
	CONSTRAINT "profile_stat_snapshots_profile_id_recorded_at_pk" PRIMARY KEY("profile_id","recorded_at")
);
--> statement-breakpoint
CREATE TABLE "profiles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"postproxy_id" text NOT NULL,
	"platform" text NOT NULL,
	"name" text NOT NULL,
	"username" text,
	"avatar_url" text,
	"status" text NOT NULL,
	"expires_at" timestamp with time zone,
	"post_count" integer,
	"last_success_at" timestamp with time zone,
	"removed_at" timestamp with time zone,
	"synced_at" timestamp with time zone NOT NULL,
	"stats_fetched_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "post_stat_snapshots" ADD CONSTRAINT "post_stat_snapshots_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_stat_snapshots" ADD CONSTRAINT "post_stat_snapshots_post_target_id_post_targets_id_fk" FOREIGN KEY ("post_target_id") REFERENCES "public"."post_targets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_stat_states" ADD CONSTRAINT "post_stat_states_post_target_id_post_targets_id_fk" FOREIGN KEY ("post_target_id") REFERENCES "public"."post_targets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_stat_states" ADD CONSTRAINT "post_stat_states_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_connections" ADD CONSTRAINT "profile_connections_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_connections" ADD CONSTRAINT "profile_connections_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_connections" ADD CONSTRAINT "profile_connections_group_id_profile_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."profile_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_groups" ADD CONSTRAINT "profile_groups_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_mirror_states" ADD CONSTRAINT "profile_mirror_states_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_stat_snapshots" ADD CONSTRAINT "profile_stat_snapshots_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_stat_snapshots" ADD CONSTRAINT "profile_stat_snapshots_profile_id_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profiles" ADD CONSTRAINT "profiles_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profiles" ADD CONSTRAINT "profiles_group_id_profile_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."profile_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "post_stat_snapshots_workspace_idx" ON "post_stat_snapshots" USING btree ("workspace_id","recorded_at");--> statement-breakpoint
CREATE INDEX "post_stat_states_workspace_idx" ON "post_stat_states" USING btree ("workspace_id","fetched_at");--> statement-breakpoint
CREATE UNIQUE INDEX "profile_connections_state_idx" ON "profile_connections" USING btree ("state_hash");--> statement-breakpoint
CREATE INDEX "profile_connections_workspace_idx" ON "profile_connections" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "profile_connections_user_idx" ON "profile_connections" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "profile_connections_group_idx" ON "profile_connections" USING btree ("group_id");--> statement-breakpoint
CREATE UNIQUE INDEX "profile_groups_workspace_postproxy_idx" ON "profile_groups" USING btree ("workspace_id","postproxy_id");--> statement-breakpoint
CREATE INDEX "profile_stat_snapshots_workspace_idx" ON "profile_stat_snapshots" USING btree ("workspace_id","recorded_at");--> statement-breakpoint
CREATE UNIQUE INDEX "profiles_workspace_postproxy_idx" ON "profiles" USING btree ("workspace_id","postproxy_id");--> statement-breakpoint
CREATE INDEX "profiles_group_idx" ON "profiles" USING btree ("group_id");