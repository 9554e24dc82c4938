/**
 * Browser facts that change what the field app tells the user: in-app browsers (Zalo,
 * Facebook…) may lose stored data and cannot install the app; iOS installs from Safari's share
 * menu only (no install prompt). Pure: takes the user-agent string.
 */

const IN_APP: [RegExp, string][] = [
	[/\bZalo\b/i, 'Zalo'],
	[/\bFBAN\/|\bFBAV\/|\bFB_IAB\b/i, 'Facebook'],
	[/\bMessenger\b|\bFBMSGR\b/i, 'Messenger'],
	[/\bInstagram\b/i, 'Instagram'],
	[/\bmusical_ly\b|\bBytedanceWebview\b|\bTikTok\b/i, 'TikTok'],
	[/\bLine\//i, 'LINE']
];

/** The in-app browser's app name, or null for a real browser. */
export function inAppBrowser(ua: string): string | null {
	for (const [re, name] of IN_APP) if (re.test(ua)) return name;
	return null;
}

/** iPhone, iPad or iPod (iPadOS reports itself as a Mac with touch). */
export function isIos(ua: string, maxTouchPoints = 0): boolean {
	return /\b(iPhone|iPad|iPod)\b/.test(ua) || (/\bMacintosh\b/.test(ua) && maxTouchPoints > 1);
}
