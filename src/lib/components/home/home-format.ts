/**
 * Words for the leader's day: a day relative to today ("Hôm nay", "Thứ Ba 24/11/2026") and an
 * estimated duration ("2 giờ 10 phút"). Pure; numbers and dates in vi-VN formats.
 */
import { formatDate, type Translate } from '$lib/i18n';
import { addDays, vnDayStart, weekdayOf } from '$lib/domain/vn-time';

const nextDay = (day: string) => addDays(day, 1);

/** "Hôm nay", "Ngày mai", else the weekday and date, e.g. "Thứ Năm 26/11/2026". */
export function dayLabel(t: Translate, day: string, today: string): string {
	if (day === today) return t('home.today');
	if (day === nextDay(today)) return t('home.tomorrow');
	return fullDay(t, day);
}

/** The weekday and date of a YYYY-MM-DD day, e.g. "Thứ Hai 23/11/2026". */
export function fullDay(t: Translate, day: string): string {
	const w = weekdayOf(day) as 0 | 1 | 2 | 3 | 4 | 5 | 6;
	return `${t(`home.weekday.${w}`)} ${formatDate(vnDayStart(day))}`;
}

/** Minutes as "45 phút", "2 giờ", "2 giờ 10 phút" (rounded to 5 minutes past the hour). */
export function duration(t: Translate, minutes: number): string {
	const total = Math.max(0, Math.round(minutes));
	if (total < 60) return t('home.duration.minutes', { m: total });
	const h = Math.floor(total / 60);
	const m = Math.round((total % 60) / 5) * 5;
	if (m === 0) return t('home.duration.hours', { h });
	if (m === 60) return t('home.duration.hours', { h: h + 1 });
	return t('home.duration.hoursMinutes', { h, m });
}
