CREATE TABLE `visit_month_services` (
	`province_code` text NOT NULL,
	`commune_code` text NOT NULL,
	`month` text NOT NULL,
	`service_code` text NOT NULL,
	`asked` integer NOT NULL,
	`adults_using` integer NOT NULL,
	`helped` integer NOT NULL,
	PRIMARY KEY(`province_code`, `commune_code`, `month`, `service_code`)
);
--> statement-breakpoint
CREATE TABLE `visit_months` (
	`province_code` text NOT NULL,
	`commune_code` text NOT NULL,
	`month` text NOT NULL,
	`visits` integer NOT NULL,
	`met` integer NOT NULL,
	`households` integer NOT NULL,
	`people_helped` integer NOT NULL,
	`demo_visits` integer NOT NULL,
	`object_key` text NOT NULL,
	`archived_at` integer NOT NULL,
	PRIMARY KEY(`province_code`, `commune_code`, `month`)
);
--> statement-breakpoint
CREATE INDEX `visits_time_idx` ON `visits` (`visited_at`);