// The activity form shows only the fields of the chosen kind (CSP script-src 'self': no inline script).
// A field marked data-kinds="A B" belongs to those kinds; the others are hidden and disabled, so a value
// typed before switching kind is not sent. Without this script every field shows and the server decides.
(function () {
  var form = document.getElementById('activity-form');
  if (!form) {
    return;
  }
  var kind = form.querySelector('select[name="kind"]');
  function show() {
    var k = kind.value;
    form.querySelectorAll('[data-kinds]').forEach(function (group) {
      var on = group.getAttribute('data-kinds').split(' ').indexOf(k) >= 0;
      group.hidden = !on;
      group.querySelectorAll('input, select, textarea').forEach(function (el) { el.disabled = !on; });
    });
  }
  kind.addEventListener('change', show);
  show();
})();
