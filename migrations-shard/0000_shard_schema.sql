-- The schema of a province shard (docs/sharding.md): the records of households, routes and their
-- stops, visits with their services and conflicts, device sync state and the visit archive's
-- monthly totals, as migrations/ leaves them after 0009 — without the foreign keys into the
-- global D1 (hamlets, teams, members, services), which a shard cannot see; the write functions
-- check those in the global D1 before they write (src/lib/server/db/writes/validate.ts).
--
-- Also here: metrics_dirty, marked by this shard's triggers and read by the metrics job, and
-- audit_log, the outbox of the audit entries written with this shard's records (in the same
-- batch); the scheduled run moves them to the global audit_log (src/lib/server/auth/audit-outbox.ts).
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
	`updated_at` integer,
	`last_visit_id` text,
	`last_visit_at` integer,
	`last_outcome` text,
	`revisit_on` text,
	`priority` integer DEFAULT false NOT NULL,
	`reviewed_at` integer,
	`erased_at` integer
);
CREATE INDEX `households_commune_idx` ON `households` (`province_code`,`commune_code`,`hamlet_id`);
CREATE INDEX `households_address_idx` ON `households` (`commune_code`,`address_key`);

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
	`start_lon` real,
	`start_lat` real,
	`created_by` text,
	`assigned_at` integer,
	`updated_at` integer,
	`session` text,
	`travel_mode` text DEFAULT 'foot' NOT NULL,
	`session_minutes` integer,
	`travel_minutes` integer,
	`start_kind` text,
	`flag` text
);
CREATE INDEX `routes_team_idx` ON `routes` (`province_code`,`commune_code`,`team_id`);
CREATE INDEX `routes_assignee_idx` ON `routes` (`assignee_member_id`,`planned_on`);
CREATE INDEX `routes_calendar_idx` ON `routes` (`province_code`,`commune_code`,`planned_on`);

