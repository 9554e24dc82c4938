/**
 * Query plans of the exact statements a query function runs: a D1 binding that records every
 * SQL text prepared through it (raw `prepare` and drizzle alike), and `EXPLAIN QUERY PLAN` of
 * each through D1 itself. A plan line `SCAN <table>` without an index is a full table scan;
 * `SCAN … USING (COVERING) INDEX`, json_each, subqueries and CTEs are not.
 */

/** What a recording binding saw: SQL texts prepared, and D1's own time of the statements run. */
export interface D1Record {
	sql: string[];
	/** Sum of D1's own duration over the statements run by all(), run() and batch(). */
	sqlMs: number;
	/** Statements run by raw() or first(), whose duration D1 does not report (drizzle selects). */
	unmetered: number;
}

const METERED = new Set(['all', 'run', 'raw', 'first']);

/**
 * A D1 binding that records into `rec` every SQL text prepared through it (raw `prepare` and
 * drizzle alike) and D1's own duration of each statement run; everything else passes through.
 * Batches get the real statements back, as D1 requires.
 */
export function recordingD1(d1: D1Database, rec: D1Record): D1Database {
	const real = new WeakMap<object, D1PreparedStatement>();
	const meter = (meta: unknown) => {
		rec.sqlMs += (meta as { duration?: number } | undefined)?.duration ?? 0;
	};
	const wrap = (stmt: D1PreparedStatement): D1PreparedStatement => {
		const proxy = new Proxy(stmt, {
			get(target, prop) {
				if (prop === 'bind') return (...args: unknown[]) => wrap(target.bind(...args));
				const value = Reflect.get(target, prop, target) as unknown;
				if (typeof value !== 'function') return value;
				if (!METERED.has(String(prop))) return value.bind(target);
				return async (...args: unknown[]) => {
					const res = (await value.apply(target, args)) as unknown;
					// raw() and first() return rows only: their time is not reported.
					if (prop === 'all' || prop === 'run') meter((res as { meta?: unknown }).meta);
					else rec.unmetered++;
					return res;
				};
			}
		});
		real.set(proxy, stmt);
		return proxy;
	};
	return new Proxy(d1, {
		get(target, prop) {
			if (prop === 'prepare')
				return (sql: string) => {
					rec.sql.push(sql);
					return wrap(target.prepare(sql));
				};
			if (prop === 'batch')
				return async (stmts: D1PreparedStatement[]) => {
					const results = await target.batch(stmts.map((x) => real.get(x) ?? x));
					for (const r of results) meter(r.meta);
					return results;
				};
			const value = Reflect.get(target, prop, target) as unknown;
			return typeof value === 'function' ? value.bind(target) : value;
		}
	});
}

/** One statement's plan and the full table scans in it. */
export interface StatementPlan {
	sql: string;
	lines: string[];
	/** Tables read by a full scan (no index). */
	scans: string[];
}

/** Table names and the aliases the SQL gives them (FROM/JOIN/UPDATE <table> [AS] <alias>). */
function tableAliases(sql: string, tables: ReadonlySet<string>): Map<string, string> {
	const out = new Map<string, string>();
	const re = /\b(?:FROM|JOIN|UPDATE|INTO)\s+"?(\w+)"?(?:\s+(?:AS\s+)?"?(\w+)"?)?/gi;
	for (const m of sql.matchAll(re)) {
		const table = m[1]!;
		if (!tables.has(table)) continue;
		out.set(table, table);
		const alias = m[2];
		if (alias && !/^(WHERE|ON|JOIN|LEFT|INNER|SET|GROUP|ORDER|LIMIT|SELECT|USING)$/i.test(alias))
			out.set(alias, table);
	}
	return out;
}

/** The record tables of the database (not views, not SQLite's or D1's own). */
export async function tableNames(d1: D1Database): Promise<Set<string>> {
	const res = await d1
		.prepare(
			`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
			AND name NOT LIKE '_cf_%' AND name NOT LIKE 'd1_%'`
		)
		.all<{ name: string }>();
	return new Set(res.results.map((r) => r.name));
}

/** The number of parameters a statement takes (`?`, `?N`), so EXPLAIN can bind nulls. */
function parameterCount(sql: string): number {
	const stripped = sql.replace(/'(?:[^']|'')*'/g, "''");
	const numbered = [...stripped.matchAll(/\?(\d+)/g)].map((m) => Number(m[1]));
	const plain = (stripped.match(/\?(?!\d)/g) ?? []).length;
	return Math.max(plain, ...numbered, 0);
}

/**
 * EXPLAIN QUERY PLAN of one statement (parameters bound to null: the plan of these statements
 * does not depend on values, there being no ANALYZE statistics).
 */
export async function explain(
	d1: D1Database,
	sql: string,
	tables: ReadonlySet<string>
): Promise<StatementPlan> {
	const nulls = Array<null>(parameterCount(sql)).fill(null);
	const res = await d1
		.prepare(`EXPLAIN QUERY PLAN ${sql}`)
		.bind(...nulls)
		.all<{ detail: string }>();
	const lines = res.results.map((r) => r.detail);
	const aliases = tableAliases(sql, tables);
	const scans = lines.flatMap((line) => {
		const m = /^SCAN (\S+)(.*)$/.exec(line);
		if (!m || /USING (COVERING )?INDEX|VIRTUAL TABLE/.test(m[2]!)) return [];
		const table = aliases.get(m[1]!) ?? (tables.has(m[1]!) ? m[1]! : null);
		return table ? [table] : [];
	});
	return { sql, lines, scans };
}

/** One line of SQL for printing: whitespace folded, cut at `max` characters. */
export function oneLine(sql: string, max = 150): string {
	const s = sql.replace(/\s+/g, ' ').trim();
	return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
