// The print button of the printable documents (no inline script: the pages' CSP forbids it).
document.addEventListener('DOMContentLoaded', function () {
  var b = document.getElementById('print');
  if (b) {
    b.addEventListener('click', function () { window.print(); });
  }
});
