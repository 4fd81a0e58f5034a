// jobq dashboard behaviour: keyboard search, the queue filter, uPlot charts, live updates that
// pause in hidden tabs, error toasts, and the JSON editor's byte count. No inline scripts.
(function () {
  'use strict';

  // "/" focuses the page's filter, else the job search.
  document.addEventListener('keydown', function (event) {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
    var tag = (event.target && event.target.tagName) || '';
    if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return;
    var box = document.getElementById('filter') || document.getElementById('job-search');
    if (!box) return;
    event.preventDefault();
    box.focus();
    box.select();
  });

  // The overview's filter by name: hides rows, keeps the text in the address (?q=).
  function applyFilter() {
    var box = document.getElementById('filter');
    if (!box) return;
    var text = box.value.trim().toLowerCase();
    document.querySelectorAll(box.dataset.filter).forEach(function (row) {
      row.hidden = text !== '' && row.dataset.queue.toLowerCase().indexOf(text) === -1;
    });
  }
  document.addEventListener('input', function (event) {
    if (event.target.id !== 'filter') return;
    applyFilter();
    var url = new URL(location.href);
    if (event.target.value) url.searchParams.set('q', event.target.value);
    else url.searchParams.delete('q');
    history.replaceState(null, '', url);
  });

  // Charts: each [data-chart] holds its data; drawn with uPlot, redrawn when a live update replaces it.
  var palette = { ok: '--ok', bad: '--bad', info: '--info' };
  function colour(tone) {
    return getComputedStyle(document.documentElement)
      .getPropertyValue(palette[tone] || '--fg')
      .trim();
  }
  function drawCharts(root) {
    if (typeof uPlot === 'undefined') return;
    root.querySelectorAll('[data-chart]').forEach(function (el) {
      if (el.dataset.drawn) return;
      el.dataset.drawn = '1';
      var spec = JSON.parse(el.dataset.chart);
      if (spec.xs.length === 0) {
        el.textContent = 'no data yet';
        el.classList.add('empty');
        return;
      }
      var axis = { stroke: colour('fg'), grid: { stroke: 'rgba(128,128,128,0.2)' } };
      new uPlot(
        {
          width: Math.max(el.clientWidth, 280),
          height: 180,
          scales: { x: spec.x === 'log' ? { time: false, distr: 3 } : { time: true } },
          axes: [
            Object.assign(
              {},
              axis,
              spec.x === 'log'
                ? {
                    values: function (u, vals) {
                      return vals.map(function (v) {
                        return v === null ? '' : v >= 1000 ? v / 1000 + ' s' : v + ' ms';
                      });
                    },
                  }
                : {},
            ),
            Object.assign({ label: spec.unit }, axis),
          ],
          series: [{}].concat(
            spec.series.map(function (s) {
              return {
                label: s.label,
                stroke: colour(s.tone),
                width: 2,
                points: { show: spec.xs.length < 3 },
              };
            }),
          ),
        },
        [spec.xs].concat(
          spec.series.map(function (s) {
            return s.values;
          }),
        ),
        el,
      );
    });
  }

  // The queue page's state tabs: mark the one the job list shows.
  function markTab() {
    var jobs = document.getElementById('jobs');
    if (!jobs) return;
    document.querySelectorAll('.tabs a[data-state]').forEach(function (tab) {
      if (tab.dataset.state === jobs.dataset.state) tab.setAttribute('aria-current', 'page');
      else tab.removeAttribute('aria-current');
    });
  }

  function refresh(root) {
    drawCharts(root);
    applyFilter();
    markTab();
  }

  // The JSON editor: bytes used against the queue's payload cap, and whether it parses.
  function checkEditor(area) {
    var hint = document.getElementById(area.getAttribute('aria-describedby').split(' ').pop());
    var max = area.dataset.maxBytes === undefined ? Infinity : Number(area.dataset.maxBytes);
    var bytes = new TextEncoder().encode(area.value).length;
    var problem = '';
    try {
      var value = JSON.parse(area.value);
      if (value === null || typeof value !== 'object' || Array.isArray(value))
        problem = ' · not a JSON object';
    } catch (err) {
      problem = ' · not valid JSON yet';
    }
    var size = bytes.toLocaleString('en-US') + ' bytes';
    if (max !== Infinity)
      size =
        bytes.toLocaleString('en-US') +
        ' of ' +
        max.toLocaleString('en-US') +
        ' bytes (the queue’s payload cap)';
    hint.textContent = size + problem;
    hint.classList.toggle('over', bytes > max || problem !== '');
  }
  document.addEventListener('input', function (event) {
    if (event.target.matches && event.target.matches('textarea[data-json-editor]'))
      checkEditor(event.target);
  });

  // Live: remember every EventSource; a hidden tab closes them (the server stops sending), a
  // visible one connects again and gets the latest fragments at once.
  var sources = [];
  // Scripts run deferred in order, so htmx and its SSE extension are loaded here, before htmx
  // processes the page on DOMContentLoaded.
  if (typeof htmx !== 'undefined' && htmx.createEventSource) {
    var create = htmx.createEventSource;
    htmx.createEventSource = function (url) {
      var source = create(url);
      sources.push(source);
      return source;
    };
  }
  function liveState(state) {
    var main = document.querySelector('main[sse-connect]');
    if (main) main.dataset.live = state;
  }
  document.addEventListener('visibilitychange', function () {
    var main = document.querySelector('main[sse-connect]');
    if (!main || typeof htmx === 'undefined') return;
    if (document.visibilityState === 'hidden') {
      sources.forEach(function (s) {
        s.close();
      });
      sources = [];
      liveState('paused');
    } else {
      var url = main
        .getAttribute('sse-connect')
        .replace(/([?&])_v=\d+&?/, '$1')
        .replace(/[?&]$/, '');
      main.setAttribute(
        'sse-connect',
        url + (url.indexOf('?') === -1 ? '?' : '&') + '_v=' + Date.now(),
      );
      htmx.process(main);
    }
  });

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('textarea[data-json-editor]').forEach(checkEditor);
    refresh(document);
  });
  document.addEventListener('htmx:sseOpen', function () {
    liveState('on');
  });
  document.addEventListener('htmx:sseError', function () {
    liveState('off');
  });
  document.addEventListener('htmx:sseMessage', function () {
    liveState('on');
  });
  document.addEventListener('htmx:afterSwap', function (event) {
    refresh(event.target);
    event.target.querySelectorAll &&
      event.target.querySelectorAll('textarea[data-json-editor]').forEach(checkEditor);
  });

  // A refused form (400, 413) answers with the form and its errors: show it. Any other error
  // answers JSON {error}: show its message.
  document.addEventListener('htmx:beforeSwap', function (event) {
    var xhr = event.detail.xhr;
    var html = (xhr.getResponseHeader('content-type') || '').indexOf('text/html') === 0;
    if ((xhr.status === 400 || xhr.status === 413) && html) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });
  document.addEventListener('htmx:responseError', function (event) {
    var xhr = event.detail.xhr;
    var message = 'the server answered ' + xhr.status;
    try {
      message = JSON.parse(xhr.responseText).error || message;
    } catch (err) {
      /* not JSON */
    }
    var toast = document.getElementById('toast');
    if (!toast) return;
    toast.innerHTML = '';
    var p = document.createElement('p');
    p.className = 'notice notice-error';
    p.setAttribute('role', 'alert');
    p.textContent = message;
    toast.appendChild(p);
  });
})();
