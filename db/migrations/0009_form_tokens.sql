CREATE TABLE `form_tokens` (
	`scope` text NOT NULL,
	`token` text NOT NULL,
	`claim` text NOT NULL,
	`response` text,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`scope`, `token`)
);
--> statement-breakpoint
CREATE INDEX `form_tokens_created` ON `form_tokens` (`created_at`);