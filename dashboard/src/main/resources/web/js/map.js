'use strict';
// The map: Natural Earth country outlines (served by the dashboard itself; no tile server) and the border sections
// from the reference data, coloured by attributed level, dashed when their freshness is unknown, wider under pressure,
// marked when R11 suggests a review.
window.BF = window.BF || {};

BF.map = (function () {
  let map;
  const layers = {};   // section id -> Leaflet layer
  const marks = {};    // section id -> marker
  const sections = {}; // section id -> {reference, status}

  function init(element, onSelect) {
    map = L.map(element, {minZoom: 3, maxZoom: 9, zoomSnap: 0.5, worldCopyJump: false, preferCanvas: false})
      .setView([50, 16], 4);
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution('Made with Natural Earth');
    fetch('/geo/countries.geojson', {credentials: 'same-origin'})
      .then(r => r.json())
      .then(geo => {
        L.geoJSON(geo, {interactive: false, style: () => ({className: 'country'})}).addTo(map).bringToBack();
      });
    BF.map.onSelect = onSelect;
  }

  function pressureClass(status) {
    const ratio = status.pressure_ratio;
    const threshold = status.pressure_ratio_threshold || 3;
    if (ratio === null || ratio === undefined) return 'pressure-0';
    if (ratio >= threshold) return 'pressure-3';
    if (ratio >= threshold * 2 / 3) return 'pressure-2';
    if (ratio >= threshold / 3) return 'pressure-1';
    return 'pressure-0';
  }

  function classes(section) {
    const status = section.status || {};
    return ['leaflet-interactive', 'section', String(section.type || '').toLowerCase(),
      'level-' + (status.level || section.reference_level),
      'freshness-' + (status.freshness || 'UNKNOWN'), pressureClass(status),
      status.review_suggested ? 'suggested' : null].filter(Boolean).join(' ');
  }

  function tooltip(section) {
    const s = section.status || {};
    const lines = [
      BF.el('div', {class: 'tip-title'}, section.name),
      BF.el('div', {}, 'level ' + BF.lower(s.level) + ' (' + BF.lower(s.level_source) + ')'),
      BF.el('div', {class: s.freshness === 'UNKNOWN' ? 'fresh-UNKNOWN' : null},
        s.freshness === 'UNKNOWN' ? 'unknown: ' + (s.freshness_note || 'no current data') : 'fresh, to ' + BF.time(s.window_end)),
    ];
    if (s.pressure_events !== null && s.pressure_events !== undefined) {
      lines.push(BF.el('div', {}, '24 h incidents ' + s.pressure_events + ', ratio ' + BF.num(s.pressure_ratio, 1)
        + ' (review at ≥ ' + BF.num(s.pressure_ratio_threshold, 1) + ' with ≥ ' + s.pressure_min_events + ')'));
    }
    if (s.review_suggested) lines.push(BF.el('div', {class: 'error'}, 'R11 suggests a review of the level'));
    if (s.pending_flags) lines.push(BF.el('div', {}, s.pending_flags + ' flag(s) waiting for review'));
    return BF.el('div', {}, lines);
  }

  function middle(points) {
    return points[Math.floor(points.length / 2)];
  }

  function draw(section) {
    sections[section.id] = section;
    if (!section.geometry || section.geometry.length < 2) return;
    const options = {className: classes(section), weight: 4, interactive: true};
    const layer = section.type === 'AIR' ? L.polygon(section.geometry, options) : L.polyline(section.geometry, options);
    layer.addTo(map);
    layer.bindTooltip(() => tooltip(sections[section.id]), {sticky: true});
    layer.on('click', () => BF.map.onSelect(section.id));
    layers[section.id] = layer;
    const path = layer.getElement();
    path.dataset.section = section.id;
    mark(section);
  }

  function mark(section) {
    const s = section.status || {};
    const kind = s.review_suggested ? 'review' : (s.freshness === 'UNKNOWN' && s.window_end ? 'unknown' : null);
    if (marks[section.id]) {
      marks[section.id].remove();
      delete marks[section.id];
    }
    if (!kind || !section.geometry || section.geometry.length < 2) return;
    const icon = L.divIcon({className: 'section-mark ' + kind, html: kind === 'review' ? '!' : '?', iconSize: [18, 18]});
    const marker = L.marker(middle(section.geometry), {icon: icon, keyboard: false, title: section.name});
    marker.on('click', () => BF.map.onSelect(section.id));
    marker.addTo(map);
    marker.getElement().dataset.section = section.id;
    marks[section.id] = marker;
  }

  function update(status) {
    const section = sections[status.id];
    if (!section) return;
    section.status = status;
    const layer = layers[status.id];
    if (layer) {
      layer.getElement().setAttribute('class', classes(section));
    }
    mark(section);
  }

  function invalidate() {
    if (map) map.invalidateSize();
  }

  return {init: init, draw: draw, update: update, invalidate: invalidate, sections: sections, has: id => !!layers[id]};
})();
