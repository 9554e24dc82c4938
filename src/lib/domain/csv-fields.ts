/**
 * Field parsers shared by CSV imports and the login form: phone numbers, e-mail addresses,
 * dates and labelled choices. Each returns the normalised value or an error message (in
 * Vietnamese, the language of the people who fix the file), never throws.
 */
import { pointIssues, pointOf, VN_BOUNDS, type LonLat } from './point.ts';
import { cleanText, searchKey } from './text.ts';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(error: string): Parsed<T> => ({ ok: false, error });

/**
 * Vietnamese phone → "0" + 9 or 10 digits. Accepts spaces, dots, dashes and brackets, a
 * "+84"/"84" prefix, and the 9-digit mobile numbers spreadsheets make by dropping the 0.
 */
export function parsePhone(raw: string): Parsed<string> {
	// Numbers copied from a phone's contacts often carry invisible bidi marks: cleanText drops them.
	let digits = cleanText(raw).replace(/[\s.\-()]/g, '');
	if (digits.startsWith('+84')) digits = '0' + digits.slice(3);
	else if (/^84\d{9,10}$/.test(digits)) digits = '0' + digits.slice(2);
	else if (/^[35789]\d{8}$/.test(digits)) digits = '0' + digits;
	if (!/^0\d{9,10}$/.test(digits)) {
		return fail(`số điện thoại "${raw}" không hợp lệ (cần 10 chữ số, ví dụ 0912345678)`);
	}
	return ok(digits);
}

/** E-mail → trimmed lower case, with a plain shape check (delivery is not our concern). */
export function parseEmail(raw: string): Parsed<string> {
	const email = cleanText(raw).toLowerCase();
	if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254) {
		return fail(`địa chỉ email "${raw}" không hợp lệ`);
	}
	return ok(email);
}

/** What a login field holds: a phone number or an e-mail, normalised. */
export function parseLogin(raw: string): Parsed<{ kind: 'phone' | 'email'; value: string }> {
	if (raw.includes('@')) {
		const e = parseEmail(raw);
		return e.ok ? ok({ kind: 'email', value: e.value }) : e;
	}
	const p = parsePhone(raw);
	return p.ok ? ok({ kind: 'phone', value: p.value }) : p;
}

/** A date as YYYY-MM-DD or DD/MM/YYYY (Vietnamese order) → ISO "YYYY-MM-DD". */
export function parseDate(raw: string): Parsed<string> {
	const s = raw.trim();
	let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
	let y: number, mo: number, d: number;
	if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	else if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s))) {
		[d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
	} else return fail(`ngày "${raw}" không đúng dạng (dd/mm/yyyy hoặc yyyy-mm-dd)`);
	const date = new Date(Date.UTC(y, mo - 1, d));
	if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
		return fail(`ngày "${raw}" không tồn tại`);
	}
	if (y < 1990 || y > 2100) return fail(`năm ${y} nằm ngoài khoảng cho phép`);
	return ok(date.toISOString().slice(0, 10));
}

/**
 * A labelled choice: matches the code itself or any label, ignoring case and diacritics
 * ("Đoàn Thanh niên", "doan thanh nien", "doan_thanh_nien" all match).
 */
export function parseChoice<T extends string>(
	raw: string,
	labels: Record<T, readonly string[]>,
	what: string
): Parsed<T> {
	const key = searchKey(raw);
	for (const [code, names] of Object.entries(labels) as [T, readonly string[]][]) {
		if (searchKey(code) === key || names.some((n) => searchKey(n) === key)) return ok(code);
	}
	const allowed = Object.values<readonly string[]>(labels)
		.map((n) => n[0])
		.join(', ');
	return fail(`${what} "${cleanText(raw)}" không hợp lệ (chọn một trong: ${allowed})`);
}

/** "105,62" (Vietnamese decimal comma) or "105.62" → number, or NaN. */
function decimal(raw: string): number {
	return /^-?\d+([.,]\d+)?$/.test(raw) ? Number(raw.replace(',', '.')) : NaN;
}

const RANGE = {
	kinh_do: ['kinh độ', VN_BOUNDS.west, VN_BOUNDS.east],
	vi_do: ['vĩ độ', VN_BOUNDS.south, VN_BOUNDS.north]
} as const;

/**
 * An optional point from its "kinh_do" and "vi_do" cells, by the one point rule (domain
 * point.ts): null when both are empty; when one is missing, or a coordinate is not a number or
 * lies outside Vietnam, the problem is reported per field through `err` and null returned.
 */
export function readPoint(
	rawLon: string,
	rawLat: string,
	err: (field: 'kinh_do' | 'vi_do', message: string) => void
): LonLat | null {
	const lon = rawLon ? decimal(rawLon) : null;
	const lat = rawLat ? decimal(rawLat) : null;
	const issues = pointIssues(lon, lat);
	for (const issue of issues) {
		const field = issue.field === 'lon' ? 'kinh_do' : 'vi_do';
		if (issue.code === 'half') {
			err(field, 'cần cả kinh độ và vĩ độ, hoặc bỏ trống cả hai');
			continue;
		}
		const [what, lo, hi] = RANGE[field];
		const raw = issue.field === 'lon' ? rawLon : rawLat;
		err(field, `${what} "${raw}" nằm ngoài Việt Nam (${lo}–${hi})`);
	}
	return issues.length === 0 ? pointOf({ lon, lat }) : null;
}
