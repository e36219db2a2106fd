// A collection (`{"items":[…],"next_cursor"}`) shown as a list with a "Weitere laden" button.

import { api } from './api.js';

/**
 * path: the collection URL (may carry a query already); list: the <ul>/<ol> to fill;
 * moreButton: shown while there is a next page; renderItem(item) → <li>;
 * onError(error): called when "Weitere laden" fails.
 */
export function createPager({ path, limit = 50, list, moreButton, renderItem, onError }) {
  let cursor = null;
  let items = [];

  async function fetchPage(reset) {
    const params = new URLSearchParams({ limit: String(limit) });
    if (!reset && cursor) params.set('cursor', cursor);
    const page = await api('GET', `${path}${path.includes('?') ? '&' : '?'}${params}`);
    const fresh = page && Array.isArray(page.items) ? page.items : [];
    const nodes = fresh.map(renderItem);
    if (reset) {
      items = [];
      list.replaceChildren(...nodes);
    } else {
      list.append(...nodes);
    }
    items = items.concat(fresh);
    cursor = (page && page.next_cursor) || null;
    moreButton.hidden = cursor === null;
    return nodes;
  }

  moreButton.addEventListener('click', async () => {
    moreButton.disabled = true;
    try {
      const nodes = await fetchPage(false);
      // Keyboard users continue where the new items start.
      if (nodes.length) {
        nodes[0].tabIndex = -1;
        nodes[0].focus();
      }
    } catch (error) {
      if (onError) onError(error);
    } finally {
      moreButton.disabled = false;
    }
  });

  return {
    /** Load the first page again (replacing the list); resolves to the loaded items. */
    reload: async () => {
      await fetchPage(true);
      return items;
    },
    items: () => items,
  };
}
