// Draws the dashboard charts from the figures the server put in data-charts (no inline script: CSP).
(function () {
  const root = document.getElementById('dashboard');
  if (!root || typeof Chart === 'undefined') return;
  const d = JSON.parse(root.dataset.charts);
  new Chart(document.getElementById('chart-status'), {
    type: 'bar',
    data: { labels: d.statusLabels, datasets: [{ data: d.statusCounts, backgroundColor: '#b3261e' }] },
    options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
  });
  new Chart(document.getElementById('chart-funds'), {
    type: 'bar',
    data: { labels: d.fundLabels, datasets: [
      { label: d.raisedLabel, data: d.raised.map(Number), backgroundColor: '#6c757d' },
      { label: d.paidLabel, data: d.paid.map(Number), backgroundColor: '#b3261e' }] },
    options: { scales: { y: { beginAtZero: true } } }
  });
})();
