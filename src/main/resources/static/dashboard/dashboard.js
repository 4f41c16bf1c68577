// The managers' dashboard: logs in with Keycloak (authorization code + PKCE, public client),
// reads the aggregate API and draws charts. Every chart also has an accessible table of its numbers
// and a CSV download of the same rows.
'use strict';

const TOKEN_KEY = 'wijkroute.dashboard.token';
const VERIFIER_KEY = 'wijkroute.dashboard.verifier';
const RETURN_KEY = 'wijkroute.dashboard.return';
const charts = {};

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

async function login(config) {
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  sessionStorage.setItem(VERIFIER_KEY, verifier);
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const params = new URLSearchParams({
    client_id: config.clientId, response_type: 'code', scope: 'openid', redirect_uri: redirectUri(),
    code_challenge: challenge, code_challenge_method: 'S256', state: location.search
  });
  location.assign(`${config.issuer}/protocol/openid-connect/auth?${params}`);
}

function redirectUri() {
  return `${location.origin}/dashboard/index.html`;
}

async function exchange(config, code) {
  const response = await fetch(`${config.issuer}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: {'Content-Type': 'application/x-www-form-urlencoded'},
    body: new URLSearchParams({
      grant_type: 'authorization_code', client_id: config.clientId, code, redirect_uri: redirectUri(),
      code_verifier: sessionStorage.getItem(VERIFIER_KEY) || ''
    })
  });
  if (!response.ok) {
    throw new Error('Inloggen mislukt');
  }
  const token = await response.json();
  sessionStorage.setItem(TOKEN_KEY, token.access_token);
  return token.access_token;
}

async function api(path, params, root = '/api/v1/dashboard') {
  const response = await fetch(`${root}/${path}?${params}`, {
    headers: {Authorization: `Bearer ${sessionStorage.getItem(TOKEN_KEY)}`}
  });
  if (response.status === 401) {
    sessionStorage.removeItem(TOKEN_KEY);
    throw Object.assign(new Error('Sessie verlopen; herlaad de pagina.'), {denied: true});
  }
  if (response.status === 403) {
    throw Object.assign(new Error('Alleen managers zien het dashboard.'), {denied: true});
  }
  if (!response.ok) {
    let detail = '';
    try {
      detail = (await response.json()).detail || '';
    } catch (ignored) {
      // not problem+json: the status says enough
    }
    throw new Error(`de server antwoordde ${response.status}${detail ? ` (${detail})` : ''}`);
  }
  return response.json();
}

/** Draws one chart with its table and CSV; {@code keys} are the codes behind the rows (data-key), when labelled. */
function show(figureId, type, labels, datasets, rows, header, stacked = false, keys = null) {
  const figure = document.getElementById(figureId);
  const canvas = figure.querySelector('canvas');
  if (charts[figureId]) {
    charts[figureId].destroy();
  }
  charts[figureId] = new Chart(canvas, {
    type, data: {labels, datasets},
    options: {animation: false, responsive: true, plugins: {legend: {display: datasets.length > 1}},
      scales: stacked ? {x: {stacked: true}, y: {stacked: true}} : {}}
  });
  canvas.setAttribute('aria-label', `${figure.querySelector('figcaption').firstChild.textContent}: ` +
      rows.map(row => row.join(' ')).join('; '));
  table(figure, header, rows, keys);
  csvButton(figure, figureId, header, rows);
  let empty = figure.querySelector('.empty');
  if (!empty) {
    empty = document.createElement('p');
    empty.className = 'empty';
    figure.appendChild(empty);
  }
  empty.textContent = rows.length === 0 ? 'Geen gegevens voor deze selectie.' : '';
}

function table(figure, header, rows, keys) {
  let element = figure.querySelector('table');
  if (!element) {
    element = document.createElement('table');
    element.className = 'sr-only';
    figure.appendChild(element);
  }
  element.innerHTML = '';
  const head = element.createTHead().insertRow();
  header.forEach(text => { const th = document.createElement('th'); th.textContent = text; head.appendChild(th); });
  const body = element.createTBody();
  rows.forEach((values, index) => {
    const row = body.insertRow();
    row.dataset.key = keys ? keys[index] : values[0];
    values.forEach(value => { row.insertCell().textContent = value === null || value === undefined ? '' : value; });
  });
}

function csvButton(figure, name, header, rows) {
  let button = figure.querySelector('figcaption button');
  if (!button) {
    button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'CSV';
    figure.querySelector('figcaption').appendChild(button);
  }
  button.onclick = () => {
    const escape = value => `"${String(value ?? '').replace(/"/g, '""')}"`;
    const csv = [header, ...rows].map(row => row.map(escape).join(';')).join('\n');
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([csv], {type: 'text/csv;charset=utf-8'}));
    link.download = `wijkroute-${name}.csv`;
    link.click();
  };
}

