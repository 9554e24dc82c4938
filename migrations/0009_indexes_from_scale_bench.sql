CREATE INDEX `visits_household_time_idx` ON `visits` (`household_id`,`visited_at`);--> statement-breakpoint
CREATE INDEX `metrics_dirty_order_idx` ON `metrics_dirty` (`marked_at`,`commune_code`);