-- Versions of the data that cached reads depend on, per edition and topic ('*': shared by every
-- edition), bumped by triggers in the same transaction as the write (decision 015).
CREATE TABLE `data_versions` (
	`scope` text NOT NULL,
	`topic` text NOT NULL,
	`version` integer NOT NULL,
	PRIMARY KEY (`scope`, `topic`)
);
--> statement-breakpoint
CREATE TRIGGER `editions_versions_insert` AFTER INSERT ON `editions`
BEGIN
  INSERT INTO data_versions (scope, topic, version) VALUES (NEW.id, 'jury', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
  INSERT INTO data_versions (scope, topic, version) VALUES (NEW.id, 'scores', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `editions_versions_update` AFTER UPDATE ON `editions`
BEGIN
  INSERT INTO data_versions (scope, topic, version) VALUES (NEW.id, 'jury', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
  INSERT INTO data_versions (scope, topic, version) VALUES (NEW.id, 'scores', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `editions_versions_delete` AFTER DELETE ON `editions`
BEGIN
  INSERT INTO data_versions (scope, topic, version) VALUES (OLD.id, 'jury', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
  INSERT INTO data_versions (scope, topic, version) VALUES (OLD.id, 'scores', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `criteria_versions_insert` AFTER INSERT ON `criteria`
BEGIN
  INSERT INTO data_versions (scope, topic, version) VALUES (NEW.edition_id, 'jury', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
  INSERT INTO data_versions (scope, topic, version) VALUES (NEW.edition_id, 'scores', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `criteria_versions_update` AFTER UPDATE ON `criteria`
BEGIN
  INSERT INTO data_versions (scope, topic, version) VALUES (NEW.edition_id, 'jury', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
  INSERT INTO data_versions (scope, topic, version) VALUES (NEW.edition_id, 'scores', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `criteria_versions_delete` AFTER DELETE ON `criteria`
BEGIN
  INSERT INTO data_versions (scope, topic, version) VALUES (OLD.edition_id, 'jury', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
  INSERT INTO data_versions (scope, topic, version) VALUES (OLD.edition_id, 'scores', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `jury_members_versions_insert` AFTER INSERT ON `jury_members`
BEGIN
  INSERT INTO data_versions (scope, topic, version) VALUES (NEW.edition_id, 'jury', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
  INSERT INTO data_versions (scope, topic, version) VALUES (NEW.edition_id, 'scores', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `jury_members_versions_update` AFTER UPDATE ON `jury_members`
BEGIN
  INSERT INTO data_versions (scope, topic, version) VALUES (NEW.edition_id, 'jury', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
  INSERT INTO data_versions (scope, topic, version) VALUES (NEW.edition_id, 'scores', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `jury_members_versions_delete` AFTER DELETE ON `jury_members`
BEGIN
  INSERT INTO data_versions (scope, topic, version) VALUES (OLD.edition_id, 'jury', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
  INSERT INTO data_versions (scope, topic, version) VALUES (OLD.edition_id, 'scores', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `conflicts_versions_insert` AFTER INSERT ON `conflicts`
BEGIN
  INSERT INTO data_versions (scope, topic, version) VALUES (NEW.edition_id, 'jury', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
  INSERT INTO data_versions (scope, topic, version) VALUES (NEW.edition_id, 'scores', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `conflicts_versions_update` AFTER UPDATE ON `conflicts`
BEGIN
  INSERT INTO data_versions (scope, topic, version) VALUES (NEW.edition_id, 'jury', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
  INSERT INTO data_versions (scope, topic, version) VALUES (NEW.edition_id, 'scores', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `conflicts_versions_delete` AFTER DELETE ON `conflicts`
BEGIN
  INSERT INTO data_versions (scope, topic, version) VALUES (OLD.edition_id, 'jury', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
  INSERT INTO data_versions (scope, topic, version) VALUES (OLD.edition_id, 'scores', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `assignments_versions_insert` AFTER INSERT ON `assignments`
BEGIN
  INSERT INTO data_versions (scope, topic, version) VALUES (NEW.edition_id, 'jury', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
  INSERT INTO data_versions (scope, topic, version) VALUES (NEW.edition_id, 'scores', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `assignments_versions_update` AFTER UPDATE ON `assignments`
BEGIN
  INSERT INTO data_versions (scope, topic, version) VALUES (NEW.edition_id, 'jury', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
  INSERT INTO data_versions (scope, topic, version) VALUES (NEW.edition_id, 'scores', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `assignments_versions_delete` AFTER DELETE ON `assignments`
BEGIN
  INSERT INTO data_versions (scope, topic, version) VALUES (OLD.edition_id, 'jury', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
  INSERT INTO data_versions (scope, topic, version) VALUES (OLD.edition_id, 'scores', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `reviews_versions_insert` AFTER INSERT ON `reviews`
BEGIN
  INSERT INTO data_versions (scope, topic, version) VALUES (coalesce((SELECT edition_id FROM assignments WHERE id = NEW.assignment_id), ''), 'jury', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `reviews_versions_update` AFTER UPDATE ON `reviews`
BEGIN
  INSERT INTO data_versions (scope, topic, version) VALUES (coalesce((SELECT edition_id FROM assignments WHERE id = NEW.assignment_id), ''), 'jury', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `reviews_versions_delete` AFTER DELETE ON `reviews`
BEGIN
  INSERT INTO data_versions (scope, topic, version) VALUES (coalesce((SELECT edition_id FROM assignments WHERE id = OLD.assignment_id), ''), 'jury', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `reviews_scores_insert` AFTER INSERT ON `reviews`
WHEN NEW.state IN ('submitted', 'recused')
BEGIN
  INSERT INTO data_versions (scope, topic, version) VALUES (coalesce((SELECT edition_id FROM assignments WHERE id = NEW.assignment_id), ''), 'scores', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `reviews_scores_update` AFTER UPDATE ON `reviews`
WHEN OLD.state IN ('submitted', 'recused') OR NEW.state IN ('submitted', 'recused')
BEGIN
  INSERT INTO data_versions (scope, topic, version) VALUES (coalesce((SELECT edition_id FROM assignments WHERE id = NEW.assignment_id), ''), 'scores', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `reviews_scores_delete` AFTER DELETE ON `reviews`
WHEN OLD.state IN ('submitted', 'recused')
BEGIN
  INSERT INTO data_versions (scope, topic, version) VALUES (coalesce((SELECT edition_id FROM assignments WHERE id = OLD.assignment_id), ''), 'scores', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `applications_versions_insert` AFTER INSERT ON `applications`
BEGIN
  INSERT INTO data_versions (scope, topic, version) VALUES (NEW.edition_id, 'applications', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `applications_versions_update` AFTER UPDATE ON `applications`
BEGIN
  INSERT INTO data_versions (scope, topic, version) VALUES (NEW.edition_id, 'applications', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `applications_versions_delete` AFTER DELETE ON `applications`
BEGIN
  INSERT INTO data_versions (scope, topic, version) VALUES (OLD.edition_id, 'applications', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `applications_submitted_insert` AFTER INSERT ON `applications`
WHEN NEW.state <> 'draft'
BEGIN
  INSERT INTO data_versions (scope, topic, version) VALUES (NEW.edition_id, 'submitted', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `applications_submitted_update` AFTER UPDATE ON `applications`
WHEN OLD.state <> 'draft' OR NEW.state <> 'draft'
BEGIN
  INSERT INTO data_versions (scope, topic, version) VALUES (NEW.edition_id, 'submitted', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `applications_submitted_delete` AFTER DELETE ON `applications`
WHEN OLD.state <> 'draft'
BEGIN
  INSERT INTO data_versions (scope, topic, version) VALUES (OLD.edition_id, 'submitted', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `nominating_entities_versions_insert` AFTER INSERT ON `nominating_entities`
BEGIN
  INSERT INTO data_versions (scope, topic, version) VALUES ('*', 'shared', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `nominating_entities_versions_update` AFTER UPDATE ON `nominating_entities`
BEGIN
  INSERT INTO data_versions (scope, topic, version) VALUES ('*', 'shared', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `nominating_entities_versions_delete` AFTER DELETE ON `nominating_entities`
BEGIN
  INSERT INTO data_versions (scope, topic, version) VALUES ('*', 'shared', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `users_versions_update` AFTER UPDATE OF name, email ON `users`
BEGIN
  INSERT INTO data_versions (scope, topic, version) VALUES ('*', 'shared', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
END;
