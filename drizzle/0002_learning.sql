CREATE TABLE `attempt` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`enrolment_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`step_slug` text NOT NULL,
	`kind` text DEFAULT 'assessment' NOT NULL,
	`item_ids` text NOT NULL,
	`started_at` integer NOT NULL,
	`submitted_at` integer,
	`score` real,
	`max_score` real,
	`passed` integer,
	FOREIGN KEY (`enrolment_id`) REFERENCES `enrolment`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `attempt_enrolment` ON `attempt` (`enrolment_id`,`step_slug`);--> statement-breakpoint
CREATE TABLE `enrolment` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`module_version_id` integer NOT NULL,
	`module_slug` text NOT NULL,
	`status` text DEFAULT 'in_progress' NOT NULL,
	`current_step` text,
	`steps_done` integer DEFAULT 0 NOT NULL,
	`steps_total` integer NOT NULL,
	`started_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`completed_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`module_version_id`) REFERENCES `module_version`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `enrolment_user_version` ON `enrolment` (`user_id`,`module_version_id`);--> statement-breakpoint
CREATE INDEX `enrolment_user_slug` ON `enrolment` (`user_id`,`module_slug`);--> statement-breakpoint
CREATE INDEX `enrolment_version_status` ON `enrolment` (`module_version_id`,`status`);--> statement-breakpoint
CREATE TABLE `module_version` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`module_slug` text NOT NULL,
	`version` integer NOT NULL,
	`source` text NOT NULL,
	`content_hash` text NOT NULL,
	`title` text NOT NULL,
	`organisation_id` integer,
	`content` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisation`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `module_version_slug_version` ON `module_version` (`module_slug`,`version`);--> statement-breakpoint
CREATE INDEX `module_version_slug_hash` ON `module_version` (`module_slug`,`content_hash`);--> statement-breakpoint
CREATE TABLE `response` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer,
	`enrolment_id` integer,
	`module_version_id` integer NOT NULL,
	`step_slug` text NOT NULL,
	`item_id` text NOT NULL,
	`kind` text NOT NULL,
	`attempt_id` integer,
	`answer` text NOT NULL,
	`score` real NOT NULL,
	`max_score` real NOT NULL,
	`signals_hit` text NOT NULL,
	`signals_missed` text NOT NULL,
	`is_first` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`enrolment_id`) REFERENCES `enrolment`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`module_version_id`) REFERENCES `module_version`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`attempt_id`) REFERENCES `attempt`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `response_enrolment_step` ON `response` (`enrolment_id`,`step_slug`,`item_id`);--> statement-breakpoint
CREATE INDEX `response_attempt` ON `response` (`attempt_id`);--> statement-breakpoint
CREATE INDEX `response_version_item` ON `response` (`module_version_id`,`item_id`,`is_first`);--> statement-breakpoint
CREATE INDEX `response_user` ON `response` (`user_id`);--> statement-breakpoint
CREATE TABLE `signal_mastery` (
	`user_id` integer NOT NULL,
	`signal_id` text NOT NULL,
	`seen` integer DEFAULT 0 NOT NULL,
	`correct` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `signal_id`),
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `step_progress` (
	`enrolment_id` integer NOT NULL,
	`step_slug` text NOT NULL,
	`status` text NOT NULL,
	`current_node` text,
	`score` real DEFAULT 0 NOT NULL,
	`max_score` real DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`enrolment_id`, `step_slug`),
	FOREIGN KEY (`enrolment_id`) REFERENCES `enrolment`(`id`) ON UPDATE no action ON DELETE cascade
);
