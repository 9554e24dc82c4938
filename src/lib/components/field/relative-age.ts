/** "5 phút trước" / "5 minutes ago" for a past time, in the UI language. */
export function relativeAge(at: number, locale: string, now = Date.now()): string {
	const fmt = new Intl.RelativeTimeFormat(locale === 'en' ? 'en' : 'vi', { numeric: 'auto' });
	// Never in the future: a visit saved a moment ago is "now", whatever the clocks say.
	const s = Math.min(0, Math.round((at - now) / 1000));
	const abs = Math.abs(s);
	if (abs < 60) return fmt.format(s, 'second');
	if (abs < 3600) return fmt.format(Math.round(s / 60), 'minute');
	if (abs < 86_400) return fmt.format(Math.round(s / 3600), 'hour');
	return fmt.format(Math.round(s / 86_400), 'day');
}

/** 1234567 → "1,2 MB" (vi-VN digits). */
export function formatBytes(n: number): string {
	const units = ['B', 'KB', 'MB', 'GB'];
	let v = n;
	let i = 0;
	while (v >= 1024 && i < units.length - 1) {
		v /= 1024;
		i++;
	}
	return `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: i === 0 ? 0 : 1 }).format(v)} ${units[i]}`;
}
