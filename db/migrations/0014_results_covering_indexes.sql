-- The results' read (decision 046) answered from indexes alone: every submitted review's scores
-- in application order, and each application's edition and state by id. At 10,000 applications
-- (30,000 reviews) the query took 0.14-0.26 s reading the rows, 0.05-0.11 s from these.
CREATE INDEX `reviews_submitted_scores` ON `reviews` (`application_id`,`juror_id`,`state`,`scores`,`confidence`) WHERE state = 'submitted';--> statement-breakpoint
CREATE INDEX `applications_results` ON `applications` (`id`,`edition_id`,`state`);
