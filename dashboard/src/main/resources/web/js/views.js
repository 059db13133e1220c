'use strict';
// The pages besides the map: a section ("why this level", trends, incidents, overdue reports, flags, level change),
// a flag (explanation, conditions, evidence, revisions, reviews, review form), the review queue, pipeline health.
window.BF = window.BF || {};
(function () {
const el = BF.el;

BF.views = {};

BF.views.section = async function (root, id) {
  BF.clear(root).append(el('p', {class: 'fine'}, 'loading ' + id + ' …'));
  const d = await BF.api('GET', '/api/sections/' + encodeURIComponent(id));
  const s = d.status;
  const why = d.why;
  BF.clear(root);
  root.append(
    el('p', {}, el('a', {href: '#map'}, '← map')),
    el('h2', {id: 'section-title'}, d.name, ' ', BF.levelBadge(s.level)),
    el('p', {class: 'fine'}, d.id + ' · ' + BF.lower(d.type) + ' border · level set by ' + BF.lower(s.level_source)
      + (s.level_until ? ' until ' + BF.time(s.level_until) : '')),
    s.freshness === 'UNKNOWN'
      ? el('p', {class: 'notice fresh-UNKNOWN', id: 'section-unknown'}, 'Freshness unknown: ' + (s.freshness_note || '')
        + '. This is not a quiet section: there is no current data for it. ', el('a', {href: '#health'}, 'See pipeline health'))
      : el('p', {class: 'ok'}, 'Fresh: picture to ' + BF.time(s.window_end)));

  const rows = [
    el('tr', {}, el('td', {}, 'Attributed level'), el('td', {}, BF.levelBadge(why.level), ' set by ' + BF.lower(why.level_source)
      + (why.level_until ? ', temporary until ' + BF.time(why.level_until) : ''))),
    el('tr', {}, el('td', {}, 'Reference level'), el('td', {}, why.reference_level ? BF.lower(why.reference_level) : '–')),
  ];
  if (why.level_change) {
    const c = why.level_change;
    rows.push(el('tr', {}, el('td', {}, 'Last supervisor change'), el('td', {}, BF.lower(c.previous_level) + ' → '
      + BF.lower(c.level) + ' at ' + BF.time(c.changed_at) + ' by a ' + c.role + ': “' + c.reason + '”')));
  }
  if (why.window_end) {
    rows.push(
      el('tr', {}, el('td', {}, 'Incidents in the 24 h to ' + BF.time(why.window_end)),
        el('td', {}, el('b', {id: 'why-events'}, String(why.pressure_events)), ' (R11 needs ≥ ' + why.pressure_min_events + ')')),
      el('tr', {}, el('td', {}, 'Baseline'), el('td', {}, BF.num(why.baseline, 2)
        + ' (mean of the same weekday and hour over the last 28 days)')),
      el('tr', {}, el('td', {}, 'Pressure ratio'), el('td', {}, el('b', {id: 'why-ratio'}, BF.num(why.pressure_ratio, 2)),
        ' (R11 needs ≥ ' + BF.num(why.pressure_ratio_threshold, 1) + ')')),
      el('tr', {}, el('td', {}, 'Review suggested'), el('td', {id: 'why-suggested', class: why.review_suggested ? 'error' : null},
        why.review_suggested ? 'yes: R11 suggests that people review the attributed level' : 'no')));
  } else {
    rows.push(el('tr', {}, el('td', {}, 'Pressure (R11)'), el('td', {}, 'no picture for this section yet')));
  }
  root.append(el('div', {class: 'panel', id: 'why'}, el('h3', {}, 'Why this level'), el('table', {}, el('tbody', {}, rows)),
    el('p', {class: 'fine'}, 'The attributed level is set by people (reference data or a supervisor). The pipeline '
      + 'computes the pressure and may suggest a review; it never sets the level.'),
    why.contributing.length ? el('div', {id: 'why-contributing'}, el('h3', {}, 'Contributing incidents (' + why.contributing.length + ')'),
      incidentTable(why.contributing.map(c => c.incident || {incident_id: c.incident_id}))) : null));

  const charts = el('div', {class: 'cols'}, el('div', {id: 'chart-traffic', class: 'chart'}), el('div', {id: 'chart-pressure', class: 'chart'}));
  root.append(el('h3', {}, 'Trends (hourly windows)'), charts);
  BF.views.trend(d.trend);

  if (BF.session.may_change_level) {
    root.append(levelForm(d));
  }
  root.append(el('h3', {}, 'Overdue reports (' + d.overdue.length + ')'),
    d.overdue.length ? incidentTable(d.overdue.map(o => o.incident || {incident_id: o.incident_id}))
      : el('p', {class: 'fine'}, why.window_end ? 'none: every single-event report arrived within 24 hours'
        : 'not known: no picture for this section yet'));
  root.append(el('h3', {}, 'Flags in this section'), flagTable(d.flags));
  root.append(el('h3', {}, 'Recent incidents'), incidentTable(d.incidents));
};

BF.views.trend = function (trend) {
  const x = trend.window_start.map(t => t / 1000);
  const width = Math.max(360, Math.floor((document.getElementById('view-section').clientWidth - 60) / 2));
  const common = {width: width, height: 220, scales: {x: {time: true}}, legend: {live: false}};
  if (!x.length) {
    document.getElementById('chart-traffic').append(el('p', {class: 'fine'}, 'no hourly pictures yet'));
    return;
  }
  new uPlot(Object.assign({title: 'Crossings, refusals and incidents per hour', series: [{},
    {label: 'crossings', stroke: '#1f5fa8'}, {label: 'refusals', stroke: '#ef6c00'},
    {label: 'incidents', stroke: '#7b5ea7', scale: 'n'}],
  axes: [{}, {}, {scale: 'n', side: 1, grid: {show: false}}]}, common),
  [x, trend.crossings, trend.refusals, trend.incidents], document.getElementById('chart-traffic'));
  new uPlot(Object.assign({title: 'R11: incidents in 24 h against the baseline', series: [{},
    {label: 'incidents (24 h)', stroke: '#c62828'}, {label: 'baseline', stroke: '#5f6b7a', dash: [6, 4]}]}, common),
  [x, trend.pressure_events, trend.baseline], document.getElementById('chart-pressure'));
};

function levelForm(section) {
  const level = el('select', {id: 'level-select'}, ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'].map(l =>
    el('option', {value: l, selected: l === section.status.level}, BF.lower(l))));
  const hours = el('input', {id: 'level-hours', type: 'number', min: '1', max: '720', value: '72', size: '4'});
  const reason = el('input', {id: 'level-reason', size: '40', placeholder: 'reason (required)'});
  const result = el('span', {id: 'level-result'});
  const form = el('form', {class: 'inline', id: 'level-form'},
    el('label', {}, 'New attributed level', level),
    el('label', {}, 'Critical for (hours)', hours),
    el('label', {}, 'Reason', reason),
    el('button', {class: 'primary', type: 'submit'}, 'Change level'), result);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    result.textContent = '';
    const clock = BF.state.eventClock || Date.now();
    try {
      const change = await BF.api('POST', '/api/sections/' + encodeURIComponent(section.id) + '/level', {
        level: level.value, reason: reason.value,
        until: level.value === 'CRITICAL' ? clock + Number(hours.value) * 3600000 : null
      });
      result.className = 'ok';
      result.textContent = 'Recorded (' + BF.lower(change.previous_level) + ' → ' + BF.lower(change.level) + ') and audited.';
    } catch (e) {
      result.className = 'error';
      result.textContent = e.message;
    }
  });
  return el('div', {class: 'panel'}, el('h3', {}, 'Change the attributed level (supervisor)'), form,
    el('p', {class: 'fine'}, 'A critical level is temporary. The change is audited and passed through by the picture job.'));
}

