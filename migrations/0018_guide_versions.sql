-- The training library (issue 17 §3; src/lib/server/db/schema/guides.ts, docs/guides.md). One row
-- per published version of a guide; its files (the manifest JSON and its pictures) live in the
-- GUIDES R2 bucket under their SHA-256, so a version never changes and an unchanged picture is
-- stored once. The current version of a guide is its highest.
CREATE TABLE `guide_versions` (
	`slug` text NOT NULL,
	`version` integer NOT NULL,
	`service_code` text NOT NULL REFERENCES `services`(`code`),
	`title` text NOT NULL,
	`summary` text NOT NULL,
	`manifest` text NOT NULL,
	`files` text NOT NULL,
	`bytes` integer NOT NULL,
	`steps` integer NOT NULL,
	`author_user_id` text,
	`created_at` integer NOT NULL,
	PRIMARY KEY (`slug`, `version`)
);
--> statement-breakpoint
CREATE INDEX `guide_versions_service_idx` ON `guide_versions` (`service_code`);
