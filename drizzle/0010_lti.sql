CREATE TABLE `lti_deep_link` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`platform_id` integer NOT NULL,
	`deployment_id` text NOT NULL,
	`return_url` text NOT NULL,
	`data` text,
	`accept_multiple` integer NOT NULL,
	`grade_passback` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`platform_id`) REFERENCES `lti_platform`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `lti_grade_target` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`platform_id` integer NOT NULL,
	`module_slug` text NOT NULL,
	`sub` text NOT NULL,
	`line_item_url` text NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`platform_id`) REFERENCES `lti_platform`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lti_grade_target_user_line` ON `lti_grade_target` (`user_id`,`module_slug`,`line_item_url`);--> statement-breakpoint
CREATE TABLE `lti_identity` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`platform_id` integer NOT NULL,
	`issuer` text NOT NULL,
	`sub` text NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`platform_id`) REFERENCES `lti_platform`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lti_identity_issuer_sub` ON `lti_identity` (`issuer`,`sub`);--> statement-breakpoint
CREATE INDEX `lti_identity_user` ON `lti_identity` (`user_id`);--> statement-breakpoint
CREATE TABLE `lti_login` (
	`state` text PRIMARY KEY NOT NULL,
	`nonce` text NOT NULL,
	`platform_id` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`platform_id`) REFERENCES `lti_platform`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `lti_nonce` (
	`platform_id` integer NOT NULL,
	`nonce` text NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`platform_id`) REFERENCES `lti_platform`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lti_nonce_platform_nonce` ON `lti_nonce` (`platform_id`,`nonce`);--> statement-breakpoint
CREATE TABLE `lti_platform` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` integer NOT NULL,
	`name` text NOT NULL,
	`issuer` text NOT NULL,
	`client_id` text NOT NULL,
	`deployment_ids` text NOT NULL,
	`auth_url` text NOT NULL,
	`token_url` text NOT NULL,
	`jwks_url` text NOT NULL,
	`known_origins` text DEFAULT '[]' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisation`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lti_platform_issuer_client` ON `lti_platform` (`issuer`,`client_id`);--> statement-breakpoint
CREATE TABLE `lti_score_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`platform_id` integer NOT NULL,
	`user_id` integer,
	`module_slug` text NOT NULL,
	`line_item_url` text NOT NULL,
	`sub` text NOT NULL,
	`score_given` integer NOT NULL,
	`score_maximum` integer NOT NULL,
	`submitted_at` integer NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`sent_at` integer,
	FOREIGN KEY (`platform_id`) REFERENCES `lti_platform`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `lti_score_outbox_due` ON `lti_score_outbox` (`status`,`next_attempt_at`);