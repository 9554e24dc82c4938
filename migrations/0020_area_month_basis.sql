-- Honest coverage of the monthly series (issue 16 §4 for months): how many communes each
-- province's and the country's figure of a month stands on, as area_metrics (0015) holds for the
-- 12-month figures. Province and country rows hold the sums (written by the series' roll-up,
-- src/lib/server/metrics/months-store.ts); commune rows keep 0 (a commune's own figure needs no
-- basis). The rows already stored are filled below from their communes' rows.
ALTER TABLE `area_months` ADD `communes` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `area_months` ADD `communes_with_records` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `area_months` ADD `communes_with_population` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `area_months` ADD `communes_with_hamlets` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `area_months` ADD `communes_with_households` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `area_month_services` ADD `communes_with_adults` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
UPDATE `area_months` SET
	`communes` = (SELECT count(*) FROM `communes` c WHERE c.province_code = area_months.code),
	`communes_with_records` = (SELECT count(*) FROM `area_months` m WHERE m.level = 'commune'
		AND m.month = area_months.month AND m.province_code = area_months.code
		AND coalesce(m.teams, 0) + coalesce(m.members, 0) + coalesce(m.hamlets, 0)
			+ coalesce(m.households_known, 0) > 0),
	`communes_with_population` = (SELECT count(*) FROM `area_months` m WHERE m.level = 'commune'
		AND m.month = area_months.month AND m.province_code = area_months.code
		AND m.population IS NOT NULL AND m.members IS NOT NULL
		AND coalesce(m.teams, 0) + coalesce(m.members, 0) + coalesce(m.hamlets, 0)
			+ coalesce(m.households_known, 0) > 0),
	`communes_with_hamlets` = (SELECT count(*) FROM `area_months` m WHERE m.level = 'commune'
		AND m.month = area_months.month AND m.province_code = area_months.code
		AND m.hamlets_covered IS NOT NULL AND m.hamlets > 0),
	`communes_with_households` = (SELECT count(*) FROM `area_months` m WHERE m.level = 'commune'
		AND m.month = area_months.month AND m.province_code = area_months.code
		AND m.households_reached IS NOT NULL AND m.households_known > 0)
WHERE `level` = 'province';
--> statement-breakpoint
UPDATE `area_month_services` SET
	`communes_with_adults` = (SELECT count(*) FROM `area_month_services` m
		WHERE m.level = 'commune' AND m.month = area_month_services.month
		AND m.service_code = area_month_services.service_code
		AND m.province_code = area_month_services.code
		AND m.adults_using IS NOT NULL AND m.adults_total > 0)
WHERE `level` = 'province';
--> statement-breakpoint
UPDATE `area_months` SET
	`communes` = (SELECT count(*) FROM `communes`),
	`communes_with_records` = (SELECT coalesce(sum(p.communes_with_records), 0) FROM `area_months` p
		WHERE p.level = 'province' AND p.month = area_months.month),
	`communes_with_population` = (SELECT coalesce(sum(p.communes_with_population), 0)
		FROM `area_months` p WHERE p.level = 'province' AND p.month = area_months.month),
	`communes_with_hamlets` = (SELECT coalesce(sum(p.communes_with_hamlets), 0) FROM `area_months` p
		WHERE p.level = 'province' AND p.month = area_months.month),
	`communes_with_households` = (SELECT coalesce(sum(p.communes_with_households), 0)
		FROM `area_months` p WHERE p.level = 'province' AND p.month = area_months.month)
WHERE `level` = 'country';
--> statement-breakpoint
UPDATE `area_month_services` SET
	`communes_with_adults` = (SELECT coalesce(sum(p.communes_with_adults), 0)
		FROM `area_month_services` p WHERE p.level = 'province' AND p.month = area_month_services.month
		AND p.service_code = area_month_services.service_code)
WHERE `level` = 'country';
