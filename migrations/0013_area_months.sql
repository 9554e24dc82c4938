-- The monthly series of the public figures (issue 16 §1; src/lib/server/db/schema/area-months.ts,
-- docs/monthly-series.md): stocks as at each Vietnam month's end, flows over the month.
CREATE TABLE `area_months` (
	`level` text NOT NULL,
	`code` text NOT NULL,
	`month` text NOT NULL,
	`province_code` text,
	`closed` integer DEFAULT false NOT NULL,
	`teams` integer,
	`members` integer,
	`population` integer,
	`hamlets` integer,
	`hamlets_covered` integer,
	`households_known` integer,
	`households_reached` integer,
	`households_visited` integer,
	`visits` integer DEFAULT 0 NOT NULL,
	`demo_records` integer DEFAULT 0 NOT NULL,
	`computed_at` integer NOT NULL,
	PRIMARY KEY(`level`, `code`, `month`)
);
--> statement-breakpoint
CREATE INDEX `area_months_month_idx` ON `area_months` (`month`,`level`,`province_code`);--> statement-breakpoint
CREATE TABLE `area_month_services` (
	`level` text NOT NULL,
	`code` text NOT NULL,
	`month` text NOT NULL,
	`service_code` text NOT NULL,
	`province_code` text,
	`adults_using` integer,
	`adults_total` integer,
	`helped` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`level`, `code`, `month`, `service_code`)
);
--> statement-breakpoint
CREATE INDEX `area_month_services_month_idx` ON `area_month_services` (`month`,`service_code`,`level`);--> statement-breakpoint
CREATE TABLE `area_month_backfill` (
	`commune_code` text PRIMARY KEY NOT NULL,
	`from_month` text,
	`done_at` integer NOT NULL
);
