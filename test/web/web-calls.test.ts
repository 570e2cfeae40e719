import { type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TestServer, type TestUser } from '../helpers/server.js';
import { axeCheck } from './axe.js';
import { chromium } from 'playwright-core';
import { watchPage } from './chromium.js';

/**
 * Calls in the reference web client (packages/web/src/calls): two people in two browser contexts, real WebRTC with
 * Chromium's fake microphone and camera; host candidates connect on this machine without TURN. The ring timeout is
 * short so "no answer" ends within the test. PGlite project only.
 */

interface Person {
  user: TestUser;
  page: Page;
}

const RING_SECONDS = 4;
let server: TestServer;
let browser: Browser;
let ada: Person;
let bo: Person;
/** Bo's second device: rings too, and stops when his first one answers. */
let boPhone: Person;
const problems: string[] = [];

// Fake media without a prompt; loopback candidates (a machine with no other interface still connects); sound without a gesture.
const launch = () =>
  chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      '--allow-loopback-in-peer-connection',
      '--autoplay-policy=no-user-gesture-required',
    ],
  });

beforeAll(async () => {
  [server, browser] = await Promise.all([TestServer.start({ CALL_RING_TIMEOUT_SECONDS: String(RING_SECONDS) }), launch()]);
  const [a, b] = await server.registerAll('Ada Caller', 'Bo Callee');
  const chatId = await server.directChat(a!, b!);
  [ada, bo, boPhone] = await Promise.all([signIn(a!, chatId), signIn(b!, chatId), signIn(b!, chatId, 'phone')]);
});

afterEach(() => {
  expect(problems.splice(0)).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signIn(user: TestUser, chatId: string, device = ''): Promise<Person> {
  const first = `${user.name.split(' ')[0]!}${device && ` (${device})`}`;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.grantPermissions(['microphone', 'camera']);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  watchPage(page, problems, first);
  await page.goto(`${server.url}/chat/${chatId}`);
  await page.getByLabel('Email or username', { exact: true }).fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('list', { name: 'Messages' }).waitFor();
  return { user, page };
}

const dialog = (p: Person, name: string) => p.page.getByRole('dialog', { name, exact: true });
const status = (p: Person) => p.page.getByRole('status').filter({ hasText: /\S/ });
const button = (p: Person, name: string) => p.page.getByRole('button', { name, exact: true });

async function ring(media: 'Voice call' | 'Video call' = 'Voice call') {
  await button(ada, media).click();
  await dialog(ada, 'Calling Bo Callee').waitFor();
  for (const p of [bo, boPhone]) await dialog(p, 'Incoming call from Ada Caller').waitFor();
}

describe('calls in the web client', () => {
  it('call → incoming dialog on both devices → answer (the other stops ringing) → both connected (timer, Mute) → hang up ends both', async () => {
    await ring();
    await axeCheck(ada.page, 'calling');
    await axeCheck(bo.page, 'incoming call');
    await dialog(bo, 'Incoming call from Ada Caller').getByRole('button', { name: 'Answer' }).click();
    await status(boPhone).filter({ hasText: 'Answered on another device' }).waitFor();
    await boPhone.page.getByRole('dialog').waitFor({ state: 'detached' });

    for (const p of [ada, bo]) {
      const inCall = dialog(p, `Call with ${p === ada ? 'Bo Callee' : 'Ada Caller'}`);
      await inCall.and(p.page.locator('[data-connection="connected"]')).waitFor();
      await inCall.getByText('Connected').waitFor();
      await inCall.locator('time.call-timer').waitFor();
    }
    await axeCheck(ada.page, 'in a call');

    // Busy: a call to Ada while she is in one (from Bo's other device) is refused with a status line.
    await button(boPhone, 'Voice call').click();
    await status(boPhone).filter({ hasText: 'Ada Caller is busy on another call' }).waitFor();
    await boPhone.page.getByRole('dialog').waitFor({ state: 'detached' });

    const adaCall = dialog(ada, 'Call with Bo Callee');
    await adaCall.getByRole('button', { name: 'Mute', exact: true }).click();
    await adaCall.getByRole('button', { name: 'Unmute', exact: true }).waitFor();
    expect(await ada.page.evaluate(() => document.querySelector('audio') !== null)).toBe(true);

    await adaCall.getByRole('button', { name: 'Hang up' }).click();
    for (const p of [ada, bo]) await p.page.getByRole('dialog').waitFor({ state: 'detached' });
    await status(ada).filter({ hasText: 'Call with Bo Callee ended' }).waitFor();
    await status(bo).filter({ hasText: 'Call with Ada Caller ended' }).waitFor();
  });

  it('"Decline": the caller reads that Bo declined', async () => {
    await ring();
    await dialog(bo, 'Incoming call from Ada Caller').getByRole('button', { name: 'Decline' }).click();
    for (const p of [ada, bo]) await p.page.getByRole('dialog').waitFor({ state: 'detached' });
    await status(ada).filter({ hasText: 'Bo Callee declined the call' }).waitFor();
    await status(bo).filter({ hasText: 'Call declined' }).waitFor();
  });

  it('no answer: the ring times out on both sides, and the chat shows "Missed voice call"', async () => {
    await ring();
    const ended = { timeout: (RING_SECONDS + 10) * 1000 };
    await status(ada).filter({ hasText: 'No answer from Bo Callee' }).waitFor(ended);
    await status(bo).filter({ hasText: 'Missed call from Ada Caller' }).waitFor(ended);
    for (const p of [ada, bo]) await p.page.getByRole('dialog').waitFor({ state: 'detached' });
    for (const p of [ada, bo]) {
      await p.page.getByRole('list', { name: 'Messages' }).getByRole('listitem').filter({ hasText: 'Missed voice call' }).waitFor();
    }
    await axeCheck(bo.page, 'missed call message');
  });

  it('a video call connects with both cameras', async () => {
    await ring('Video call');
    await dialog(bo, 'Incoming call from Ada Caller').getByRole('button', { name: 'Answer' }).click();
    const adaCall = dialog(ada, 'Call with Bo Callee');
    await adaCall.and(ada.page.locator('[data-connection="connected"]')).waitFor();
    await adaCall.getByLabel("Bo Callee's camera").waitFor();
    await adaCall.getByRole('button', { name: 'Hang up' }).click();
    await bo.page.getByRole('dialog').waitFor({ state: 'detached' });
  });
});
