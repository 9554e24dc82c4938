-- The reports of a commune or a province for a month or a quarter (issue 16 §5;
-- src/lib/server/db/schema/reports.ts, src/lib/domain/report-workflow.ts). One row per version;
-- `content` is the JSON snapshot of every figure, taken at submission and kept on approval, so
-- later syncs never change an approved report. A correction is version n+1 with its reason.
CREATE TABLE `reports` (
	`id` text PRIMARY KEY NOT NULL,
	`level` text NOT NULL,
	`code` text NOT NULL,
	`province_code` text NOT NULL,
	`period` text NOT NULL,
	`version` integer NOT NULL,
	`status` text NOT NULL,
	`content` text,
	`correction_reason` text,
	`superseded` integer DEFAULT false NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`submitted_by` text,
	`submitted_at` integer,
	`decided_by` text,
	`decided_at` integer,
	`comment` text,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reports_area_period_version_idx` ON `reports` (`level`,`code`,`period`,`version`);--> statement-breakpoint
CREATE INDEX `reports_province_period_idx` ON `reports` (`province_code`,`period`);--> statement-breakpoint
CREATE INDEX `reports_status_period_idx` ON `reports` (`status`,`period`);