function incidentTable(incidents) {
  if (!incidents.length) return el('p', {class: 'fine'}, 'none');
  return BF.table(['Detected', 'Reported', 'Incident', 'Category', 'Impact', 'Confidence', 'Persons#'],
    incidents.map(i => el('tr', {}, el('td', {}, BF.time(i.event_time)), el('td', {}, BF.time(i.reported_time)),
      el('td', {class: 'mono'}, i.incident_id), el('td', {}, BF.lower(i.category)), el('td', {}, BF.lower(i.impact)),
      el('td', {}, BF.lower(i.confidence)), el('td', {class: 'num'}, i.persons === undefined ? '–' : i.persons))));
}

function flagTable(flags) {
  if (!flags.length) return el('p', {class: 'fine'}, 'none');
  return BF.table(['Trigger time', 'Rule', 'Severity', 'Status', 'Recommended action', 'Review'],
    flags.map(f => el('tr', {dataset: {flagId: f.flag_id}},
      el('td', {}, BF.time(f.event_time)),
      el('td', {}, el('a', {href: '#flag/' + encodeURIComponent(f.flag_id)}, f.rule_id)),
      el('td', {class: 'sev-' + f.severity}, BF.lower(f.severity)), el('td', {}, BF.lower(f.status) + ' r' + f.revision),
      el('td', {}, f.recommended_action),
      el('td', {}, f.decision ? BF.lower(f.decision) : (f.pending ? 'pending' : '–')))));
}
BF.flagTable = flagTable;

