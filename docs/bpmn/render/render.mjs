// Renders every bpmn/*.bpmn to docs/bpmn/<name>.svg and .png with bpmn-js (the renderer Camunda Modeler
// uses) in the system's headless Chromium, so the images show what a process owner sees in Modeler.
// A collapsed subprocess gets its own image (<name>-<subprocessId>.svg/.png): Modeler shows it on drill-down.
// Usage: docs/bpmn/render.sh   (or: cd docs/bpmn/render && npm ci && node render.mjs [--check-labels])
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..', '..');
const out = resolve(here, '..');
const checkLabels = process.argv.includes('--check-labels');
const bpmnJs = join(here, 'node_modules', 'bpmn-js', 'dist');

const browser = await puppeteer.launch({
  executablePath: process.env.PUPPETEER_EXECUTABLE_PATH || '/usr/bin/chromium',
  headless: true,
  // Chromium as root in a container has no user namespace sandbox; the page only renders local files.
  args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none'],
});
let problems = 0;
try {
  const page = await browser.newPage();
  await page.setContent(`<!doctype html><html><head><meta charset="utf-8">
    <style>html,body{margin:0;background:#fff} #canvas{width:2000px;height:1400px}</style>
    </head><body><div id="canvas"></div></body></html>`);
  await page.addStyleTag({ path: join(bpmnJs, 'assets', 'diagram-js.css') });
  await page.addStyleTag({ path: join(bpmnJs, 'assets', 'bpmn-js.css') });
  await page.addScriptTag({ path: join(bpmnJs, 'bpmn-viewer.production.min.js') });

  const files = readdirSync(join(repo, 'bpmn')).filter((f) => f.endsWith('.bpmn')).sort();
  for (const file of files) {
    const xml = readFileSync(join(repo, 'bpmn', file), 'utf8');
    const name = file.replace(/\.bpmn$/, '');
    const result = await page.evaluate(async (xml) => {
      document.getElementById('canvas').innerHTML = '';
      const viewer = new BpmnJS({ container: '#canvas' });
      const { warnings } = await viewer.importXML(xml);
      const canvas = viewer.get('canvas');
      const registry = viewer.get('elementRegistry');
      const roots = canvas.getRootElements().filter((r) => !r.id.startsWith('__implicitroot'));
      const images = [];
      for (const root of roots) {
        canvas.setRootElement(root);
        const { svg } = await viewer.saveSVG();
        images.push({ id: root.businessObject.id, main: root.type === 'bpmn:Process', svg });
      }
      // Where bpmn-js really put each external label, against the bounds stored in the file.
      const labels = registry.filter((e) => e.type === 'label').map((l) => {
        const stored = l.labelTarget.di.label && l.labelTarget.di.label.bounds;
        return {
          id: l.labelTarget.id,
          drawn: { x: l.x, y: l.y, width: l.width, height: l.height },
          stored: stored ? { x: stored.x, y: stored.y, width: stored.width, height: stored.height } : null,
        };
      });
      return { warnings: warnings.map((w) => w.message), images, labels };
    }, xml);
    for (const warning of result.warnings) {
      console.error(`${file}: import warning: ${warning}`);
      problems++;
    }
    if (checkLabels) {
      for (const { id, drawn, stored } of result.labels) {
        // The layout test assumes a drawn label stays within its stored bounds (rounding aside).
        const inside = stored && drawn.x >= stored.x - 2 && drawn.y >= stored.y - 2
          && drawn.x + drawn.width <= stored.x + stored.width + 2
          && drawn.y + drawn.height <= stored.y + stored.height + 2;
        if (!inside) {
          console.error(`${file}: label of ${id} drawn at ${JSON.stringify(drawn)}, stored ${JSON.stringify(stored)}`);
          problems++;
        }
      }
    }
    for (const image of result.images) {
      const base = image.main ? name : `${name}-${image.id}`;
      const { svg, width, height } = withMargin(image.svg, 20);
      writeFileSync(join(out, `${base}.svg`), svg);
      const shot = await browser.newPage();
      await shot.setViewport({ width: Math.ceil(width), height: Math.ceil(height), deviceScaleFactor: 1 });
      await shot.setContent(`<!doctype html><html><body style="margin:0;background:#fff">${svg}</body></html>`);
      await shot.screenshot({ path: join(out, `${base}.png`), clip: { x: 0, y: 0, width, height } });
      await shot.close();
      console.log(`${file} -> docs/bpmn/${base}.svg, .png (${Math.round(width)} x ${Math.round(height)})`);
    }
  }
} finally {
  await browser.close();
}
process.exit(problems ? 1 : 0);

// saveSVG crops to the drawing; a white margin keeps edge labels readable and the page printable.
function withMargin(svg, margin) {
  const [, x, y, w, h] = /viewBox="([-\d.]+) ([-\d.]+) ([\d.]+) ([\d.]+)"/.exec(svg).map(Number);
  const width = Math.ceil(w + 2 * margin);
  const height = Math.ceil(h + 2 * margin);
  const padded = svg
    .replace(/ width="[\d.]+"/, ` width="${width}"`)
    .replace(/ height="[\d.]+"/, ` height="${height}"`)
    .replace(/viewBox="[^"]*"/, `viewBox="${x - margin} ${y - margin} ${width} ${height}"`)
    .replace(/(<svg[^>]*>)/, `$1<rect x="${x - margin}" y="${y - margin}" width="${width}" height="${height}" fill="#fff"/>`);
  return { svg: padded, width, height };
}
