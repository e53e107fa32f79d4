// Working offline: registers the service worker, which precaches the page, and offers a
// reload when a new version of the page has taken over.

/** Whether a service worker serves this page, so that it also opens without a network. */
export function worksOffline() {
  return !!navigator.serviceWorker?.controller;
}

/**
 * Registers the service worker once `settled` has resolved (the recognizer is loaded, or
 * failed) and the page has loaded. onChange() runs whenever worksOffline() may have changed;
 * toast and reload are the "new version" notice and its button.
 */
export function startOffline({ settled, onChange, toast, reload }) {
  reload.addEventListener('click', () => location.reload());
  if (!('serviceWorker' in navigator && window.isSecureContext)) return;

  // The first service worker taking over this page is no news; a later one is a new version.
  let controlled = worksOffline();
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    onChange();
    if (controlled) toast.hidden = false;
    controlled = true;
  });
  // Registered once the page is loaded and the recognizer is ready, so that the service
  // worker's precache finds the files in the HTTP cache instead of downloading them again.
  const register = () =>
    navigator.serviceWorker.register('./sw.js').then(
      (reg) => reg?.active && onChange(), // (no registration where a browser blocks service workers)
      () => {}, // without a service worker the page still works, only not offline
    );
  settled.then(() => (document.readyState === 'complete' ? register() : addEventListener('load', register, { once: true })));
}
