/* graphkit explorer. Data comes from the JSON block #gk-data (untrusted text inside):
 * it is only ever written with textContent / createTextNode, never parsed as HTML,
 * and nothing from it becomes a link. */
(function () {
  'use strict';

  var T = window.graphkitTimings = { start: performance.now() };
  var D = JSON.parse(document.getElementById('gk-data').textContent);
  T.parsed = performance.now();
  var N = D.nodes.length, M = D.edges.length;
  // Claims arrive as arrays in D.claimFields order (payload.CLAIM_ARRAY); expand them once.
  D.edges.forEach(function (e) {
    e.claims = e.claims.map(function (a) {
      var c = {};
      D.claimFields.forEach(function (f, i) { c[f] = a[i]; });
      c.negated = (c.flags & 1) === 1;
      c.hedged = (c.flags & 2) === 2;
      delete c.flags;
      return c;
    });
  });

  // ---------- small DOM helpers (text only) ----------
  function $(id) { return document.getElementById(id); }
  function h(tag, opts) {
    var e = document.createElement(tag);
    opts = opts || {};
    if (opts.cls) e.className = opts.cls;
    if (opts.text !== undefined && opts.text !== null) e.textContent = String(opts.text);
    if (opts.type) e.type = opts.type;
    if (opts.title) e.title = String(opts.title);
    if (opts.onclick) e.addEventListener('click', opts.onclick);
    for (var i = 2; i < arguments.length; i++) add(e, arguments[i]);
    return e;
  }
  function add(parent, child) {
    if (child === null || child === undefined || child === false) return parent;
    if (Array.isArray(child)) { child.forEach(function (c) { add(parent, c); }); return parent; }
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
    return parent;
  }
  function clear(e) { while (e.firstChild) e.removeChild(e.firstChild); return e; }
  function fmt(n) { return Number(n).toLocaleString('en-US'); }

  // ---------- indexes ----------
  var kindInfo = {}; D.kinds.forEach(function (k) { kindInfo[k.name] = k; });
  var relInfo = {}; D.relations.forEach(function (r) { relInfo[r.name] = r; });
  var blocInfo = {}; D.blocs.forEach(function (b) { blocInfo[b.group] = b; });
  var adj = []; for (var i = 0; i < N; i++) adj.push([]);
  D.edges.forEach(function (e, j) { adj[e.from].push(j); if (e.to !== e.from) adj[e.to].push(j); });

  // ---------- filter state ----------
  var S = {
    kinds: new Set(D.kinds.map(function (k) { return k.name; })),
    blocs: new Set(D.blocs.map(function (b) { return b.group; })),
    relations: new Set(D.relations.map(function (r) { return r.name; })),
    minEvidence: 1, doc: -1, contested: true, unasserted: false, hideOrphans: false,
    focus: null, pinned: null
  };
  var nodeOk = new Uint8Array(N), edgeOk = new Uint8Array(M);
  var docWeight = null, docHas = null;   // per-edge evidence within the selected document

  function computeDocWeights() {
    if (S.doc < 0) { docWeight = docHas = null; return; }
    docWeight = new Int32Array(M); docHas = new Uint8Array(M);
    D.edges.forEach(function (e, j) {
      e.claims.forEach(function (c) {
        if (c.doc !== S.doc) return;
        docHas[j] = 1;
        if (!c.negated && !c.hedged) docWeight[j]++;
      });
    });
  }
  // Edge-level filters, ignoring which nodes are shown.
  function edgePasses(j) {
    var e = D.edges[j];
    if (!S.relations.has(e.relation)) return false;
    if (e.contested && !S.contested) return false;
    var w = e.weight;
    if (docHas) { if (!docHas[j]) return false; w = docWeight[j]; }
    if (w === 0) return S.unasserted;
    return w >= S.minEvidence;
  }
  function nodePasses(i) {
    if (i === S.pinned) return true;
    var n = D.nodes[i];
    if (!S.kinds.has(n.kind)) return false;
    if (D.colorBy === 'bloc' && !S.blocs.has(n.bloc)) return false;
    if (S.focus && !S.focus.has(i)) return false;
    return true;
  }
  function compute() {
    var i, j;
    for (i = 0; i < N; i++) nodeOk[i] = nodePasses(i) ? 1 : 0;
    var seen = new Uint8Array(N);
    for (j = 0; j < M; j++) {
      var e = D.edges[j];
      edgeOk[j] = (nodeOk[e.from] && nodeOk[e.to] && edgePasses(j)) ? 1 : 0;
      if (edgeOk[j]) { seen[e.from] = 1; seen[e.to] = 1; }
    }
    if (S.hideOrphans || S.doc >= 0) {
      for (i = 0; i < N; i++) {
        if (nodeOk[i] && !seen[i] && i !== S.pinned && !(S.focus && S.focusCenter === i)) nodeOk[i] = 0;
      }
    }
  }

  // ---------- network ----------
  var nodes = new vis.DataSet(D.vis.nodes);
  var edges = new vis.DataSet(D.vis.edges);
  compute();
  var nodeView = new vis.DataView(nodes, { filter: function (n) { return nodeOk[n.id] === 1; } });
  var edgeView = new vis.DataView(edges, { filter: function (e) { return edgeOk[e.id] === 1; } });
  T.datasets = performance.now();
  var container = $('gk-network');
  // Built empty first so the readiness handler is in place before the first real frame
  // (with physics off, vis draws and fits synchronously inside setData).
  var network = new vis.Network(container, {}, D.vis.options);
  var loaded = false;
  function onFirstFrame() {
    if (!loaded) return;
    network.off('afterDrawing', onFirstFrame);
    window.graphkitReadyAt = T.drawn = performance.now();
    window.graphkitReady = true;
    document.body.setAttribute('data-ready', 'true');
  }
  network.on('afterDrawing', onFirstFrame);
  loaded = true;
  network.setData({ nodes: nodeView, edges: edgeView });
  T.network = performance.now();

  function shownCounts() {
    var a = 0, b = 0, i;
    for (i = 0; i < N; i++) a += nodeOk[i];
    for (i = 0; i < M; i++) b += edgeOk[i];
    return { nodes: a, edges: b };
  }
  function updateCount() {
    var c = shownCounts();
    $('gk-count').textContent = 'Showing ' + fmt(c.nodes) + ' of ' + fmt(N) + ' entities · ' +
      fmt(c.edges) + ' of ' + fmt(M) + ' relations';
    $('gk-count').setAttribute('data-nodes', String(c.nodes));
    $('gk-count').setAttribute('data-edges', String(c.edges));
  }
  function applyFilters() {
    computeDocWeights();
    compute();
    nodeView.refresh();
    edgeView.refresh();
    updateCount();
    $('gk-reset-focus').hidden = !S.focus;
  }

  // ---------- side panel ----------
  var panel = $('gk-panel'), body = $('gk-panel-body');
  function openPanel() { panel.hidden = false; panel.scrollTop = 0; }
  $('gk-panel-close').addEventListener('click', function () { panel.hidden = true; network.unselectAll(); });

  function nodeButton(i) {
    return h('button', { cls: 'gk-link', type: 'button', text: D.nodes[i].name,
      onclick: function () { selectNode(i, true); } });
  }
  function relBadge(rel) {
    var b = h('span', { cls: 'gk-rel', text: rel });
    b.style.background = (relInfo[rel] && relInfo[rel].color) || '#444';
    return b;
  }
  function docLabel(d) {
    var t = d.title ? d.title : d.name;
    return d.title && d.name && d.name !== d.title ? t + ' (' + d.name + ')' : t;
  }
  function dl(rows) {
    var e = h('dl');
    rows.forEach(function (r) { if (r[1] === null || r[1] === undefined || r[1] === '') return; add(e, [h('dt', { text: r[0] }), add(h('dd'), r[1])]); });
    return e;
  }

  function claimBox(c) {
    var asserted = !c.negated && !c.hedged;
    var d = c.doc !== null && c.doc !== undefined ? D.docs[c.doc] : null;
    var flags = h('div', { cls: 'gk-meta' },
      asserted ? h('span', { cls: 'gk-flag gk-ok', text: 'asserted' }) : null,
      c.negated ? h('span', { cls: 'gk-flag gk-neg', text: 'negated' }) : null,
      c.hedged ? h('span', { cls: 'gk-flag gk-hedge', text: 'hedged' }) : null,
      c.confidence !== null && c.confidence !== undefined ? 'confidence ' + Number(c.confidence).toFixed(2) : null);
    return h('div', { cls: 'gk-claim' + (asserted ? '' : ' gk-unasserted') },
      h('blockquote', { cls: 'gk-sentence', text: c.sentence }),
      flags,
      dl([
        ['Document', d ? docLabel(d) : null],
        ['Published', d ? d.published : null],
        ['Source', d ? d.source : null],
        ['Attributed to', c.attributed_to],
        ['Mentions', (c.subject_mention || c.object_mention) ? '“' + (c.subject_mention || '') + '” → “' + (c.object_mention || '') + '”' : null],
        ['Claim id', c.id]
      ]));
  }

  var CLAIM_PAGE = 100;
  function showEdge(j) {
    var e = D.edges[j];
    clear(body);
    var asserted = e.claims.filter(function (c) { return !c.negated && !c.hedged; }).length;
    add(body, [
      h('h3', {}, nodeButton(e.from), ' ', relBadge(e.relation), ' ', nodeButton(e.to)),
      e.contested ? h('p', {}, h('span', { cls: 'gk-flag gk-cont', text: 'contested' }),
        'Sources disagree: some deny this relation, or name a different subject for it.') : null,
      dl([
        ['Relation', e.relation],
        ['Subject', D.nodes[e.from].name + ' (' + D.nodes[e.from].kind + ')'],
        ['Object', D.nodes[e.to].name + ' (' + D.nodes[e.to].kind + ')'],
        ['Evidence', asserted + ' asserted of ' + e.claims.length + ' claim' + (e.claims.length === 1 ? '' : 's')]
      ]),
      h('h4', { text: 'Claims' })
    ]);
    var list = h('div', { cls: 'gk-claims' });
    add(body, list);
    var shown = 0;
    function more() {
      var end = Math.min(e.claims.length, shown + CLAIM_PAGE);
      for (; shown < end; shown++) add(list, claimBox(e.claims[shown]));
      if (shown < e.claims.length) {
        var b = h('button', { type: 'button', cls: 'gk-link', text: 'Show ' + Math.min(CLAIM_PAGE, e.claims.length - shown) + ' more claims' });
        b.addEventListener('click', function () { b.remove(); more(); });
        add(list, b);
      }
    }
    more();
    body.setAttribute('data-edge', String(j));
    body.removeAttribute('data-node');
    openPanel();
  }

  function showNode(i) {
    var n = D.nodes[i];
    var k = kindInfo[n.kind];
    clear(body);
    var glyph = h('span', { cls: 'gk-glyph', text: k ? k.glyph : '★' });
    glyph.style.color = k ? k.color : '#999';
    var bloc = n.bloc ? blocInfo[n.bloc] : null;
    add(body, [
      h('h3', { text: n.name }),
      dl([
        ['Kind', [glyph, ' ', n.kind]],
        ['Bloc', bloc ? bloc.name : null],
        ['Aliases', n.aliases.length ? n.aliases.join(' · ') : null],
        ['Part of', n.part_of_id !== null && n.part_of_id !== undefined ? nodeButton(n.part_of_id) : n.part_of],
        ['Documents', n.docs ? fmt(n.docs) : null],
        ['Key', n.key]
      ]),
      nodePasses(i) && nodeOk[i] ? null : h('p', { cls: 'gk-meta', text: 'Hidden by the current filters.' }),
      h('div', { cls: 'gk-actions' },
        h('button', { type: 'button', text: 'Focus neighbourhood (1 hop)', onclick: function () { focusNode(i); } }),
        S.focus ? h('button', { type: 'button', text: 'Reset focus', onclick: resetFocus }) : null)
    ]);
    // Relations with counts per type and direction, then each relation.
    var mine = adj[i].slice().sort(function (a, b) { return D.edges[b].weight - D.edges[a].weight; });
    var byType = {};
    mine.forEach(function (j) {
      var e = D.edges[j], t = byType[e.relation] || (byType[e.relation] = { out: 0, inn: 0, claims: 0 });
      if (e.from === i) t.out++; else t.inn++;
      t.claims += e.weight;
    });
    add(body, h('h4', { text: 'Relations (' + mine.length + ')' }));
    var types = Object.keys(byType);
    if (types.length) {
      var tbl = h('table', { cls: 'gk-table' },
        h('tr', {}, h('th', { text: 'type' }), h('th', { text: 'outgoing' }), h('th', { text: 'incoming' }), h('th', { text: 'asserted claims' })));
      types.forEach(function (t) {
        add(tbl, h('tr', {}, add(h('td'), relBadge(t)), h('td', { text: byType[t].out }), h('td', { text: byType[t].inn }), h('td', { text: byType[t].claims })));
      });
      add(body, tbl);
    }
    var ul = h('ul', { cls: 'gk-rels' });
    var LIMIT = 300;
    mine.slice(0, LIMIT).forEach(function (j) {
      var e = D.edges[j], out = e.from === i, other = out ? e.to : e.from;
      var open = h('button', { type: 'button', cls: 'gk-link', text: (out ? '→ ' : '← ') + e.relation + ' ' + (out ? '' : 'from ') + D.nodes[other].name,
        onclick: function () { selectEdge(j); } });
      add(ul, h('li', {}, open, ' ', h('span', { cls: 'gk-meta', text: '(' + e.weight + ' of ' + e.claims.length + (e.contested ? ', contested' : '') + ')' })));
    });
    if (mine.length > LIMIT) add(ul, h('li', { cls: 'gk-meta', text: '… and ' + (mine.length - LIMIT) + ' more' }));
    add(body, ul);
    body.setAttribute('data-node', String(i));
    body.removeAttribute('data-edge');
    openPanel();
  }

  function selectNode(i, move) {
    ensureVisible(i);
    if (nodeOk[i]) {
      network.selectNodes([i]);
      if (move) network.focus(i, { scale: Math.max(network.getScale(), 1.0), animation: { duration: 300, easingFunction: 'easeInOutQuad' } });
    }
    showNode(i);
  }
  function selectEdge(j) {
    if (edgeOk[j]) network.selectEdges([j]);
    showEdge(j);
  }

  // ---------- focus ----------
  function focusNode(i) {
    var set = new Set([i]);
    adj[i].forEach(function (j) { if (edgePasses(j)) { set.add(D.edges[j].from); set.add(D.edges[j].to); } });
    S.focus = set; S.focusCenter = i;
    applyFilters();
    network.fit({ nodes: Array.from(set).filter(function (x) { return nodeOk[x]; }), animation: { duration: 300 } });
    network.selectNodes([i]);
    showNode(i);
  }
  function resetFocus() {
    S.focus = null; S.focusCenter = null; S.pinned = null;
    applyFilters();
    network.fit({ animation: { duration: 300 } });
    if (body.hasAttribute('data-node')) showNode(Number(body.getAttribute('data-node')));
  }
  $('gk-reset-focus').addEventListener('click', resetFocus);

  function ensureVisible(i) {
    if (nodeOk[i]) return;
    if (S.focus && !S.focus.has(i)) { S.focus = null; S.focusCenter = null; }
    S.pinned = i;
    applyFilters();
  }

  network.on('click', function (p) {
    if (p.nodes.length) showNode(p.nodes[0]);
    else if (p.edges.length) showEdge(p.edges[0]);
  });
  network.on('doubleClick', function (p) { if (p.nodes.length) focusNode(p.nodes[0]); });

  // ---------- filter controls ----------
  function checkRow(label, count, swatch, checked, onchange) {
    var box = h('input', { type: 'checkbox' });
    box.checked = checked;
    box.addEventListener('change', function () { onchange(box.checked); applyFilters(); });
    return h('label', { cls: 'gk-check' }, box, swatch, h('span', { text: label }), h('span', { cls: 'gk-n', text: fmt(count) }));
  }
  function glyphFor(kind) {
    var k = kindInfo[kind], g = h('span', { cls: 'gk-glyph', text: k.glyph });
    g.style.color = D.colorBy === 'bloc' ? '#666' : k.color;
    return g;
  }
  var kindBoxes = {};
  D.kinds.forEach(function (k) {
    var row = checkRow(k.name, k.count, glyphFor(k.name), true, function (on) { if (on) S.kinds.add(k.name); else S.kinds.delete(k.name); });
    row.setAttribute('data-kind', k.name);
    kindBoxes[k.name] = row.querySelector('input');
    add($('gk-kinds'), row);
  });
  if (D.colorBy === 'bloc') {
    $('gk-blocs').hidden = false;
    add($('gk-blocs'), h('h2', { text: 'Blocs' }));
    D.blocs.forEach(function (b) {
      var sw = h('span', { cls: 'gk-glyph', text: '●' }); sw.style.color = b.color;
      var row = checkRow(b.name, b.count, sw, true, function (on) { if (on) S.blocs.add(b.group); else S.blocs.delete(b.group); });
      row.setAttribute('data-bloc', b.group);
      add($('gk-blocs'), row);
    });
  }
  var relBoxes = {};
  D.relations.forEach(function (r) {
    var sw = h('span', { cls: 'gk-line' }); sw.style.borderTopColor = r.color;
    var row = checkRow(r.name, r.count, sw, true, function (on) { if (on) S.relations.add(r.name); else S.relations.delete(r.name); });
    row.setAttribute('data-relation', r.name);
    relBoxes[r.name] = row.querySelector('input');
    add($('gk-relations'), row);
  });
  function setAllRelations(on) {
    D.relations.forEach(function (r) { relBoxes[r.name].checked = on; if (on) S.relations.add(r.name); else S.relations.delete(r.name); });
    applyFilters();
  }
  $('gk-rel-all').addEventListener('click', function () { setAllRelations(true); });
  $('gk-rel-none').addEventListener('click', function () { setAllRelations(false); });

  var minR = $('gk-min'), minN = $('gk-min-num');
  var maxW = Math.max(1, D.maxWeight);
  minR.max = String(maxW); minN.max = String(maxW);
  function setMin(v) {
    v = Math.max(1, Math.min(maxW, Math.round(Number(v) || 1)));
    S.minEvidence = v; minR.value = String(v); minN.value = String(v);
    applyFilters();
  }
  minR.addEventListener('input', function () { setMin(minR.value); });
  minN.addEventListener('change', function () { setMin(minN.value); });

  var docSel = $('gk-doc');
  D.docs.forEach(function (d, k) {
    var o = document.createElement('option');
    o.value = String(k);
    var label = docLabel(d);
    o.textContent = (d.published ? d.published + ' · ' : '') + (label.length > 80 ? label.slice(0, 79) + '…' : label);
    docSel.appendChild(o);
  });
  docSel.addEventListener('change', function () { S.doc = Number(docSel.value); applyFilters(); });
  $('gk-contested').addEventListener('change', function (ev) { S.contested = ev.target.checked; applyFilters(); });
  $('gk-unasserted').addEventListener('change', function (ev) { S.unasserted = ev.target.checked; applyFilters(); });
  $('gk-orphans').addEventListener('change', function (ev) { S.hideOrphans = ev.target.checked; applyFilters(); });

  // ---------- search ----------
  function norm(s) { return String(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim(); }
  var searchIndex = null;
  function buildIndex() {
    searchIndex = D.nodes.map(function (n) { return [norm(n.name)].concat(n.aliases.map(norm)); });
  }
  function search(q, limit) {
    if (!searchIndex) buildIndex();
    q = norm(q);
    if (!q) return [];
    var hits = [];
    for (var i = 0; i < N; i++) {
      var names = searchIndex[i], best = -1, via = null;
      for (var t = 0; t < names.length; t++) {
        var p = names[t].indexOf(q);
        if (p < 0) continue;
        var score = (names[t] === q ? 0 : p === 0 ? 1 : 2) + (t ? 0.5 : 0);
        if (best < 0 || score < best) { best = score; via = t ? D.nodes[i].aliases[t - 1] : null; }
      }
      if (best >= 0) hits.push({ id: i, score: best, via: via });
    }
    hits.sort(function (a, b) { return a.score - b.score || D.nodes[b.id].wdeg - D.nodes[a.id].wdeg; });
    return hits.slice(0, limit || 12);
  }
  var input = $('gk-search'), results = $('gk-results'), current = [];
  function showResults() {
    current = search(input.value, 12);
    clear(results);
    current.forEach(function (hit, k) {
      var n = D.nodes[hit.id];
      var b = h('button', { type: 'button', cls: k === 0 ? 'gk-active' : '' }, n.name, ' ',
        h('span', { cls: 'gk-sub', text: n.kind + (hit.via ? ' · alias “' + hit.via + '”' : '') }));
      b.addEventListener('mousedown', function (ev) { ev.preventDefault(); choose(hit.id); });
      add(results, h('li', {}, b));
    });
    if (!current.length && input.value.trim()) add(results, h('li', { cls: 'gk-sub', text: 'No entity or alias matches.' }));
    results.hidden = !input.value.trim();
  }
  function choose(i) {
    results.hidden = true;
    input.value = D.nodes[i].name;
    selectNode(i, true);
  }
  input.addEventListener('input', showResults);
  input.addEventListener('keydown', function (ev) {
    if (ev.key === 'Enter') { ev.preventDefault(); var r = search(input.value, 1); if (r.length) choose(r[0].id); }
    else if (ev.key === 'Escape') { results.hidden = true; }
  });
  input.addEventListener('blur', function () { results.hidden = true; });
  input.addEventListener('focus', function () { if (input.value.trim()) showResults(); });

  // ---------- notice, count, API ----------
  if (D.notice) { $('gk-notice').textContent = D.notice; $('gk-notice').hidden = false; }
  if (D.colorBy === 'bloc') $('gk-nodes-heading').textContent = 'Entities (shape = kind)';
  updateCount();

  window.graphkit = {
    network: network, nodes: nodes, edges: edges, nodeView: nodeView, edgeView: edgeView,
    data: D, state: S, applyFilters: applyFilters, shownCounts: shownCounts,
    showNode: showNode, showEdge: showEdge, selectNode: selectNode, selectEdge: selectEdge,
    focusNode: focusNode, resetFocus: resetFocus, search: search, setMinEvidence: setMin
  };
})();
