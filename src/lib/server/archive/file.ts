/**
 * The archive file of one commune's visits of one month: gzip'd NDJSON, one visit a line with
 * its service rows. Only what reports and a re-import need is kept — no note, member, device,
 * route or revisit date (personal data stays out of the archive; the household id is an opaque
 * key that points nowhere once the household is erased).
 */
import { z } from 'zod';
import { VISIT_OUTCOMES } from '../../domain/choices.ts';

export const archivedVisit = z.object({
	id: z.string().min(1),
	provinceCode: z.string().min(1),
	communeCode: z.string().min(1),
	householdId: z.string().min(1),
	visitedAt: z.number().int(),
	receivedAt: z.number().int(),
	outcome: z.enum(VISIT_OUTCOMES),
	adults: z.number().int().min(0),
	peopleHelped: z.number().int().min(0),
	isDemo: z.boolean(),
	services: z.array(
		z.object({
			serviceCode: z.string().min(1),
			adultsUsing: z.number().int().min(0),
			helped: z.number().int().min(0)
		})
	)
});
export type ArchivedVisit = z.infer<typeof archivedVisit>;

/** The R2 key of a commune's month: visits/<province>/<commune>/<YYYY-MM>.ndjson.gz */
export const archiveKey = (provinceCode: string, communeCode: string, month: string) =>
	`visits/${provinceCode}/${communeCode}/${month}.ndjson.gz`;

/** Gzip'd NDJSON of the visits, sorted by time then id (the same visits → the same bytes). */
export async function encodeArchive(visits: ArchivedVisit[]): Promise<Uint8Array> {
	const sorted = [...visits].sort((a, b) => a.visitedAt - b.visitedAt || a.id.localeCompare(b.id));
	const text = sorted.map((v) => JSON.stringify(v)).join('\n') + (sorted.length ? '\n' : '');
	const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
	return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Error in an archive file: which line and why. */
export class ArchiveFileError extends Error {
	constructor(key: string, line: number, reason: string) {
		super(`${key}, line ${line}: ${reason}`);
		this.name = 'ArchiveFileError';
	}
}

/** The visits of an archive file; throws ArchiveFileError naming the line of a bad one. */
export async function decodeArchive(key: string, body: ReadableStream): Promise<ArchivedVisit[]> {
	const bytes = await new Response(body).arrayBuffer();
	const plain = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
	const text = await new Response(plain).text();
	return text
		.split('\n')
		.map((line, i) => [line, i + 1] as const)
		.filter(([line]) => line.trim() !== '')
		.map(([line, n]) => {
			let json: unknown;
			try {
				json = JSON.parse(line);
			} catch {
				throw new ArchiveFileError(key, n, 'not JSON');
			}
			const parsed = archivedVisit.safeParse(json);
			if (!parsed.success) {
				const issue = parsed.error.issues[0]!;
				throw new ArchiveFileError(key, n, `${issue.path.join('.') || 'visit'}: ${issue.message}`);
			}
			return parsed.data;
		});
}

/** The month totals of archived visits (what visit_months keeps). */
export function monthTotals(visits: ArchivedVisit[]) {
	const services = new Map<string, { asked: number; adultsUsing: number; helped: number }>();
	for (const v of visits) {
		for (const s of v.services) {
			const t = services.get(s.serviceCode) ?? { asked: 0, adultsUsing: 0, helped: 0 };
			services.set(s.serviceCode, {
				asked: t.asked + 1,
				adultsUsing: t.adultsUsing + s.adultsUsing,
				helped: t.helped + s.helped
			});
		}
	}
	return {
		visits: visits.length,
		met: visits.filter((v) => v.outcome === 'met').length,
		households: new Set(visits.map((v) => v.householdId)).size,
		peopleHelped: visits.reduce((n, v) => n + v.peopleHelped, 0),
		demoVisits: visits.filter((v) => v.isDemo).length,
		services
	};
}
