-- Honest coverage of the figures (issue 16 §4): how many communes each figure stands on.
-- A commune row holds 0/1 indicators (the commune itself; has it any record; …); province and
-- country rows hold their sums, so "76,9 % — từ 152/3.321 xã có số liệu" is read, not scanned.
-- Rows written before this migration hold 0 (no basis known) until the metrics job rewrites them.
ALTER TABLE `area_metrics` ADD `communes` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `area_metrics` ADD `communes_with_records` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `area_metrics` ADD `communes_with_population` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `area_metrics` ADD `communes_with_hamlets` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `area_metrics` ADD `communes_with_households` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `area_service_metrics` ADD `communes_with_adults` integer DEFAULT 0 NOT NULL;
