/**
 * Teams + members CSV import on the server: decode, validate against the commune's data,
 * and — only when the whole file is valid — write everything in one atomic D1 batch.
 */
import type { Db } from '../../db/client.ts';
import type { CommuneArea } from '../../db/queries/team-admin.ts';
import { listHamlets, listTeams, membersWithPhones } from '../../db/queries/team-admin.ts';
import {
	memberInserts,
	teamInserts,
	type MemberInsert,
	type TeamInsert
} from '../../db/writes/team-admin.ts';
import { decodeCsvBytes, readCsv, type CsvEncoding } from '../../../domain/csv-read.ts';
import {
	parseTeamImport,
	phonesInTable,
	TEAM_COLUMNS,
	type TeamImport
} from '../../../domain/csv-teams.ts';
import { searchKey } from '../../../domain/text.ts';
import { knownCommunes } from './context.ts';

export interface TeamImportResult extends TeamImport {
	encoding: CsvEncoding;
	delimiter: string;
}

/** Decodes and validates a teams+members file for a commune; writes nothing. */
export async function previewTeamImport(
	db: Db,
	area: CommuneArea,
	bytes: Uint8Array
): Promise<TeamImportResult> {
	const { text, encoding } = decodeCsvBytes(bytes);
	const table = readCsv(text);
	const [known, hamlets, teams, taken] = await Promise.all([
		knownCommunes(db, table, TEAM_COLUMNS),
		listHamlets(db, area.provinceCode, area.communeCode),
		listTeams(db, area.provinceCode, area.communeCode),
		membersWithPhones(db, area.provinceCode, area.communeCode, phonesInTable(table))
	]);
	const result = parseTeamImport(table, {
		communeCode: area.communeCode,
		knownCommunes: known,
		hamlets: new Map(hamlets.map((h) => [searchKey(h.name), h.id])),
		teams: new Map(teams.map((t) => [searchKey(t.name), t.id])),
		phonesTaken: new Map(taken.map((m) => [m.phone ?? '', m.fullName]))
	});
	return { ...result, encoding, delimiter: table.delimiter };
}

/** The insert statements for a valid import (new teams, then members). */
export function teamImportStatements(db: Db, area: CommuneArea, r: TeamImport, now = Date.now()) {
	const ids = new Map<string, string>();
	const newTeams: TeamInsert[] = [];
	for (const t of r.teams) {
		const id = t.existingId ?? crypto.randomUUID();
		ids.set(t.key, id);
		if (!t.existingId) {
			newTeams.push({
				id,
				provinceCode: area.provinceCode,
				communeCode: area.communeCode,
				hamletId: t.hamletId,
				name: t.name,
				foundedOn: t.foundedOn,
				active: true,
				isDemo: false,
				createdAt: now
			});
		}
	}
	const members: MemberInsert[] = r.members.map((m) => ({
		id: crypto.randomUUID(),
		teamId: ids.get(m.teamKey)!,
		provinceCode: area.provinceCode,
		communeCode: area.communeCode,
		fullName: m.fullName,
		phone: m.phone,
		unionAffiliation: m.unionAffiliation,
		onetouchStatus: m.onetouchStatus,
		onetouchDate: m.onetouchDate,
		teamRole: m.teamRole,
		active: true,
		isDemo: false,
		createdAt: now
	}));
	return {
		statements: [...teamInserts(db, newTeams), ...memberInserts(db, members)],
		newTeams: newTeams.length,
		members: members.length
	};
}
