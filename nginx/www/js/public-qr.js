// The public trust page (/qr/{token}, /public/qr/{token}): one anonymous read of
// /api/public/qr/{token}. Until the answer is there no light is shown; 404, 429 and network
// errors get a neutral German message. The disclaimer is part of the page and always visible.

import { withRequestId } from './api.js';
import { element, factRow } from './dom.js';
import { VEHICLE_CLASSES, labelOf } from './format.js';
import { indicatorList, trustBadge } from './trust.js';

const MESSAGES = {
  404: 'Diesen Fahrzeug-Link gibt es nicht (mehr). Vielleicht wurde er geändert oder abgeschaltet – frag beim Anbieter des Fahrzeugs nach dem aktuellen Code.',
  429: 'Gerade kommen zu viele Anfragen an. Bitte warte eine Minute und lade die Seite dann neu.',
  other: 'Die Angaben konnten gerade nicht geladen werden. Prüfe deine Verbindung und versuch es gleich noch einmal.',
};

const status = document.getElementById('public-status');
const alertBox = document.getElementById('public-alert');

// The alert region stays in the page (empty until now), so screen readers announce the text.
function showMessage(text) {
  status.textContent = '';
  alertBox.textContent = text;
}

function renderVehicle(vehicle) {
  const facts = document.getElementById('public-vehicle');
  const rows = [
    ['Fahrzeugklasse', labelOf(VEHICLE_CLASSES, vehicle.vehicle_class)],
    ['Marke', vehicle.make],
    ['Modell', vehicle.model],
    ['Baujahr', vehicle.year === null || vehicle.year === undefined ? '' : String(vehicle.year)],
    ['Motor/Antrieb', vehicle.engine],
    ['FIN (maskiert)', vehicle.vin_masked],
  ];
  facts.replaceChildren(...rows.filter(([, value]) => value).map(([term, value]) => factRow(term, value)));
}

function render(answer) {
  const badge = trustBadge(answer.trust_light);
  badge.id = 'public-light';
  badge.classList.add('trust-light--large');
  const sentence = element('p', 'trust-sentence', answer.sentence);
  sentence.id = 'public-sentence';
  document.getElementById('public-trust').replaceChildren(badge, sentence);

  const hint = document.getElementById('public-hint');
  hint.replaceChildren(element('strong', '', 'Hinweis: '), document.createTextNode(answer.hint));
  const indicators = indicatorList(answer.indicators);
  document.getElementById('public-indicators').replaceChildren(...(indicators ? [indicators] : []));

  const accident = element('span', `accident-badge accident-badge--${answer.indicators.accident}`, answer.accident_status_label);
  document.getElementById('public-accident').replaceChildren(element('span', 'visually-hidden', 'Unfallstatus: '), accident);
  renderVehicle(answer.vehicle || {});
  document.getElementById('public-disclaimer').textContent = answer.disclaimer;

  const name = [answer.vehicle.make, answer.vehicle.model].filter(Boolean).join(' ');
  if (name) document.title = `${name} – Fahrzeug-Nachweis – LifeTimeCircle`;
  status.textContent = '';
  document.getElementById('public-result').hidden = false;
}

async function load() {
  const token = window.location.pathname.split('/').pop();
  let response;
  try {
    response = await fetch(`/api/public/qr/${encodeURIComponent(token)}`, {
      headers: { Accept: 'application/json' },
      credentials: 'omit',  // the same answer for everyone: no session is sent
      cache: 'no-store',
    });
  } catch {
    showMessage(MESSAGES.other);
    return;
  }
  if (!response.ok) {
    showMessage(withRequestId(MESSAGES[response.status] || MESSAGES.other, response.headers.get('X-Request-Id')));
    return;
  }
  try {
    render(await response.json());
  } catch {
    showMessage(MESSAGES.other);
  }
}

load();