const shown = value => (value === null || value === undefined ? 'verborgen' : value);
const round = value => (value === null || value === undefined ? null : Math.round(value * 10) / 10);

// The API answers with codes (stable for other clients); the page shows what a manager calls them.
const LABELS = {
  stage: {
    SIGNALEREN: 'Signaleren', TRIAGE: 'Triage', VEILIGHEID: 'Veiligheid', TOELEIDING: 'Toeleiding',
    VRAAGVERHELDERING: 'Vraagverheldering', PLAN: 'Plan', REGIE: 'Regie', EVALUATIE: 'Evaluatie',
    NAZORG: 'Nazorg', NAZORG_CONTROLE: 'Vinger aan de pols', AFGESLOTEN: 'Afgesloten'
  },
  cause: {
    PARTIES_WAIT_FOR_EACH_OTHER: 'Partijen wachten op elkaar', FINANCING_CONFLICT: 'Conflict over de bekostiging',
    COLLIDING_LAWS: 'Botsende wetten', COLLIDING_VALUES: 'Botsende waarden', FORCING_SYSTEMS: 'Dwingende systemen',
    NO_FITTING_PROVISION: 'Geen passende voorziening', HOUSEHOLD_DECLINES: 'Huishouden wil (nog) niet',
    SAFETY: 'Veiligheid (Meldcode)', DETECTED_STAGNATION: 'Stagnatie gesignaleerd'
  },
  law: {WMO: 'Wmo 2015', JEUGDWET: 'Jeugdwet', PARTICIPATIEWET: 'Participatiewet', WGS: 'Wet schuldhulpverlening'},
  leefgebied: {
    FINANCIEN: 'Financiën', WERK_EN_OPLEIDING: 'Werk en opleiding', TIJDSBESTEDING: 'Tijdsbesteding',
    HUISVESTING: 'Huisvesting', HUISELIJKE_RELATIES: 'Huiselijke relaties', GEESTELIJKE_GEZONDHEID: 'Geestelijke gezondheid',
    LICHAMELIJKE_GEZONDHEID: 'Lichamelijke gezondheid', MIDDELENGEBRUIK: 'Middelengebruik', BASALE_ADL: 'Basale ADL',
    INSTRUMENTELE_ADL: 'Instrumentele ADL', SOCIAAL_NETWERK: 'Sociaal netwerk',
    MAATSCHAPPELIJKE_PARTICIPATIE: 'Maatschappelijke participatie', JUSTITIE: 'Justitie',
    OPVOEDEN_EN_OPGROEIEN: 'Opvoeden en opgroeien', VEILIGHEID: 'Veiligheid'
  }
};
const label = (kind, code) => LABELS[kind][code] || code;

/** Shows a figure's own message: loading, or why this one indicator could not be drawn. */
function message(figureId, text, isError = false) {
  const figure = document.getElementById(figureId);
  let element = figure.querySelector('.message');
  if (!element) {
    element = document.createElement('p');
    element.className = 'message';
    element.setAttribute('role', 'status');
    figure.querySelector('figcaption').after(element);
  }
  element.textContent = text;
  element.classList.toggle('error', isError);
  figure.classList.toggle('failed', isError);
  figure.setAttribute('aria-busy', String(text === 'Laden…'));
}

