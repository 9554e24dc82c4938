-- Suppression across time and geography (issue 16 §8; src/lib/server/db/schema/disclosure.ts,
-- docs/disclosure.md): which published cells of each metric the metrics job hid so that no count
-- of 1–10 can be derived across months, quarters, 12-month figures and areas. Public reads only
-- read these flags; the protection itself runs in the scheduled job (metrics/disclosure-job.ts).
CREATE TABLE `disclosure_hidden` (
	`metric` text NOT NULL,
	`period` text NOT NULL,
	`code` text NOT NULL,
	PRIMARY KEY(`metric`, `period`, `code`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `disclosure_runs` (
	`metric` text PRIMARY KEY NOT NULL,
	`current_month` text NOT NULL,
	`hidden` integer NOT NULL,
	`unresolved` integer NOT NULL,
	`elapsed_ms` integer NOT NULL,
	`fresh` integer DEFAULT true NOT NULL,
	`computed_at` integer NOT NULL
);
