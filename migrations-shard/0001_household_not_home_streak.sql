-- A shard's households keep the not-home streak with their latest visit's status (migrations/0010).
ALTER TABLE `households` ADD `not_home_streak` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Backfill: not-home visits since the latest visit with another outcome, for households whose
-- latest visit found nobody at home (the same count householdStatusStatements keeps from now on).
UPDATE `households` SET `not_home_streak` = (
	SELECT count(*) FROM `visits` AS v
	WHERE v.`household_id` = `households`.`id` AND v.`outcome` = 'not_home'
		AND v.`visited_at` > coalesce((SELECT max(w.`visited_at`) FROM `visits` AS w
			WHERE w.`household_id` = `households`.`id` AND w.`outcome` <> 'not_home'), -1)
) WHERE `last_outcome` = 'not_home';
