/**
 * The member's position while a route page is open: asked only when the member taps the
 * button (the reason is on screen before the browser's prompt), then watched with GPS (no
 * network needed) until the page is left or the member turns it off. The fix lives in this
 * object's memory only: it is never sent to the server and never stored.
 */
import {
	positionErrorState,
	WATCH_OPTIONS,
	type MemberFix,
	type PositionState
} from '$lib/domain/field/geolocation';

export class MemberPosition {
	/** Where tracking stands (see PositionState). */
	state = $state<PositionState>('off');
	/** The latest fix, or null. */
	fix = $state<MemberFix | null>(null);
	#watch: number | null = null;

	/** Starts watching (the browser asks for permission the first time). */
	start(): void {
		if (typeof navigator === 'undefined' || !('geolocation' in navigator)) {
			this.state = 'unsupported';
			return;
		}
		this.#clear();
		this.state = this.fix ? 'watching' : 'locating';
		this.#watch = navigator.geolocation.watchPosition(
			(p) => {
				this.fix = {
					lon: p.coords.longitude,
					lat: p.coords.latitude,
					accuracyM: p.coords.accuracy,
					at: p.timestamp
				};
				this.state = 'watching';
			},
			(err) => {
				const state = positionErrorState(err.code);
				// Denied ends the watch; no fix yet / timeout: the browser keeps trying.
				if (state === 'denied') this.stop();
				if (state === 'denied' || !this.fix) this.state = state;
			},
			WATCH_OPTIONS
		);
	}

	/** Stops watching and forgets the position. */
	stop(): void {
		this.#clear();
		this.fix = null;
		this.state = 'off';
	}

	#clear() {
		if (this.#watch !== null) navigator.geolocation.clearWatch(this.#watch);
		this.#watch = null;
	}
}
