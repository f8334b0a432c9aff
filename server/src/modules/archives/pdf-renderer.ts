import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { Browser } from 'playwright-core';

/**
 * HTML → PDF with the headless Chromium the platform already runs (the same browser the
 * tests drive): CJK text laid out by a real engine, fonts embedded. One browser per process,
 * started on first use, a fresh page per document.
 */
@Injectable()
export class PdfRenderer implements OnModuleDestroy {
  private readonly log = new Logger('PdfRenderer');
  private browser: Promise<Browser> | null = null;

  private launch(): Promise<Browser> {
    if (!this.browser) {
      this.browser = (async () => {
        const { chromium } = await import('playwright-core');
        const b = await chromium.launch({
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        });
        b.on('disconnected', () => {
          this.browser = null;
        });
        return b;
      })().catch((e) => {
        this.browser = null;
        this.log.error(`Chromium could not start: ${(e as Error).message}`);
        throw e;
      });
    }
    return this.browser;
  }

  async render(html: string): Promise<Buffer> {
    const browser = await this.launch();
    const ctx = await browser.newContext({ javaScriptEnabled: false, offline: true });
    try {
      const page = await ctx.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({ format: 'A4', printBackground: true, margin: { top: '16mm', bottom: '16mm', left: '14mm', right: '14mm' } });
    } finally {
      await ctx.close();
    }
  }

  async onModuleDestroy() {
    const b = this.browser;
    this.browser = null;
    if (b) await (await b.catch(() => null))?.close().catch(() => undefined);
  }
}
