/* opends docs: the light/dark toggle (or one switcher per theme axis), compact rows' swatches and search over
 * the index files (loaded on first use). No framework; works
 * from file:// (localStorage may be denied there: every use of it is guarded). */
(function () {
  'use strict';

  var html = document.documentElement;
  var KEY = 'ods-theme';

  /* ---- Theme ---------------------------------------------------------------------- */

  function darkMode() {
    return html.getAttribute('data-dark-mode') || 'dark';
  }

  function isDark() {
    return html.getAttribute('data-theme') === darkMode();
  }

  function remember(value) {
    try {
      window.localStorage.setItem(KEY, value);
    } catch (e) {
      /* storage unavailable (file://, privacy settings): the choice lasts for this page */
    }
  }

  /* The button's name stays "Dark mode"; aria-pressed says whether it is on. */
  function syncToggle(toggle) {
    toggle.setAttribute('aria-pressed', isDark() ? 'true' : 'false');
  }

  function setDark(dark) {
    if (dark) {
      html.setAttribute('data-theme', darkMode());
      html.classList.add('ods-dark');
    } else {
      html.removeAttribute('data-theme');
      html.classList.remove('ods-dark');
    }
  }

  var toggle = document.getElementById('ods-theme-toggle');
  if (toggle) {
    syncToggle(toggle);
    toggle.addEventListener('click', function () {
      var dark = !isDark();
      setDark(dark);
      remember(dark ? 'dark' : 'light');
      syncToggle(toggle);
    });
  }

  /* ---- Theme axes: one switcher per axis -------------------------------------------- */

  /* Each switcher sets data-<axis> on <html> (the CSS export's selectors), and the values
   * listed for the chosen combination are shown. The choice is remembered by axis name. */
  var AXES_KEY = 'ods-axes';
  var selects = Array.prototype.slice.call(document.querySelectorAll('select.ods-axis-select'));

  function savedAxes() {
    try {
      var v = JSON.parse(window.localStorage.getItem(AXES_KEY) || '{}');
      return v && typeof v === 'object' ? v : {};
    } catch (e) {
      return {};
    }
  }

  function applyAxes() {
    var parts = [];
    var saved = {};
    selects.forEach(function (sel) {
      var opt = sel.options[sel.selectedIndex];
      if (!opt) {
        return;
      }
      html.setAttribute(sel.getAttribute('data-attr'), opt.getAttribute('data-value') || opt.value);
      var axis = sel.getAttribute('data-axis') || '';
      parts.push(axis ? axis + '=' + opt.value : opt.value);
      saved[axis] = opt.value;
    });
    var key = parts.join(',');
    html.setAttribute('data-ods-choice', key);
    Array.prototype.forEach.call(document.querySelectorAll('.ods-mode-axes'), function (column) {
      var found = false;
      Array.prototype.forEach.call(column.querySelectorAll('[data-choice]'), function (el) {
        var on = el.getAttribute('data-choice') === key;
        el.hidden = !on;
        found = found || on;
      });
      Array.prototype.forEach.call(column.querySelectorAll('[data-choice-missing]'), function (el) {
        el.hidden = found;
      });
    });
    return saved;
  }

  if (selects.length) {
    var restored = savedAxes();
    selects.forEach(function (sel) {
      var want = restored[sel.getAttribute('data-axis') || ''];
      for (var i = 0; i < sel.options.length; i++) {
        if (sel.options[i].value === want) {
          sel.selectedIndex = i;
        }
      }
      sel.addEventListener('change', function () {
        var saved = applyAxes();
        try {
          window.localStorage.setItem(AXES_KEY, JSON.stringify(saved));
        } catch (e) {
          /* storage unavailable: the choice lasts for this page */
        }
      });
    });
    applyAxes();
  }

  /* ---- Compact rows: swatches painted as rows come into view ----------------------- */

  function paint(row) {
    Array.prototype.forEach.call(row.querySelectorAll('td'), function (td) {
      if (td.firstChild && td.firstChild.nodeType === 1) {
        return;
      }
      var sw = document.createElement('i');
      sw.className = 'ods-sw';
      sw.setAttribute('aria-hidden', 'true');
      sw.style.background = td.textContent;
      td.insertBefore(sw, td.firstChild);
    });
  }

  var bodies = document.querySelectorAll('.ods-compact tbody');
  if (bodies.length) {
    var paintBody = function (body) {
      Array.prototype.forEach.call(body.querySelectorAll('tr.c'), paint);
    };
    if ('IntersectionObserver' in window) {
      var seen = new IntersectionObserver(function (list) {
        list.forEach(function (e) {
          if (e.isIntersecting) {
            paintBody(e.target);
            seen.unobserve(e.target);
          }
        });
      }, { rootMargin: '600px 0px' });
      Array.prototype.forEach.call(bodies, function (b) {
        seen.observe(b);
      });
    } else {
      Array.prototype.forEach.call(bodies, paintBody);
    }
  }

  /* ---- Search index: assets/search-N.js, loaded on first use ----------------------- */

  var root = html.getAttribute('data-root') || '';
  var parts = parseInt(html.getAttribute('data-search') || '0', 10) || 0;
  var entries = [];
  var loading = null;

  function slug(s) {
    return s.toLowerCase().replace(/[^a-z0-9]/g, '-');
  }

  /* Calls done(entries) once every part is loaded (each part pushes onto window.odsSearch). */
  function loadIndex(done) {
    if (loading === null) {
      loading = { waiting: [done], left: parts };
      var finish = function () {
        loading.left -= 1;
        if (loading.left > 0) {
          return;
        }
        (window.odsSearch || []).forEach(function (part) {
          if (!part || !Array.isArray(part.e) || !Array.isArray(part.p) || !Array.isArray(part.k)) {
            return;
          }
          part.e.forEach(function (e) {
            var page = part.p[e[2]];
            var kind = part.k[e[1]];
            if (typeof e[0] !== 'string' || typeof page !== 'string') {
              return;
            }
            entries.push({ name: e[0], kind: kind, href: kind === 'component' ? page : page + '#' + slug(e[0]) });
          });
        });
        var waiting = loading.waiting;
        loading.waiting = null;
        waiting.forEach(function (f) {
          f(entries);
        });
      };
      if (parts === 0) {
        loading.left = 1;
        finish();
        return;
      }
      for (var i = 1; i <= parts; i++) {
        var s = document.createElement('script');
        s.src = root + 'assets/search-' + i + '.js';
        s.async = false;
        s.onload = finish;
        s.onerror = finish;
        document.body.appendChild(s);
      }
    } else if (loading.waiting) {
      loading.waiting.push(done);
    } else {
      done(entries);
    }
  }

  /* Token names in the text (tokens a component uses) become links, once the index is in. */
  var refs = document.querySelectorAll('[data-token]');
  if (refs.length) {
    window.addEventListener('load', function () {
      loadIndex(function (all) {
        var byName = {};
        all.forEach(function (e) {
          if (!Object.prototype.hasOwnProperty.call(byName, e.name)) {
            byName[e.name] = e;
          }
        });
        Array.prototype.forEach.call(refs, function (el) {
          var entry = byName[el.getAttribute('data-token')];
          if (!entry || el.closest('a')) {
            return;
          }
          var a = document.createElement('a');
          a.href = root + entry.href;
          a.className = 'ods-token-link';
          el.parentNode.insertBefore(a, el);
          a.appendChild(el);
        });
      });
    });
  }

  /* ---- Search box ----------------------------------------------------------------- */

  var input = document.getElementById('ods-search-input');
  var results = document.getElementById('ods-search-results');
  if (!input || !results) {
    return;
  }
  var LIMIT = 20;

  function matches(query) {
    var starts = [];
    var contains = [];
    var other = [];
    for (var i = 0; i < entries.length; i++) {
      var e = entries[i];
      var name = e.name.toLowerCase();
      var at = name.indexOf(query);
      if (at === 0) {
        starts.push(e);
      } else if (at > 0) {
        contains.push(e);
      } else if (typeof e.kind === 'string' && e.kind.toLowerCase().indexOf(query) !== -1) {
        other.push(e);
      }
    }
    return starts.concat(contains, other);
  }

  function close() {
    results.hidden = true;
  }

  function render() {
    var query = input.value.trim().toLowerCase();
    while (results.firstChild) {
      results.removeChild(results.firstChild);
    }
    if (!query) {
      close();
      return;
    }
    var found = matches(query);
    if (found.length === 0) {
      var none = document.createElement('p');
      none.className = 'ods-search-empty';
      none.textContent = 'Nothing matches \u201c' + input.value.trim() + '\u201d';
      results.appendChild(none);
    } else {
      var list = document.createElement('ul');
      list.className = 'ods-search-list';
      found.slice(0, LIMIT).forEach(function (e) {
        var li = document.createElement('li');
        var a = document.createElement('a');
        a.className = 'ods-search-result';
        a.href = root + e.href;
        var name = document.createElement('span');
        name.className = 'ods-search-name';
        name.textContent = e.name;
        var kind = document.createElement('span');
        kind.className = 'ods-search-kind';
        kind.textContent = e.kind || '';
        a.appendChild(name);
        a.appendChild(kind);
        li.appendChild(a);
        list.appendChild(li);
      });
      results.appendChild(list);
      if (found.length > LIMIT) {
        var more = document.createElement('p');
        more.className = 'ods-search-more';
        more.textContent = (found.length - LIMIT) + ' more: keep typing to narrow down';
        results.appendChild(more);
      }
    }
    results.hidden = false;
  }

  function links() {
    return Array.prototype.slice.call(results.querySelectorAll('a'));
  }

  function move(step) {
    var all = links();
    if (all.length === 0) {
      return;
    }
    var at = all.indexOf(document.activeElement);
    var next = at + step;
    if (next < 0) {
      input.focus();
      return;
    }
    all[Math.min(next, all.length - 1)].focus();
  }

  function search() {
    loadIndex(render);
  }
  input.addEventListener('input', search);
  input.addEventListener('focus', search);
  input.addEventListener('keydown', function (ev) {
    if (ev.key === 'ArrowDown') {
      ev.preventDefault();
      move(1);
    } else if (ev.key === 'Enter') {
      var first = links()[0];
      if (first) {
        ev.preventDefault();
        window.location.href = first.href;
        close();
      }
    } else if (ev.key === 'Escape') {
      input.value = '';
      close();
    }
  });
  results.addEventListener('keydown', function (ev) {
    if (ev.key === 'ArrowDown') {
      ev.preventDefault();
      move(1);
    } else if (ev.key === 'ArrowUp') {
      ev.preventDefault();
      move(-1);
    } else if (ev.key === 'Escape') {
      close();
      input.focus();
    }
  });
  results.addEventListener('click', function (ev) {
    if (ev.target && ev.target.closest && ev.target.closest('a')) {
      close();
    }
  });
  document.addEventListener('click', function (ev) {
    var search = input.closest('.ods-search');
    if (search && ev.target instanceof Node && !search.contains(ev.target)) {
      close();
    }
  });
  document.addEventListener('keydown', function (ev) {
    var t = ev.target;
    var typing = t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName || ''));
    if (ev.key === '/' && !typing && !ev.ctrlKey && !ev.metaKey && !ev.altKey) {
      ev.preventDefault();
      input.focus();
      input.select();
    }
  });
})();
