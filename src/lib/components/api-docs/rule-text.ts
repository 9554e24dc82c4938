/** The words of a field's rules on the API documentation page (numbers in vi-VN). */
import type { Translate } from '$lib/i18n';
import type { FieldRule } from '$lib/server/api/openapi/outline';

/** One rule as the page shows it: "từ 1 đến 100 ký tự", "một trong: a, b". */
export function ruleText(t: Translate, r: FieldRule): string {
	switch (r.kind) {
		case 'enum':
			return t('apiDocs.rule.enum', { values: r.values.join(', ') });
		case 'length':
		case 'range': {
			const base = r.kind === 'length' ? 'apiDocs.rule.length' : 'apiDocs.rule.range';
			if (r.min !== undefined && r.max !== undefined) return t(base, { min: r.min, max: r.max });
			if (r.min !== undefined) return t(`${base}Min` as const, { min: r.min });
			return t(`${base}Max` as const, { max: r.max ?? '' });
		}
		case 'items':
			return t('apiDocs.rule.items', { max: r.max ?? '' });
		case 'pattern':
			return t('apiDocs.rule.pattern', { value: r.value });
		case 'format':
			return t('apiDocs.rule.format', { value: r.value });
		case 'default':
			return t('apiDocs.rule.default', { value: r.value });
	}
}
