/** Ids and logins of the field e2e fixture (field-fixture.ts writes it; tests use it). */
export const FIELD_FIXTURE = {
	provinceCode: '19',
	communeCode: '05923',
	teamId: 'e2e-field-team',
	memberId: 'e2e-field-member',
	email: 'thucdia@e2e.tungngo.vn',
	password: 'e2e-thuc-dia-mat-khau',
	householdPrefix: 'e2e-field-hh-',
	routes: [
		{ id: 'e2e-field-route', name: 'Tuyến ngõ 5 phố Chợ Chu', stops: 6, alley: 5, offset: 0 },
		{ id: 'e2e-fault-route', name: 'Tuyến thử lỗi', stops: 4, alley: 9, offset: 0.003 },
		{ id: 'e2e-update-route', name: 'Tuyến thử cập nhật', stops: 2, alley: 11, offset: 0.006 }
	]
} as const;
