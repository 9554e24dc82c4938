-- Official statistics (issue 16 §2): figures per new commune, month and service imported from
-- CSV (docs/official-statistics.md). The table of 0000 was never used (and is empty): it is
-- replaced by one keyed the way an import updates it.
DROP TABLE IF EXISTS `official_stats`;
--> statement-breakpoint
CREATE TABLE `official_stats` (
	`commune_code` text NOT NULL,
	`month` text NOT NULL,
	`service_code` text NOT NULL,
	`province_code` text NOT NULL,
	`value` integer NOT NULL,
	`estimate` integer DEFAULT false NOT NULL,
	`source` text NOT NULL,
	`note` text,
	`old_codes` text,
	`imported_by` text,
	`imported_at` integer NOT NULL,
	PRIMARY KEY(`commune_code`, `month`, `service_code`),
	FOREIGN KEY (`commune_code`) REFERENCES `communes`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `official_stats_service_idx` ON `official_stats` (`service_code`,`commune_code`,`month`);
--> statement-breakpoint
CREATE INDEX `official_stats_province_idx` ON `official_stats` (`province_code`,`month`);
