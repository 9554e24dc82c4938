import { describe, expect, it } from 'vitest';
import {
	inSentence,
	metricDefinition,
	serviceMetrics
} from '../../src/lib/domain/metric-definitions.ts';

describe('metric labels read as sentences', () => {
	it.each([
		['adoption_vneid', 'Tỷ lệ người lớn dùng VNeID', 'Adults using VNeID'],
		['adoption_vssid', 'Tỷ lệ người lớn dùng VssID', 'Adults using VssID'],
		[
			'adoption_scam_awareness',
			'Tỷ lệ người lớn biết nhận diện lừa đảo trực tuyến',
			'Adults who can recognise online scams'
		],
		[
			'adoption_payment',
			'Tỷ lệ người lớn có tài khoản thanh toán trực tuyến',
			'Adults with an online payment account'
		],
		['helped_vssid', 'Số người được giúp cài đặt VssID', 'People helped to set up VssID'],
		[
			'helped_scam_awareness',
			'Số người được hướng dẫn phòng chống lừa đảo trực tuyến',
			'People shown how to recognise online scams'
		]
	])('names %s "%s" / "%s"', (key, vi, en) => {
		expect(metricDefinition(key)?.label).toEqual({ vi, en });
	});

	it('says a count is a count, not that it lacks a denominator', () => {
		expect(metricDefinition('teams')?.denominatorLabel).toEqual({
			vi: 'Số đếm, không phải tỷ lệ',
			en: 'A count, not a rate'
		});
	});

	it.each([
		['Ứng dụng công dân của tỉnh', 'ứng dụng công dân của tỉnh'],
		['VssID', 'VssID'],
		['VNeID', 'VNeID'],
		['C‑Thái Nguyên', 'C‑Thái Nguyên'],
		['Zalo Pay', 'Zalo Pay'],
		['Momo', 'Momo'],
		['Dịch vụ công trực tuyến', 'dịch vụ công trực tuyến']
	])('writes the service name %s inside a sentence as %s', (name, expected) => {
		expect(inSentence(name)).toBe(expected);
	});

	it('keeps a brand as written in a service added later', () => {
		const [adoption, helped] = serviceMetrics({
			code: 'momo',
			nameVi: 'MoMo',
			nameEn: 'MoMo',
			descriptionVi: '',
			descriptionEn: ''
		});
		expect(adoption!.label).toEqual({
			vi: 'Tỷ lệ người lớn dùng MoMo',
			en: 'Adults using MoMo'
		});
		expect(helped!.label.en).toBe('People helped: MoMo');
	});
});
