'use strict';
// The dashboard's page: loads a snapshot, then follows the live feed (one server-sent-event stream per tab). The
// stream starts at the snapshot's feed position; when the connection drops, the browser reconnects by itself with
// the id of the last event it got (Last-Event-ID), and the server sends what was missed.
window.BF = window.BF || {};
(function () {
  const el = BF.el;
  const FEED_MAX = 200;
  BF.state = {eventClock: null, seen: new Set(), stream: null, healthTimer: null};

  function setConnection(state, text) {
    const conn = document.getElementById('conn');
    conn.className = 'conn ' + state;
    conn.textContent = text;
  }

  function key(type, data) {
    switch (type) {
      case 'incident': return 'i:' + data.incident_id;
      case 'flag': return 'f:' + data.flag_id + '#' + data.revision;
      case 'review': return 'r:' + data.review_id;
      default: return 'l:' + data.change_id;
    }
  }

  function feedItem(type, data) {
    const when = el('span', {class: 'when'}, BF.time(data.event_time || data.decided_at || data.changed_at) + ' ');
    switch (type) {
      case 'flag':
        return el('li', {class: 'feed-flag', dataset: {flagId: data.flag_id, revision: data.revision}}, when,
          el('span', {class: 'kind flag'}, data.rule_id),
          el('a', {href: '#flag/' + encodeURIComponent(data.flag_id)}, BF.lower(data.kind) + ', ',
            el('span', {class: 'sev-' + data.severity}, BF.lower(data.severity))),
          data.status !== 'RAISED' ? ' (' + BF.lower(data.status) + ')' : '',
          data.section_id || data.bcp_code ? ' · ' + (data.section_id || data.bcp_code) : '');
      case 'incident':
        return el('li', {class: 'feed-incident', dataset: {incidentId: data.incident_id}}, when,
          el('span', {class: 'kind incident'}, 'incident'),
          BF.lower(data.category) + ', impact ' + BF.lower(data.impact) + ', ' + data.persons + ' person(s) · ',
          el('a', {href: '#section/' + encodeURIComponent(data.section_id)}, data.section_id));
      case 'review':
        return el('li', {class: 'feed-review', dataset: {flagId: data.flag_id}}, when,
          el('span', {class: 'kind review'}, 'review'), BF.lower(data.decision) + ' by a ' + data.role + ' · ',
          el('a', {href: '#flag/' + encodeURIComponent(data.flag_id)}, data.flag_id));
      default:
        return el('li', {class: 'feed-level', dataset: {sectionId: data.section_id}}, when,
          el('span', {class: 'kind level'}, 'level'), BF.lower(data.previous_level) + ' → ' + BF.lower(data.level) + ' · ',
          el('a', {href: '#section/' + encodeURIComponent(data.section_id)}, data.section_id));
    }
  }

  function addFeed(type, data, fresh) {
    const k = key(type, data);
    if (BF.state.seen.has(k)) return;
    BF.state.seen.add(k);
    const t = data.event_time || data.changed_at;
    if (t && (!BF.state.eventClock || t > BF.state.eventClock)) {
      BF.state.eventClock = t;
      document.getElementById('clock').textContent = 'data to ' + BF.time(t);
    }
    const list = document.getElementById('feed');
    const item = feedItem(type, data);
    if (fresh) item.classList.add('new');
    list.insertBefore(item, list.firstChild);
    while (list.childElementCount > FEED_MAX) list.removeChild(list.lastChild);
  }

  function setQueueCount(n) {
    document.getElementById('queue-count').textContent = String(n);
  }

  async function loadSnapshot() {
    const snapshot = await BF.api('GET', '/api/snapshot');
    for (const section of snapshot.sections) {
      if (!BF.map.has(section.id)) BF.map.draw(section);
      BF.map.update(section.status);
    }
    // The held tail in the order things happened (the dashboard read its history partition by partition).
    const when = (e) => e.data.event_time || e.data.decided_at || e.data.changed_at || 0;
    [...snapshot.feed].sort((a, b) => when(a) - when(b)).forEach(e => addFeed(e.type, e.data, false));
    setQueueCount(snapshot.queue.total);
    BF.state.eventClock = snapshot.event_clock;
    if (snapshot.event_clock) document.getElementById('clock').textContent = 'data to ' + BF.time(snapshot.event_clock);
    showInput(snapshot.input);
    connect(snapshot.position);
  }

  function showInput(input) {
    const banner = document.getElementById('banner');
    const notes = [];
    if (input.mode === 'files') notes.push('Read-only: a bounded run\'s files (' + input.source + '). Reviews and level changes are made on the live dashboard.');
    if (!input.caught_up) notes.push('Loading the history from ' + (input.mode === 'files' ? 'the files' : 'Kafka') + ' …');
    if (input.missing_topics) notes.push('Topics not there yet: ' + input.missing_topics.join(', ') + '.');
    if (input.error) notes.push('Input problem: ' + input.error);
    banner.textContent = notes.join(' ');
    banner.hidden = notes.length === 0;
  }

  function connect(position) {
    if (BF.state.stream) BF.state.stream.close();
    const stream = new EventSource('/api/stream?from=' + encodeURIComponent(position));
    BF.state.stream = stream;
    stream.onopen = () => setConnection('live', 'live');
    stream.onerror = () => {
      if (stream.readyState === EventSource.CLOSED) {
        setConnection('down', 'disconnected');
        // A closed stream is a refused one (an ended session answers 401): check, then start again.
        setTimeout(() => BF.api('GET', '/api/session').then(loadSnapshot).catch(() => {}), 3000);
      } else {
        setConnection('', 'reconnecting');
      }
    };
    for (const type of ['incident', 'flag', 'review', 'level']) {
      stream.addEventListener(type, (e) => {
        const data = JSON.parse(e.data);
        addFeed(type, data, true);
        if (type === 'flag' || type === 'review') refreshQueueCount();
      });
    }
    stream.addEventListener('sections', (e) => JSON.parse(e.data).forEach(BF.map.update));
    stream.addEventListener('reset', () => { stream.close(); loadSnapshot(); });
    stream.addEventListener('signed-out', () => { stream.close(); location.replace('/login.html'); });
    stream.addEventListener('busy', (e) => { stream.close(); setConnection('down', JSON.parse(e.data).reason); });
  }

  let queueTimer = null;
  function refreshQueueCount() {
    if (queueTimer) return;
    queueTimer = setTimeout(async () => {
      queueTimer = null;
      const q = await BF.api('GET', '/api/queue?limit=0').catch(() => null);
      if (q) setQueueCount(q.total);
    }, 1000);
  }

  const VIEWS = ['map', 'section', 'flag', 'queue', 'health'];
  async function route() {
    const hash = location.hash.replace(/^#/, '') || 'map';
    const [name, ...rest] = hash.split('/');
    const view = VIEWS.includes(name) ? name : 'map';
    const arg = decodeURIComponent(rest.join('/'));
    for (const v of VIEWS) document.getElementById('view-' + v).hidden = v !== view;
    for (const v of ['map', 'queue', 'health']) {
      document.getElementById('nav-' + v).classList.toggle('active', v === view);
    }
    clearInterval(BF.state.healthTimer);
    const root = document.getElementById('view-' + view);
    try {
      if (view === 'map') BF.map.invalidate();
      else if (view === 'section') await BF.views.section(root, arg);
      else if (view === 'flag') await BF.views.flag(root, arg);
      else if (view === 'queue') await BF.views.queue(root);
      else if (view === 'health') {
        await BF.views.health(root);
        BF.state.healthTimer = setInterval(() => BF.views.health(root).catch(() => {}), 5000);
      }
    } catch (e) {
      BF.clear(root).append(el('p', {class: 'error'}, e.message), el('p', {}, el('a', {href: '#map'}, '← map')));
    }
  }

  document.addEventListener('DOMContentLoaded', async () => {
    try {
      BF.session = await BF.api('GET', '/api/session');
    } catch (e) {
      return;
    }
    document.getElementById('who').textContent = BF.session.user + ' (' + BF.session.role + ')';
    document.getElementById('logout').addEventListener('click', async () => {
      await BF.api('POST', '/api/logout', {}).catch(() => {});
      location.replace('/login.html');
    });
    BF.map.init('map', id => { location.hash = '#section/' + encodeURIComponent(id); });
    window.addEventListener('hashchange', route);
    await loadSnapshot();
    route();
  });
})();
