ALTER TABLE "module_version" ALTER COLUMN "content" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "module_draft" ALTER COLUMN "content" SET DATA TYPE json;