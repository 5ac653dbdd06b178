CREATE TABLE `runoff_ballots` (
	`id` text PRIMARY KEY NOT NULL,
	`tie_break_id` text NOT NULL,
	`juror_id` text NOT NULL,
	`ranking` text NOT NULL,
	`submitted_at` integer NOT NULL,
	FOREIGN KEY (`tie_break_id`) REFERENCES `tie_breaks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`juror_id`) REFERENCES `jury_members`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `runoff_ballots_tie_break_juror` ON `runoff_ballots` (`tie_break_id`,`juror_id`);--> statement-breakpoint
CREATE TABLE `tie_breaks` (
	`id` text PRIMARY KEY NOT NULL,
	`edition_id` text NOT NULL,
	`rule` text NOT NULL,
	`seed` text NOT NULL,
	`commitment` text NOT NULL,
	`chosen_by` text NOT NULL,
	`chosen_at` integer NOT NULL,
	`cast` text,
	`cast_by` text,
	`cast_at` integer,
	`runoff` text,
	`runoff_places` integer,
	`runoff_opened_at` integer,
	`runoff_closed_at` integer,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`chosen_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cast_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "tie_breaks_rule" CHECK(rule in ('jury', 'chair', 'lottery'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tie_breaks_edition` ON `tie_breaks` (`edition_id`);--> statement-breakpoint
ALTER TABLE `decisions` ADD `minutes_tally` text;--> statement-breakpoint
-- Written by hand (drizzle-kit does not generate triggers): the committed seed never changes, and
-- the rule is fixed once the deliberation's ballot is open, whatever code writes to the table.
CREATE TRIGGER `tie_breaks_seed_fixed` BEFORE UPDATE OF `seed`, `commitment` ON `tie_breaks`
WHEN NEW.`seed` IS NOT OLD.`seed` OR NEW.`commitment` IS NOT OLD.`commitment`
BEGIN SELECT RAISE(ABORT, 'the committed tie-break seed cannot change'); END;--> statement-breakpoint
CREATE TRIGGER `tie_breaks_rule_fixed_once_open` BEFORE UPDATE OF `rule` ON `tie_breaks`
WHEN NEW.`rule` IS NOT OLD.`rule` AND EXISTS (SELECT 1 FROM `deliberations` WHERE `edition_id` = OLD.`edition_id`)
BEGIN SELECT RAISE(ABORT, 'the tie-break rule cannot change once the ballot is open'); END;
