// The "Öffentlicher Link" panel of /app/vehicle: on / rotate / off, the QR preview and the
// downloads (QR as SVG and PNG, A6 sticker, printable history). Rotating or turning the link
// off kills the old URL and every printed sticker at once, so both ask first.

import { api, ApiError } from './api.js';

const el = (id) => document.getElementById(id);

export function createPublicLinkPanel({ vehiclePath, say, fail }) {
  const state = el('public-link-state');
  const url = el('public-link-url');
  const qr = el('public-link-qr');
  const on = el('public-link-on');
  const rotate = el('public-link-rotate');
  const off = el('public-link-off');
  const downloads = el('public-link-downloads');
  el('history-pdf').href = `${vehiclePath}/history.pdf`;

  function render(link) {
    const enabled = Boolean(link && link.enabled && link.url);
    state.textContent = enabled
      ? 'Der öffentliche Link ist eingeschaltet.'
      : 'Der öffentliche Link ist ausgeschaltet. Niemand kann die öffentliche Seite dieses Fahrzeugs aufrufen.';
    el('public-link-url-row').hidden = !enabled;
    downloads.hidden = !enabled;
    qr.hidden = !enabled;
    on.hidden = enabled;
    rotate.hidden = !enabled;
    off.hidden = !enabled;
    if (!enabled) {
      qr.removeAttribute('src');
      return;
    }
    url.href = link.url;
    url.textContent = link.url;
    // The token in the query only makes the browser fetch the new image after a rotation.
    const version = encodeURIComponent(link.url.slice(-8));
    qr.src = `${vehiclePath}/public-link/qr.svg?v=${version}`;
    el('public-link-svg').href = `${vehiclePath}/public-link/qr.svg`;
    el('public-link-png').href = `${vehiclePath}/public-link/qr.png`;
    el('public-link-sticker').href = `${vehiclePath}/public-link/sticker.pdf`;
  }

  async function act(button, work, done) {
    button.disabled = true;
    try {
      render(await work());
      el('public-link-title').focus();
      say(done);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      fail(`Der öffentliche Link konnte nicht geändert werden. ${error.message}`);
    } finally {
      button.disabled = false;
    }
  }

  on.addEventListener('click', () => act(on, () => api('PUT', `${vehiclePath}/public-link`), 'Der öffentliche Link ist eingeschaltet.'));
  rotate.addEventListener('click', () => {
    if (!window.confirm('Neuen Link erzeugen? Der bisherige Link und bereits gedruckte Aufkleber funktionieren danach nicht mehr.')) return;
    act(rotate, () => api('PUT', `${vehiclePath}/public-link`), 'Ein neuer Link wurde erzeugt. Der bisherige funktioniert nicht mehr.');
  });
  off.addEventListener('click', () => {
    if (!window.confirm('Link ausschalten? Der Link und gedruckte Aufkleber funktionieren danach nicht mehr.')) return;
    act(off, async () => { await api('DELETE', `${vehiclePath}/public-link`); return { enabled: false, url: null }; },
      'Der öffentliche Link ist ausgeschaltet.');
  });

  return { render };
}
