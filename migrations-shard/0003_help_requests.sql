-- Help requests from the public (issue 17 §1; src/lib/server/db/schema/help-requests.ts,
-- docs/help-requests.md). They hold a phone, so they live with the households on the province
-- shard; a single-database deployment keeps them in the global D1 as it keeps the shard tables.
CREATE TABLE `help_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`province_code` text NOT NULL,
	`commune_code` text NOT NULL,
	`hamlet_id` text,
	`household_id` text,
	`phone` text,
	`address` text,
	`services` text NOT NULL,
	`time_of_day` text NOT NULL,
	`status` text NOT NULL,
	`close_reason` text,
	`channel` text NOT NULL,
	`duplicates` integer DEFAULT 0 NOT NULL,
	`is_demo` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`closed_at` integer,
	`phone_erased_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `help_requests_code_idx` ON `help_requests` (`code`);--> statement-breakpoint
CREATE INDEX `help_requests_phone_idx` ON `help_requests` (`phone`,`commune_code`,`created_at`);--> statement-breakpoint
CREATE INDEX `help_requests_commune_idx` ON `help_requests` (`province_code`,`commune_code`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `help_requests_household_idx` ON `help_requests` (`household_id`);
