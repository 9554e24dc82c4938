/** Demo teams (one per hamlet mostly) and their 2–10 members. */
import type { MemberInput, TeamInput } from '../db/schema/teams.input.ts';
import type { HamletInput } from '../db/schema/hamlets.input.ts';
import { demoPhone, personName, type Gender } from './names.ts';
import type { Rng } from './rng.ts';
import { DAY_MS, type DemoCommune } from './types.ts';

export interface TeamWithMembers {
	team: TeamInput;
	members: MemberInput[];
}

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** "Thôn Đồng Tâm" → "thôn Đồng Tâm", "Xã" → "xã". */
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

function member(
	rng: Rng,
	c: DemoCommune,
	team: TeamInput,
	index: number,
	now: number
): MemberInput {
	const union = rng.weighted({
		doan_thanh_nien: 40,
		hoi_phu_nu: 30,
		cong_chuc: 10,
		cong_an: 8,
		giao_vien: 7,
		tinh_nguyen: 5
	});
	const gender: Gender = union === 'hoi_phu_nu' || rng.chance(0.45) ? 'female' : 'male';
	const onetouch = rng.weighted({ da_hoan_thanh: 60, dang_hoc: 25, chua_hoc: 15 });
	const trainedAgo = rng.int(30, 1100) * DAY_MS;
	return {
		id: rng.uuid7(team.createdAt + index * 60_000),
		teamId: team.id,
		provinceCode: c.provinceCode,
		communeCode: c.code,
		fullName: personName(rng, c.provinceCode, gender),
		phone: rng.chance(0.7) ? demoPhone(rng) : null,
		unionAffiliation: union,
		onetouchStatus: onetouch,
		onetouchDate: onetouch === 'chua_hoc' ? null : isoDate(now - trainedAgo),
		teamRole: index === 0 ? 'to_truong' : index === 1 ? 'to_pho' : 'thanh_vien',
		active: rng.chance(0.95),
		isDemo: true,
		createdAt: team.createdAt + index * 60_000
	};
}

/** One team for a hamlet (or for the whole commune when `hamlet` is null). */
export function makeTeam(
	rng: Rng,
	c: DemoCommune,
	hamlet: HamletInput | null,
	now: number
): TeamWithMembers {
	const createdAt = now - rng.int(300, 560) * DAY_MS;
	const where = hamlet ? lowerFirst(hamlet.name) : `${lowerFirst(c.unitType)} ${c.name}`;
	const team: TeamInput = {
		id: rng.uuid7(createdAt),
		provinceCode: c.provinceCode,
		communeCode: c.code,
		hamletId: hamlet?.id ?? null,
		name: `Tổ công nghệ số cộng đồng ${where}`,
		foundedOn: isoDate(Date.UTC(2022, 2, 1) + rng.int(0, 1000) * DAY_MS),
		active: rng.chance(0.95),
		isDemo: true,
		createdAt
	};
	const size = 2 + rng.binomial(8, 0.4);
	return { team, members: Array.from({ length: size }, (_, i) => member(rng, c, team, i, now)) };
}
