/** Evaluating MapLibre paint expressions in unit tests, the way MapLibre does. */
import {
	createPropertyExpression,
	latest,
	type StylePropertySpecification
} from '@maplibre/maplibre-gl-style-spec';

/** Evaluates a paint expression at zoom 5 for a polygon feature with a feature-state. */
export function evaluatePaint(
	property: 'fill-color' | 'fill-opacity' | 'line-opacity',
	expr: unknown,
	state: Record<string, unknown>
): unknown {
	const group = property.startsWith('fill') ? latest.paint_fill : latest.paint_line;
	const spec = (group as unknown as Record<string, StylePropertySpecification>)[property];
	if (!spec) throw new Error(`no spec for ${property}`);
	const parsed = createPropertyExpression(expr, property, spec);
	if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
	const feature = { type: 'Polygon' as const, properties: {}, id: '00004' };
	return parsed.value.evaluate({ zoom: 5 }, feature, state);
}

/** "#rrggbb" of an evaluated MapLibre colour. */
export function hex(color: unknown): string {
	const { r, g, b } = color as { r: number; g: number; b: number };
	return (
		'#' +
		[r, g, b]
			.map((c) =>
				Math.round(c * 255)
					.toString(16)
					.padStart(2, '0')
			)
			.join('')
	);
}
