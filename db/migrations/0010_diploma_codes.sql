CREATE TABLE `diploma_codes` (
	`code` text PRIMARY KEY NOT NULL,
	`application_id` text NOT NULL,
	`edition_id` text NOT NULL,
	`statement` text NOT NULL,
	`key_id` text NOT NULL,
	`signature` text NOT NULL,
	`created_at` integer NOT NULL,
	`revoked_at` integer,
	`revoked_by` text,
	`revoked_reason` text,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`revoked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `diploma_codes_application` ON `diploma_codes` (`application_id`);--> statement-breakpoint
CREATE INDEX `diploma_codes_edition` ON `diploma_codes` (`edition_id`);
