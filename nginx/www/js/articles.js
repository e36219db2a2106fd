// /blog and /news: the published articles of the page's type from /api/blog or /api/news,
// newest first, each a link to /{type}/{slug}. Text only: nothing here is parsed as HTML.

import { api, ApiError } from './api.js';
import { element } from './dom.js';
import { formatDay } from './format.js';

const type = document.getElementById('main').dataset.articleType;
const status = document.getElementById('articles-status');
const alertBox = document.getElementById('articles-alert');

function item(article) {
  const link = element('a', '', article.title);
  link.href = `/${type}/${encodeURIComponent(article.slug)}`;
  const heading = element('h2', 'article-list__title');
  heading.append(link);
  const date = element('p', 'muted', `Veröffentlicht am ${formatDay(article.published_at)}`);
  const entry = element('li', 'article-list__item');
  entry.append(heading, date, element('p', '', article.excerpt));
  return entry;
}

async function load() {
  try {
    const { items } = await api('GET', `/api/${type}?limit=100`, undefined, { redirect: false });
    document.getElementById('articles').replaceChildren(...items.map(item));
    status.textContent = items.length ? '' : 'Hier gibt es noch keine Beiträge. Schau bald wieder vorbei.';
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    status.textContent = '';
    alertBox.textContent = `Die Beiträge konnten gerade nicht geladen werden. ${error.message}`;
  }
}

load();