/**
 * One indicator: its own call, drawn into its own figures, its own error. Why: one failing query must
 * not blank the rest of the page (issue 13).
 */
async function indicator(figureIds, call, draw) {
  figureIds.forEach(id => message(id, 'Laden…'));
  try {
    const data = await call();
    figureIds.forEach(id => message(id, ''));
    draw(data);
    return data; // the key figures read some of these too
  } catch (error) {
    figureIds.forEach(id => {
      if (charts[id]) {
        charts[id].destroy();
        delete charts[id];
      }
      const figure = document.getElementById(id);
      figure.querySelectorAll('table tbody, .stats').forEach(element => { element.innerHTML = ''; });
      figure.querySelectorAll('.empty').forEach(element => { element.textContent = ''; });
      message(id, `Kon ${figure.dataset.title} niet laden: ${error.message}`, true);
    });
    throw error;
  }
}

function drawSummary(results) {
  const value = (name, pick) => (results[name].status === 'fulfilled' ? pick(results[name].value) : 'niet geladen');
  const percent = share => (share === null || share === undefined ? 'verborgen' : `${Math.round(share * 100)}%`);
  const stats = [
    ['route', 'Doorlooptijd hele route, mediaan / P80 (dagen)', value('leadTimes', leadTimes => {
      const route = leadTimes.wholeRoute;
      return route.suppressed ? 'verborgen'
          : route.cases ? `${round(route.medianDays)} / ${round(route.p80Days)} (${route.cases} casussen)` : 'geen';
    })],
    ['handovers', 'Warme overdrachten geaccepteerd', value('handovers', handovers => shown(handovers.accepted))],
    ['handover-hours', 'Mediaan uren tot acceptatie', value('handovers', handovers => shown(round(handovers.medianHoursToAccept)))],
    ['front-door', 'Opgelost zonder indicatie', value('frontDoor', frontDoor => percent(frontDoor.share))],
    ['recurrence', 'Terugval binnen 12 maanden', value('recurrence', recurrence => percent(recurrence.share))]];
  const list = document.querySelector('#summary dl');
  list.innerHTML = '';
  stats.forEach(([key, text, shownValue]) => {
    const dt = document.createElement('dt'); dt.textContent = text;
    const dd = document.createElement('dd'); dd.textContent = shownValue; dd.dataset.key = key;
    list.append(dt, dd);
  });
  const failed = Object.entries(results).filter(([, result]) => result.status === 'rejected').map(([name]) => name);
  message('summary', failed.length ? `Niet alles geladen (${failed.join(', ')}).` : '', failed.length > 0);
  csvButton(document.getElementById('summary'), 'kerngetallen', ['Kerngetal', 'Waarde'], stats.map(([, text, shownValue]) => [text, shownValue]));
}

/** The tile with the reflection actions of every session: open, and open past their evaluation date. */
function drawReflection(summary) {
  const list = document.querySelector('#reflection dl');
  list.innerHTML = '';
  [['open', 'Open acties', summary.open], ['overdue', 'Evaluatie over tijd', summary.overdue]].forEach(([key, text, count]) => {
    const dt = document.createElement('dt'); dt.textContent = text;
    const dd = document.createElement('dd'); dd.textContent = count; dd.dataset.key = key;
    list.append(dt, dd);
  });
}

/**
 * Safety (issue 17): open cases with a safety concern per step, and the days from the safety signal to the
 * meldcode's decision (median / P80) for decisions in the period.
 */
