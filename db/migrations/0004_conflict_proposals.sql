PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_conflicts` (
	`id` text PRIMARY KEY NOT NULL,
	`edition_id` text NOT NULL,
	`juror_id` text NOT NULL,
	`application_id` text NOT NULL,
	`source` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`status` text DEFAULT 'confirmed' NOT NULL,
	`confirmed_by` text,
	`confirmed_at` integer,
	`dismissed_by` text,
	`dismissed_at` integer,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`juror_id`) REFERENCES `jury_members`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`confirmed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`dismissed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "conflicts_source" CHECK(source in ('declared', 'same_country', 'same_organisation', 'manual')),
	CONSTRAINT "conflicts_status" CHECK(status in ('proposed', 'confirmed', 'dismissed')),
	CONSTRAINT "conflicts_status_dates" CHECK((status = 'confirmed' or confirmed_at is null) and ((status = 'dismissed') = (dismissed_at is not null)))
);
--> statement-breakpoint
INSERT INTO `__new_conflicts`("id", "edition_id", "juror_id", "application_id", "source", "reason", "created_by", "created_at", "status", "confirmed_at") SELECT "id", "edition_id", "juror_id", "application_id", "source", "reason", "created_by", "created_at", 'confirmed', "created_at" FROM `conflicts`;--> statement-breakpoint
DROP TABLE `conflicts`;--> statement-breakpoint
ALTER TABLE `__new_conflicts` RENAME TO `conflicts`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `conflicts_juror_application_source` ON `conflicts` (`juror_id`,`application_id`,`source`);--> statement-breakpoint
CREATE INDEX `conflicts_application` ON `conflicts` (`application_id`);--> statement-breakpoint
CREATE INDEX `conflicts_edition_status` ON `conflicts` (`edition_id`,`status`);