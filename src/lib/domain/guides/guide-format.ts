/**
 * Reading a guide's text file (guide.md): a front matter of `key: value` lines between `---`,
 * then one step card per `## ` heading, its paragraphs and at most one picture
 * `![what it shows](file.svg)`. Pure; every problem names its line and field, in Vietnamese.
 */
import type { ImportError } from '../csv-import.ts';
import {
	GUIDE_SLUG,
	MAX_STEP_TEXT_CHARS,
	MAX_STEPS,
	MAX_SUMMARY_CHARS,
	MAX_TITLE_CHARS
} from './limits.ts';

/** A step as written: its picture still a file name of the upload. */
export interface DraftStep {
	line: number;
	title: string;
	text: string[];
	image: { file: string; alt: string; line: number } | null;
}

export interface DraftGuide {
	slug: string;
	service: string;
	title: string;
	summary: string;
	official: { url: string; label: string } | null;
	steps: DraftStep[];
}

const KEYS = ['id', 'service', 'title', 'summary', 'official'] as const;
type Key = (typeof KEYS)[number];
const IMAGE_LINE = /^!\[([^\]]*)\]\(([^)\s]+)\)$/;

const err = (line: number, field: string, message: string): ImportError => ({
	line,
	field,
	message
});

/** The front matter's values and where it ends; errors for a missing or malformed one. */
function readFrontMatter(lines: string[], errors: ImportError[]) {
	const values: Partial<Record<Key, { value: string; line: number }>> = {};
	if (lines[0]?.trim() !== '---') {
		errors.push(
			err(1, 'front matter', 'Tệp phải bắt đầu bằng dòng "---" rồi đến id, service, title')
		);
		return { values, end: -1 };
	}
	for (let i = 1; i < lines.length; i++) {
		const raw = lines[i]!.trim();
		if (raw === '---') return { values, end: i };
		if (raw === '') continue;
		const m = /^([a-z]+)\s*:\s*(.*)$/.exec(raw);
		if (!m) {
			errors.push(err(i + 1, 'front matter', 'Dòng phải có dạng "khóa: giá trị"'));
			continue;
		}
		const key = m[1] as Key;
		if (!KEYS.includes(key)) {
			errors.push(err(i + 1, m[1]!, `Khóa không dùng được; các khóa: ${KEYS.join(', ')}`));
			continue;
		}
		if (values[key]) errors.push(err(i + 1, key, 'Khóa này đã có ở dòng trên'));
		values[key] = { value: m[2]!.trim(), line: i + 1 };
	}
	errors.push(err(1, 'front matter', 'Thiếu dòng "---" kết thúc phần đầu'));
	return { values, end: -1 };
}

/** The front matter's fields checked; null where a required one is missing or wrong. */
function headerFields(
	values: Partial<Record<Key, { value: string; line: number }>>,
	services: readonly string[],
	errors: ImportError[]
) {
	const need = (k: 'id' | 'service' | 'title') => {
		if (!values[k]?.value) errors.push(err(1, k, `Thiếu "${k}:" trong phần đầu`));
		return values[k];
	};
	const id = need('id');
	if (id?.value && !GUIDE_SLUG.test(id.value))
		errors.push(
			err(id.line, 'id', 'Chỉ dùng chữ thường không dấu, số và dấu gạch (vd. vneid-muc-2)')
		);
	const service = need('service');
	if (service?.value && !services.includes(service.value))
		errors.push(
			err(
				service.line,
				'service',
				`Không có dịch vụ "${service.value}"; có: ${services.join(', ')}`
			)
		);
	const title = need('title');
	if (title && title.value.length > MAX_TITLE_CHARS)
		errors.push(err(title.line, 'title', `Tên dài quá ${MAX_TITLE_CHARS} ký tự`));
	const summary = values.summary;
	if (summary && summary.value.length > MAX_SUMMARY_CHARS)
		errors.push(err(summary.line, 'summary', `Tóm tắt dài quá ${MAX_SUMMARY_CHARS} ký tự`));
	let official: DraftGuide['official'] = null;
	if (values.official) {
		const [url = '', label = ''] = values.official.value.split('|').map((s) => s.trim());
		if (!/^https:\/\/[^\s]+$/.test(url))
			errors.push(
				err(values.official.line, 'official', 'Cần một địa chỉ https:// (vd. trang OneTouch)')
			);
		else official = { url, label: label || url };
	}
	return {
		slug: id?.value ?? '',
		service: service?.value ?? '',
		title: title?.value ?? '',
		summary: summary?.value ?? '',
		official
	};
}

