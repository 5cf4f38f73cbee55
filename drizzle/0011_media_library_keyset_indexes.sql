DROP INDEX "media_files_workspace_idx";--> statement-breakpoint
CREATE INDEX "media_files_workspace_name_idx" ON "media_files" USING btree ("workspace_id",lower("name"),"id");--> statement-breakpoint
CREATE INDEX "media_files_workspace_size_idx" ON "media_files" USING btree ("workspace_id","size","id");--> statement-breakpoint
CREATE INDEX "media_files_workspace_idx" ON "media_files" USING btree ("workspace_id","created_at","id");