-- The jurors' overall comments were quoted in the outcome e-mails of an application whose
-- feedback_shared was set; no page set it, and jurors are told those comments stay in the jury.
-- The feature is gone, and its column with it.
ALTER TABLE `applications` DROP COLUMN `feedback_shared`;
