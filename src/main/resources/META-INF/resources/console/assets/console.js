// tradecheck console: progressive enhancement only; every page works without it.
(function () {
  'use strict';

  // HS code typeahead: descriptions from the schedule, through the console's own route.
  var hs = document.querySelector('input[data-hs-suggest]');
  if (hs) {
    var list = document.getElementById(hs.getAttribute('list'));
    var date = document.getElementById('entryDate');
    var timer = null;
    hs.addEventListener('input', function () {
      clearTimeout(timer);
      var q = hs.value.replace(/[ .]/g, '');
      if (q.length < 2) { return; }
      timer = setTimeout(function () {
        var url = '/console/check/hs?q=' + encodeURIComponent(q) + (date && date.value ? '&date=' + date.value : '');
        fetch(url, { credentials: 'same-origin' }).then(function (r) { return r.ok ? r.json() : []; }).then(function (items) {
          list.textContent = '';
          items.forEach(function (it) {
            var o = document.createElement('option');
            o.value = it.code;
            o.label = it.code + ' ' + it.description;
            o.textContent = it.description;
            list.appendChild(o);
          });
          var status = document.getElementById('hs-status');
          if (status) { status.textContent = items.length ? items.length + ' matching codes' : ''; }
        }).catch(function () { /* no suggestions: the form still works */ });
      }, 200);
    });
  }

  // Order-file progress: poll the job until it finishes, then show the results.
  var job = document.querySelector('[data-job-status]');
  if (job) {
    var bar = job.querySelector('progress');
    var text = job.querySelector('[data-progress-text]');
    var poll = function () {
      fetch(job.getAttribute('data-job-status'), { credentials: 'same-origin' }).then(function (r) { return r.json(); }).then(function (s) {
        if (s.linesTotal) { bar.max = s.linesTotal; }
        bar.value = s.linesDone;
        text.textContent = s.state + ': ' + s.linesDone + ' of ' + (s.linesTotal || '?') + ' lines';
        if (s.state === 'QUEUED' || s.state === 'RUNNING') { setTimeout(poll, 500); } else { window.location.reload(); }
      }).catch(function () { setTimeout(poll, 2000); });
    };
    setTimeout(poll, 300);
  }

})();
