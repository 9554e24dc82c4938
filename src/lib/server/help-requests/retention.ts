/**
 * Retention of help requests' personal fields (docs/help-requests.md): the phone and address of
 * a request that ended (visited or closed) more than PHONE_RETENTION_DAYS ago are erased by the
 * nightly run; the request keeps its code, status and services, so its status page and the
 * public count stay whole. The household it was matched to or made as keeps its own record,
 * under the households' own retention review (issue 13).
 */
import type { ShardRouter } from '../db/shards.ts';
import { PHONE_RETENTION_DAYS } from '../../domain/help-requests.ts';

/** Erases the phones and addresses due on every shard; returns how many requests it erased. */
export async function eraseEndedRequestPhones(shards: ShardRouter, now: number): Promise<number> {
	let erased = 0;
	const before = now - PHONE_RETENTION_DAYS * 86_400_000;
	for (const s of shards.all()) {
		const r = await s.db.$client
			.prepare(
				`UPDATE help_requests SET phone = NULL, address = NULL, phone_erased_at = ?2
				WHERE closed_at < ?1 AND phone IS NOT NULL`
			)
			.bind(before, now)
			.run();
		erased += r.meta.changes ?? 0;
	}
	return erased;
}
