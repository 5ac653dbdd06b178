CREATE TABLE `edition_observers` (
	`id` text PRIMARY KEY NOT NULL,
	`edition_id` text NOT NULL,
	`user_id` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`note_updated_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `edition_observers_edition_user` ON `edition_observers` (`edition_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `edition_observers_user` ON `edition_observers` (`user_id`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_invitations` (
	`id` text PRIMARY KEY NOT NULL,
	`token_hash` text NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`locale` text DEFAULT 'en' NOT NULL,
	`role` text NOT NULL,
	`entity_id` text,
	`edition_id` text,
	`is_chair` integer DEFAULT false NOT NULL,
	`juror_country` text,
	`juror_languages` text,
	`invited_by` text,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`accepted_at` integer,
	`accepted_user_id` text,
	FOREIGN KEY (`entity_id`) REFERENCES `nominating_entities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`invited_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`accepted_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "invitations_role" CHECK(role in ('nominator', 'juror', 'secretariat', 'observer')),
	CONSTRAINT "invitations_nominator_entity" CHECK(role <> 'nominator' or entity_id is not null),
	CONSTRAINT "invitations_juror_edition" CHECK(role <> 'juror' or edition_id is not null),
	CONSTRAINT "invitations_observer_edition" CHECK(role <> 'observer' or edition_id is not null),
	CONSTRAINT "invitations_locale" CHECK(locale in ('en', 'fr', 'ar'))
);
--> statement-breakpoint
INSERT INTO `__new_invitations`("id", "token_hash", "email", "name", "locale", "role", "entity_id", "edition_id", "is_chair", "juror_country", "juror_languages", "invited_by", "created_at", "expires_at", "accepted_at", "accepted_user_id") SELECT "id", "token_hash", "email", "name", "locale", "role", "entity_id", "edition_id", "is_chair", "juror_country", "juror_languages", "invited_by", "created_at", "expires_at", "accepted_at", "accepted_user_id" FROM `invitations`;--> statement-breakpoint
DROP TABLE `invitations`;--> statement-breakpoint
ALTER TABLE `__new_invitations` RENAME TO `invitations`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `invitations_token_unique` ON `invitations` (`token_hash`);