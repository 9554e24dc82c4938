ALTER TABLE `households` ADD `updated_at` integer;--> statement-breakpoint
ALTER TABLE `route_stops` ADD `revisit` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `route_stops_household_once` ON `route_stops` (`household_id`) WHERE "route_stops"."revisit" = 0;--> statement-breakpoint
ALTER TABLE `routes` ADD `start_lon` real;--> statement-breakpoint
ALTER TABLE `routes` ADD `start_lat` real;--> statement-breakpoint
ALTER TABLE `routes` ADD `created_by` text;--> statement-breakpoint
ALTER TABLE `routes` ADD `assigned_at` integer;--> statement-breakpoint
ALTER TABLE `routes` ADD `updated_at` integer;