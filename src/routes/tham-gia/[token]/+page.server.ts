import type { PageServerLoad } from './$types';
import type { InvitePreview } from '$lib/server/api/routes/invites-token';

/** What the invite link offers (public: place and team names only), or that it is unusable. */
export const load: PageServerLoad = async ({ params, fetch, setHeaders }) => {
	setHeaders({ 'cache-control': 'private, no-store', 'referrer-policy': 'no-referrer' });
	const res = await fetch(`/api/invites/token/${encodeURIComponent(params.token)}`);
	if (!res.ok) return { invite: null, token: params.token };
	const { invite } = (await res.json()) as { invite: InvitePreview };
	return { invite, token: params.token };
};
