// "Install the app": shown when the browser offers to install the page (Chromium's
// beforeinstallprompt), so that the guide's "installs as an app" has a button; hidden once
// it is installed or the offer is used.

export function offerInstall(button) {
  let offer = null;
  window.addEventListener('beforeinstallprompt', (e) => {
    e.preventDefault(); // the browser's own mini bar would say the same
    offer = e;
    button.hidden = false;
  });
  button.addEventListener('click', async () => {
    const used = offer;
    offer = null;
    button.hidden = true;
    await used?.prompt();
  });
  window.addEventListener('appinstalled', () => {
    offer = null;
    button.hidden = true;
  });
}
