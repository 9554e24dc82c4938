import { beforeEach, describe, expect, it } from 'vitest';
import { buildStreetGraph } from '../../src/lib/domain/streets/build.ts';
import { encodeStreetGraph } from '../../src/lib/domain/streets/codec.ts';
import {
	forgetStreetGraphs,
	loadStreetGraph,
	loadStreetGraphBytes,
	streetGraphUrl
} from '../../src/lib/plan/street-graph.ts';

const bytes = encodeStreetGraph(
	buildStreetGraph([
		{
			kind: 'street',
			coords: [
				[105.8, 21],
				[105.801, 21]
			]
		}
	])
);

/** A fetch answering from a table of status or failure per URL, counting calls. */
function fakeFetch(answer: () => Response | Error) {
	const calls: string[] = [];
	const f = (async (url: string) => {
		calls.push(url);
		const a = answer();
		if (a instanceof Error) throw a;
		return a;
	}) as unknown as typeof fetch;
	return { f, calls };
}

describe('loadStreetGraph', () => {
	beforeEach(() => forgetStreetGraphs());

	it('fetches, decodes and keeps a commune’s graph: one request per commune', async () => {
		const { f, calls } = fakeFetch(() => new Response(bytes.slice()));
		const g = await loadStreetGraph('05569', f);
		expect(g?.nodeCount).toBe(2);
		expect(await loadStreetGraph('05569', f)).toBe(g);
		expect((await loadStreetGraphBytes('05569', f))?.bytes).toEqual(bytes);
		expect(calls).toEqual([streetGraphUrl('05569')]);
		expect(calls[0]).toBe('/api/basemap/graphs/05569');
	});

	it.each([
		['a commune without a graph (404)', () => new Response('', { status: 404 })],
		['bytes that are not a graph', () => new Response(new Uint8Array([1, 2, 3]))]
	])('gives null for %s, and remembers it', async (_, answer) => {
		const { f, calls } = fakeFetch(answer);
		expect(await loadStreetGraph('00001', f)).toBeNull();
		expect(await loadStreetGraph('00001', f)).toBeNull();
		expect(calls).toHaveLength(1);
	});

	it('gives null when the network fails, and tries again next time', async () => {
		let online = false;
		const { f, calls } = fakeFetch(() =>
			online ? new Response(bytes.slice()) : new TypeError('Failed to fetch')
		);
		expect(await loadStreetGraph('00002', f)).toBeNull();
		online = true;
		expect((await loadStreetGraph('00002', f))?.edgeCount).toBe(1);
		expect(calls).toHaveLength(2);
	});
});
