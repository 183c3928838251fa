CREATE TABLE `pending_registration` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text NOT NULL,
	`audience` text,
	`token_hash` blob NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pending_registration_token_hash_unique` ON `pending_registration` (`token_hash`);--> statement-breakpoint
CREATE INDEX `pending_registration_email` ON `pending_registration` (`email`);--> statement-breakpoint
ALTER TABLE `session` ADD `reauthenticated_at` integer;