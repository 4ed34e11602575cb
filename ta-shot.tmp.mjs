import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const p = await b.newPage({ viewport: { width: 320, height: 640 } });
const [path, prefix, ...ys] = process.argv.slice(2);
await p.goto('http://127.0.0.1:4406' + path);
for (const y of ys) { await p.screenshot({ path: `${prefix}-${y}.png`, fullPage: true, clip: { x: 0, y: Number(y), width: 320, height: 640 } }); }
await b.close();
