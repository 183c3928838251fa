CREATE TABLE `module_draft` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`module_slug` text NOT NULL,
	`organisation_id` integer NOT NULL,
	`scope` text DEFAULT 'organisation' NOT NULL,
	`content` text NOT NULL,
	`revision` integer DEFAULT 1 NOT NULL,
	`based_on_version_id` integer,
	`created_by` integer,
	`updated_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`published_hash` text,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisation`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`based_on_version_id`) REFERENCES `module_version`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`updated_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `module_draft_module_slug_unique` ON `module_draft` (`module_slug`);--> statement-breakpoint
CREATE INDEX `module_draft_organisation` ON `module_draft` (`organisation_id`);--> statement-breakpoint
ALTER TABLE `user` ADD `is_platform_trainer` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `module_version` ADD `changes` text;--> statement-breakpoint
ALTER TABLE `module_version` ADD `published_by` integer;