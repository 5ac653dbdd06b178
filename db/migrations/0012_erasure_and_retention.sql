CREATE TABLE `erasure_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`requested_at` integer NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`decided_by` text,
	`decided_at` integer,
	`decline_reason` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "erasure_requests_state" CHECK(state in ('pending', 'erased', 'declined'))
);
--> statement-breakpoint
CREATE INDEX `erasure_requests_state` ON `erasure_requests` (`state`,`requested_at`);--> statement-breakpoint
CREATE INDEX `erasure_requests_user` ON `erasure_requests` (`user_id`);--> statement-breakpoint
CREATE TABLE `retention_settings` (
	`data_class` text PRIMARY KEY NOT NULL,
	`amount` integer NOT NULL,
	`updated_by` text,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `applications` ADD `anonymised_at` integer;