CREATE TABLE `metrics_dirty` (
	`commune_code` text PRIMARY KEY NOT NULL,
	`marked_at` integer NOT NULL,
	`changes` integer DEFAULT 1 NOT NULL
);

--> statement-breakpoint
-- Every write to a record table marks its commune for the metrics job, in the write's own
-- transaction: no write path can forget it (issue 15, incremental metrics). An update marks
-- the old commune too when a record moves.
--> statement-breakpoint
CREATE TRIGGER `teams_mark_metrics_insert` AFTER INSERT ON `teams` BEGIN
	INSERT INTO metrics_dirty (commune_code, marked_at, changes)
		SELECT NEW.commune_code, CAST(unixepoch('subsec') * 1000 AS INTEGER), 1 WHERE true
		ON CONFLICT (commune_code) DO UPDATE SET changes = changes + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `teams_mark_metrics_update` AFTER UPDATE ON `teams` BEGIN
	INSERT INTO metrics_dirty (commune_code, marked_at, changes)
		SELECT NEW.commune_code, CAST(unixepoch('subsec') * 1000 AS INTEGER), 1 WHERE true
		ON CONFLICT (commune_code) DO UPDATE SET changes = changes + 1;
	INSERT INTO metrics_dirty (commune_code, marked_at, changes)
		SELECT OLD.commune_code, CAST(unixepoch('subsec') * 1000 AS INTEGER), 1 WHERE OLD.commune_code <> NEW.commune_code
		ON CONFLICT (commune_code) DO UPDATE SET changes = changes + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `teams_mark_metrics_delete` AFTER DELETE ON `teams` BEGIN
	INSERT INTO metrics_dirty (commune_code, marked_at, changes)
		SELECT OLD.commune_code, CAST(unixepoch('subsec') * 1000 AS INTEGER), 1 WHERE true
		ON CONFLICT (commune_code) DO UPDATE SET changes = changes + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `members_mark_metrics_insert` AFTER INSERT ON `members` BEGIN
	INSERT INTO metrics_dirty (commune_code, marked_at, changes)
		SELECT NEW.commune_code, CAST(unixepoch('subsec') * 1000 AS INTEGER), 1 WHERE true
		ON CONFLICT (commune_code) DO UPDATE SET changes = changes + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `members_mark_metrics_update` AFTER UPDATE ON `members` BEGIN
	INSERT INTO metrics_dirty (commune_code, marked_at, changes)
		SELECT NEW.commune_code, CAST(unixepoch('subsec') * 1000 AS INTEGER), 1 WHERE true
		ON CONFLICT (commune_code) DO UPDATE SET changes = changes + 1;
	INSERT INTO metrics_dirty (commune_code, marked_at, changes)
		SELECT OLD.commune_code, CAST(unixepoch('subsec') * 1000 AS INTEGER), 1 WHERE OLD.commune_code <> NEW.commune_code
		ON CONFLICT (commune_code) DO UPDATE SET changes = changes + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `members_mark_metrics_delete` AFTER DELETE ON `members` BEGIN
	INSERT INTO metrics_dirty (commune_code, marked_at, changes)
		SELECT OLD.commune_code, CAST(unixepoch('subsec') * 1000 AS INTEGER), 1 WHERE true
		ON CONFLICT (commune_code) DO UPDATE SET changes = changes + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `hamlets_mark_metrics_insert` AFTER INSERT ON `hamlets` BEGIN
	INSERT INTO metrics_dirty (commune_code, marked_at, changes)
		SELECT NEW.commune_code, CAST(unixepoch('subsec') * 1000 AS INTEGER), 1 WHERE true
		ON CONFLICT (commune_code) DO UPDATE SET changes = changes + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `hamlets_mark_metrics_update` AFTER UPDATE ON `hamlets` BEGIN
	INSERT INTO metrics_dirty (commune_code, marked_at, changes)
		SELECT NEW.commune_code, CAST(unixepoch('subsec') * 1000 AS INTEGER), 1 WHERE true
		ON CONFLICT (commune_code) DO UPDATE SET changes = changes + 1;
	INSERT INTO metrics_dirty (commune_code, marked_at, changes)
		SELECT OLD.commune_code, CAST(unixepoch('subsec') * 1000 AS INTEGER), 1 WHERE OLD.commune_code <> NEW.commune_code
		ON CONFLICT (commune_code) DO UPDATE SET changes = changes + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `hamlets_mark_metrics_delete` AFTER DELETE ON `hamlets` BEGIN
	INSERT INTO metrics_dirty (commune_code, marked_at, changes)
		SELECT OLD.commune_code, CAST(unixepoch('subsec') * 1000 AS INTEGER), 1 WHERE true
		ON CONFLICT (commune_code) DO UPDATE SET changes = changes + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `households_mark_metrics_insert` AFTER INSERT ON `households` BEGIN
	INSERT INTO metrics_dirty (commune_code, marked_at, changes)
		SELECT NEW.commune_code, CAST(unixepoch('subsec') * 1000 AS INTEGER), 1 WHERE true
		ON CONFLICT (commune_code) DO UPDATE SET changes = changes + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `households_mark_metrics_update` AFTER UPDATE ON `households` BEGIN
	INSERT INTO metrics_dirty (commune_code, marked_at, changes)
		SELECT NEW.commune_code, CAST(unixepoch('subsec') * 1000 AS INTEGER), 1 WHERE true
		ON CONFLICT (commune_code) DO UPDATE SET changes = changes + 1;
	INSERT INTO metrics_dirty (commune_code, marked_at, changes)
		SELECT OLD.commune_code, CAST(unixepoch('subsec') * 1000 AS INTEGER), 1 WHERE OLD.commune_code <> NEW.commune_code
		ON CONFLICT (commune_code) DO UPDATE SET changes = changes + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `households_mark_metrics_delete` AFTER DELETE ON `households` BEGIN
	INSERT INTO metrics_dirty (commune_code, marked_at, changes)
		SELECT OLD.commune_code, CAST(unixepoch('subsec') * 1000 AS INTEGER), 1 WHERE true
		ON CONFLICT (commune_code) DO UPDATE SET changes = changes + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `visits_mark_metrics_insert` AFTER INSERT ON `visits` BEGIN
	INSERT INTO metrics_dirty (commune_code, marked_at, changes)
		SELECT NEW.commune_code, CAST(unixepoch('subsec') * 1000 AS INTEGER), 1 WHERE true
		ON CONFLICT (commune_code) DO UPDATE SET changes = changes + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `visits_mark_metrics_update` AFTER UPDATE ON `visits` BEGIN
	INSERT INTO metrics_dirty (commune_code, marked_at, changes)
		SELECT NEW.commune_code, CAST(unixepoch('subsec') * 1000 AS INTEGER), 1 WHERE true
		ON CONFLICT (commune_code) DO UPDATE SET changes = changes + 1;
	INSERT INTO metrics_dirty (commune_code, marked_at, changes)
		SELECT OLD.commune_code, CAST(unixepoch('subsec') * 1000 AS INTEGER), 1 WHERE OLD.commune_code <> NEW.commune_code
		ON CONFLICT (commune_code) DO UPDATE SET changes = changes + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `visits_mark_metrics_delete` AFTER DELETE ON `visits` BEGIN
	INSERT INTO metrics_dirty (commune_code, marked_at, changes)
		SELECT OLD.commune_code, CAST(unixepoch('subsec') * 1000 AS INTEGER), 1 WHERE true
		ON CONFLICT (commune_code) DO UPDATE SET changes = changes + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `visit_services_mark_metrics_insert` AFTER INSERT ON `visit_services` BEGIN
	INSERT INTO metrics_dirty (commune_code, marked_at, changes)
		SELECT v.commune_code, CAST(unixepoch('subsec') * 1000 AS INTEGER), 1 FROM visits v WHERE v.id = NEW.visit_id
		ON CONFLICT (commune_code) DO UPDATE SET changes = changes + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `visit_services_mark_metrics_update` AFTER UPDATE ON `visit_services` BEGIN
	INSERT INTO metrics_dirty (commune_code, marked_at, changes)
		SELECT v.commune_code, CAST(unixepoch('subsec') * 1000 AS INTEGER), 1 FROM visits v WHERE v.id = NEW.visit_id
		ON CONFLICT (commune_code) DO UPDATE SET changes = changes + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `visit_services_mark_metrics_delete` AFTER DELETE ON `visit_services` BEGIN
	INSERT INTO metrics_dirty (commune_code, marked_at, changes)
		SELECT v.commune_code, CAST(unixepoch('subsec') * 1000 AS INTEGER), 1 FROM visits v WHERE v.id = OLD.visit_id
		ON CONFLICT (commune_code) DO UPDATE SET changes = changes + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `communes_mark_metrics_update` AFTER UPDATE OF population, population_usable, province_code ON `communes` BEGIN
	INSERT INTO metrics_dirty (commune_code, marked_at, changes)
		SELECT NEW.code, CAST(unixepoch('subsec') * 1000 AS INTEGER), 1 WHERE true
		ON CONFLICT (commune_code) DO UPDATE SET changes = changes + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `communes_mark_metrics_insert` AFTER INSERT ON `communes` BEGIN
	INSERT INTO metrics_dirty (commune_code, marked_at, changes)
		SELECT NEW.code, CAST(unixepoch('subsec') * 1000 AS INTEGER), 1 WHERE true
		ON CONFLICT (commune_code) DO UPDATE SET changes = changes + 1;
END;
