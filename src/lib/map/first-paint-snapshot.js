/**
 * A return visit's first paint from a picture of the last one. The map's first view is drawn
 * from vector tiles (first-paint-early.ts); once drawn, it is kept as a PNG in the browser's
 * Cache Storage under a key of what was drawn: the app version, the view and every commune's
 * colour (`data-snapshot`: snapshotId in first-paint-snapshot-store.ts) and the window's size. On the next
 * visit with the same figures, the script below, inline right after the canvas in the server's
 * HTML, shows that picture while the page is still being parsed, long before the page's code has
 * loaded; the tiles are still decoded afterwards, for taps. Other figures (a new day's metrics,
 * another metric or month), another size or another version find no picture and draw from the
 * tiles as before.
 *
 * Plain JavaScript: svelte.config.js reads SNAPSHOT_SCRIPT to allow it in the page's CSP by its
 * hash (the page's own inline scripts have nonces the component cannot know).
 */

/** The Cache Storage cache holding the pictures (the newest few: first-paint-snapshot-store.ts). */
export const SNAPSHOT_CACHE = 'tungngo-first-paint';

/** Where the last views' tile addresses are kept (first-paint-early.ts), for the script below. */
export const TILES_KEY = 'tungngo.firstPaintTiles';

/**
 * Runs as the parser reaches it: the canvas is its previous element.
 *
 *  - It records the key of the picture (`data-snapshot-key`, where the picture of this paint is
 *    to be kept) and, when a picture of the same figures at the same size is there and nothing
 *    has been drawn yet (`data-drawn`, set by drawScene), draws it (`data-snapshot-shown`,
 *    `data-snapshot-communes`) and marks the first paint (once the rest of the page is parsed
 *    if the canvas has another size before). `window.__tungNgoPicture` settles once it is
 *    known whether the picture was shown: the tiles are decoded only then, not while the picture
 *    is on its way (both need the main thread).
 *  - Without a picture shown, it starts drawing from the tiles without waiting for the page's
 *    code: it loads the first paint's own script (`data-boot`, first-paint-boot.ts) and, when an
 *    earlier visit fetched the tiles of this view at this size, asks for them again at once
 *    (`window.__tungNgoTiles`). With a picture, neither competes with it for the main thread:
 *    the app's start hook fetches and decodes the tiles later, for taps.
 *
 * Any failure leaves the canvas to the page's code.
 */
export const SNAPSHOT_SCRIPT = [
	'(function(){try{',
	'var c=document.currentScript.previousElementSibling;if(!c)return;',
	"var tk=c.dataset.opening+'|'+c.clientWidth+'x'+c.clientHeight;",
	'function boot(){if(c.dataset.snapshotShown)return;',
	`try{var l=JSON.parse(localStorage.getItem('${TILES_KEY}')||'[]');`,
	'for(var i=0;i<l.length;i++)if(l[i].key===tk){var u=l[i].urls;',
	'window.__tungNgoTiles={key:tk,urls:u,tiles:Promise.all(u.map(function(a){',
	'return fetch(a).then(function(r){if(!r.ok)throw new Error(a);return r.arrayBuffer()})}))};',
	'window.__tungNgoTiles.tiles.catch(function(){});break}}catch(e){}',
	"if(c.dataset.boot){var s=document.createElement('script');s.async=true;s.src=c.dataset.boot;document.head.appendChild(s)}}",
	'var id=c.dataset.snapshot;if(!id||!window.caches||!window.createImageBitmap){boot();return}',
	"var k=location.origin+'/__first-paint/'+id+'/'+innerWidth+'x'+innerHeight+'@'+(window.devicePixelRatio||1);",
	`c.dataset.snapshotKey=k;window.__tungNgoPicture=caches.match(k,{cacheName:'${SNAPSHOT_CACHE}'}).then(function(r){if(!r)return;`,
	"var n=r.headers.get('x-communes'),z=r.headers.get('x-size');",
	'return r.blob().then(createImageBitmap).then(function(b){function d(){',
	'if(c.dataset.drawn||!c.isConnected)return;',
	"if(c.clientWidth+'x'+c.clientHeight!==z){",
	"if(document.readyState==='loading')document.addEventListener('DOMContentLoaded',d,{once:true});",
	'return}',
	"c.width=b.width;c.height=b.height;c.getContext('2d').drawImage(b,0,0);",
	'c.dataset.communes=c.dataset.snapshotCommunes=n;c.dataset.snapshotShown=k;',
	"performance.mark('tungngo:first-paint',{detail:{communes:+n,snapshot:true}})}d()})",
	'}).then(function(){boot();return!!c.dataset.snapshotShown},function(){boot();return false})',
	'}catch(e){}})()'
].join('');
