-- When the secretariat withdrew an invitation not yet accepted (its expiry is set to that instant
-- too, so its link no longer opens): the invitations list says "withdrawn", not "expired". The
-- observer invitations withdrawn before this migration are found in the audit log.
ALTER TABLE `invitations` ADD `withdrawn_at` integer;--> statement-breakpoint
UPDATE `invitations` SET `withdrawn_at` = (
  SELECT max(`at`) FROM `audit_log`
  WHERE `action` = 'invitation.withdrawn' AND `object_type` = 'invitation' AND `object_id` = `invitations`.`id`
);