function drawSafety(safety) {
  const perStage = safety.casesPerStage;
  show('safety', 'bar', perStage.map(s => label('stage', s.stage)), [{label: 'Casussen', data: perStage.map(s => s.cases)}],
      perStage.map(s => [label('stage', s.stage), shown(s.cases)]), ['Stap', 'Casussen met veiligheidszorg'], false,
      perStage.map(s => s.stage));
  const days = safety.signalToMeldcodeDecision;
  const text = days.suppressed ? 'verborgen'
      : days.cases ? `${round(days.medianDays)} / ${round(days.p80Days)} (${days.cases} besluiten)` : 'geen';
  const list = document.querySelector('#safety dl');
  list.innerHTML = '';
  const dt = document.createElement('dt'); dt.textContent = 'Dagen van veiligheidssignaal tot meldcodebesluit, mediaan / P80';
  const dd = document.createElement('dd'); dd.textContent = text; dd.dataset.key = 'signal-to-decision';
  list.append(dt, dd);
}

/**
 * The outcome indicators (issue 16.5): goals attained per leefgebied, organisations per household, and the
 * key outcome figures. Each has its own call; the key figures show what loaded.
 */
function outcomeCalls(params) {
  const percent = share => (share === null || share === undefined ? 'verborgen' : `${Math.round(share * 100)}%`);
  const goals = indicator(['goals'], () => api('goals-attained', params), rows => show('goals', 'bar',
      rows.map(g => label('leefgebied', g.leefgebied)),
      [{label: 'Bereikt (%)', data: rows.map(g => (g.attainedShare === null || g.attainedShare === undefined
          ? null : Math.round(g.attainedShare * 100)))}],
      rows.map(g => [label('leefgebied', g.leefgebied), shown(g.goals), shown(g.attained), shown(g.partly), percent(g.attainedShare)]),
      ['Leefgebied', 'Doelen', 'Bereikt', 'Deels', 'Aandeel bereikt'], false, rows.map(g => g.leefgebied)));
  const involvement = indicator(['involvement'], () => api('involvement', params), data => {
    const buckets = data.organisations || [];
    show('involvement', 'bar', buckets.map(b => b.count), [{label: 'Casussen', data: buckets.map(b => b.cases)}],
        buckets.map(b => [b.count, shown(b.cases)]), ['Organisaties', 'Casussen'], false, buckets.map(b => b.count));
  });
  const oneRegisseur = api('one-regisseur', params);
  const shortRoute = api('short-route', params);
  const figures = Promise.allSettled([involvement, oneRegisseur, shortRoute]).then(([inv, one, short]) => {
    const value = (result, pick) => (result.status === 'fulfilled' ? pick(result.value) : 'niet geladen');
    const median = (m, p80) => (m === null || m === undefined ? 'verborgen' : `${round(m)} / ${round(p80)}`);
    const stats = [
      ['one-regisseur', 'Eén casusregisseur in de hele planfase', value(one, r => percent(r.share))],
      ['short-route', 'Korte route opgelost in het voorliggend veld', value(short, r => percent(r.solvedShare))],
      ['organisations', 'Organisaties per huishouden, mediaan / P80', value(inv, r => median(r.medianOrganisations, r.p80Organisations))],
      ['professionals', 'Professionals per huishouden, mediaan / P80', value(inv, r => median(r.medianProfessionals, r.p80Professionals))]];
    const list = document.querySelector('#outcome-summary dl');
    list.innerHTML = '';
    stats.forEach(([key, text, shownValue]) => {
      const dt = document.createElement('dt'); dt.textContent = text;
      const dd = document.createElement('dd'); dd.textContent = shownValue; dd.dataset.key = key;
      list.append(dt, dd);
    });
    const failed = [inv, one, short].filter(result => result.status === 'rejected').length;
    message('outcome-summary', failed ? `Niet alles geladen (${failed} van 3).` : '', failed > 0);
    csvButton(document.getElementById('outcome-summary'), 'uitkomsten', ['Uitkomst', 'Waarde'],
        stats.map(([, text, shownValue]) => [text, shownValue]));
  });
  return {goals, involvement, oneRegisseur, shortRoute, outcomeFigures: figures};
}