BF.views.flag = async function (root, id) {
  BF.clear(root).append(el('p', {class: 'fine'}, 'loading …'));
  const d = await BF.api('GET', '/api/flags/' + encodeURIComponent(id));
  const f = d.flag;
  BF.clear(root);
  root.append(
    el('p', {}, el('a', {href: '#map'}, '← map'), ' · ', el('a', {href: '#queue'}, 'review queue')),
    el('h2', {id: 'flag-title'}, f.rule_id + ' · ' + BF.lower(f.kind) + ' · ',
      el('span', {class: 'sev-' + f.severity}, BF.lower(f.severity)), ' · ' + BF.lower(f.status) + ' (revision ' + f.revision + ')'),
    el('p', {class: 'notice'}, 'A recommendation for a person to review, never a decision. Your view of this flag is audited.'),
    el('div', {class: 'panel', id: 'flag-detail', dataset: {flagId: f.flag_id}},
      el('h3', {}, 'Explanation'), el('p', {id: 'flag-explanation'}, f.explanation),
      el('h3', {}, 'Recommended action'), el('p', {}, f.recommended_action),
      el('table', {}, el('tbody', {},
        el('tr', {}, el('td', {}, 'Flag'), el('td', {class: 'mono'}, f.flag_id)),
        el('tr', {}, el('td', {}, 'Rule'), el('td', {}, f.rule_id + ' version ' + f.rule_version)),
        el('tr', {}, el('td', {}, 'Trigger'), el('td', {class: 'mono'}, f.trigger_event_id + ' at ' + BF.time(f.event_time))),
        el('tr', {}, el('td', {}, 'Where'), el('td', {}, (f.bcp_code || '–') + ' · ',
          f.section_id ? el('a', {href: '#section/' + encodeURIComponent(f.section_id)}, f.section_id) : '–')),
        el('tr', {}, el('td', {}, 'Subject (token)'), el('td', {class: 'mono'}, f.subject_token)),
        el('tr', {}, el('td', {}, 'Kept until'), el('td', {}, f.retention_until))))),
    el('h3', {}, 'Conditions checked'),
    BF.table(['Condition', 'Observed', '', 'Threshold', 'Met'], f.conditions.map(c => el('tr', {},
      el('td', {}, c.name), el('td', {class: 'mono'}, c.observed), el('td', {}, c.operator),
      el('td', {class: 'mono'}, c.threshold), el('td', {class: 'met-' + c.met}, c.met ? 'yes' : 'no')))),
    el('h3', {}, 'Evidence'), el('ul', {id: 'flag-evidence'}, f.evidence_ids.map(e => el('li', {class: 'mono'}, e))),
    el('h3', {}, 'Revisions'),
    BF.table(['Revision#', 'Status', 'Raised', 'Explanation'], d.revisions.map(r => el('tr', {},
      el('td', {class: 'num'}, r.revision), el('td', {}, BF.lower(r.status)),
      el('td', {}, BF.time(r.raised_event_time === null ? r.event_time : r.raised_event_time)),
      el('td', {}, r.explanation)))),
    el('h3', {}, 'Reviews'),
    d.reviews.length ? BF.table(['Decided', 'Decision', 'Revision#', 'Role', 'Reason'], d.reviews.map(r => el('tr', {},
      el('td', {}, BF.time(r.decided_at)), el('td', {}, BF.lower(r.decision)), el('td', {class: 'num'}, r.flag_revision),
      el('td', {}, r.role), el('td', {}, r.reason)))) : el('p', {class: 'fine', id: 'no-reviews'}, 'not reviewed yet'));
  if (BF.session.may_review && d.pending) {
    root.append(reviewForm(f));
  } else if (d.pending) {
    root.append(el('p', {class: 'fine'}, 'Waiting for review by an analyst or a supervisor.'));
  }
};

