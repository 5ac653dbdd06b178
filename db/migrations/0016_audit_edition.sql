-- The edition each audit row is about, so an edition's log (its observer's page) is read through
-- an index instead of every row's details: found from the row's details or its object, as
-- app/kernel/models/audit.server.ts finds it for the rows written from now on. Not hashed: the
-- chain covers what was written, and this is read from it. Dated after 0014, whose date is later
-- than 0015's: drizzle runs only migrations dated after the newest one a database has.
ALTER TABLE `audit_log` ADD `edition_id` text;--> statement-breakpoint
UPDATE `audit_log` SET `edition_id` = COALESCE(
  CASE WHEN json_valid(`details`) THEN json_extract(`details`, '$.editionId') END,
  CASE `object_type`
    WHEN 'edition' THEN `object_id`
    WHEN 'application' THEN (SELECT `edition_id` FROM `applications` WHERE `id` = `audit_log`.`object_id`)
    WHEN 'review' THEN (
      SELECT `assignments`.`edition_id` FROM `reviews`
      JOIN `assignments` ON `assignments`.`id` = `reviews`.`assignment_id`
      WHERE `reviews`.`id` = `audit_log`.`object_id`
    )
    WHEN 'conflict' THEN (SELECT `edition_id` FROM `conflicts` WHERE `id` = `audit_log`.`object_id`)
    WHEN 'jury_member' THEN (SELECT `edition_id` FROM `jury_members` WHERE `id` = `audit_log`.`object_id`)
    WHEN 'deliberation' THEN (SELECT `edition_id` FROM `deliberations` WHERE `id` = `audit_log`.`object_id`)
    WHEN 'assignment' THEN (SELECT `edition_id` FROM `assignments` WHERE `id` = `audit_log`.`object_id`)
  END
);--> statement-breakpoint
CREATE INDEX `audit_edition` ON `audit_log` (`edition_id`,`id`);--> statement-breakpoint
CREATE INDEX `audit_edition_action` ON `audit_log` (`edition_id`,`action`);