/** The steps after the front matter. */
function readSteps(lines: string[], from: number, errors: ImportError[]): DraftStep[] {
	const steps: DraftStep[] = [];
	let para: string[] = [];
	const flush = () => {
		const step = steps.at(-1);
		if (para.length > 0 && step) step.text.push(para.join(' '));
		para = [];
	};
	for (let i = from; i < lines.length; i++) {
		const line = lines[i]!.trim();
		const n = i + 1;
		if (line.startsWith('## ') || line === '##') {
			flush();
			steps.push({ line: n, title: line.slice(2).trim(), text: [], image: null });
			continue;
		}
		if (line === '') {
			flush();
			continue;
		}
		const step = steps.at(-1);
		if (!step) {
			errors.push(err(n, 'bước', 'Nội dung phải nằm dưới tiêu đề một bước ("## Tên bước")'));
			continue;
		}
		const img = IMAGE_LINE.exec(line);
		if (img) {
			flush();
			if (step.image) errors.push(err(n, 'hình', 'Mỗi bước chỉ có một hình'));
			else step.image = { alt: img[1]!.trim(), file: img[2]!, line: n };
			continue;
		}
		if (line.startsWith('#')) errors.push(err(n, 'bước', 'Chỉ dùng "## " cho tiêu đề bước'));
		else para.push(line);
	}
	flush();
	return steps;
}

/** The checks of each step: a title, some text, a described picture. */
function checkSteps(steps: DraftStep[], errors: ImportError[]): void {
	if (steps.length === 0)
		errors.push(err(1, 'bước', 'Hướng dẫn cần ít nhất một bước ("## Tên bước")'));
	if (steps.length > MAX_STEPS)
		errors.push(err(steps[MAX_STEPS]!.line, 'bước', `Nhiều nhất ${MAX_STEPS} bước`));
	for (const s of steps) {
		if (!s.title) errors.push(err(s.line, 'bước', 'Bước thiếu tiêu đề'));
		else if (s.title.length > MAX_TITLE_CHARS)
			errors.push(err(s.line, 'bước', `Tiêu đề bước dài quá ${MAX_TITLE_CHARS} ký tự`));
		const chars = s.text.join(' ').length;
		if (chars === 0) errors.push(err(s.line, 'bước', 'Bước chưa có lời hướng dẫn'));
		if (chars > MAX_STEP_TEXT_CHARS)
			errors.push(
				err(
					s.line,
					'bước',
					`Lời của bước dài ${chars} ký tự; nhiều nhất ${MAX_STEP_TEXT_CHARS} (để người dân đọc được)`
				)
			);
		if (s.image && !s.image.alt)
			errors.push(err(s.image.line, 'hình', 'Hình cần lời mô tả: ![Hình cho thấy gì](tệp.svg)'));
	}
}

/**
 * Reads guide.md.
 * @param services the service codes a guide may belong to
 * @returns the guide, or null with every problem found; `draft` is what could be read even so
 *   (its pictures are checked too, so one upload reports every problem)
 */
export function parseGuideText(
	text: string,
	services: readonly string[]
): { guide: DraftGuide | null; draft: DraftGuide | null; errors: ImportError[] } {
	const errors: ImportError[] = [];
	const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
	const { values, end } = readFrontMatter(lines, errors);
	if (end < 0) return { guide: null, draft: null, errors };
	const header = headerFields(values, services, errors);
	const steps = readSteps(lines, end + 1, errors);
	checkSteps(steps, errors);
	const draft = { ...header, steps };
	return { guide: errors.length > 0 ? null : draft, draft, errors };
}
