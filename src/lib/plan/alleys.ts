/** The alleys of a commune's households, labelled for a picker (pure). */
import { parseAddress } from '../domain/address.ts';
import { isAlleyWalk } from '../domain/routing/walk-units.ts';

export interface AlleyOption {
	key: string;
	label: string;
	count: number;
}

/** Alleys (and streets) with at least two households, by label. */
export function alleyOptions(hs: readonly { alleyKey: string; address: string }[]): AlleyOption[] {
	const byKey = new Map<string, { address: string; count: number }>();
	for (const h of hs) {
		if (!isAlleyWalk(h.alleyKey)) continue;
		const a = byKey.get(h.alleyKey);
		if (a) a.count++;
		else byKey.set(h.alleyKey, { address: h.address, count: 1 });
	}
	const out: AlleyOption[] = [];
	for (const [key, a] of byKey) {
		if (a.count < 2) continue;
		const p = parseAddress(a.address);
		const place = p.street?.name ?? p.hamlet?.name ?? key;
		out.push({
			key,
			label: p.alleyPath.length ? `${place} — ${p.alleyPath.join('/')}` : place,
			count: a.count
		});
	}
	return out.sort((x, y) => x.label.localeCompare(y.label, 'vi'));
}