async function load() {
  const form = new FormData(document.getElementById('filters'));
  const params = new URLSearchParams();
  if (form.get('team')) params.set('team', form.get('team'));
  if (form.get('wijk')) params.set('wijk', form.get('wijk'));
  if (form.get('from')) params.set('from', new Date(form.get('from')).toISOString());
  if (form.get('to')) params.set('to', new Date(form.get('to')).toISOString());
  const flowParams = new URLSearchParams(params);
  flowParams.set('granularity', form.get('granularity'));
  const teamOnly = new URLSearchParams();
  if (form.get('team')) teamOnly.set('team', form.get('team'));
  if (form.get('wijk')) teamOnly.set('wijk', form.get('wijk'));
  const status = document.getElementById('status');
  status.textContent = 'Laden…';
  delete document.body.dataset.loaded;
  message('summary', 'Laden…');
  message('outcome-summary', 'Laden…');

  const calls = {
    wip: indicator(['wip'], () => api('work-in-progress', teamOnly), wip => show('wip', 'bar',
        wip.stages.map(s => label('stage', s.stage)), [{label: 'Casussen', data: wip.stages.map(s => s.cases)}],
        wip.stages.map(s => [label('stage', s.stage), shown(s.cases)]), ['Stap', 'Casussen'], false, wip.stages.map(s => s.stage))),
    leadTimes: indicator(['leadtimes'], () => api('lead-times', params), leadTimes => show('leadtimes', 'bar',
        leadTimes.perStage.map(s => label('stage', s.stage)), [
          {label: 'Mediaan', data: leadTimes.perStage.map(s => round(s.medianDays))},
          {label: '80e percentiel', data: leadTimes.perStage.map(s => round(s.p80Days))}],
        leadTimes.perStage.map(s => [label('stage', s.stage), shown(s.cases), shown(round(s.medianDays)), shown(round(s.p80Days))]),
        ['Stap', 'Verblijven', 'Mediaan (dagen)', 'P80 (dagen)'], false, leadTimes.perStage.map(s => s.stage))),
    flow: indicator(['flow', 'signals'], () => api('flow', flowParams), flow => {
      const periods = flow.map(p => p.periodStart.substring(0, 10));
      show('flow', 'line', periods, [
        {label: 'Gestart', data: flow.map(p => p.casesStarted)},
        {label: 'Beëindigd', data: flow.map(p => p.casesClosed)},
        {label: 'Signalen', data: flow.map(p => p.signalsBySource ? Object.values(p.signalsBySource).reduce((a, b) => a + b, 0) : null)}],
          flow.map(p => [p.periodStart.substring(0, 10), shown(p.casesStarted), shown(p.casesClosed)]), ['Periode', 'Gestart', 'Beëindigd']);
      const sources = [['PARTNER', 'Partner'], ['RESIDENT', 'Inwoner'], ['FRONTOFFICE', 'Frontoffice'], ['OWN_OBSERVATION', 'Eigen waarneming']];
      const bySource = (p, source) => (p.signalsBySource ? p.signalsBySource[source] : null);
      show('signals', 'bar', periods, sources.map(([source, text]) => ({label: text, data: flow.map(p => bySource(p, source))})),
          flow.map(p => [p.periodStart.substring(0, 10), ...sources.map(([source]) => shown(bySource(p, source)))]),
          ['Periode', ...sources.map(([, text]) => text)], true);
    }),
    deadlines: indicator(['deadlines'], () => api('deadlines', params), deadlines => show('deadlines', 'bar',
        deadlines.map(d => label('law', d.law)),
        [{label: 'Op tijd (%)', data: deadlines.map(d => d.complianceRate === null || d.complianceRate === undefined
            ? null : Math.round(d.complianceRate * 100))}],
        deadlines.map(d => [label('law', d.law), shown(d.metInTime), shown(d.breached), shown(d.running)]),
        ['Wet', 'Op tijd', 'Overschreden', 'Lopend'], false, deadlines.map(d => d.law))),
    escalations: indicator(['escalations'], () => api('escalations', params), escalations => show('escalations', 'bar',
        escalations.map(e => label('cause', e.cause)), [{label: 'Escalaties', data: escalations.map(e => e.escalations)}],
        escalations.map(e => [label('cause', e.cause), shown(e.escalations), shown(round(e.medianDaysToDoorbraak))]),
        ['Oorzaak', 'Escalaties', 'Mediaan dagen tot doorbraak'], false, escalations.map(e => e.cause))),
    safety: indicator(['safety'], () => api('safety', params), drawSafety),
    // Outcome (issue 16): first against latest zelfredzaamheid per leefgebied, of cells scored again in the period.
    selfSufficiency: indicator(['selfsufficiency'], () => api('self-sufficiency-change', params), changes => show('selfsufficiency', 'bar',
        changes.map(c => label('leefgebied', c.leefgebied)), [
          {label: 'Mediaan eerste score', data: changes.map(c => round(c.medianStart))},
          {label: 'Mediaan laatste score', data: changes.map(c => round(c.medianLatest))}],
        changes.map(c => [label('leefgebied', c.leefgebied), shown(c.cases), shown(c.members), shown(round(c.medianStart)),
          shown(round(c.medianLatest)), shown(round(c.medianChange)), shown(c.improved), shown(c.worsened)]),
        ['Leefgebied', 'Casussen', 'Leden', 'Mediaan eerste', 'Mediaan laatste', 'Mediaan verandering', 'Vooruit', 'Achteruit'],
        false, changes.map(c => c.leefgebied))),
    reflection: indicator(['reflection'], () => api('actions/summary', '', '/api/v1/reflection'), drawReflection),
    handovers: api('handovers', params),
    frontDoor: api('front-door', params),
    recurrence: api('recurrence', params),
    ...outcomeCalls(params)
  };
  const names = Object.keys(calls);
  const settled = await Promise.allSettled(Object.values(calls));
  const results = Object.fromEntries(names.map((name, i) => [name, settled[i]]));
  drawSummary(results);

  const errors = settled.filter(result => result.status === 'rejected').map(result => result.reason);
  const denied = errors.find(error => error.denied);
  if (denied) {
    status.textContent = denied.message;
  } else if (errors.length) {
    status.textContent = `Bijgewerkt; ${errors.length} van de ${names.length} onderdelen konden niet worden geladen.`;
  } else {
    status.textContent = 'Bijgewerkt.';
  }
  document.body.dataset.loaded = 'true';
}

