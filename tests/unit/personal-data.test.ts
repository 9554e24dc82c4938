import { describe, expect, it } from 'vitest';
import {
	auditCutoff,
	configNumber,
	exportFileName,
	isDueForReview,
	monthsBefore,
	redactReason,
	reviewMonths
} from '../../src/lib/domain/personal-data.ts';

const at = (iso: string) => Date.parse(iso);

describe('retention periods', () => {
	it.each([
		['2026-12-02T10:00:00Z', 24, '2024-12-02T10:00:00Z'],
		['2026-03-31T00:00:00Z', 1, '2026-02-28T00:00:00Z'],
		['2028-02-29T00:00:00Z', 12, '2027-02-28T00:00:00Z']
	])('counts %s minus %i months as %s', (now, months, expected) => {
		expect(new Date(monthsBefore(at(now), months)).toISOString()).toBe(
			new Date(expected).toISOString()
		);
	});

	it('keeps audit entries five calendar years', () => {
		expect(new Date(auditCutoff(at('2031-06-15T00:00:00Z'), 5)).toISOString()).toBe(
			'2026-06-15T00:00:00.000Z'
		);
	});

	it.each([
		[undefined, 24],
		['', 24],
		['36', 36],
		['0', 24],
		['121', 24],
		['1.5', 24],
		['abc', 24]
	])('reads the review period %s as %i months', (raw, months) => {
		expect(reviewMonths(raw)).toBe(months);
	});

	it('bounds a config number', () => {
		expect(configNumber('20', 5, 1, 20)).toBe(20);
		expect(configNumber('21', 5, 1, 20)).toBe(5);
	});
});

describe('review rule', () => {
	const cutoff = at('2024-12-02T00:00:00Z');
	const old = at('2023-01-01T00:00:00Z');
	const recent = at('2025-06-01T00:00:00Z');
	it.each([
		[
			'never visited, added long ago',
			{ createdAt: old, lastVisitAt: null, reviewedAt: null },
			true
		],
		['visited recently', { createdAt: old, lastVisitAt: recent, reviewedAt: null }, false],
		['kept on review recently', { createdAt: old, lastVisitAt: old, reviewedAt: recent }, false],
		['added recently', { createdAt: recent, lastVisitAt: null, reviewedAt: null }, false]
	])('%s → due %s', (_, facts, due) => {
		expect(isDueForReview(facts, cutoff)).toBe(due);
	});
});

describe('reason redaction', () => {
	it.each([
		['Ông Nguyễn Văn An yêu cầu xóa', ['Nguyễn Văn An'], 'Ông … yêu cầu xóa'],
		['ong nguyen van an yeu cau', ['Nguyễn Văn An'], 'ong … yeu cau'],
		['Gọi 0912 345 678 để xác nhận', [], 'Gọi … để xác nhận'],
		['Hộ Số 12, ngõ 45 chuyển đi', ['Số 12, ngõ 45'], 'Hộ … chuyển đi'],
		['Chuyển đi nơi khác', ['An'], 'Chuyển đi nơi khác']
	])('redacts %s', (reason, values, expected) => {
		expect(redactReason(reason, values)).toBe(expected);
	});
});

describe('export file name', () => {
	it('names the kind, the id and the day', () => {
		expect(exportFileName('household', 'abc-1', '2026-12-02')).toBe(
			'tung-ngo-household-abc-1-2026-12-02.json'
		);
		expect(exportFileName('member', '../x"y', '2026-12-02')).toBe(
			'tung-ngo-member-xy-2026-12-02.json'
		);
	});
});
