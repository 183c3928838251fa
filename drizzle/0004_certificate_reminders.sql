CREATE TABLE `certificate_reminder` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`certificate_id` integer NOT NULL,
	`kind` text NOT NULL,
	`sent_at` integer NOT NULL,
	FOREIGN KEY (`certificate_id`) REFERENCES `certificate`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `certificate_reminder_certificate_kind` ON `certificate_reminder` (`certificate_id`,`kind`);--> statement-breakpoint
DROP INDEX `certificate_renewed_from`;--> statement-breakpoint
CREATE UNIQUE INDEX `certificate_attempt_module` ON `certificate` (`attempt_id`,`module_slug`);--> statement-breakpoint
CREATE INDEX `certificate_expiry` ON `certificate` (`expires_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `certificate_renewed_from` ON `certificate` (`renewed_from_id`);