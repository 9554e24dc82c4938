/** English text of personal-data rights (issue 13): merged in ../en.ts. */
export const privacyEn = {
	'privacy.title': 'Personal data',
	'privacy.link': 'Personal data: export, erase, retention review',
	'privacy.export': 'Export data',
	'privacy.erase': 'Erase personal data',
	'privacy.keep': 'Keep',
	'privacy.cancel': 'Cancel',
	'privacy.reason': 'Reason (required, kept in the audit log)',
	'privacy.reasonHint':
		'For example: "Asked by the resident on 2 Dec", "The household moved away". No names or phone numbers.',
	'privacy.reasonKeep': 'Reason for keeping (optional)',
	'privacy.reasonMissing': 'Give a reason (at least 3 characters).',
	'privacy.exportTitle': 'Export everything held about {name}',
	'privacy.exportExplain':
		'A JSON file with everything stored about this person. It holds personal data: give it only to that person, and delete the copy on this device afterwards.',
	'privacy.exportConfirm': 'Download the file',
	'privacy.exported': 'Downloaded {file}.',
	'privacy.eraseTitle': 'Erase the personal data of {name}',
	'privacy.eraseConfirm': 'Erase for good',
	'privacy.erasedHousehold':
		"The household's personal data is erased. Public figures are unchanged.",
	'privacy.erasedMember': "The member's personal data is erased and their account closed.",
	'privacy.kept': 'Kept; this household comes up for review again in {months} months.',
	'privacy.irreversible': 'This cannot be undone.',
	'privacy.household.erases':
		"Erased: the address, location, head of household's name and phone, visit notes, and which routes it was on.",
	'privacy.household.keeps':
		"Kept (anonymous, not linkable to the household): each visit's commune, time, outcome and people helped, so the commune's public figures do not change.",
	'privacy.member.erases':
		'Erased: name, phone, the login (email, phone, password), sessions and devices; unused invites are revoked.',
	'privacy.member.keeps':
		"Kept (without a name): team role, OneTouch training status, the visits they recorded (no longer linked to them), so the team's figures do not change. Deactivate the member separately if they left the team.",
	'privacy.erased': 'Personal data erased',
	'privacy.review.title': 'Retention review',
	'privacy.review.intro':
		'Households not visited (nor created, nor kept on review) for {months} months are due for review: erase their personal data if it is no longer needed, or keep them to visit again.',
	'privacy.review.count': '{shown} of {total} households due for review',
	'privacy.review.none': 'No household is due for review.',
	'privacy.review.address': 'Address',
	'privacy.review.hamlet': 'Hamlet',
	'privacy.review.last': 'Last',
	'privacy.review.never': 'Never visited (added {date})',
	'privacy.review.visited': 'Visited {date}',
	'privacy.review.reviewed': 'Kept {date}',
	'privacy.review.holds': 'Holds',
	'privacy.review.hasName': 'name',
	'privacy.review.hasPhone': 'phone',
	'privacy.review.hasPoint': 'location',
	'privacy.review.actions': 'Action',
	'privacy.rules.title': 'What erasure keeps, and for how long data is kept',
	'privacy.rules.household': 'Households',
	'privacy.rules.member': 'Team members',
	'privacy.rules.periods': 'How long data is kept',
	'privacy.rules.audit':
		'The audit log is kept for {years} years and then deleted; an entry says who, when and why, never the erased data.',
	'privacy.rules.law':
		'Under the Personal Data Protection Law 91/2025/QH15 and Decree 356/2025/ND-CP.'
} as const;
