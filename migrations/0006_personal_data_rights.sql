ALTER TABLE `members` ADD `erased_at` integer;--> statement-breakpoint
ALTER TABLE `users` ADD `erased_at` integer;--> statement-breakpoint
ALTER TABLE `households` ADD `reviewed_at` integer;--> statement-breakpoint
ALTER TABLE `households` ADD `erased_at` integer;--> statement-breakpoint
CREATE INDEX `audit_actor_action_idx` ON `audit_log` (`actor_user_id`,`action`,`at`);