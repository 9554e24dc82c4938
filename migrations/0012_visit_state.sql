CREATE TABLE `commune_days` (
	`province_code` text NOT NULL,
	`commune_code` text NOT NULL,
	`day` integer NOT NULL,
	`visits` integer NOT NULL,
	`demo_visits` integer NOT NULL,
	PRIMARY KEY(`province_code`, `commune_code`, `day`)
);
--> statement-breakpoint
CREATE TABLE `commune_service_days` (
	`province_code` text NOT NULL,
	`commune_code` text NOT NULL,
	`day` integer NOT NULL,
	`service_code` text NOT NULL,
	`helped` integer DEFAULT 0 NOT NULL,
	`adults_using` integer DEFAULT 0 NOT NULL,
	`adults` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`province_code`, `commune_code`, `day`, `service_code`)
);
--> statement-breakpoint
ALTER TABLE `households` ADD `services_state` text;--> statement-breakpoint
-- Triggers keep the two day tables with every write to visits, their services and households,
-- in the write's own transaction (src/lib/server/db/schema/visit-state.ts). A Vietnam day is
-- (epoch ms + 25.200.000) / 86.400.000. Service rows are deleted before their visit (the
-- foreign key), so a deleted service row still finds its visit's commune and day.
CREATE TRIGGER `visits_days_insert` AFTER INSERT ON `visits` BEGIN
	INSERT INTO commune_days (province_code, commune_code, day, visits, demo_visits)
		VALUES (NEW.province_code, NEW.commune_code, (NEW.visited_at + 25200000) / 86400000, 1, NEW.is_demo)
		ON CONFLICT (province_code, commune_code, day)
		DO UPDATE SET visits = visits + 1, demo_visits = demo_visits + excluded.demo_visits;
END;
--> statement-breakpoint
CREATE TRIGGER `visits_days_delete` AFTER DELETE ON `visits` BEGIN
	UPDATE commune_days SET visits = visits - 1, demo_visits = demo_visits - OLD.is_demo
		WHERE province_code = OLD.province_code AND commune_code = OLD.commune_code
			AND day = (OLD.visited_at + 25200000) / 86400000;
END;
--> statement-breakpoint
CREATE TRIGGER `visit_services_days_insert` AFTER INSERT ON `visit_services` BEGIN
	INSERT INTO commune_service_days (province_code, commune_code, day, service_code, helped)
		SELECT province_code, commune_code, (visited_at + 25200000) / 86400000, NEW.service_code,
			NEW.helped
		FROM visits WHERE id = NEW.visit_id
		ON CONFLICT (province_code, commune_code, day, service_code)
		DO UPDATE SET helped = helped + excluded.helped;
END;
--> statement-breakpoint
CREATE TRIGGER `visit_services_days_delete` AFTER DELETE ON `visit_services` BEGIN
	UPDATE commune_service_days SET helped = helped - OLD.helped
		WHERE service_code = OLD.service_code
			AND province_code = (SELECT province_code FROM visits WHERE id = OLD.visit_id)
			AND commune_code = (SELECT commune_code FROM visits WHERE id = OLD.visit_id)
			AND day = (SELECT (visited_at + 25200000) / 86400000 FROM visits WHERE id = OLD.visit_id);
END;
--> statement-breakpoint
-- Backfill from the visits already stored.
INSERT INTO commune_days (province_code, commune_code, day, visits, demo_visits)
	SELECT province_code, commune_code, (visited_at + 25200000) / 86400000, count(*), sum(is_demo)
	FROM visits GROUP BY 1, 2, 3;
--> statement-breakpoint
INSERT INTO commune_service_days (province_code, commune_code, day, service_code, helped)
	SELECT v.province_code, v.commune_code, (v.visited_at + 25200000) / 86400000, vs.service_code,
		sum(vs.helped)
	FROM visits AS v JOIN visit_services AS vs ON vs.visit_id = v.id GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