async function options(kind, selectId) {
  const select = document.getElementById(selectId);
  const wanted = new URLSearchParams(location.search).get(selectId);
  const response = await fetch(`/api/v1/dashboard/${kind}`, {headers: {Authorization: `Bearer ${sessionStorage.getItem(TOKEN_KEY)}`}});
  if (response.ok) {
    (await response.json()).forEach(item => select.add(new Option(item.name, item.id, false, item.id === wanted)));
  }
}

async function start() {
  const config = await (await fetch('/dashboard/config')).json();
  const params = new URLSearchParams(location.search);
  if (params.get('code')) {
    await exchange(config, params.get('code'));
    history.replaceState(null, '', `/dashboard/index.html${params.get('state') || ''}`);
    // Logged in for another page of the dashboard (the reflection sessions): go back there.
    const back = sessionStorage.getItem(RETURN_KEY);
    sessionStorage.removeItem(RETURN_KEY);
    if (back && back.startsWith('/dashboard/')) {
      location.assign(back);
      return;
    }
  } else if (!sessionStorage.getItem(TOKEN_KEY)) {
    await login(config);
    return;
  }
  const claims = JSON.parse(atob(sessionStorage.getItem(TOKEN_KEY).split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
  document.getElementById('user').textContent = `Ingelogd als ${claims.preferred_username}`;
  await options('teams', 'team');
  await options('wijken', 'wijk');
  document.getElementById('filters').addEventListener('submit', event => { event.preventDefault(); load().catch(fail); });
  await load();
}

function fail(error) {
  document.getElementById('status').textContent = error.message;
}

start().catch(fail);
