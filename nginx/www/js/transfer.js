// /app/transfer: redeem a transfer code, typed or scanned with the camera where the browser
// offers BarcodeDetector (otherwise the scan button stays hidden and typing is the way).

import { api, ApiError } from './api.js';
import { requireReadySession } from './session.js';

const el = (id) => document.getElementById(id);
const form = el('redeem-form');
const input = el('redeem-code');
const alertRegion = el('redeem-alert');
let stream = null;

function stopScan() {
  if (stream) stream.getTracks().forEach((track) => track.stop());
  stream = null;
  el('scan-box').hidden = true;
}

async function scanLoop(detector, video) {
  while (stream) {
    try {
      const codes = await detector.detect(video);
      if (codes.length > 0) {
        input.value = codes[0].rawValue;
        stopScan();
        input.focus();
        return;
      }
    } catch {
      // a frame that is not ready yet: try the next one
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function startScan() {
  alertRegion.textContent = '';
  try {
    stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
  } catch {
    alertRegion.textContent = 'Die Kamera ist nicht verfügbar. Bitte tippe den Code ein.';
    return;
  }
  const video = el('scan-video');
  video.srcObject = stream;
  el('scan-box').hidden = false;
  await video.play();
  scanLoop(new window.BarcodeDetector({ formats: ['qr_code'] }), video);
}

async function onSubmit(event) {
  event.preventDefault();
  alertRegion.textContent = '';
  const code = input.value.trim();
  if (code === '') {
    alertRegion.textContent = 'Bitte gib den Übergabe-Code ein.';
    input.focus();
    return;
  }
  el('redeem-submit').disabled = true;
  try {
    const result = await api('POST', '/api/transfers/redeem', { code });
    window.location.assign(`/app/vehicle?id=${encodeURIComponent(result.vehicle_id)}`);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    alertRegion.textContent = error.code === 'not_found'
      ? 'Zu diesem Code gibt es keine Übergabe. Bitte prüfe die Eingabe.'
      : error.message;
    input.focus();
  } finally {
    el('redeem-submit').disabled = false;
  }
}

requireReadySession().then(() => {
  form.addEventListener('submit', onSubmit);
  if ('BarcodeDetector' in window && navigator.mediaDevices) {
    el('scan-start').hidden = false;
    el('scan-start').addEventListener('click', startScan);
    el('scan-stop').addEventListener('click', stopScan);
  }
}, (error) => {
  alertRegion.textContent = `Die Anmeldung konnte nicht geprüft werden. ${error.message || ''}`.trim();
});