function reviewForm(flag) {
  const reason = el('textarea', {id: 'review-reason', placeholder: 'Why (required): what you checked and found'});
  const result = el('p', {id: 'review-result', role: 'status'});
  const send = async (decision) => {
    result.className = '';
    result.textContent = 'recording …';
    try {
      const review = await BF.api('POST', '/api/flags/' + encodeURIComponent(flag.flag_id) + '/review',
        {decision: decision, reason: reason.value, revision: flag.revision});
      result.className = 'ok';
      result.dataset.reviewId = review.review_id;
      result.textContent = 'Review recorded: ' + BF.lower(review.decision) + ' (audited).';
      form.querySelectorAll('button').forEach(b => { b.disabled = true; });
    } catch (e) {
      result.className = 'error';
      result.textContent = e.message;
    }
  };
  const form = el('div', {class: 'panel', id: 'review-form'}, el('h3', {}, 'Your review'), reason,
    el('p', {}, el('button', {class: 'primary', id: 'review-confirm', type: 'button', onclick: () => send('CONFIRMED')},
      'Confirm'), ' ', el('button', {class: 'danger', id: 'review-dismiss', type: 'button', onclick: () => send('DISMISSED')},
      'Dismiss')), result);
  return form;
}

BF.views.queue = async function (root) {
  const d = await BF.api('GET', '/api/queue?limit=200');
  BF.clear(root).append(el('h2', {}, 'Flags waiting for review (' + d.total + '), oldest first'),
    el('p', {class: 'fine'}, 'Each flag is a recommendation; confirm or dismiss it with a reason.'
      + (d.total > d.flags.length ? ' Showing the oldest ' + d.flags.length + '.' : '')),
    el('div', {id: 'queue-list'}, flagTable(d.flags)));
};

