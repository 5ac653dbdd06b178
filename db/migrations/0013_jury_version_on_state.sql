-- The "jury" data version (decision 015) moves when a review's state or its pair changes, no
-- longer when a draft's text or scores do: what it keeps (progress counts, the assignment
-- overview, the conflicts register) reads only states, and during a deadline rush every draft
-- saved made the next progress page count 30,000 reviews again (decision 029).
DROP TRIGGER `reviews_versions_update`;
--> statement-breakpoint
CREATE TRIGGER `reviews_versions_update` AFTER UPDATE ON `reviews`
WHEN OLD.state IS NOT NEW.state
  OR OLD.assignment_id IS NOT NEW.assignment_id
  OR OLD.juror_id IS NOT NEW.juror_id
  OR OLD.application_id IS NOT NEW.application_id
BEGIN
  INSERT INTO data_versions (scope, topic, version) VALUES (coalesce((SELECT edition_id FROM assignments WHERE id = NEW.assignment_id), ''), 'jury', 1) ON CONFLICT (scope, topic) DO UPDATE SET version = version + 1;
END;
