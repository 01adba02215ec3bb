/**
 * Chromium (Debian's, driven by playwright-core) and admin pages logged in through the real
 * login form.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { baseUrl, type Credentials } from './admin-api';

const { CHROMIUM } = require('./config') as { CHROMIUM: string };

/**
 * Where screenshots go: a temporary folder, so `npm test` leaves the working tree as it found
 * it; `npm run docs:screenshots` points this at docs/screenshots to refresh the docs' images.
 */
const SCREENSHOTS = process.env.NEWSROOM_SCREENSHOTS_DIR
  ? path.resolve(process.env.NEWSROOM_SCREENSHOTS_DIR)
  : path.join(os.tmpdir(), 'newsroom-e2e-screenshots');

export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox', // CI runs as root, where Chromium's sandbox refuses to start
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });

/** The admin's left menu (a <nav> with no label of its own: the one holding "Home"). */
export const mainNav = (page: Page) =>
  page.locator('nav').filter({ has: page.getByRole('link', { name: 'Home', exact: true }) });

/** A new context (its own cookies), logged in as `credentials`, on the admin home page. */
export const newAdminPage = async (browser: Browser, credentials: Credentials): Promise<Page> => {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    viewport: { width: 1440, height: 960 },
    locale: 'en-US',
  });
  const page = await context.newPage();
  await page.goto('/admin/auth/login');
  await page.locator('input[name="email"]').fill(credentials.email);
  await page.locator('input[name="password"]').fill(credentials.password);
  await page.locator('button[type="submit"]').click();
  // The home page: out of /auth, with the left menu drawn.
  await page.waitForURL((url) => !url.pathname.startsWith('/admin/auth'), { timeout: 30000 });
  await mainNav(page).waitFor({ state: 'visible', timeout: 30000 });
  // Menu links are filtered by the user's permissions after a request or two: let them land.
  await page.waitForLoadState('networkidle');
  return page;
};

/** Saves a full-page screenshot as <name>.png in the screenshots folder; returns its path. */
export const shoot = async (page: Page, name: string): Promise<string> => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  // Park the mouse on empty page background: a hovered menu icon would show its tooltip.
  await page.mouse.move(1400, 940);
  await page.screenshot({ path: file, fullPage: true });
  return file;
};