BF.views.health = async function (root) {
  const d = await BF.api('GET', '/api/health');
  BF.clear(root).append(el('h2', {}, 'Pipeline health'),
    el('p', {class: 'fine'}, 'Checked ' + (d.checked_at ? new Date(d.checked_at).toISOString().substring(11, 19) + 'Z' : 'not yet')
      + '; refreshed every few seconds. Newest event time seen: ' + BF.time(d.event_clock) + '.'));
  root.append(el('h3', {}, 'Flink jobs'));
  for (const name of d.jobs_not_running || []) {
    root.append(el('p', {class: 'notice error job-not-running'}, name + ' runs on none of the clusters watched: its output '
      + 'stops. Once the cause is fixed (it failed, or its JobManager restarted), resume it from its newest checkpoint: ops/borderflow deploy risk|picture '
      + '--resume (ops/RUNBOOK.md, "A job is not running").'));
  }
  for (const cluster of d.flink || []) {
    const active = j => !['FAILED', 'CANCELED', 'FINISHED'].includes(j.state);
    for (const j of (cluster.jobs || []).filter(j => active(j) && j.checkpoints && j.checkpoints.failing)) {
      const failed = j.checkpoints.last_failed;
      root.append(el('p', {class: 'notice error checkpoints-failing'}, j.name + ': checkpoints are failing (the newest, #'
        + failed.id + ' at ' + new Date(failed.failed_at).toISOString().substring(11, 19) + 'Z: ' + failed.message
        + '); committed output waits for them. The reason is in the JobManager\'s log under "Decline checkpoint '
        + failed.id + '" (ops/RUNBOOK.md, "Checkpoints failing or stalled").'));
    }
    if (!cluster.reachable) {
      root.append(el('p', {class: 'notice error flink-unreachable'}, cluster.url + ': not reachable (' + cluster.error
        + '). Start the job with a REST port, or set health.flink_rest_urls in dashboard.yaml.'));
      continue;
    }
    root.append(el('p', {}, cluster.url + ' · Flink ' + cluster.flink_version + ' · ' + cluster.taskmanagers
      + ' task manager(s), ' + cluster.slots_available + '/' + cluster.slots_total + ' slots free'));
    root.append(BF.table(['Job', 'State', 'Restarts#', 'Last checkpoint', 'Failed checkpoints#', 'Backpressure', 'Source lag (records)#'],
      cluster.jobs.map(j => {
        const cp = j.checkpoints || {};
        const failing = active(j) && cp.failing;
        const last = cp.last_completed;
        const vertices = j.vertices || [];
        const pressured = vertices.filter(v => v.backpressure && v.backpressure !== 'ok');
        const lag = vertices.filter(v => v.source_pending_records !== undefined)
          .reduce((sum, v) => sum + v.source_pending_records, 0);
        return el('tr', {class: 'job', dataset: {state: j.state}},
          el('td', {}, j.name), el('td', {class: j.state === 'RUNNING' ? 'ok' : 'error'}, j.state),
          el('td', {class: 'num'}, j.restarts === undefined || j.restarts === null ? '–' : j.restarts),
          el('td', {class: failing ? 'error' : ''}, (last ? new Date(last.completed_at).toISOString().substring(11, 19) + 'Z, ' + last.duration_ms + ' ms' : 'none yet')
            + (failing ? '; failing since' : '')),
          el('td', {class: 'num'}, cp.failed === undefined ? '–' : cp.failed),
          el('td', {}, vertices.length ? (pressured.length ? pressured.map(v => v.name + ': ' + v.backpressure).join('; ') : 'none') : '–'),
          el('td', {class: 'num'}, vertices.some(v => v.source_pending_records !== undefined) ? lag : '–'));
      })));
  }
  const k = d.kafka;
  root.append(el('h3', {}, 'Kafka'));
  if (!k) {
    root.append(el('p', {class: 'fine'}, 'This dashboard shows a bounded run\'s files: no broker.'));
  } else if (!k.reachable) {
    root.append(el('p', {class: 'notice error'}, 'Broker not reachable: ' + k.error));
  } else {
    const dl = k.dead_letters || {};
    root.append(el('p', {id: 'dead-letters'}, 'Dead letters (' + dl.topic + '): ' + (dl.error ? dl.error : dl.total + ' held, '
      + (dl.per_minute === null || dl.per_minute === undefined ? 'rate not known yet' : BF.num(dl.per_minute, 1) + ' per minute over the last '
        + BF.num(dl.over_minutes, 1) + ' min'))));
    root.append(BF.table(['Consumer group', 'Topic', 'Committed#', 'Lag (records)#'], (k.groups || []).flatMap(g =>
      g.topics.map(t => el('tr', {}, el('td', {}, g.group), el('td', {}, t.topic), el('td', {class: 'num'}, t.committed),
        el('td', {class: 'num'}, t.lag))))));
  }
  const input = d.input || {};
  root.append(el('h3', {}, 'This dashboard'), el('p', {}, 'Input: ' + input.mode + ' (' + input.source + '), '
    + (input.caught_up ? 'history loaded' : 'loading history') + (input.error ? '; error: ' + input.error : '')
    + (input.missing_topics ? '; topics not there yet: ' + input.missing_topics.join(', ') : '')
    + '. Holding ' + d.sizes.flags + ' flags (' + d.sizes.pending + ' pending) and ' + d.sizes.incidents + ' incidents.'));
};
})();
