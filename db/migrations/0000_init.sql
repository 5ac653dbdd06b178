CREATE TABLE `applications` (
	`id` text PRIMARY KEY NOT NULL,
	`reference` text NOT NULL,
	`edition_id` text NOT NULL,
	`applicant_id` text NOT NULL,
	`entity_id` text,
	`state` text DEFAULT 'draft' NOT NULL,
	`language` text DEFAULT 'en' NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	`organisation` text DEFAULT '' NOT NULL,
	`country` text,
	`contact_email` text,
	`content` text DEFAULT '{}' NOT NULL,
	`declarations` text DEFAULT '{}' NOT NULL,
	`nominated_content` text,
	`nominator_comment` text,
	`feedback_shared` integer DEFAULT false NOT NULL,
	`duplicate_of` text,
	`version` integer DEFAULT 1 NOT NULL,
	`sent_at` integer,
	`nominated_at` integer,
	`nominated_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`applicant_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entity_id`) REFERENCES `nominating_entities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`nominated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "applications_state" CHECK(state in ('draft', 'awaiting_nominator', 'returned', 'declined', 'withdrawn', 'nominated', 'eligible', 'ineligible', 'laureate', 'not_selected')),
	CONSTRAINT "applications_language" CHECK(language in ('en', 'fr'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `applications_reference_unique` ON `applications` (`reference`);--> statement-breakpoint
CREATE INDEX `applications_edition_state` ON `applications` (`edition_id`,`state`);--> statement-breakpoint
CREATE INDEX `applications_entity_state` ON `applications` (`entity_id`,`state`);--> statement-breakpoint
CREATE INDEX `applications_applicant` ON `applications` (`applicant_id`);--> statement-breakpoint
CREATE TABLE `archive_laureates` (
	`id` text PRIMARY KEY NOT NULL,
	`year` integer NOT NULL,
	`edition_id` text,
	`application_id` text,
	`project` text NOT NULL,
	`organisation` text,
	`country` text NOT NULL,
	`published_at` integer NOT NULL,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `archive_laureates_year` ON `archive_laureates` (`year`);--> statement-breakpoint
CREATE INDEX `archive_laureates_country` ON `archive_laureates` (`country`);--> statement-breakpoint
CREATE TABLE `assignments` (
	`id` text PRIMARY KEY NOT NULL,
	`edition_id` text NOT NULL,
	`juror_id` text NOT NULL,
	`application_id` text NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`published_at` integer,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`juror_id`) REFERENCES `jury_members`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `assignments_juror_application` ON `assignments` (`juror_id`,`application_id`);--> statement-breakpoint
CREATE INDEX `assignments_application` ON `assignments` (`application_id`);--> statement-breakpoint
CREATE INDEX `assignments_edition` ON `assignments` (`edition_id`);--> statement-breakpoint
CREATE TABLE `attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`application_id` text NOT NULL,
	`original_name` text NOT NULL,
	`mime_type` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`pages` integer,
	`sha256` text NOT NULL,
	`stored_name` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "attachments_type" CHECK(mime_type in ('application/pdf', 'image/png', 'image/jpeg'))
);
--> statement-breakpoint
CREATE INDEX `attachments_application` ON `attachments` (`application_id`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor_id` text,
	`action` text NOT NULL,
	`object_type` text NOT NULL,
	`object_id` text,
	`details` text DEFAULT '{}' NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_object` ON `audit_log` (`object_type`,`object_id`);--> statement-breakpoint
CREATE TABLE `ballots` (
	`id` text PRIMARY KEY NOT NULL,
	`deliberation_id` text NOT NULL,
	`juror_id` text NOT NULL,
	`ranking` text NOT NULL,
	`submitted_at` integer NOT NULL,
	FOREIGN KEY (`deliberation_id`) REFERENCES `deliberations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`juror_id`) REFERENCES `jury_members`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ballots_deliberation_juror` ON `ballots` (`deliberation_id`,`juror_id`);--> statement-breakpoint
CREATE TABLE `conflicts` (
	`id` text PRIMARY KEY NOT NULL,
	`edition_id` text NOT NULL,
	`juror_id` text NOT NULL,
	`application_id` text NOT NULL,
	`source` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`juror_id`) REFERENCES `jury_members`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "conflicts_source" CHECK(source in ('declared', 'same_country', 'same_organisation', 'manual'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `conflicts_juror_application_source` ON `conflicts` (`juror_id`,`application_id`,`source`);--> statement-breakpoint
CREATE INDEX `conflicts_application` ON `conflicts` (`application_id`);--> statement-breakpoint
CREATE TABLE `criteria` (
	`id` text PRIMARY KEY NOT NULL,
	`edition_id` text NOT NULL,
	`key` text NOT NULL,
	`title_en` text NOT NULL,
	`title_fr` text NOT NULL,
	`title_ar` text,
	`guidance_en` text DEFAULT '' NOT NULL,
	`guidance_fr` text DEFAULT '' NOT NULL,
	`guidance_ar` text,
	`weight` real DEFAULT 1 NOT NULL,
	`position` integer NOT NULL,
	`level_descriptors` text DEFAULT '[]' NOT NULL,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "criteria_weight" CHECK(weight > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `criteria_edition_key` ON `criteria` (`edition_id`,`key`);--> statement-breakpoint
CREATE TABLE `decisions` (
	`id` text PRIMARY KEY NOT NULL,
	`edition_id` text NOT NULL,
	`recommendation` text,
	`citations` text,
	`minutes` text,
	`recommended_by` text,
	`recommended_at` integer,
	`laureates` text,
	`decision_date` integer,
	`decided_by` text,
	`decided_at` integer,
	`snapshot` text,
	`snapshot_sha256` text,
	`announcement_at` integer,
	`announced_at` integer,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recommended_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `decisions_edition` ON `decisions` (`edition_id`);--> statement-breakpoint
CREATE TABLE `deliberations` (
	`id` text PRIMARY KEY NOT NULL,
	`edition_id` text NOT NULL,
	`shortlist` text NOT NULL,
	`opened_by` text NOT NULL,
	`opened_at` integer NOT NULL,
	`closed_at` integer,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`opened_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `deliberations_edition` ON `deliberations` (`edition_id`);--> statement-breakpoint
CREATE TABLE `editions` (
	`id` text PRIMARY KEY NOT NULL,
	`year` integer NOT NULL,
	`theme_en` text NOT NULL,
	`theme_fr` text NOT NULL,
	`theme_ar` text,
	`call_text_en` text DEFAULT '' NOT NULL,
	`call_text_fr` text DEFAULT '' NOT NULL,
	`call_text_ar` text,
	`phase` text DEFAULT 'draft' NOT NULL,
	`call_opens_at` integer NOT NULL,
	`deadline_at` integer NOT NULL,
	`scoring_opens_at` integer NOT NULL,
	`scoring_closes_at` integer NOT NULL,
	`announcement_at` integer NOT NULL,
	`laureate_count` integer DEFAULT 2 NOT NULL,
	`quota_per_entity` integer DEFAULT 3 NOT NULL,
	`reviewers_per_application` integer DEFAULT 5 NOT NULL,
	`scale_min` integer DEFAULT 1 NOT NULL,
	`scale_max` integer DEFAULT 10 NOT NULL,
	`method` text DEFAULT 'jurorBias' NOT NULL,
	`hide_scores_until_submitted` integer DEFAULT true NOT NULL,
	`reminder_days_before` integer DEFAULT 3 NOT NULL,
	`word_limits` text DEFAULT '{}' NOT NULL,
	`max_file_bytes` integer DEFAULT 10485760 NOT NULL,
	`max_total_bytes` integer DEFAULT 31457280 NOT NULL,
	`max_pdf_pages` integer DEFAULT 100 NOT NULL,
	`locked_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer,
	CONSTRAINT "editions_phase" CHECK(phase in ('draft', 'call_open', 'screening', 'scoring', 'deliberation', 'decided', 'announced', 'archived')),
	CONSTRAINT "editions_method" CHECK(method in ('mean', 'median', 'trimmedMean', 'zScore', 'jurorBias')),
	CONSTRAINT "editions_scale" CHECK(scale_min < scale_max),
	CONSTRAINT "editions_counts" CHECK(laureate_count > 0 and quota_per_entity > 0 and reviewers_per_application > 0),
	CONSTRAINT "editions_dates" CHECK(call_opens_at < deadline_at and deadline_at <= scoring_opens_at and scoring_opens_at < scoring_closes_at and scoring_closes_at <= announcement_at)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `editions_year_unique` ON `editions` (`year`);--> statement-breakpoint
CREATE TABLE `eligibility_rules` (
	`id` text PRIMARY KEY NOT NULL,
	`edition_id` text NOT NULL,
	`key` text NOT NULL,
	`text_en` text NOT NULL,
	`text_fr` text NOT NULL,
	`text_ar` text,
	`position` integer NOT NULL,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `eligibility_rules_edition_key` ON `eligibility_rules` (`edition_id`,`key`);--> statement-breakpoint
CREATE TABLE `entity_members` (
	`entity_id` text NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`entity_id`, `user_id`),
	FOREIGN KEY (`entity_id`) REFERENCES `nominating_entities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `entity_members_user` ON `entity_members` (`user_id`);--> statement-breakpoint
CREATE TABLE `invitations` (
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
	CONSTRAINT "invitations_role" CHECK(role in ('nominator', 'juror', 'secretariat')),
	CONSTRAINT "invitations_nominator_entity" CHECK(role <> 'nominator' or entity_id is not null),
	CONSTRAINT "invitations_juror_edition" CHECK(role <> 'juror' or edition_id is not null),
	CONSTRAINT "invitations_locale" CHECK(locale in ('en', 'fr', 'ar'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invitations_token_unique` ON `invitations` (`token_hash`);--> statement-breakpoint
CREATE TABLE `jury_members` (
	`id` text PRIMARY KEY NOT NULL,
	`edition_id` text NOT NULL,
	`user_id` text NOT NULL,
	`is_chair` integer DEFAULT false NOT NULL,
	`country` text,
	`languages` text DEFAULT '["en","fr"]' NOT NULL,
	`expertise` text DEFAULT '[]' NOT NULL,
	`conflicts_declared_at` integer,
	`replaced_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `jury_members_edition_user` ON `jury_members` (`edition_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `jury_members_user` ON `jury_members` (`user_id`);--> statement-breakpoint
CREATE TABLE `login_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`address` text NOT NULL,
	`succeeded` integer NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `login_attempts_email` ON `login_attempts` (`email`,`at`);--> statement-breakpoint
CREATE INDEX `login_attempts_address` ON `login_attempts` (`address`,`at`);--> statement-breakpoint
CREATE TABLE `nominating_entities` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`country` text,
	`created_at` integer NOT NULL,
	CONSTRAINT "entities_kind" CHECK(kind in ('national_commission', 'ngo')),
	CONSTRAINT "entities_country" CHECK(kind <> 'national_commission' or country is not null)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `entities_one_commission_per_country` ON `nominating_entities` (`country`) WHERE kind = 'national_commission';--> statement-breakpoint
CREATE UNIQUE INDEX `entities_name_unique` ON `nominating_entities` (`name`);--> statement-breakpoint
CREATE TABLE `nomination_letters` (
	`id` text PRIMARY KEY NOT NULL,
	`application_id` text NOT NULL,
	`entity_id` text NOT NULL,
	`uploaded_by` text NOT NULL,
	`original_name` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`sha256` text NOT NULL,
	`stored_name` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`entity_id`) REFERENCES `nominating_entities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `nomination_letters_application` ON `nomination_letters` (`application_id`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`to_address` text NOT NULL,
	`locale` text NOT NULL,
	`template` text NOT NULL,
	`subject` text NOT NULL,
	`text_body` text NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`created_at` integer NOT NULL,
	`sent_at` integer,
	`eml_path` text,
	CONSTRAINT "outbox_state" CHECK(state in ('pending', 'sent'))
);
--> statement-breakpoint
CREATE INDEX `outbox_due` ON `outbox` (`state`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `password_resets` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `password_resets_token_unique` ON `password_resets` (`token_hash`);--> statement-breakpoint
CREATE TABLE `reviews` (
	`id` text PRIMARY KEY NOT NULL,
	`assignment_id` text NOT NULL,
	`juror_id` text NOT NULL,
	`application_id` text NOT NULL,
	`state` text DEFAULT 'assigned' NOT NULL,
	`scores` text DEFAULT '{}' NOT NULL,
	`comments` text DEFAULT '{}' NOT NULL,
	`overall_comment` text DEFAULT '' NOT NULL,
	`confidence` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`submitted_at` integer,
	`updated_at` integer,
	FOREIGN KEY (`assignment_id`) REFERENCES `assignments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`juror_id`) REFERENCES `jury_members`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "reviews_state" CHECK(state in ('assigned', 'draft', 'submitted', 'recused')),
	CONSTRAINT "reviews_confidence" CHECK(confidence is null or confidence between 1 and 5)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reviews_assignment` ON `reviews` (`assignment_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `reviews_juror_application` ON `reviews` (`juror_id`,`application_id`);--> statement-breakpoint
CREATE INDEX `reviews_application` ON `reviews` (`application_id`);--> statement-breakpoint
CREATE TABLE `screening_decisions` (
	`id` text PRIMARY KEY NOT NULL,
	`application_id` text NOT NULL,
	`rule_key` text NOT NULL,
	`outcome` text NOT NULL,
	`evidence` text DEFAULT '' NOT NULL,
	`decided_by` text NOT NULL,
	`decided_at` integer NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "screening_outcome" CHECK(outcome in ('pass', 'fail'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `screening_application_rule` ON `screening_decisions` (`application_id`,`rule_key`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`token_hash` text NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`revoked_at` integer,
	`user_agent` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sessions_token_unique` ON `sessions` (`token_hash`);--> statement-breakpoint
CREATE INDEX `sessions_user` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `setup_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`used_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `setup_tokens_token_unique` ON `setup_tokens` (`token_hash`);--> statement-breakpoint
CREATE TABLE `user_roles` (
	`user_id` text NOT NULL,
	`role` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `role`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "user_roles_role" CHECK(role in ('applicant', 'secretariat'))
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text NOT NULL,
	`locale` text DEFAULT 'en' NOT NULL,
	`created_at` integer NOT NULL,
	`disabled_at` integer,
	CONSTRAINT "users_locale" CHECK(locale in ('en', 'fr', 'ar'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);