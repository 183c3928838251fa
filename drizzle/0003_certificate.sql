CREATE TABLE `certificate` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`user_id` integer NOT NULL,
	`organisation_id` integer,
	`module_slug` text NOT NULL,
	`module_version_id` integer NOT NULL,
	`attempt_id` integer,
	`issued_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`renewed_from_id` integer,
	`revoked_at` integer,
	`revoked_reason` text,
	`revoked_by` integer,
	`show_organisation` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisation`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`module_version_id`) REFERENCES `module_version`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`attempt_id`) REFERENCES `attempt`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`renewed_from_id`) REFERENCES `certificate`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`revoked_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `certificate_code_unique` ON `certificate` (`code`);--> statement-breakpoint
CREATE INDEX `certificate_user` ON `certificate` (`user_id`,`module_slug`);--> statement-breakpoint
CREATE INDEX `certificate_organisation_expiry` ON `certificate` (`organisation_id`,`expires_at`);--> statement-breakpoint
CREATE INDEX `certificate_renewed_from` ON `certificate` (`renewed_from_id`);