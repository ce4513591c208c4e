// Renders the Grafana dashboard (deploy/grafana/dashboards/grant-lifecycle.json) to a PNG without
// Grafana: every panel's PromQL is run against a real Prometheus (query_range over the given
// window), drawn with Apache ECharts (server-side SVG) at the panel's grid position, and the
// page is rasterised with resvg. Used where Grafana cannot be installed; the layout, titles and
// queries are the dashboard's own, the look is not Grafana's.
//
//   node render.mjs --prometheus http://localhost:9090 --from <unix s> --to <unix s> --out ../../docs/dashboard.png
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as echarts from 'echarts';
import { Resvg } from '@resvg/resvg-js';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []));
const prometheus = args.prometheus ?? 'http://localhost:9090';
const to = Number(args.to ?? Math.floor(Date.now() / 1000));
const from = Number(args.from ?? to - 900);
const out = args.out ?? path.join(here, '..', '..', 'docs', 'dashboard.png');
const dashboard = JSON.parse(fs.readFileSync(path.join(here, '..', 'grafana', 'dashboards', 'grant-lifecycle.json'), 'utf8'));

const COL = 80, ROW = 34, PAD = 8, WIDTH = 24 * COL;
const step = Math.max(5, Math.round((to - from) / 120));

async function query(expr) {
  const e = expr.replaceAll('$municipality', '.*').replaceAll('$__all', '.*');
  const url = `${prometheus}/api/v1/query_range?query=${encodeURIComponent(e)}&start=${from}&end=${to}&step=${step}`;
  const res = await fetch(url);
  const body = await res.json();
  if (body.status !== 'success') throw new Error(`${expr}: ${JSON.stringify(body)}`);
  return body.data.result;
}

function legend(format, metric) {
  return format.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, l) => metric[l] ?? '');
}

function fmt(unit, v) {
  if (v == null || Number.isNaN(v)) return '-';
  if (unit === 's') return v < 1 ? `${(v * 1000).toFixed(0)} ms` : `${v.toFixed(1)} s`;
  if (unit === 'bytes') return `${(v / 1048576).toFixed(0)} MiB`;
  if (unit === 'percentunit') return `${(v * 100).toFixed(0)} %`;
  if (unit === 'ops' || unit === 'reqps') return `${v.toFixed(2)}/s`;
  return Number.isInteger(v) ? String(v) : v.toFixed(2);
}

async function panelSvg(panel, w, h) {
  const unit = panel.fieldConfig?.defaults?.unit ?? 'short';
  const series = [];
  for (const t of panel.targets ?? []) {
    for (const r of await query(t.expr)) {
      series.push({ name: legend(t.legendFormat ?? '', r.metric) || t.expr, data: r.values.map(([ts, v]) => [ts * 1000, Number(v)]) });
    }
  }
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: w, height: h });
  const base = {
    backgroundColor: '#181b1f', animation: false,
    title: { text: panel.title, left: 8, top: 4, textStyle: { color: '#ccccdc', fontSize: 13, fontFamily: 'DejaVu Sans' } },
    textStyle: { fontFamily: 'DejaVu Sans' },
  };
  if (panel.type === 'bargauge' || panel.type === 'stat') {
    const last = series.map(s => ({ name: s.name, value: s.data.length ? s.data[s.data.length - 1][1] : 0 }))
      .sort((a, b) => b.value - a.value).slice(0, 8);
    if (panel.type === 'stat') {
      chart.setOption({ ...base, graphic: [{ type: 'text', left: 'center', top: 'middle',
        style: { text: last.length ? fmt(unit, last[0].value) : 'no data', fill: '#73bf69', fontSize: 48, fontFamily: 'DejaVu Sans' } }] });
    } else {
      chart.setOption({ ...base,
        grid: { left: 170, right: 40, top: 32, bottom: 16 },
        xAxis: { type: 'value', axisLabel: { color: '#8e8e8e' }, splitLine: { lineStyle: { color: '#2c3235' } } },
        yAxis: { type: 'category', inverse: true, data: last.map(l => l.name), axisLabel: { color: '#ccccdc', width: 160, overflow: 'truncate' } },
        series: [{ type: 'bar', data: last.map(l => l.value), itemStyle: { color: '#f2cc0c' },
          label: { show: true, position: 'right', color: '#ccccdc', formatter: p => fmt(unit, p.value) } }],
        graphic: last.length ? [] : [{ type: 'text', left: 'center', top: 'middle', style: { text: 'no data', fill: '#8e8e8e', fontSize: 14 } }],
      });
    }
  } else {
    const stacked = panel.fieldConfig?.defaults?.custom?.stacking?.mode === 'normal';
    chart.setOption({ ...base,
      color: ['#73bf69', '#f2cc0c', '#5794f2', '#ff9830', '#f2495c', '#b877d9', '#8ab8ff', '#96d98d', '#fade2a', '#ca95e5'],
      grid: { left: 64, right: 16, top: 32, bottom: series.length > 4 ? 64 : 44 },
      legend: { bottom: 2, left: 8, textStyle: { color: '#ccccdc', fontSize: 10 }, itemHeight: 8, type: 'plain' },
      xAxis: { type: 'time', min: from * 1000, max: to * 1000, axisLabel: { color: '#8e8e8e', fontSize: 10, formatter: '{HH}:{mm}' },
               splitLine: { show: false } },
      yAxis: { type: 'value', axisLabel: { color: '#8e8e8e', fontSize: 10, formatter: v => fmt(unit, v) },
               splitLine: { lineStyle: { color: '#2c3235' } } },
      series: series.map(s => ({ type: 'line', name: s.name, data: s.data, showSymbol: false, lineWidth: 1.5,
        stack: stacked ? 'all' : undefined, areaStyle: stacked ? { opacity: 0.35 } : { opacity: 0.08 } })),
      graphic: series.length ? [] : [{ type: 'text', left: 'center', top: 'middle', style: { text: 'no data (metric not served yet)', fill: '#8e8e8e', fontSize: 14 } }],
    });
  }
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

let height = 0;
const parts = [];
for (const panel of dashboard.panels) {
  const g = panel.gridPos;
  const x = g.x * COL, y = g.y * ROW + 40, w = g.w * COL, h = g.h * ROW;
  height = Math.max(height, y + h);
  if (panel.type === 'row') {
    parts.push(`<text x="${x + PAD}" y="${y + 24}" fill="#ccccdc" font-family="DejaVu Sans" font-size="16" font-weight="bold">${panel.title}</text>`);
    continue;
  }
  const svg = await panelSvg(panel, w - PAD, h - PAD);
  parts.push(svg.replace('<svg ', `<svg x="${x + PAD / 2}" y="${y + PAD / 2}" `));
}
const when = `${new Date(from * 1000).toISOString().slice(0, 16)} to ${new Date(to * 1000).toISOString().slice(11, 16)} UTC`;
const page = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height + PAD}" viewBox="0 0 ${WIDTH} ${height + PAD}">
<rect width="100%" height="100%" fill="#111217"/>
<text x="8" y="26" fill="#ccccdc" font-family="DejaVu Sans" font-size="20">${dashboard.title} — rendered from Prometheus by deploy/render/render.mjs (not Grafana), ${when}</text>
${parts.join('\n')}
</svg>`;
fs.mkdirSync(path.dirname(out), { recursive: true });

const png = new Resvg(page, { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' }, background: '#111217' }).render().asPng();
fs.writeFileSync(out, png);
console.log(`wrote ${out} (${png.length} bytes, ${dashboard.panels.length} panels, ${from}..${to} step ${step}s)`);
