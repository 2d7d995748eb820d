/*
 * Referable testimonial widget. Paste where the testimonials should appear:
 *
 *   <script src="https://YOUR-SITE/widget.js" data-count="3" async></script>
 *
 * It reads widget.json (at most 12 testimonials, featured first) from the same place as this
 * script and shows them in a shadow root, so the host page's styles and this widget's never mix.
 * Each quote keeps its endorsement kind and disclosures beside it. No cookies, no tracking, no
 * other requests.
 */
(function () {
  'use strict';

  var script =
    document.currentScript ||
    Array.prototype.slice.call(document.querySelectorAll('script[src*="widget.js"]')).filter(function (s) {
      return !s.hasAttribute('data-referable-mounted');
    })[0];
  if (!script || script.hasAttribute('data-referable-mounted')) return;
  script.setAttribute('data-referable-mounted', '');

  var count = Math.max(1, Math.min(12, parseInt(script.getAttribute('data-count') || '3', 10) || 3));
  var feedUrl = new URL('widget.json', script.src).href;

  var host = document.createElement('div');
  host.className = 'referable-testimonials';
  script.parentNode.insertBefore(host, script.nextSibling);
  var root = host.attachShadow({ mode: 'open' });

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function styles(colours) {
    var primary = /^#[0-9a-f]{6}$/i.test(colours.primary) ? colours.primary : '#1f4e5f';
    var accent = /^#[0-9a-f]{6}$/i.test(colours.accent) ? colours.accent : '#c8553d';
    return [
      ':host{all:initial;display:block;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1b2124;line-height:1.5}',
      'section{display:block}',
      '.list{display:grid;gap:1rem;grid-template-columns:repeat(auto-fill,minmax(min(100%,16rem),1fr));margin:0;padding:0;list-style:none}',
      '.card{border:1px solid #d9dfe2;border-radius:.75rem;padding:1rem;background:#fff;display:flex;flex-direction:column;gap:.6rem}',
      'blockquote{margin:0;font-family:Georgia,"Times New Roman",serif;font-size:1.05rem}',
      'blockquote p{margin:0}',
      '.author{font-weight:650;color:' + primary + '}',
      '.about{font-size:.85rem;color:#4d5a60}',
      '.kind{font-size:.85rem;color:#4d5a60}',
      '.badge{display:inline-block;padding:0 .5rem;margin-right:.35rem;border-radius:999px;font-size:.72rem;font-weight:650;text-transform:uppercase;letter-spacing:.02em;border:1px solid #d9dfe2;color:' +
        primary +
        '}',
      '.note{margin:0;padding:.45rem .6rem;border-left:3px solid ' + accent + ';background:#f5f7f8;font-size:.8rem}',
      '.more{margin:.75rem 0 0;font-size:.9rem}',
      'a{color:' + primary + '}',
    ].join('\n');
  }

  function card(item) {
    var t = item._referable || {};
    var li = el('li', 'card');
    var quote = el('blockquote');
    quote.appendChild(el('p', '', '\u201c' + (t.quote || '') + '\u201d'));
    li.appendChild(quote);
    var who = el('div');
    who.appendChild(el('div', 'author', (t.author && t.author.name) || ''));
    if (t.author && t.author.description) who.appendChild(el('div', 'about', t.author.description));
    li.appendChild(who);
    var kind = el('div', 'kind');
    kind.appendChild(el('span', 'badge', t.endorsement || ''));
    if (t.detail) kind.appendChild(document.createTextNode(t.detail));
    li.appendChild(kind);
    (t.disclosures || []).forEach(function (d) {
      li.appendChild(el('p', 'note', d.label + ': ' + d.text));
    });
    return li;
  }

  function render(feed) {
    var meta = feed._referable || {};
    var items = (feed.items || []).slice();
    var featured = items.filter(function (i) {
      return i._referable && i._referable.featured;
    });
    var rest = items.filter(function (i) {
      return !(i._referable && i._referable.featured);
    });
    var shown = featured.concat(rest).slice(0, count);
    if (!shown.length) return;
    var style = el('style', '', styles(meta.colours || {}));
    var section = el('section');
    section.setAttribute('aria-label', 'Testimonials for ' + (meta.business || 'this business'));
    var list = el('ul', 'list');
    shown.forEach(function (item) {
      list.appendChild(card(item));
    });
    section.appendChild(list);
    var more = el('p', 'more');
    var link = el('a', '', 'More testimonials for ' + (meta.business || 'this business'));
    link.href = feed.home_page_url;
    more.appendChild(link);
    section.appendChild(more);
    root.appendChild(style);
    root.appendChild(section);
    host.setAttribute('data-state', 'ready');
  }

  fetch(feedUrl, { credentials: 'omit', mode: 'cors' })
    .then(function (response) {
      if (!response.ok) throw new Error('HTTP ' + response.status);
      return response.json();
    })
    .then(render)
    .catch(function (error) {
      host.setAttribute('data-state', 'failed');
      if (window.console) console.warn('Referable widget: could not load ' + feedUrl + ' (' + error.message + ')');
    });
})();
