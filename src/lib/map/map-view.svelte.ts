/**
 * The public map page's state: what is chosen (metric, province, commune, period) and the
 * figures, communes and commune detail that follow from it, each read once through a memo and
 * applied only if the choice is still the same when it arrives (a late answer never replaces a
 * newer one). Seeded from the server's load, so the first render needs no request. Constructed
 * while the page component initialises (its effects belong to the page).
 */
import { untrack } from 'svelte';
import type { MetricPayload } from '../domain/metric-payload.ts';
import type { AreaDetail } from '../components/map/CommunePanel.svelte';
import { refreshIfOpenedFromCache } from '../offline/nav-source.ts';
import { fetchArea, fetchCommunes, fetchFigures, memo, type CommuneLite } from './map-data.ts';
import { figuresKey, type MapPeriod } from './period.ts';

/** What the server's load gives the page. */
export interface MapViewInit {
	state: {
		metric: string;
		province: string | null;
		commune: string | null;
		month?: string | null;
		since?: string | null;
	};
	payload: MetricPayload;
	communes: CommuneLite[];
	communeDetail: AreaDetail | null;
}

export class MapView {
	metric: string = $state('');
	province: string | null = $state(null);
	commune: string | null = $state(null);
	period: MapPeriod = $state({ month: null, since: null });
	/** The figures in view: a metric over the last 12 months, one month, or a change. */
	readonly key: string = $derived(figuresKey(this.metric, this.period));

	payload: MetricPayload = $state.raw(null as unknown as MetricPayload);
	/** The key of the figures in `payload` (they arrive after `key` changes). */
	payloadKey = $state('');
	metricFailed = $state(false);
	communeList: CommuneLite[] = $state.raw([]);
	detail: AreaDetail | null = $state.raw(null);
	detailFailed = $state(false);

	readonly #metricOf;
	readonly #communesOf;
	/** Keyed "code|month": a commune's figures of the last 12 months or of one month. */
	readonly #areaOf;

	constructor(init: MapViewInit) {
		const s = init.state;
		const period0: MapPeriod = { month: s.month ?? null, since: s.since ?? null };
		this.metric = s.metric;
		this.province = s.province;
		this.commune = s.commune;
		this.period = period0;
		this.payload = init.payload;
		this.payloadKey = figuresKey(s.metric, period0);
		this.communeList = init.communes;
		this.detail = init.communeDetail;

		this.#metricOf = memo<MetricPayload>(fetchFigures, [[this.payloadKey, init.payload]]);
		this.#communesOf = memo<CommuneLite[]>(
			fetchCommunes,
			s.province ? [[s.province, init.communes]] : []
		);
		this.#areaOf = memo<AreaDetail>(
			(k) => fetchArea<AreaDetail>(k.split('|')[0]!, false, k.split('|')[1] || null),
			s.commune && init.communeDetail
				? [[`${s.commune}|${period0.month ?? ''}`, init.communeDetail]]
				: []
		);

		$effect(() => {
			const k = this.key;
			this.#metricOf(k).then(
				(p) => {
					if (this.key === k) [this.payload, this.payloadKey, this.metricFailed] = [p, k, false];
				},
				() => this.key === k && (this.metricFailed = true)
			);
		});
		$effect(() => {
			const p = this.province;
			if (!p) return;
			this.#communesOf(p).then(
				(list) => this.province === p && (this.communeList = list),
				() => {}
			);
		});
		$effect(() => {
			const c = this.commune;
			const m = this.period.month;
			if (!c) return;
			this.detailFailed = false;
			untrack(() => this.detail?.area.code !== c && (this.detail = null));
			const now = () => this.commune === c && this.period.month === m;
			this.#areaOf(`${c}|${m ?? ''}`).then(
				(d) => now() && (this.detail = d),
				() => now() && (this.detailFailed = true)
			);
		});
	}

	/**
	 * Opened from the service worker's copy (at once, even on a slow link): the figures in view
	 * again from the server (the public API; its stored answer when offline). Call on mount.
	 */
	refreshFromServer(): void {
		refreshIfOpenedFromCache(async () => {
			const [k, c, month] = [this.key, this.commune, this.period.month];
			const [p, d] = await Promise.all([
				fetchFigures(k, true),
				c ? fetchArea<AreaDetail>(c, true, month) : null
			]);
			this.#metricOf.put(k, p);
			if (this.key === k) [this.payload, this.payloadKey] = [p, k];
			if (c && d) {
				this.#areaOf.put(`${c}|${month ?? ''}`, d);
				if (this.commune === c) this.detail = d;
			}
		});
	}
}
