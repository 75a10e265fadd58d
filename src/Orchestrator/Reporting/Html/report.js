(function () {
  var table = document.getElementById('tests-table');
  var filter = document.getElementById('filter');
  var sortButton = document.getElementById('sort-duration');
  var grouping = document.getElementById('group-tests');
  var shownNote = document.getElementById('tests-shown');
  var flat = table ? table.querySelector('tbody.flat') : null;
  var assemblies = [], classes = [], rows = [], selected = {};
  var sortOrder = 0; // 0: as listed, -1: slowest first, 1: fastest first
  if (table) {
    Array.prototype.forEach.call(table.tBodies, function (body) {
      if (body.classList.contains('assembly')) {
        assemblies.push({ body: body, index: assemblies.length, ms: 0, classes: [], collapsed: false });
      } else if (body.classList.contains('class') && assemblies.length > 0) {
        var assembly = assemblies[assemblies.length - 1];
        var group = { body: body, index: classes.length, ms: 0, rows: [], assembly: assembly, collapsed: false, shown: true };
        var assemblyName = (body.getAttribute('data-assembly') || '').toLowerCase();
        Array.prototype.forEach.call(body.querySelectorAll('tr.test'), function (tr) {
          var duration = tr.querySelector('td.duration');
          var row = { tr: tr, index: rows.length, group: group, outcome: tr.getAttribute('data-outcome'),
            ms: Number(duration ? duration.getAttribute('data-ms') : 0) || 0,
            text: tr.textContent.toLowerCase() + ' ' + assemblyName, visible: true };
          rows.push(row);
          group.rows.push(row);
          group.ms += row.ms;
        });
        assembly.ms += group.ms;
        assembly.classes.push(group);
        classes.push(group);
      }
    });
  }
  function grouped() { return !grouping || grouping.checked; }
  function bySort(a, b) { return (sortOrder * (a.ms - b.ms)) || (a.index - b.index); }
  function arrange() {
    if (!table) { return; }
    if (grouped()) {
      assemblies.slice().sort(bySort).forEach(function (assembly) {
        table.appendChild(assembly.body);
        assembly.classes.slice().sort(bySort).forEach(function (group) {
          table.appendChild(group.body);
          group.rows.slice().sort(bySort).forEach(function (row) { group.body.appendChild(row.tr); });
        });
      });
    } else {
      rows.slice().sort(bySort).forEach(function (row) { flat.appendChild(row.tr); });
    }
  }
  function update() {
    var needle = filter ? filter.value.trim().toLowerCase() : '';
    var anySelected = Object.keys(selected).some(function (key) { return selected[key]; });
    var shown = 0;
    var isGrouped = grouped();
    rows.forEach(function (row) {
      row.visible = (!anySelected || selected[row.outcome] === true) && (needle === '' || row.text.indexOf(needle) >= 0);
      row.tr.hidden = !row.visible;
      if (row.visible) { shown++; }
    });
    classes.forEach(function (group) {
      group.shown = group.rows.some(function (row) { return row.visible; });
      group.body.hidden = !isGrouped || !group.shown || group.assembly.collapsed;
    });
    assemblies.forEach(function (assembly) {
      assembly.body.hidden = !isGrouped || !assembly.classes.some(function (group) { return group.shown; });
    });
    if (flat) { flat.hidden = isGrouped; }
    if (shownNote) { shownNote.textContent = shown === rows.length ? '' : shown + ' of ' + rows.length + ' listed tests shown'; }
  }
  if (filter) { filter.addEventListener('input', update); }
  document.querySelectorAll('#outcome-filters button[data-outcome]').forEach(function (button) {
    button.addEventListener('click', function () {
      var outcome = button.getAttribute('data-outcome');
      selected[outcome] = !selected[outcome];
      button.setAttribute('aria-pressed', String(selected[outcome]));
      update();
    });
  });
  var all = document.getElementById('outcome-all');
  if (all) {
    all.addEventListener('click', function () {
      selected = {};
      document.querySelectorAll('#outcome-filters button[data-outcome]').forEach(function (button) { button.setAttribute('aria-pressed', 'false'); });
      update();
    });
  }
  if (sortButton) {
    sortButton.addEventListener('click', function () {
      sortOrder = sortOrder === -1 ? 1 : -1;
      sortButton.parentNode.setAttribute('aria-sort', sortOrder === -1 ? 'descending' : 'ascending');
      arrange();
      update();
    });
  }
  if (grouping) { grouping.addEventListener('change', function () { arrange(); update(); }); }
  classes.forEach(function (group) {
    var toggle = group.body.querySelector('button.group-toggle');
    toggle.addEventListener('click', function () {
      group.collapsed = !group.collapsed;
      group.body.classList.toggle('collapsed', group.collapsed);
      toggle.setAttribute('aria-expanded', String(!group.collapsed));
    });
  });
  assemblies.forEach(function (assembly) {
    var toggle = assembly.body.querySelector('button.group-toggle');
    toggle.addEventListener('click', function () {
      assembly.collapsed = !assembly.collapsed;
      toggle.setAttribute('aria-expanded', String(!assembly.collapsed));
      update();
    });
  });
  document.querySelectorAll('details.failure').forEach(function (details, index) { if (index < 5) { details.open = true; } });
  document.body.setAttribute('data-units', String(document.querySelectorAll('#timeline rect.unit').length));
  document.body.setAttribute('data-ready', 'true');
})();
