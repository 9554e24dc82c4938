/**
 * Field parsers shared by CSV imports and the login form: phone numbers, e-mail addresses,
 * dates and labelled choices. Each returns the normalised value or an error message (in
 * Vietnamese, the language of the people who fix the file), never throws.
 */
import { cleanText, searchKey } from './text.ts';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(error: string): Parsed<T> => ({ ok: false, error });

/**
 * Vietnamese phone → "0" + 9 or 10 digits. Accepts spaces, dots, dashes and brackets, a
 * "+84"/"84" prefix, and the 9-digit mobile numbers spreadsheets make by dropping the 0.
 */
export function parsePhone(raw: string): Parsed<string> {
	let digits = raw.replace(/[\s.\-()]/g, '');
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
	const email = raw.trim().toLowerCase();
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

/** Vietnam's extent, Trường Sa and Hoàng Sa included: points outside are typos. */
const VN_LON: [number, number] = [102, 118];
const VN_LAT: [number, number] = [6, 24];

/** "105,62" (Vietnamese decimal comma) or "105.62" → number, or NaN. */
function decimal(raw: string): number {
	return /^-?\d+([.,]\d+)?$/.test(raw) ? Number(raw.replace(',', '.')) : NaN;
}

/**
 * An optional point from its "kinh_do" and "vi_do" cells: null when both are empty, or when one
 * is missing (reported through `err`); a point outside Vietnam is reported per field.
 */
export function readPoint(
	rawLon: string,
	rawLat: string,
	err: (field: 'kinh_do' | 'vi_do', message: string) => void
): { lon: number; lat: number } | null {
	if (!rawLon && !rawLat) return null;
	if (!rawLon || !rawLat) {
		err(rawLon ? 'vi_do' : 'kinh_do', 'cần cả kinh độ và vĩ độ, hoặc bỏ trống cả hai');
		return null;
	}
	const [lon, lat] = [decimal(rawLon), decimal(rawLat)];
	if (!(lon >= VN_LON[0] && lon <= VN_LON[1]))
		err('kinh_do', `kinh độ "${rawLon}" nằm ngoài Việt Nam (${VN_LON[0]}–${VN_LON[1]})`);
	if (!(lat >= VN_LAT[0] && lat <= VN_LAT[1]))
		err('vi_do', `vĩ độ "${rawLat}" nằm ngoài Việt Nam (${VN_LAT[0]}–${VN_LAT[1]})`);
	return { lon, lat };
}
