// /blog/{slug} and /news/{slug}: one published article from /api/{type}/{slug}. body_html was
// rendered by the server with cmark's safe mode when the article was saved (raw HTML and
// javascript:/data: links removed), so it is inserted as it is; everything else is text.

import { api, ApiError, withRequestId } from './api.js';
import { formatDay } from './format.js';

const [, type, slug] = window.location.pathname.split('/');
const status = document.getElementById('article-status');
const alertBox = document.getElementById('article-alert');
const title = document.getElementById('article-title');

function showError(text) {
  status.textContent = '';
  alertBox.textContent = text;
}

async function load() {
  const back = document.getElementById('article-back');
  back.href = `/${type}`;
  back.textContent = type === 'news' ? 'Alle News' : 'Alle Blogbeiträge';
  try {
    const article = await api('GET', `/api/${type}/${encodeURIComponent(slug)}`, undefined, { redirect: false });
    title.textContent = article.title;
    document.title = `${article.title} – LifeTimeCircle · Service Heft 4.0`;
    document.getElementById('article-date').textContent = `Veröffentlicht am ${formatDay(article.published_at)}`;
    document.getElementById('article-body').innerHTML = article.body_html;
    status.textContent = '';
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.status === 404) {
      title.textContent = 'Beitrag nicht gefunden';
      showError(withRequestId('Diesen Beitrag gibt es nicht (mehr). Schau in der Übersicht nach.', error.requestId));
      return;
    }
    showError(`Der Beitrag konnte gerade nicht geladen werden. ${error.message}`);
  }
}

load();
