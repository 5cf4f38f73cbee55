CREATE TYPE "public"."alert_kind" AS ENUM('target_failed', 'target_unknown', 'target_delayed', 'profile_unhealthy_24h', 'profile_unhealthy_1h', 'post_removed');--> statement-breakpoint
CREATE TABLE "alert_email_opt_outs" (
	"workspace_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alert_email_opt_outs_workspace_id_user_id_pk" PRIMARY KEY("workspace_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "alert_reads" (
	"alert_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"read_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alert_reads_alert_id_user_id_pk" PRIMARY KEY("alert_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "alert_settings" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"slack_url_ciphertext" text,
	"slack_url_host" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"post_id" uuid NOT NULL,
	"target_id" uuid,
	"kind" "alert_kind" NOT NULL,
	"dedupe_key" text NOT NULL,
	"profile_name" text NOT NULL,
	"headline" text NOT NULL,
	"detail" text NOT NULL,
	"who_acts" text NOT NULL,
	"fix" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"email_done_at" timestamp with time zone,
	"slack_done_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text
);
--> statement-breakpoint
ALTER TABLE "alert_email_opt_outs" ADD CONSTRAINT "alert_email_opt_outs_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_email_opt_outs" ADD CONSTRAINT "alert_email_opt_outs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_reads" ADD CONSTRAINT "alert_reads_alert_id_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."alerts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_reads" ADD CONSTRAINT "alert_reads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_settings" ADD CONSTRAINT "alert_settings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_target_id_post_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."post_targets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alert_email_opt_outs_user_idx" ON "alert_email_opt_outs" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "alert_reads_user_idx" ON "alert_reads" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "alerts_workspace_dedupe_idx" ON "alerts" USING btree ("workspace_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "alerts_workspace_created_idx" ON "alerts" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "alerts_post_idx" ON "alerts" USING btree ("post_id");--> statement-breakpoint
CREATE INDEX "alerts_target_idx" ON "alerts" USING btree ("target_id");--> statement-breakpoint
CREATE INDEX "alerts_outbox_idx" ON "alerts" USING btree ("next_attempt_at") WHERE email_done_at is null or slack_done_at is null;