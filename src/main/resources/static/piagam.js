/* Piagam's pages work without this script; it only makes them quicker to use. */
(function () {
  'use strict';

  /* Grids: arrow keys move between the cells, and Enter saves the form the cell belongs to (the whole
     grid). A select cell takes its status from the first letter of an option (H, T, I, S, A;
     Delete empties it) however it was reached: a click only focuses it (the native list, where
     letters and arrows would change the choice, opens on a second click, or with Alt+Down). */
  function optionFor(select, key) {
    var letter = key.toUpperCase();
    return Array.prototype.find.call(select.options, function (o) {
      return o.value !== '' && o.text.charAt(0).toUpperCase() === letter;
    });
  }

  function choose(select, value) {
    if (select.value === value) return;
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }

  document.querySelectorAll('[data-grid]').forEach(function (grid) {
    grid.addEventListener('mousedown', function (ev) {
      var select = ev.target.closest('td select');
      if (!select || ev.button !== 0 || document.activeElement === select) return;
      ev.preventDefault();
      select.focus();
    });
    grid.addEventListener('keydown', function (ev) {
      var cell = ev.target.closest('td');
      if (!cell) return;
      var isSelect = ev.target.tagName === 'SELECT';
      if (isSelect && ev.key === 'Enter' && ev.target.form) {
        ev.preventDefault();
        ev.target.form.requestSubmit();
        return;
      }
      if (isSelect && !ev.altKey && !ev.ctrlKey && !ev.metaKey) {
        if (ev.key === 'Delete' || ev.key === 'Backspace') {
          ev.preventDefault();
          choose(ev.target, '');
          return;
        }
        if (ev.key.length === 1 && ev.key !== ' ') {
          ev.preventDefault();
          var option = optionFor(ev.target, ev.key);
          if (option) choose(ev.target, option.value);
          return;
        }
      }
      if (!/^Arrow(Up|Down|Left|Right)$/.test(ev.key) || ev.altKey) return;
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

  /* Forms that must not lose work (the attendance grid): each changed cell is marked, the form says
     how many (data-unsaved, and a note beside the save button), and leaving the page with unsaved
     cells asks first. A save sends only the changed cells (without this script every cell is sent,
     and the server saves those that differ from what is stored). */
  document.querySelectorAll('form[data-unsaved-check]').forEach(function (form) {
    var submitting = false;
    var note = form.querySelector('.unsaved-note');
    var selects = form.querySelectorAll('td select');
    // what is saved: the option the page was rendered with, or after a refused save (which shows the
    // cells as they were sent) the stored value the server gives in data-saved, none when empty
    function initial(select) {
      if (form.dataset.refused) return select.dataset.saved || '';
      var chosen = Array.prototype.find.call(select.options, function (o) { return o.defaultSelected; });
      return chosen ? chosen.value : '';
    }
    var changed = 0;
    function mark(select) {
      var dirty = select.value !== initial(select);
      var cell = select.closest('td');
      if (cell.classList.contains('changed') === dirty) return;
      cell.classList.toggle('changed', dirty);
      changed += dirty ? 1 : -1;
    }
    function show() {
      form.dataset.unsaved = String(changed);
      if (note) note.textContent = changed ? form.dataset.unsavedCount.replace('{0}', changed) : '';
    }
    function count() {
      selects.forEach(mark);
      show();
    }
    form.addEventListener('change', function (ev) {
      if (ev.target.tagName !== 'SELECT') return;
      mark(ev.target);
      show();
    });
    form.addEventListener('submit', function () {
      submitting = true;
      selects.forEach(function (select) { select.disabled = select.value === initial(select); });
    });
    window.addEventListener('beforeunload', function (ev) {
      if (submitting || form.dataset.unsaved === '0') return;
      ev.preventDefault();
      ev.returnValue = form.dataset.unsavedMessage;
      return form.dataset.unsavedMessage;
    });
    // back to this page from the history: the cells are as they were left, and usable again
    window.addEventListener('pageshow', function () {
      submitting = false;
      selects.forEach(function (select) { select.disabled = false; });
      count();
    });
    count();
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
