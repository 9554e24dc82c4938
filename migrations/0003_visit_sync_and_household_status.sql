CREATE TABLE `sync_devices` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`member_id` text,
	`first_seen_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`created_seq` integer DEFAULT 0 NOT NULL,
	`pending` integer DEFAULT 0 NOT NULL,
	`oldest_pending_at` integer,
	`accepted_total` integer DEFAULT 0 NOT NULL,
	`clock_offset_ms` integer,
	`replaced_by` text,
	`lost_data_at` integer,
	`lost_pending` integer
);
--> statement-breakpoint
CREATE INDEX `sync_devices_user_idx` ON `sync_devices` (`user_id`,`last_seen_at`);--> statement-breakpoint
CREATE TABLE `visit_conflicts` (
	`id` text PRIMARY KEY NOT NULL,
	`visit_id` text NOT NULL,
	`province_code` text NOT NULL,
	`commune_code` text NOT NULL,
	`household_id` text NOT NULL,
	`user_id` text,
	`device_id` text,
	`payload` text NOT NULL,
	`payload_hash` text NOT NULL,
	`stored_hash` text NOT NULL,
	`received_at` integer NOT NULL,
	`resolved_at` integer,
	`resolution` text
);
--> statement-breakpoint
CREATE INDEX `visit_conflicts_commune_idx` ON `visit_conflicts` (`province_code`,`commune_code`,`received_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `visit_conflicts_visit_idx` ON `visit_conflicts` (`visit_id`,`payload_hash`);--> statement-breakpoint
ALTER TABLE `households` ADD `last_visit_id` text;--> statement-breakpoint
ALTER TABLE `households` ADD `last_visit_at` integer;--> statement-breakpoint
ALTER TABLE `households` ADD `last_outcome` text;--> statement-breakpoint
ALTER TABLE `households` ADD `revisit_on` text;--> statement-breakpoint
ALTER TABLE `visits` ADD `device_id` text;