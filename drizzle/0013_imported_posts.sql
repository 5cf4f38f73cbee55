CREATE TABLE "imported_posts" (
	"workspace_id" uuid NOT NULL,
	"postproxy_post_id" text NOT NULL,
	"post_id" uuid NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "imported_posts_workspace_id_postproxy_post_id_pk" PRIMARY KEY("workspace_id","postproxy_post_id")
);
--> statement-breakpoint
ALTER TABLE "imported_posts" ADD CONSTRAINT "imported_posts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imported_posts" ADD CONSTRAINT "imported_posts_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "imported_posts_post_idx" ON "imported_posts" USING btree ("post_id");