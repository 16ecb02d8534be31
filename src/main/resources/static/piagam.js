/* Piagam's pages work without this script; it only makes them quicker to use. */
(function () {
  'use strict';

  /* Grids: arrow keys move between the cells (a select's value is chosen by its letter: H, T, I, S,
     A), and Enter on a select saves the form it belongs to (its session's column). */
  document.querySelectorAll('[data-grid]').forEach(function (grid) {
    grid.addEventListener('keydown', function (ev) {
      var cell = ev.target.closest('td');
      if (!cell) return;
      var isSelect = ev.target.tagName === 'SELECT';
      if (isSelect && ev.key === 'Enter' && ev.target.form) {
        ev.preventDefault();
        ev.target.form.requestSubmit();
        return;
      }
      if (!/^Arrow(Up|Down|Left|Right)$/.test(ev.key)) return;
      var vertical = ev.key === 'ArrowUp' || ev.key === 'ArrowDown';
      if (!isSelect && !vertical && ev.target.value !== '' &&
          !(ev.key === 'ArrowLeft' ? ev.target.selectionStart === 0 : ev.target.selectionEnd === ev.target.value.length)) return;
      var row = cell.parentElement;
      var col = Array.prototype.indexOf.call(row.children, cell);
      var target = null;
      if (vertical) {
        var next = ev.key === 'ArrowUp' ? row.previousElementSibling : row.nextElementSibling;
        target = next && next.children[col];
      } else {
        target = ev.key === 'ArrowLeft' ? cell.previousElementSibling : cell.nextElementSibling;
      }
      var input = target && target.querySelector('input, select');
      ev.preventDefault();
      if (input) input.focus();
    });
  });

  /* The score grid: the final score and kualifikasi follow the typed scores, with the server's rule:
     sum of score × weight / 100, two decimals, half up; the band whose lower bound it reaches. */
  var bands = Array.prototype.map.call(document.querySelectorAll('#bands li'), function (li) {
    return { lower: hundredths(li.dataset.lower), passing: li.dataset.passing === 'true', label: li.textContent };
  }).sort(function (a, b) { return b.lower - a.lower; });

  function hundredths(text) {
    var m = /^\s*(\d{1,3})(?:[.,](\d{1,2}))?\s*$/.exec(text || '');
    if (!m) return null;
    return parseInt(m[1], 10) * 100 + (m[2] ? parseInt((m[2] + '0').slice(0, 2), 10) : 0);
  }

  document.querySelectorAll('[data-score-grid]').forEach(function (grid) {
    var weights = Array.prototype.map.call(grid.querySelectorAll('thead th[data-weight]'), function (th) {
      return hundredths(th.dataset.weight);
    });
    var comma = grid.dataset.lang !== 'en';
    function format(h) {
      var s = Math.floor(h / 100) + (comma ? ',' : '.') + String(h % 100).padStart(2, '0');
      return s;
    }
    function update(row) {
      var inputs = row.querySelectorAll('input');
      var sum = 0, complete = true, valid = true;
      inputs.forEach(function (input, i) {
        var h = hundredths(input.value);
        if (input.value.trim() === '') { complete = false; return; }
        if (h === null || h > 10000) { valid = false; input.setAttribute('aria-invalid', 'true'); input.classList.add('bad-cell'); return; }
        input.classList.remove('bad-cell');
        input.setAttribute('aria-invalid', 'false');
        sum += h * weights[i];
      });
      var out = row.querySelector('output.final');
      var band = row.querySelector('output.band');
      if (!complete || !valid) { out.textContent = '–'; band.textContent = ''; return; }
      var finalH = Math.floor((sum + 5000) / 10000);
      out.textContent = format(finalH);
      var found = bands.find(function (b) { return finalH >= b.lower; });
      band.textContent = found ? found.label : '';
    }
    grid.addEventListener('input', function (ev) {
      var row = ev.target.closest('tr');
      if (row) update(row);
    });
    // after a refused save the typed values are back: show what they give
    grid.querySelectorAll('tbody tr').forEach(update);
  });

  /* The event form: the Diklat-only part is hidden while the kind is Bimtek. */
  var kind = document.querySelector('select[data-kind]');
  if (kind) {
    var diklatOnly = document.querySelectorAll('[data-diklat-only]');
    var apply = function () {
      diklatOnly.forEach(function (el) { el.hidden = kind.value !== 'DIKLAT'; });
    };
    kind.addEventListener('change', apply);
    apply();
  }

  /* Invitation links: a readonly field that selects itself whole when focused, plus a copy button
     (the page works without this: the field can be selected and copied by hand). */
  document.querySelectorAll('input[data-copy]').forEach(function (input) {
    input.addEventListener('focus', function () { input.select(); });
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'small';
    button.textContent = input.dataset.copyLabel;
    button.addEventListener('click', function () {
      var done = function () { button.textContent = input.dataset.copiedLabel; };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(input.value).then(done);
      } else {
        input.select();
        if (document.execCommand('copy')) done();
      }
    });
    var row = document.createElement('div');
    row.className = 'copy-row';
    input.parentNode.insertBefore(row, input);
    row.appendChild(input);
    row.appendChild(button);
  });
})();
