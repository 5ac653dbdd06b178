CREATE TABLE `entity_edition_settings` (
	`entity_id` text NOT NULL,
	`edition_id` text NOT NULL,
	`internal_deadline_at` integer,
	`extra_requirements` text,
	`updated_at` integer,
	PRIMARY KEY(`entity_id`, `edition_id`),
	FOREIGN KEY (`entity_id`) REFERENCES `nominating_entities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `applications` ADD `returned_at` integer;--> statement-breakpoint
ALTER TABLE `applications` ADD `declined_at` integer;--> statement-breakpoint
ALTER TABLE `applications` ADD `withdrawn_at` integer;--> statement-breakpoint
ALTER TABLE `applications` ADD `screened_at` integer;--> statement-breakpoint
ALTER TABLE `jury_members` ADD `gender` text;--> statement-breakpoint
ALTER TABLE `reviews` ADD `recused_at` integer;--> statement-breakpoint
ALTER TABLE `reviews` ADD `recuse_reason` text;