-- A write of thousands of rows (publishing an assignment: 30,000 reviews; a detection's
-- proposals) moved its edition's data versions once per row through these triggers, 60,000 to
-- 90,000 upserts of the same two rows, about a third of the write (decision 037). While an
-- edition's scope is held in data_version_holds (only ever inside the write's own transaction,
-- by holdingVersions in app/kernel/server/memo.server.ts, which then moves "jury" and "scores"
-- once), the triggers of its assignments, reviews and conflicts leave its versions alone. The
-- table is empty whenever a transaction is not holding it, so every other write pays one probe
-- of an empty table.
CREATE TABLE `data_version_holds` (
	`scope` text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
DROP TRIGGER `assignments_versions_delete`;
--> statement-breakpoint
CREATE TRIGGER `assignments_versions_delete` AFTER DELETE ON `assignments`
WHEN NOT EXISTS (SELECT 1 FROM data_version_holds WHERE scope = OLD.edition_id)
BEGIN
  INSERT INTO data_versions (scope, topic, version) VALUES (OLD.edition_id, 'jury', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
  INSERT INTO data_versions (scope, topic, version) VALUES (OLD.edition_id, 'scores', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
DROP TRIGGER `assignments_versions_insert`;
--> statement-breakpoint
CREATE TRIGGER `assignments_versions_insert` AFTER INSERT ON `assignments`
WHEN NOT EXISTS (SELECT 1 FROM data_version_holds WHERE scope = NEW.edition_id)
BEGIN
  INSERT INTO data_versions (scope, topic, version) VALUES (NEW.edition_id, 'jury', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
  INSERT INTO data_versions (scope, topic, version) VALUES (NEW.edition_id, 'scores', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
DROP TRIGGER `assignments_versions_update`;
--> statement-breakpoint
CREATE TRIGGER `assignments_versions_update` AFTER UPDATE ON `assignments`
WHEN NOT EXISTS (SELECT 1 FROM data_version_holds WHERE scope = NEW.edition_id)
BEGIN
  INSERT INTO data_versions (scope, topic, version) VALUES (NEW.edition_id, 'jury', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
  INSERT INTO data_versions (scope, topic, version) VALUES (NEW.edition_id, 'scores', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
DROP TRIGGER `conflicts_versions_delete`;
--> statement-breakpoint
CREATE TRIGGER `conflicts_versions_delete` AFTER DELETE ON `conflicts`
WHEN NOT EXISTS (SELECT 1 FROM data_version_holds WHERE scope = OLD.edition_id)
BEGIN
  INSERT INTO data_versions (scope, topic, version) VALUES (OLD.edition_id, 'jury', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
  INSERT INTO data_versions (scope, topic, version) VALUES (OLD.edition_id, 'scores', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
DROP TRIGGER `conflicts_versions_insert`;
--> statement-breakpoint
CREATE TRIGGER `conflicts_versions_insert` AFTER INSERT ON `conflicts`
WHEN NOT EXISTS (SELECT 1 FROM data_version_holds WHERE scope = NEW.edition_id)
BEGIN
  INSERT INTO data_versions (scope, topic, version) VALUES (NEW.edition_id, 'jury', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
  INSERT INTO data_versions (scope, topic, version) VALUES (NEW.edition_id, 'scores', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
DROP TRIGGER `conflicts_versions_update`;
--> statement-breakpoint
CREATE TRIGGER `conflicts_versions_update` AFTER UPDATE ON `conflicts`
WHEN NOT EXISTS (SELECT 1 FROM data_version_holds WHERE scope = NEW.edition_id)
BEGIN
  INSERT INTO data_versions (scope, topic, version) VALUES (NEW.edition_id, 'jury', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
  INSERT INTO data_versions (scope, topic, version) VALUES (NEW.edition_id, 'scores', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
DROP TRIGGER `reviews_scores_delete`;
--> statement-breakpoint
CREATE TRIGGER `reviews_scores_delete` AFTER DELETE ON `reviews`
WHEN (OLD.state IN ('submitted', 'recused'))
  AND NOT EXISTS (SELECT 1 FROM data_version_holds WHERE scope = coalesce((SELECT edition_id FROM assignments WHERE id = OLD.assignment_id), ''))
BEGIN
  INSERT INTO data_versions (scope, topic, version) VALUES (coalesce((SELECT edition_id FROM assignments WHERE id = OLD.assignment_id), ''), 'scores', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
DROP TRIGGER `reviews_scores_insert`;
--> statement-breakpoint
CREATE TRIGGER `reviews_scores_insert` AFTER INSERT ON `reviews`
WHEN (NEW.state IN ('submitted', 'recused'))
  AND NOT EXISTS (SELECT 1 FROM data_version_holds WHERE scope = coalesce((SELECT edition_id FROM assignments WHERE id = NEW.assignment_id), ''))
BEGIN
  INSERT INTO data_versions (scope, topic, version) VALUES (coalesce((SELECT edition_id FROM assignments WHERE id = NEW.assignment_id), ''), 'scores', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
DROP TRIGGER `reviews_scores_update`;
--> statement-breakpoint
CREATE TRIGGER `reviews_scores_update` AFTER UPDATE ON `reviews`
WHEN (OLD.state IN ('submitted', 'recused') OR NEW.state IN ('submitted', 'recused'))
  AND NOT EXISTS (SELECT 1 FROM data_version_holds WHERE scope = coalesce((SELECT edition_id FROM assignments WHERE id = NEW.assignment_id), ''))
BEGIN
  INSERT INTO data_versions (scope, topic, version) VALUES (coalesce((SELECT edition_id FROM assignments WHERE id = NEW.assignment_id), ''), 'scores', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
DROP TRIGGER `reviews_versions_delete`;
--> statement-breakpoint
CREATE TRIGGER `reviews_versions_delete` AFTER DELETE ON `reviews`
WHEN NOT EXISTS (SELECT 1 FROM data_version_holds WHERE scope = coalesce((SELECT edition_id FROM assignments WHERE id = OLD.assignment_id), ''))
BEGIN
  INSERT INTO data_versions (scope, topic, version) VALUES (coalesce((SELECT edition_id FROM assignments WHERE id = OLD.assignment_id), ''), 'jury', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
DROP TRIGGER `reviews_versions_insert`;
--> statement-breakpoint
CREATE TRIGGER `reviews_versions_insert` AFTER INSERT ON `reviews`
WHEN NOT EXISTS (SELECT 1 FROM data_version_holds WHERE scope = coalesce((SELECT edition_id FROM assignments WHERE id = NEW.assignment_id), ''))
BEGIN
  INSERT INTO data_versions (scope, topic, version) VALUES (coalesce((SELECT edition_id FROM assignments WHERE id = NEW.assignment_id), ''), 'jury', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
DROP TRIGGER `reviews_versions_update`;
--> statement-breakpoint
CREATE TRIGGER `reviews_versions_update` AFTER UPDATE ON `reviews`
WHEN (OLD.state IS NOT NEW.state OR OLD.assignment_id IS NOT NEW.assignment_id OR OLD.juror_id IS NOT NEW.juror_id OR OLD.application_id IS NOT NEW.application_id)
  AND NOT EXISTS (SELECT 1 FROM data_version_holds WHERE scope = coalesce((SELECT edition_id FROM assignments WHERE id = NEW.assignment_id), ''))
BEGIN
  INSERT INTO data_versions (scope, topic, version) VALUES (coalesce((SELECT edition_id FROM assignments WHERE id = NEW.assignment_id), ''), 'jury', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
END;
