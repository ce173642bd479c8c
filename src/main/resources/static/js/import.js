// Worker import page: upload the file, then poll the job for progress and show the report.
(function () {
  const form = document.getElementById('import-form');
  if (!form) return;
  const csrf = document.querySelector('meta[name="_csrf"]').content;
  const csrfHeader = document.querySelector('meta[name="_csrf_header"]').content;
  const phase = document.getElementById('import-phase');
  const count = document.getElementById('import-count');
  const bar = document.getElementById('import-bar');
  const label = (p) => phase.dataset[p.toLowerCase()] || p;

  function show(id, on) { document.getElementById(id).classList.toggle('d-none', !on); }

  function render(job) {
    phase.textContent = label(job.phase);
    const pct = job.total ? Math.round(100 * job.done / job.total) : 0;
    bar.style.width = pct + '%';
    count.textContent = job.total ? job.done + ' / ' + job.total : '';
    if (job.phase === 'DONE') {
      const done = document.getElementById('import-done');
      done.textContent = done.dataset.template.replace('{0}', job.imported);
      show('import-done', true);
      const warnings = job.warnings || [];
      const body = document.querySelector('#import-warnings tbody');
      body.replaceChildren();
      warnings.forEach(w => {
        const tr = document.createElement('tr');
        [w.row, w.message].forEach(v => {
          const td = document.createElement('td');
          td.textContent = v == null ? '' : v;
          tr.appendChild(td);
        });
        body.appendChild(tr);
      });
      show('import-warned', warnings.length > 0);
    }
    if (job.phase === 'REFUSED' || job.phase === 'FAILED') {
      document.getElementById('import-message').textContent = job.message || '';
      const body = document.querySelector('#import-errors tbody');
      body.replaceChildren();
      (job.errors || []).forEach(e => {
        const tr = document.createElement('tr');
        [e.row, e.field, e.code, e.message].forEach(v => {
          const td = document.createElement('td');
          td.textContent = v == null ? '' : v;
          tr.appendChild(td);
        });
        body.appendChild(tr);
      });
      show('import-refused', true);
    }
  }

  async function poll(id) {
    const r = await fetch(form.dataset.jobs + id, { headers: { 'Accept': 'application/json' } });
    const job = await r.json();
    render(job);
    if (!['DONE', 'REFUSED', 'FAILED'].includes(job.phase)) setTimeout(() => poll(id), 400);
  }

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const file = document.getElementById('import-file').files[0];
    if (!file) return;
    show('import-done', false); show('import-refused', false); show('import-warned', false); show('import-progress', true);
    phase.textContent = label('UPLOADING'); bar.style.width = '0%';
    const data = new FormData();
    data.append('file', file);
    const r = await fetch(form.dataset.upload, { method: 'POST', body: data, headers: { [csrfHeader]: csrf } });
    const job = await r.json();
    if (!r.ok) { render({ phase: 'REFUSED', message: job.detail, errors: job.errors || [] }); return; }
    poll(job.id);
  });
})();
