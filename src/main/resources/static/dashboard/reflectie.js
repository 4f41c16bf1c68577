// The reflection sessions page: the managers' action list and sessions, and one session's report. Uses the
// dashboard's login (its token in sessionStorage); every value is written as text, never as HTML.
'use strict';

const TOKEN_KEY = 'wijkroute.dashboard.token';

async function call(path) {
  const response = await fetch(`/api/v1/reflection/${path}`, {
    headers: {Authorization: `Bearer ${sessionStorage.getItem(TOKEN_KEY)}`}
  });
  if (response.status === 401) {
    sessionStorage.removeItem(TOKEN_KEY);
    throw new Error('Sessie verlopen; log opnieuw in via het dashboard.');
  }
  if (!response.ok) {
    throw new Error(`de server antwoordde ${response.status}`);
  }
  return response;
}

function rows(figureId, values) {
  const body = document.querySelector(`#${figureId} tbody`);
  body.innerHTML = '';
  values.forEach(cells => {
    const tr = document.createElement('tr');
    cells.forEach(cell => {
      const td = document.createElement('td');
      if (cell instanceof Node) {
        td.append(cell);
      } else {
        td.textContent = cell === null || cell === undefined ? '' : String(cell);
      }
      tr.append(td);
    });
    body.append(tr);
  });
}

const number = value => (value === null || value === undefined ? 'verborgen' : Math.round(value * 100) / 100);
const THEME = {};

async function overview() {
  document.getElementById('overview').hidden = false;
  const sessions = await (await call('sessions?size=100')).json();
  rows('sessions', sessions.items.map(s => {
    const link = document.createElement('a');
    link.href = `reflectie.html?session=${encodeURIComponent(s.id)}`;
    link.textContent = 'verslag';
    return [s.date, s.scopeId ? `${s.scopeType} ${s.scopeId}` : s.scopeType, s.form, s.status, link];
  }));
  const actions = await (await call('actions?size=100')).json();
  rows('actions', actions.items.map(a => [THEME[a.theme] || a.theme, a.goal, a.owner, a.evaluationDate, a.overdue ? 'ja' : 'nee']));
}

/** A participant scores all nine themes while the scoring window is open; they see only their receipt. */
async function scoring(id, themes) {
  const form = document.getElementById('scoreForm');
  form.hidden = false;
  const fields = form.querySelector('.themes');
  fields.innerHTML = '';
  themes.forEach(t => {
    const set = document.createElement('fieldset');
    const legend = document.createElement('legend');
    legend.textContent = t.label;
    const question = document.createElement('p');
    question.textContent = `${t.description} ${t.schaalvraag} ${t.scale}`;
    set.append(legend, question);
    for (let value = 1; value <= 10; value++) {
      const label = document.createElement('label');
      label.className = 'choice';
      const input = document.createElement('input');
      Object.assign(input, {type: 'radio', name: t.theme, value: String(value), required: true});
      label.append(input, String(value));
      set.append(label);
    }
    fields.append(set);
  });
  form.onsubmit = async event => {
    event.preventDefault();
    const data = new FormData(form);
    const scores = Object.fromEntries(themes.map(t => [t.theme, Number(data.get(t.theme))]));
    const response = await fetch(`/api/v1/reflection/sessions/${encodeURIComponent(id)}/scores`, {
      method: 'PUT', body: JSON.stringify({scores}),
      headers: {Authorization: `Bearer ${sessionStorage.getItem(TOKEN_KEY)}`, 'Content-Type': 'application/json'}
    });
    document.getElementById('status').textContent = response.ok
        ? 'Je scores zijn opgeslagen. Je kunt ze aanpassen tot de scoreronde sluit.'
        : `Niet opgeslagen (${response.status}).`;
    document.body.dataset.scored = String(response.ok);
  };
}

async function report(id, themes) {
  const session = await (await call(`sessions/${encodeURIComponent(id)}`)).json();
  if (session.status === 'SCORING' && session.yourPart === 'PARTICIPANT') {
    await scoring(id, themes);
    return;
  }
  document.getElementById('report').hidden = false;
  const r = await (await call(`sessions/${encodeURIComponent(id)}/report`)).json();
  const s = r.session;
  const facts = document.querySelector('#facts dl');
  facts.innerHTML = '';
  [['Datum', s.date], ['Scope', s.scopeId ? `${s.scopeType} ${s.scopeId}` : s.scopeType], ['Vorm', s.form], ['Status', s.status],
    ['Deelnemers', s.participantCount], ['Gescoord', s.scoredCount], ['Gekozen thema\'s', s.chosenThemes.map(t => THEME[t] || t).join(', ')]]
      .forEach(([label, value]) => {
        const dt = document.createElement('dt'); dt.textContent = label;
        const dd = document.createElement('dd'); dd.textContent = value;
        facts.append(dt, dd);
      });
  const warnings = document.querySelector('#facts .warnings');
  warnings.innerHTML = '';
  s.warnings.forEach(w => { const li = document.createElement('li'); li.textContent = w.message; warnings.append(li); });
  if (r.results) {
    rows('scores', r.results.themes.map(t => [t.rank, t.label, t.n, number(t.median), number(t.mean), (t.suppressed ? 'onderdrukt (te weinig scores)' : t.distribution.join(' ')),
      t.verschilInBeleving ? 'ja' : 'nee']));
  } else {
    document.querySelector('#scores .empty').textContent = 'De scoreronde loopt nog: de uitslag volgt na het sluiten.';
  }
  if (r.evidence) {
    const evidence = [];
    r.evidence.themes.forEach(t => {
      if (t.indicators.length === 0) {
        evidence.push([t.label, 'alleen kwalitatief', '']);
      }
      t.indicators.forEach(i => evidence.push([t.label, i.label, i.suppressed ? 'verborgen' : number(i.value)]));
    });
    rows('evidence', evidence);
  } else {
    document.querySelector('#evidence .empty').textContent = 'Nog niet bevroren.';
  }
  rows('notes', r.notes.map(n => [THEME[n.theme] || n.theme, n.knelpunten,
    n.stellingen.map(st => `${st.text} (${st.agree} / ${st.disagree})`).join('; '), n.casus, n.oplossingsrichtingen]));
  rows('sessionActions', r.actions.map(a => [THEME[a.theme] || a.theme, a.goal, a.tomorrow, a.owner, a.evaluationDate,
    a.status === 'OPEN' ? (a.overdue ? 'open, over tijd' : 'open') : `geëvalueerd: ${a.evaluation}`]));
  rows('carried', r.carriedOver.map(a => [THEME[a.theme] || a.theme, a.goal, a.owner, a.evaluationDate]));
  document.getElementById('csv').onclick = async () => {
    const blob = await (await call(`sessions/${encodeURIComponent(id)}/report/csv`)).blob();
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `reflectiesessie-${id}.csv`;
    link.click();
  };
}

async function start() {
  if (!sessionStorage.getItem(TOKEN_KEY)) {
    // The dashboard page does the login and sends us back here.
    sessionStorage.setItem('wijkroute.dashboard.return', location.pathname + location.search);
    location.assign('/dashboard/index.html');
    return;
  }
  const themes = await (await call('themes')).json();
  themes.forEach(t => { THEME[t.theme] = t.label; });
  const session = new URLSearchParams(location.search).get('session');
  await (session ? report(session, themes) : overview());
  document.body.dataset.loaded = 'true';
}

start().catch(error => { document.getElementById('status').textContent = error.message; });
