/**
 * The files of an uploaded guide: guide.md and its pictures, checked before anything is stored.
 * Pictures must be what their name says (an SVG without scripts or outside links; PNG, JPEG or
 * WebP by their first bytes), small enough, and used by a step. Pure.
 */
import type { ImportError } from '../csv-import.ts';
import { parseGuideText, type DraftGuide } from './guide-format.ts';
import {
	GUIDE_TEXT_FILE,
	IMAGE_TYPES,
	MAX_GUIDE_BYTES,
	MAX_IMAGE_BYTES,
	type ImageExt
} from './limits.ts';

/** A checked upload: the guide and, per picture file name, its bytes and extension. */
export interface CheckedGuide {
	guide: DraftGuide;
	text: Uint8Array;
	images: Map<string, { bytes: Uint8Array; ext: ImageExt }>;
}

/** Ignored entries of a zip: folders, system files (macOS, Windows) and hidden files. */
const isJunk = (path: string) =>
	path.endsWith('/') || path.startsWith('__MACOSX/') || /(^|\/)(\.|Thumbs\.db$)/.test(path);

/** The files with a common top folder removed (a zipped folder), junk left out. */
export function normalizeUpload(files: Record<string, Uint8Array>): Map<string, Uint8Array> {
	const entries = Object.entries(files).filter(([p]) => !isJunk(p));
	const tops = new Set(entries.map(([p]) => (p.includes('/') ? p.split('/')[0] : '')));
	const strip = tops.size === 1 && !tops.has('') ? [...tops][0]!.length + 1 : 0;
	return new Map(entries.map(([p, b]) => [p.slice(strip), b]));
}

const SVG_FORBIDDEN: [RegExp, string][] = [
	[/<script/i, 'có <script>'],
	[/<foreignObject/i, 'có <foreignObject>'],
	[/\son[a-z]+\s*=/i, 'có thuộc tính sự kiện (on…)'],
	[/<!ENTITY|<!DOCTYPE/i, 'có khai báo DOCTYPE/ENTITY'],
	[/(?:href|src)\s*=\s*["'](?!#)/i, 'liên kết ra ngoài (href không bắt đầu bằng #)'],
	[/url\(\s*["']?(?!#)/i, 'url() ra ngoài'],
	[/javascript:/i, 'có javascript:']
];

/** Why an image's bytes are not what its extension says, or null. */
export function imageProblem(ext: ImageExt, bytes: Uint8Array): string | null {
	const head = (n: number) => [...bytes.subarray(0, n)];
	const starts = (sig: number[]) => sig.every((b, i) => head(sig.length)[i] === b);
	if (ext === 'svg') {
		let text: string;
		try {
			text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		} catch {
			return 'SVG không phải văn bản UTF-8';
		}
		if (!/<svg[\s>]/i.test(text)) return 'không phải tệp SVG';
		for (const [re, why] of SVG_FORBIDDEN) if (re.test(text)) return `SVG ${why}: không được phép`;
		return null;
	}
	if (ext === 'png') return starts([0x89, 0x50, 0x4e, 0x47]) ? null : 'không phải ảnh PNG';
	if (ext === 'jpg' || ext === 'jpeg')
		return starts([0xff, 0xd8, 0xff]) ? null : 'không phải ảnh JPEG';
	const riff = starts([0x52, 0x49, 0x46, 0x46]);
	const webp = String.fromCharCode(...bytes.subarray(8, 12)) === 'WEBP';
	return riff && webp ? null : 'không phải ảnh WebP';
}

const extOf = (name: string) => /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';

/** The pictures the steps use, checked; errors name the step's line. */
function checkImages(guide: DraftGuide, files: Map<string, Uint8Array>, errors: ImportError[]) {
	const images: CheckedGuide['images'] = new Map();
	for (const step of guide.steps) {
		const ref = step.image;
		if (!ref) continue;
		const ext = extOf(ref.file);
		const bytes = files.get(ref.file);
		const where = { line: ref.line, field: ref.file };
		if (!(ext in IMAGE_TYPES)) {
			errors.push({
				...where,
				message: `Loại hình không dùng được; dùng ${Object.keys(IMAGE_TYPES).join(', ')}`
			});
		} else if (!bytes) {
			errors.push({ ...where, message: 'Không có tệp này trong gói tải lên' });
		} else if (bytes.length > MAX_IMAGE_BYTES) {
			errors.push({
				...where,
				message: `Hình nặng ${Math.ceil(bytes.length / 1024)} KB; nhiều nhất ${MAX_IMAGE_BYTES / 1024} KB`
			});
		} else {
			const problem = imageProblem(ext as ImageExt, bytes);
			if (problem) errors.push({ ...where, message: problem });
			else images.set(ref.file, { bytes, ext: ext as ImageExt });
		}
	}
	return images;
}

/**
 * Checks an upload (file path → bytes, already unpacked).
 * @param services the service codes a guide may belong to
 * @returns the checked guide, or null with every problem (line 0: the upload as a whole)
 */
export function checkGuideUpload(
	upload: Record<string, Uint8Array>,
	services: readonly string[]
): { checked: CheckedGuide | null; errors: ImportError[] } {
	const files = normalizeUpload(upload);
	const text = files.get(GUIDE_TEXT_FILE);
	if (!text) {
		const names = [...files.keys()].slice(0, 5).join(', ') || 'không có tệp nào';
		return {
			checked: null,
			errors: [
				{
					line: 0,
					field: GUIDE_TEXT_FILE,
					message: `Gói cần tệp ${GUIDE_TEXT_FILE} (đã có: ${names})`
				}
			]
		};
	}
	let source: string;
	try {
		source = new TextDecoder('utf-8', { fatal: true }).decode(text);
	} catch {
		return {
			checked: null,
			errors: [{ line: 0, field: GUIDE_TEXT_FILE, message: 'Tệp phải lưu dạng UTF-8' }]
		};
	}
	const { draft: guide, errors } = parseGuideText(source, services);
	if (!guide) return { checked: null, errors };
	const images = checkImages(guide, files, errors);
	const used = new Set([
		GUIDE_TEXT_FILE,
		...guide.steps.flatMap((s) => (s.image ? [s.image.file] : []))
	]);
	for (const name of files.keys())
		if (!used.has(name))
			errors.push({ line: 0, field: name, message: 'Tệp không bước nào dùng; bỏ ra khỏi gói' });
	const total = text.length + [...images.values()].reduce((n, i) => n + i.bytes.length, 0);
	if (total > MAX_GUIDE_BYTES)
		errors.push({
			line: 0,
			field: 'gói',
			message: `Cả hướng dẫn nặng ${Math.ceil(total / 1024)} KB; nhiều nhất ${MAX_GUIDE_BYTES / 1024} KB`
		});
	return errors.length > 0
		? { checked: null, errors }
		: { checked: { guide, text, images }, errors };
}
