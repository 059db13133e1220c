'use strict';
// Small helpers shared by the dashboard's scripts. Text always goes in as text (textContent), never as HTML: flags
// and incidents come from Kafka, and nothing from there may become markup.
window.BF = window.BF || {};

BF.el = function (tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on')) node.addEventListener(key.substring(2), value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
};

BF.clear = function (node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
};

// Event times are shown in UTC: the synthetic world's BCPs span several time zones.
BF.time = function (millis) {
  if (millis === null || millis === undefined) return '–';
  return new Date(millis).toISOString().substring(0, 16).replace('T', ' ') + 'Z';
};

BF.num = function (value, digits) {
  if (value === null || value === undefined) return '–';
  return digits === undefined ? String(value) : Number(value).toFixed(digits);
};

BF.lower = function (symbol) {
  return symbol ? String(symbol).toLowerCase().replace(/_/g, ' ') : '–';
};

BF.levelBadge = function (level) {
  return BF.el('span', {class: 'level-badge level-' + level}, BF.lower(level));
};

BF.table = function (headers, rows) {
  return BF.el('table', {},
    BF.el('thead', {}, BF.el('tr', {}, headers.map(h => BF.el('th', {class: h.endsWith('#') ? 'num' : null},
      h.replace(/#$/, ''))))),
    BF.el('tbody', {}, rows));
};

// The API: JSON in and out; state-changing requests carry the session's CSRF token. A 401 means the session ended.
BF.api = async function (method, path, body) {
  const options = {method: method, credentials: 'same-origin', headers: {'Accept': 'application/json'}};
  if (body !== undefined) {
    options.headers['Content-Type'] = 'application/json';
    options.headers['X-CSRF-Token'] = BF.session ? BF.session.csrf_token : '';
    options.body = JSON.stringify(body);
  }
  const response = await fetch(path, options);
  if (response.status === 401) {
    location.replace('/login.html');
    throw new Error('signed out');
  }
  const data = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) {
    throw new Error((data && data.error) || ('the dashboard answered ' + response.status));
  }
  return data;
};