CREATE TABLE `route_stops` (
	`route_id` text NOT NULL,
	`seq` integer NOT NULL,
	`household_id` text NOT NULL,
	`province_code` text NOT NULL,
	`commune_code` text NOT NULL,
	`revisit` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`route_id`, `seq`),
	FOREIGN KEY (`route_id`) REFERENCES `routes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action
);
CREATE INDEX `route_stops_household_idx` ON `route_stops` (`province_code`,`commune_code`,`household_id`);
CREATE UNIQUE INDEX `route_stops_household_once` ON `route_stops` (`household_id`) WHERE "route_stops"."revisit" = 0;

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
	`device_id` text,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action
);
CREATE INDEX `visits_household_idx` ON `visits` (`province_code`,`commune_code`,`household_id`,`visited_at`);
CREATE INDEX `visits_route_idx` ON `visits` (`route_id`);
CREATE INDEX `visits_time_idx` ON `visits` (`visited_at`);

CREATE TABLE `visit_services` (
	`visit_id` text NOT NULL,
	`service_code` text NOT NULL,
	`adults_using` integer NOT NULL,
	`helped` integer NOT NULL,
	PRIMARY KEY(`visit_id`, `service_code`),
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE no action
);

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
CREATE INDEX `visit_conflicts_commune_idx` ON `visit_conflicts` (`province_code`,`commune_code`,`received_at`);
CREATE UNIQUE INDEX `visit_conflicts_visit_idx` ON `visit_conflicts` (`visit_id`,`payload_hash`);

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
CREATE INDEX `sync_devices_user_idx` ON `sync_devices` (`user_id`,`last_seen_at`);

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

CREATE TABLE `metrics_dirty` (
	`commune_code` text PRIMARY KEY NOT NULL,
	`marked_at` integer NOT NULL,
	`changes` integer DEFAULT 1 NOT NULL
);

CREATE TABLE `audit_log` (
	`id` text PRIMARY KEY NOT NULL,
	`at` integer NOT NULL,
	`actor_user_id` text,
	`actor_role` text,
	`kind` text NOT NULL,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text,
	`province_code` text,
	`commune_code` text,
	`detail` text,
	`request_id` text
);
CREATE INDEX `audit_area_idx` ON `audit_log` (`province_code`,`commune_code`,`at`);
CREATE INDEX `audit_at_idx` ON `audit_log` (`at`);
CREATE INDEX `audit_actor_action_idx` ON `audit_log` (`actor_user_id`,`action`,`at`);
CREATE INDEX `visits_household_time_idx` ON `visits` (`household_id`,`visited_at`);
CREATE INDEX `metrics_dirty_order_idx` ON `metrics_dirty` (`marked_at`,`commune_code`);
CREATE TRIGGER `households_mark_metrics_insert` AFTER INSERT ON `households` BEGIN
	INSERT INTO metrics_dirty (commune_code, marked_at, changes)
		SELECT NEW.commune_code, CAST(unixepoch('subsec') * 1000 AS INTEGER), 1 WHERE true
		ON CONFLICT (commune_code) DO UPDATE SET changes = changes + 1;
END;
CREATE TRIGGER `households_mark_metrics_update` AFTER UPDATE ON `households` BEGIN
	INSERT INTO metrics_dirty (commune_code, marked_at, changes)
		SELECT NEW.commune_code, CAST(unixepoch('subsec') * 1000 AS INTEGER), 1 WHERE true
		ON CONFLICT (commune_code) DO UPDATE SET changes = changes + 1;
	INSERT INTO metrics_dirty (commune_code, marked_at, changes)
		SELECT OLD.commune_code, CAST(unixepoch('subsec') * 1000 AS INTEGER), 1 WHERE OLD.commune_code <> NEW.commune_code
		ON CONFLICT (commune_code) DO UPDATE SET changes = changes + 1;
END;
CREATE TRIGGER `households_mark_metrics_delete` AFTER DELETE ON `households` BEGIN
	INSERT INTO metrics_dirty (commune_code, marked_at, changes)
		SELECT OLD.commune_code, CAST(unixepoch('subsec') * 1000 AS INTEGER), 1 WHERE true
		ON CONFLICT (commune_code) DO UPDATE SET changes = changes + 1;
END;
CREATE TRIGGER `visits_mark_metrics_insert` AFTER INSERT ON `visits` BEGIN
	INSERT INTO metrics_dirty (commune_code, marked_at, changes)
		SELECT NEW.commune_code, CAST(unixepoch('subsec') * 1000 AS INTEGER), 1 WHERE true
		ON CONFLICT (commune_code) DO UPDATE SET changes = changes + 1;
END;
CREATE TRIGGER `visits_mark_metrics_update` AFTER UPDATE ON `visits` BEGIN
	INSERT INTO metrics_dirty (commune_code, marked_at, changes)
		SELECT NEW.commune_code, CAST(unixepoch('subsec') * 1000 AS INTEGER), 1 WHERE true
		ON CONFLICT (commune_code) DO UPDATE SET changes = changes + 1;
	INSERT INTO metrics_dirty (commune_code, marked_at, changes)
		SELECT OLD.commune_code, CAST(unixepoch('subsec') * 1000 AS INTEGER), 1 WHERE OLD.commune_code <> NEW.commune_code
		ON CONFLICT (commune_code) DO UPDATE SET changes = changes + 1;
END;
CREATE TRIGGER `visits_mark_metrics_delete` AFTER DELETE ON `visits` BEGIN
	INSERT INTO metrics_dirty (commune_code, marked_at, changes)
		SELECT OLD.commune_code, CAST(unixepoch('subsec') * 1000 AS INTEGER), 1 WHERE true
		ON CONFLICT (commune_code) DO UPDATE SET changes = changes + 1;
END;
CREATE TRIGGER `visit_services_mark_metrics_insert` AFTER INSERT ON `visit_services` BEGIN
	INSERT INTO metrics_dirty (commune_code, marked_at, changes)
		SELECT v.commune_code, CAST(unixepoch('subsec') * 1000 AS INTEGER), 1 FROM visits v WHERE v.id = NEW.visit_id
		ON CONFLICT (commune_code) DO UPDATE SET changes = changes + 1;
END;
CREATE TRIGGER `visit_services_mark_metrics_update` AFTER UPDATE ON `visit_services` BEGIN
	INSERT INTO metrics_dirty (commune_code, marked_at, changes)
		SELECT v.commune_code, CAST(unixepoch('subsec') * 1000 AS INTEGER), 1 FROM visits v WHERE v.id = NEW.visit_id
		ON CONFLICT (commune_code) DO UPDATE SET changes = changes + 1;
END;
CREATE TRIGGER `visit_services_mark_metrics_delete` AFTER DELETE ON `visit_services` BEGIN
	INSERT INTO metrics_dirty (commune_code, marked_at, changes)
		SELECT v.commune_code, CAST(unixepoch('subsec') * 1000 AS INTEGER), 1 FROM visits v WHERE v.id = OLD.visit_id
		ON CONFLICT (commune_code) DO UPDATE SET changes = changes + 1;
END;
