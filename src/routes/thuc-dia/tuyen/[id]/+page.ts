// Field pages render on the device from IndexedDB (so they work offline): no SSR, and their
// HTML shell holds no personal data, which lets the service worker keep it.
export const ssr = false;
