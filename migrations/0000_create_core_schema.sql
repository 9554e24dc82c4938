CREATE TABLE `commune_crosswalk` (
	`old_code` text NOT NULL,
	`new_code` text NOT NULL,
	`type` text NOT NULL,
	`old_name` text NOT NULL,
	`old_province_code` text NOT NULL,
	`old_in_list` integer NOT NULL,
	PRIMARY KEY(`old_code`, `new_code`),
	FOREIGN KEY (`new_code`) REFERENCES `communes`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `crosswalk_new_idx` ON `commune_crosswalk` (`new_code`);--> statement-breakpoint
CREATE TABLE `communes` (
	`code` text PRIMARY KEY NOT NULL,
	`province_code` text NOT NULL,
	`name` text NOT NULL,
	`full_name` text NOT NULL,
	`name_en` text NOT NULL,
	`full_name_en` text NOT NULL,
	`code_name` text NOT NULL,
	`unit_type` text NOT NULL,
	`unit_type_en` text NOT NULL,
	`area_km2` real,
	`geom_area_km2` real,
	`old_province_code` text,
	`population` integer,
	`population_usable` integer NOT NULL,
	`population_flags` text NOT NULL,
	`search_key` text NOT NULL,
	`label_lon` real,
	`label_lat` real,
	`west` real,
	`south` real,
	`east` real,
	`north` real,
	FOREIGN KEY (`province_code`) REFERENCES `provinces`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `communes_province_idx` ON `communes` (`province_code`);--> statement-breakpoint
CREATE INDEX `communes_search_idx` ON `communes` (`search_key`);--> statement-breakpoint
CREATE TABLE `old_communes` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`full_name` text NOT NULL,
	`unit_type` text NOT NULL,
	`district_code` text NOT NULL,
	`province_code` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `old_communes_district_idx` ON `old_communes` (`district_code`);--> statement-breakpoint
CREATE TABLE `old_districts` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`full_name` text NOT NULL,
	`province_code` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `old_districts_province_idx` ON `old_districts` (`province_code`);--> statement-breakpoint
CREATE TABLE `old_provinces` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`full_name` text NOT NULL,
	`new_province_code` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `provinces` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`full_name` text NOT NULL,
	`name_en` text NOT NULL,
	`full_name_en` text NOT NULL,
	`unit_type` text NOT NULL,
	`unit_type_en` text NOT NULL,
	`commune_count` integer NOT NULL,
	`area_km2` real,
	`geom_area_km2` real,
	`population_sapnhap` integer,
	`merged_from_old_codes` text NOT NULL,
	`search_key` text NOT NULL,
	`west` real,
	`south` real,
	`east` real,
	`north` real
);
--> statement-breakpoint
CREATE TABLE `province_settings` (
	`province_code` text PRIMARY KEY NOT NULL,
	`citizen_app_name` text,
	FOREIGN KEY (`province_code`) REFERENCES `provinces`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `services` (
	`code` text PRIMARY KEY NOT NULL,
	`name_vi` text NOT NULL,
	`name_en` text NOT NULL,
	`description_vi` text NOT NULL,
	`description_en` text NOT NULL,
	`sort_order` integer NOT NULL,
	`active` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `hamlets` (
	`id` text PRIMARY KEY NOT NULL,
	`province_code` text NOT NULL,
	`commune_code` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`lon` real,
	`lat` real,
	`is_demo` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`commune_code`) REFERENCES `communes`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `hamlets_commune_idx` ON `hamlets` (`province_code`,`commune_code`);--> statement-breakpoint
CREATE TABLE `members` (
	`id` text PRIMARY KEY NOT NULL,
	`team_id` text NOT NULL,
	`province_code` text NOT NULL,
	`commune_code` text NOT NULL,
	`full_name` text NOT NULL,
	`phone` text,
	`union_affiliation` text NOT NULL,
	`onetouch_status` text NOT NULL,
	`onetouch_date` text,
	`team_role` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`is_demo` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `members_team_idx` ON `members` (`team_id`);--> statement-breakpoint
CREATE INDEX `members_commune_idx` ON `members` (`province_code`,`commune_code`);--> statement-breakpoint
CREATE TABLE `teams` (
	`id` text PRIMARY KEY NOT NULL,
	`province_code` text NOT NULL,
	`commune_code` text NOT NULL,
	`hamlet_id` text,
	`name` text NOT NULL,
	`founded_on` text,
	`active` integer DEFAULT true NOT NULL,
	`is_demo` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`commune_code`) REFERENCES `communes`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`hamlet_id`) REFERENCES `hamlets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `teams_commune_idx` ON `teams` (`province_code`,`commune_code`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text,
	`phone` text,
	`display_name` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`scope_province_code` text,
	`scope_commune_code` text,
	`scope_team_id` text,
	`member_id` text,
	`disabled` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_idx` ON `users` (`email`);--> statement-breakpoint
CREATE UNIQUE INDEX `users_phone_idx` ON `users` (`phone`);--> statement-breakpoint
CREATE INDEX `users_scope_idx` ON `users` (`scope_province_code`,`scope_commune_code`);--> statement-breakpoint
CREATE TABLE `households` (
	`id` text PRIMARY KEY NOT NULL,
	`province_code` text NOT NULL,
	`commune_code` text NOT NULL,
	`hamlet_id` text,
	`address` text NOT NULL,
	`address_key` text NOT NULL,
	`alley_key` text NOT NULL,
	`lon` real,
	`lat` real,
	`location_status` text NOT NULL,
	`adults` integer NOT NULL,
	`head_name` text,
	`head_phone` text,
	`consent` integer DEFAULT false NOT NULL,
	`do_not_contact` integer DEFAULT false NOT NULL,
	`is_demo` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`hamlet_id`) REFERENCES `hamlets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `households_commune_idx` ON `households` (`province_code`,`commune_code`,`hamlet_id`);--> statement-breakpoint
CREATE INDEX `households_address_idx` ON `households` (`commune_code`,`address_key`);--> statement-breakpoint
CREATE TABLE `route_stops` (
	`route_id` text NOT NULL,
	`seq` integer NOT NULL,
	`household_id` text NOT NULL,
	`province_code` text NOT NULL,
	`commune_code` text NOT NULL,
	PRIMARY KEY(`route_id`, `seq`),
	FOREIGN KEY (`route_id`) REFERENCES `routes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `route_stops_household_idx` ON `route_stops` (`province_code`,`commune_code`,`household_id`);--> statement-breakpoint
CREATE TABLE `routes` (
	`id` text PRIMARY KEY NOT NULL,
	`province_code` text NOT NULL,
	`commune_code` text NOT NULL,
	`team_id` text NOT NULL,
	`assignee_member_id` text,
	`name` text NOT NULL,
	`planned_on` text,
	`status` text NOT NULL,
	`distance_m` real,
	`estimated_minutes` integer,
	`is_demo` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assignee_member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `routes_team_idx` ON `routes` (`province_code`,`commune_code`,`team_id`);--> statement-breakpoint
CREATE INDEX `routes_assignee_idx` ON `routes` (`assignee_member_id`,`planned_on`);--> statement-breakpoint
CREATE TABLE `visit_services` (
	`visit_id` text NOT NULL,
	`service_code` text NOT NULL,
	`adults_using` integer NOT NULL,
	`helped` integer NOT NULL,
	PRIMARY KEY(`visit_id`, `service_code`),
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_code`) REFERENCES `services`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `visits` (
	`id` text PRIMARY KEY NOT NULL,
	`province_code` text NOT NULL,
	`commune_code` text NOT NULL,
	`household_id` text NOT NULL,
	`route_id` text,
	`member_id` text,
	`visited_at` integer NOT NULL,
	`outcome` text NOT NULL,
	`adults` integer NOT NULL,
	`people_helped` integer DEFAULT 0 NOT NULL,
	`note` text,
	`revisit_on` text,
	`payload_hash` text NOT NULL,
	`is_demo` integer DEFAULT false NOT NULL,
	`received_at` integer NOT NULL,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `visits_household_idx` ON `visits` (`province_code`,`commune_code`,`household_id`,`visited_at`);--> statement-breakpoint
CREATE INDEX `visits_route_idx` ON `visits` (`route_id`);--> statement-breakpoint
CREATE TABLE `official_stats` (
	`id` text PRIMARY KEY NOT NULL,
	`province_code` text NOT NULL,
	`commune_code` text,
	`old_commune_code` text,
	`period` text NOT NULL,
	`service_code` text NOT NULL,
	`value` real NOT NULL,
	`source` text NOT NULL,
	`imported_at` integer NOT NULL,
	FOREIGN KEY (`service_code`) REFERENCES `services`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `official_stats_area_idx` ON `official_stats` (`province_code`,`commune_code`,`period`);--> statement-breakpoint
CREATE TABLE `area_metrics` (
	`level` text NOT NULL,
	`code` text NOT NULL,
	`province_code` text,
	`period_start` text NOT NULL,
	`period_end` text NOT NULL,
	`teams` integer NOT NULL,
	`members` integer NOT NULL,
	`population` integer,
	`hamlets` integer NOT NULL,
	`hamlets_covered` integer NOT NULL,
	`households_known` integer NOT NULL,
	`households_reached` integer NOT NULL,
	`households_visited` integer NOT NULL,
	`demo_records` integer NOT NULL,
	`computed_at` integer NOT NULL,
	PRIMARY KEY(`level`, `code`)
);
--> statement-breakpoint
CREATE INDEX `area_metrics_province_idx` ON `area_metrics` (`level`,`province_code`);--> statement-breakpoint
CREATE TABLE `area_service_metrics` (
	`level` text NOT NULL,
	`code` text NOT NULL,
	`service_code` text NOT NULL,
	`province_code` text,
	`adults_using` integer NOT NULL,
	`adults_total` integer NOT NULL,
	`helped` integer NOT NULL,
	PRIMARY KEY(`level`, `code`, `service_code`)
);
--> statement-breakpoint
CREATE INDEX `area_service_metrics_service_idx` ON `area_service_metrics` (`level`,`service_code`);--> statement-breakpoint
CREATE TABLE `meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL
);
