/**
 * The training library's store (issue 17 §3, docs/guides.md): an uploaded zip is unpacked,
 * checked (domain/guides), its files put in R2 under their SHA-256 and a version row written
 * in D1. The same code path loads the built-in guides (scripts/load-guides.ts).
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import { unzipSync } from 'fflate';
import type { Db } from '../db/client.ts';
import { guideVersions, services, users } from '../db/schema/index.ts';
import { checkGuideUpload, type CheckedGuide } from '../../domain/guides/guide-files.ts';
import { refuseIfErrors } from '../../domain/csv-import.ts';
import {
	GUIDES_BUDGET_BYTES,
	guideFileUrl,
	IMAGE_TYPES,
	type GuideList,
	type PublishedGuide
} from '../../domain/guides/limits.ts';

/** The R2 key of a library file. */
export const guideObjectKey = (name: string) => `files/${name}`;

/** The media type of a library file by its extension. */
export function guideFileType(name: string): string {
	const ext = name.slice(name.lastIndexOf('.') + 1);
	return ext === 'json' ? 'application/json' : IMAGE_TYPES[ext as keyof typeof IMAGE_TYPES];
}

async function sha256(bytes: Uint8Array): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
	return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Puts a file under its hash unless it is there already. @returns its name and size. */
async function putFile(bucket: R2Bucket, bytes: Uint8Array, ext: string) {
	const name = `${await sha256(bytes)}.${ext === 'jpeg' ? 'jpg' : ext}`;
	if (!(await bucket.head(guideObjectKey(name)))) {
		await bucket.put(guideObjectKey(name), bytes, {
			httpMetadata: { contentType: guideFileType(name) }
		});
	}
	return { name, bytes: bytes.length };
}

/** Unpacks a zip. @throws ImportRefusedError when it is not one. */
export function unpackGuideZip(zip: Uint8Array): Record<string, Uint8Array> {
	try {
		return unzipSync(zip);
	} catch {
		refuseIfErrors([{ line: 0, field: 'gói', message: 'Không đọc được tệp .zip' }]);
		return {};
	}
}

/** Stores the pictures and the manifest of a checked guide. */
async function storeFiles(bucket: R2Bucket, checked: CheckedGuide) {
	const stored = new Map<string, { name: string; bytes: number }>();
	for (const [file, img] of checked.images)
		stored.set(file, await putFile(bucket, img.bytes, img.ext));
	const { guide } = checked;
	const published: PublishedGuide = {
		slug: guide.slug,
		service: guide.service,
		title: guide.title,
		summary: guide.summary,
		official: guide.official,
		steps: guide.steps.map((s) => {
			const f = s.image ? stored.get(s.image.file)! : null;
			return {
				title: s.title,
				text: s.text,
				image: f ? { src: guideFileUrl(f.name), alt: s.image!.alt, bytes: f.bytes } : null
			};
		})
	};
	const manifest = await putFile(
		bucket,
		new TextEncoder().encode(JSON.stringify(published)),
		'json'
	);
	const pictures = [...new Map([...stored.values()].map((f) => [f.name, f])).values()];
	return { manifest, pictures };
}

export interface UploadResult {
	slug: string;
	version: number;
	manifest: string;
	bytes: number;
	/** False when the upload is the current version already (nothing new written). */
	created: boolean;
}

/**
 * Publishes a guide from an uploaded zip: a new version of its id, or nothing when the content
 * equals the current version.
 * @throws ImportRefusedError with every line-numbered problem (nothing stored)
 */
export async function publishGuide(
	db: Db,
	bucket: R2Bucket,
	zip: Uint8Array,
	authorUserId: string | null,
	now = Date.now()
): Promise<UploadResult> {
	const codes = (await db.select({ code: services.code }).from(services)).map((s) => s.code);
	const { checked, errors } = checkGuideUpload(unpackGuideZip(zip), codes);
	refuseIfErrors(errors);
	const { manifest, pictures } = await storeFiles(bucket, checked!);
	const slug = checked!.guide.slug;
	const bytes = manifest.bytes + pictures.reduce((n, p) => n + p.bytes, 0);
	const [current] = await db
		.select({ version: guideVersions.version, manifest: guideVersions.manifest })
		.from(guideVersions)
		.where(eq(guideVersions.slug, slug))
		.orderBy(desc(guideVersions.version))
		.limit(1);
	if (current?.manifest === manifest.name)
		return { slug, version: current.version, manifest: manifest.name, bytes, created: false };
	const others = (await listGuides(db)).guides.filter((g) => g.slug !== slug);
	const total = others.reduce((n, g) => n + g.bytes, 0) + bytes;
	if (total > GUIDES_BUDGET_BYTES) {
		const mb = (n: number) => (n / 1024 / 1024).toFixed(1).replace('.', ',');
		refuseIfErrors([
			{
				line: 0,
				field: 'thư viện',
				message: `Cả thư viện sẽ nặng ${mb(total)} MB; nhiều nhất ${mb(GUIDES_BUDGET_BYTES)} MB để lưu trên điện thoại`
			}
		]);
	}
	const version = (current?.version ?? 0) + 1;
	await db.insert(guideVersions).values({
		slug,
		version,
		serviceCode: checked!.guide.service,
		title: checked!.guide.title,
		summary: checked!.guide.summary,
		manifest: manifest.name,
		files: JSON.stringify([manifest.name, ...pictures.map((p) => p.name)]),
		bytes,
		steps: checked!.guide.steps.length,
		authorUserId,
		createdAt: now
	});
	return { slug, version, manifest: manifest.name, bytes, created: true };
}

/** The current version of every guide, in the service catalogue's order, with the total size. */
export async function listGuides(db: Db): Promise<GuideList> {
	const latest = db
		.select({ slug: guideVersions.slug, v: sql<number>`max(${guideVersions.version})`.as('v') })
		.from(guideVersions)
		.groupBy(guideVersions.slug)
		.as('latest');
	const rows = await db
		.select({ g: guideVersions })
		.from(guideVersions)
		.innerJoin(
			latest,
			and(eq(latest.slug, guideVersions.slug), eq(latest.v, guideVersions.version))
		)
		.innerJoin(services, eq(services.code, guideVersions.serviceCode))
		.orderBy(services.sortOrder, guideVersions.slug);
	const guides = rows.map(({ g }) => ({
		slug: g.slug,
		service: g.serviceCode,
		title: g.title,
		summary: g.summary,
		version: g.version,
		manifest: g.manifest,
		bytes: g.bytes,
		steps: g.steps,
		updatedAt: g.createdAt,
		files: JSON.parse(g.files) as string[]
	}));
	return {
		guides,
		totalBytes: guides.reduce((n, g) => n + g.bytes, 0),
		budgetBytes: GUIDES_BUDGET_BYTES
	};
}

/** Every version of a guide, newest first, with who published it. */
export async function guideHistory(db: Db, slug: string) {
	return db
		.select({
			version: guideVersions.version,
			title: guideVersions.title,
			manifest: guideVersions.manifest,
			bytes: guideVersions.bytes,
			steps: guideVersions.steps,
			createdAt: guideVersions.createdAt,
			author: users.displayName
		})
		.from(guideVersions)
		.leftJoin(users, eq(users.id, guideVersions.authorUserId))
		.where(eq(guideVersions.slug, slug))
		.orderBy(desc(guideVersions.version));
}

/** A stored manifest, or null. */
export async function readGuide(
	bucket: R2Bucket,
	manifest: string
): Promise<PublishedGuide | null> {
	const obj = await bucket.get(guideObjectKey(manifest));
	return obj ? ((await obj.json()) as PublishedGuide) : null;
}