-- The services' state, as householdStatusStatements keeps it from now on.
UPDATE households SET services_state = (
	SELECT json_group_object(service_code, json_array(visited_at, adults_using, adults))
	FROM (SELECT vs.service_code, v.visited_at, vs.adults_using, v.adults, row_number() OVER (
			PARTITION BY vs.service_code ORDER BY v.visited_at DESC, v.id DESC) AS rn
		FROM visits AS v JOIN visit_services AS vs ON vs.visit_id = v.id
		WHERE v.household_id = households.id AND v.outcome = 'met')
	WHERE rn = 1)
WHERE last_visit_id IS NOT NULL;
--> statement-breakpoint
INSERT INTO commune_service_days (province_code, commune_code, day, service_code, adults_using,
		adults)
	SELECT h.province_code, h.commune_code, ((j.value ->> 0) + 25200000) / 86400000, j.key,
		sum(j.value ->> 1), sum(j.value ->> 2)
	FROM households AS h, json_each(h.services_state) AS j WHERE true
	GROUP BY 1, 2, 3, 4
	ON CONFLICT (province_code, commune_code, day, service_code)
	DO UPDATE SET adults_using = excluded.adults_using, adults = excluded.adults;
--> statement-breakpoint
-- A household's services state counts on the day of each observation: a change moves it.
CREATE TRIGGER `households_adoption_insert` AFTER INSERT ON `households`
	WHEN NEW.services_state IS NOT NULL BEGIN
	INSERT INTO commune_service_days (province_code, commune_code, day, service_code, adults_using,
			adults)
		SELECT NEW.province_code, NEW.commune_code, ((j.value ->> 0) + 25200000) / 86400000, j.key,
			j.value ->> 1, j.value ->> 2
		FROM json_each(NEW.services_state) AS j WHERE true
		ON CONFLICT (province_code, commune_code, day, service_code) DO UPDATE SET
			adults_using = adults_using + excluded.adults_using, adults = adults + excluded.adults;
END;
--> statement-breakpoint
CREATE TRIGGER `households_adoption_update`
	AFTER UPDATE OF services_state, province_code, commune_code ON `households`
	WHEN OLD.services_state IS NOT NEW.services_state OR OLD.commune_code <> NEW.commune_code
		OR OLD.province_code <> NEW.province_code BEGIN
	INSERT INTO commune_service_days (province_code, commune_code, day, service_code, adults_using,
			adults)
		SELECT OLD.province_code, OLD.commune_code, ((j.value ->> 0) + 25200000) / 86400000, j.key,
			-(j.value ->> 1), -(j.value ->> 2)
		FROM json_each(OLD.services_state) AS j WHERE true
		ON CONFLICT (province_code, commune_code, day, service_code) DO UPDATE SET
			adults_using = adults_using + excluded.adults_using, adults = adults + excluded.adults;
	INSERT INTO commune_service_days (province_code, commune_code, day, service_code, adults_using,
			adults)
		SELECT NEW.province_code, NEW.commune_code, ((j.value ->> 0) + 25200000) / 86400000, j.key,
			j.value ->> 1, j.value ->> 2
		FROM json_each(NEW.services_state) AS j WHERE true
		ON CONFLICT (province_code, commune_code, day, service_code) DO UPDATE SET
			adults_using = adults_using + excluded.adults_using, adults = adults + excluded.adults;
END;
--> statement-breakpoint
CREATE TRIGGER `households_adoption_delete` AFTER DELETE ON `households`
	WHEN OLD.services_state IS NOT NULL BEGIN
	INSERT INTO commune_service_days (province_code, commune_code, day, service_code, adults_using,
			adults)
		SELECT OLD.province_code, OLD.commune_code, ((j.value ->> 0) + 25200000) / 86400000, j.key,
			-(j.value ->> 1), -(j.value ->> 2)
		FROM json_each(OLD.services_state) AS j WHERE true
		ON CONFLICT (province_code, commune_code, day, service_code) DO UPDATE SET
			adults_using = adults_using + excluded.adults_using, adults = adults + excluded.adults;
END;
