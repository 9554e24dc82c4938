ALTER TABLE `households` ADD `priority` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `routes` ADD `session` text;--> statement-breakpoint
ALTER TABLE `routes` ADD `travel_mode` text DEFAULT 'foot' NOT NULL;--> statement-breakpoint
ALTER TABLE `routes` ADD `session_minutes` integer;--> statement-breakpoint
ALTER TABLE `routes` ADD `travel_minutes` integer;--> statement-breakpoint
ALTER TABLE `routes` ADD `start_kind` text;--> statement-breakpoint
ALTER TABLE `routes` ADD `flag` text;--> statement-breakpoint
CREATE INDEX `routes_calendar_idx` ON `routes` (`province_code`,`commune_code`,`planned_on`);