/**
 * The one contract of the training library (issue 17 §3): sizes, names and the shape of a
 * published guide. Shared by the upload check, the server's store, the offline save and pages.
 */

const KB = 1024;
const MB = KB * KB;

/** Every current guide saved on a phone together may weigh at most this (the 20 MB). */
export const GUIDES_BUDGET_BYTES = 20 * MB;
/** One guide version: its text and all its pictures. */
export const MAX_GUIDE_BYTES = 3 * MB;
/** One picture (an SVG drawing is a few KB; a photo must be made small first). */
export const MAX_IMAGE_BYTES = 1 * MB;
/** An uploaded zip, as sent (its files unpacked are held to MAX_GUIDE_BYTES). */
export const MAX_UPLOAD_BYTES = 4 * MB;
export const MAX_STEPS = 20;
export const MAX_TITLE_CHARS = 100;
export const MAX_SUMMARY_CHARS = 300;
export const MAX_STEP_TEXT_CHARS = 700;

/** The guide's text file inside an upload. */
export const GUIDE_TEXT_FILE = 'guide.md';

/** Picture types a guide may carry, by file extension. */
export const IMAGE_TYPES = {
	svg: 'image/svg+xml',
	png: 'image/png',
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	webp: 'image/webp'
} as const;
export type ImageExt = keyof typeof IMAGE_TYPES;

/** A guide's id: lowercase letters, digits and dashes ("vneid-muc-2"). */
export const GUIDE_SLUG = /^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$/;
/** A stored file's name: its SHA-256 and its extension (content-addressed, never changes). */
export const GUIDE_FILE_NAME = /^[0-9a-f]{64}\.(json|svg|png|jpg|webp)$/;

/** Where a content-addressed file of the library is served. */
export const guideFileUrl = (name: string) => `/api/guides/files/${name}`;

/** One step card of a published guide. */
export interface GuideStep {
	title: string;
	/** Paragraphs of plain text. */
	text: string[];
	image: { src: string; alt: string; bytes: number } | null;
}

/** A published guide version as stored (content-addressed JSON) and shown. */
export interface PublishedGuide {
	slug: string;
	service: string;
	title: string;
	summary: string;
	/** The official material (OneTouch or the service's own site). */
	official: { url: string; label: string } | null;
	steps: GuideStep[];
}

/** A current guide in the library's list. */
export interface GuideListItem {
	slug: string;
	service: string;
	title: string;
	summary: string;
	version: number;
	/** The manifest file's name (hash.json): changes with any change to the guide. */
	manifest: string;
	/** Manifest and pictures, as stored. */
	bytes: number;
	steps: number;
	updatedAt: number;
	/** Every file a phone saves for this guide: the manifest and its pictures. */
	files: string[];
}

export interface GuideList {
	guides: GuideListItem[];
	totalBytes: number;
	budgetBytes: number;
}
