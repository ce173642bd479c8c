// The finance desk: one box selects or clears every case on the page.
document.addEventListener('DOMContentLoaded', () => {
  const all = document.getElementById('select-all');
  if (!all) return;
  all.addEventListener('change', () => {
    document.querySelectorAll('input.case-select').forEach(box => { box.checked = all.checked; });
  });
});
