/**
 * The training guides on the phone (issue 17 §3, docs/guides.md): every current guide's step
 * cards and pictures saved in one cache, sized before downloading, kept up to date while online
 * (a new version's files are fetched, files no saved guide uses any more are freed), and read
 * from there offline. Guides are public: nothing personal is stored.
 */
import { apiRequest } from '$lib/api/client';
import { CACHE_NAMES } from '$lib/offline/sw/policy';
import {
	guideFileUrl,
	type GuideList,
	type GuideListItem,
	type PublishedGuide
} from '$lib/domain/guides/limits';

/** The saved list's key in the cache (not a server URL: the list as it was when saved). */
const SAVED_LIST = '/__guides/saved.json';
const LIST_URL = '/api/guides';
/** Parallel downloads (polite to a weak connection). */
const CONCURRENCY = 4;

export interface GuidesProgress {
	done: number;
	total: number;
	bytes: number;
}

/** The library now (online): what saving it takes. */
export async function fetchGuideList(): Promise<GuideList> {
	return (await apiRequest<GuideList>(LIST_URL, { cache: 'fresh', timeoutMs: 15_000 })).data;
}

/** The saved list, or null when nothing is saved. */
export async function savedGuideList(): Promise<GuideList | null> {
	if (typeof caches === 'undefined') return null;
	const res = await (await caches.open(CACHE_NAMES.guides)).match(SAVED_LIST);
	return res ? ((await res.json()) as GuideList) : null;
}

/** Fetches the files into the cache (those already there are kept). @throws on any failure */
async function download(cache: Cache, files: string[], onEach: (bytes: number) => void) {
	let next = 0;
	const failed: string[] = [];
	const worker = async () => {
		while (next < files.length) {
			const url = guideFileUrl(files[next++]!);
			if (await cache.match(url)) {
				onEach(0);
				continue;
			}
			try {
				const res = await fetch(url);
				if (!res.ok) throw new Error(String(res.status));
				const bytes = (await res.clone().arrayBuffer()).byteLength;
				await cache.put(url, res);
				onEach(bytes);
			} catch {
				failed.push(url);
			}
		}
	};
	await Promise.all(Array.from({ length: CONCURRENCY }, worker));
	if (failed.length > 0) throw new Error(`${failed.length} guide files could not be saved`);
}

/**
 * Saves every current guide (from `list`, or the library read now). Files of guides no longer
 * current are freed once the new ones are in.
 * @returns the saved list; throws (the previous save kept) when a file could not be fetched
 */
export async function saveGuides(
	onProgress: (p: GuidesProgress) => void = () => {},
	list?: GuideList
): Promise<GuideList> {
	const now = list ?? (await fetchGuideList());
	const cache = await caches.open(CACHE_NAMES.guides);
	const files = [...new Set(now.guides.flatMap((g) => g.files))];
	let done = 0;
	let bytes = 0;
	onProgress({ done, total: files.length, bytes });
	await download(cache, files, (b) =>
		onProgress({ done: ++done, total: files.length, bytes: (bytes += b) })
	);
	await cache.put(
		SAVED_LIST,
		new Response(JSON.stringify(now), { headers: { 'content-type': 'application/json' } })
	);
	const keep = new Set(files.map(guideFileUrl));
	for (const req of await cache.keys()) {
		const path = new URL(req.url).pathname;
		if (path !== SAVED_LIST && !keep.has(path)) await cache.delete(req);
	}
	return now;
}

/** Guides whose saved version is not the current one (or that are new or gone). */
export function changedGuides(saved: GuideList, now: GuideList): string[] {
	const before = new Map(saved.guides.map((g) => [g.slug, g.manifest]));
	const changed = now.guides.filter((g) => before.get(g.slug) !== g.manifest).map((g) => g.slug);
	const gone = saved.guides
		.filter((g) => !now.guides.some((n) => n.slug === g.slug))
		.map((g) => g.slug);
	return [...changed, ...gone];
}

/**
 * While online: brings saved guides up to the current versions.
 * @returns the slugs updated (empty when nothing is saved, nothing changed, or offline)
 */
export async function refreshSavedGuides(): Promise<string[]> {
	const saved = await savedGuideList();
	if (!saved) return [];
	let now: GuideList;
	try {
		now = await fetchGuideList();
	} catch {
		return [];
	}
	const changed = changedGuides(saved, now);
	if (changed.length === 0) return [];
	try {
		await saveGuides(() => {}, now);
		return changed;
	} catch {
		return []; // the older copy stays; the next visit online tries again
	}
}

/**
 * The library to save with a route pack: the current list when nothing is saved or a guide
 * changed, else null (nothing to download); null offline too.
 */
export async function guidesToSave(): Promise<GuideList | null> {
	const now = await fetchGuideList().catch(() => null);
	if (!now || now.guides.length === 0) return null;
	const saved = await savedGuideList();
	return !saved || changedGuides(saved, now).length > 0 ? now : null;
}

/** Removes the saved guides. */
export async function removeSavedGuides(): Promise<void> {
	await caches.delete(CACHE_NAMES.guides);
}

/** The list to show: the saved one offline, else the library now. */
export async function availableGuides(): Promise<{ list: GuideList; saved: boolean } | null> {
	const saved = await savedGuideList();
	if (saved) return { list: saved, saved: true };
	try {
		return { list: await fetchGuideList(), saved: false };
	} catch {
		return null;
	}
}

/** A guide's step cards: the saved copy, else the network. @throws when neither has it */
export async function loadGuide(item: GuideListItem): Promise<PublishedGuide> {
	const url = guideFileUrl(item.manifest);
	const saved =
		typeof caches === 'undefined'
			? undefined
			: await caches.match(url, { cacheName: CACHE_NAMES.guides });
	const res = saved ?? (await fetch(url));
	if (!res.ok) throw new Error(`HTTP ${res.status}`);
	return (await res.json()) as PublishedGuide;
}
