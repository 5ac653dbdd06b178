// E-mail goes through an outbox table written in the same transaction as the change that
// causes it, then a sender delivers it: over SMTP when SMTP_URL is set, otherwise as .eml
// files under MAIL_DIR (default data/mail). A failed send stays pending and is retried with
// exponential backoff, so no message is ever lost.
import { and, asc, count, eq, gt, lte } from "drizzle-orm";
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve, sep } from "node:path";
import nodemailer from "nodemailer";
import { db, type DB } from "../../../db/client";
import { insertRows } from "../../../db/bulk";
import type { Tx } from "./transaction.server";
import { outbox } from "../../../db/schema";
import { isLocale, translate, type Locale, type Vars } from "../i18n";
import { catalogues } from "../i18n/locale.server";

/** A template is a pair of catalogue keys: mail.<template>.subject and mail.<template>.body. */
export type MailTemplate = string;

/** One message to send: to whom, in which language, which template with which values. */
export interface MailMessage {
  to: string;
  locale: string;
  template: MailTemplate;
  vars: Vars;
}

/** Renders a message in the recipient's language and queues it. */
export function enqueueMail(message: MailMessage, tx: Tx | DB = db()): void {
  enqueueMails([message], tx);
}

/**
 * Renders messages in their recipients' languages and queues them in one statement: an
 * announcement at 10,000 applications queues 20,000 (decision 033).
 */
export function enqueueMails(messages: MailMessage[], tx: Tx | DB = db()): void {
  const now = new Date();
  const rows: (typeof outbox.$inferInsert)[] = [];
  for (const { to, locale, template, vars } of messages) {
    // An erased person's pseudonymous address (decision 020): no mail server would take it.
    if (to.endsWith("@erased.invalid")) continue;
    const lang: Locale = isLocale(locale) ? locale : "en";
    const catalogue = catalogues[lang];
    if (!(`mail.${template}.subject` in catalogue) || !(`mail.${template}.body` in catalogue)) {
      throw new Error(
        `Unknown e-mail template "${template}": add mail.${template}.subject and .body to the catalogues.`,
      );
    }
    const subject = translate(catalogue, `mail.${template}.subject`, vars, lang);
    const body =
      translate(catalogue, `mail.${template}.body`, vars, lang) +
      "\n\n" +
      translate(catalogue, "mail.signature", vars, lang);
    rows.push({ toAddress: to, locale: lang, template, subject, textBody: body, nextAttemptAt: now });
  }
  if (rows.length === 0) return;
  insertRows(tx, outbox, rows);
  scheduleDelivery();
}

/**
 * How many messages are still pending after a failed attempt. The sender keeps retrying them;
 * the count tells the secretariat that the mail settings or the server may need a look.
 */
export function failingMailCount(): number {
  return db()
    .select({ n: count() })
    .from(outbox)
    .where(and(eq(outbox.state, "pending"), gt(outbox.attempts, 0)))
    .get()!.n;
}

/** Delay before attempt n+1: 30 s, 1 min, 2 min … capped at one hour. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

function mailDir(): string {
  return resolve(process.env.MAIL_DIR ?? "data/mail");
}

/**
 * Where a message's .eml copy is written (named by its row, so that a sender finds a copy already
 * written) and where it is written first, before it is renamed whole.
 */
export function mailCopyPaths(message: { id: string; createdAt: Date }): { path: string; part: string } {
  const path = join(mailDir(), `${message.createdAt.getTime()}-${message.id}.eml`);
  return { path, part: `${path}.part` };
}

/** What a deleted outbox row needs for its copy to be removed: its id, creation and recorded path. */
export interface MailCopyOf {
  id: string;
  createdAt: Date;
  emlPath: string | null;
}

/** The columns to return from a delete of outbox rows, for {@link removeMailCopies}. */
export const mailCopyColumns = { id: outbox.id, createdAt: outbox.createdAt, emlPath: outbox.emlPath };

/**
 * Removes the .eml copies of messages whose rows were deleted (retention, erasure): a copy holds
 * the address and the text, so it goes with its row. Besides the recorded path, the copy (or part
 * of one) that a sender stopped before marking its row sent may have left under the row's name.
 * Only files inside MAIL_DIR are touched; one already gone is not an error. Call it after the
 * deleting transaction has committed.
 */
export function removeMailCopies(messages: MailCopyOf[]): void {
  const folder = mailDir() + sep;
  for (const message of messages) {
    const { path, part } = mailCopyPaths(message);
    for (const file of [message.emlPath ?? path, part]) {
      if (!resolve(file).startsWith(folder)) continue;
      rmSync(resolve(file), { force: true });
    }
  }
}

const FROM = () => process.env.MAIL_FROM ?? "UNESCO ICT in Education Prize <prize@localhost>";

/**
 * The sender as the recipient reads it: MAIL_FROM's address, named by the prize's short name in
 * the message's language (a French reader's inbox says "Prix UNESCO TIC dans l’éducation").
 */
export function senderFor(locale: string, from = FROM()): { name: string; address: string } {
  const address = /<([^<>\s]+@[^<>\s]+)>\s*$/.exec(from)?.[1] ?? from.trim();
  const lang: Locale = isLocale(locale) ? locale : "en";
  return { name: translate(catalogues[lang], "app.short_name", undefined, lang), address };
}

/**
 * The message's own Message-ID, made from its outbox row: a message sent again (a sender killed
 * between sending it and marking it sent, decision 023) carries the same one, so mail servers
 * and clients can recognise the copy as the same message.
 */
export function messageIdOf(id: string, from = FROM()): string {
  const domain = /@([^\s>]+)>?\s*$/.exec(from)?.[1] ?? "localhost";
  return `<${id}@${domain}>`;
}

let transport: nodemailer.Transporter | undefined;
let transportUrl: string | undefined;
function smtpTransport(url: string) {
  if (!transport || transportUrl !== url) {
    transport = nodemailer.createTransport(url);
    transportUrl = url;
  }
  return transport;
}

const fileTransport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });

let running: Promise<number> | undefined;
let again = false;

/**
 * Sends every due message once; returns how many were delivered. Safe to call concurrently: a
 * call during a round gets that round, and one more round follows for what was queued meanwhile
 * (the round read its messages before).
 */
export function deliverDueMail(now = new Date()): Promise<number> {
  if (running) {
    again = true;
    return running;
  }
  running = deliver(now).finally(() => {
    running = undefined;
    if (!again) return;
    again = false;
    void deliverDueMail();
  });
  return running;
}

async function deliver(now: Date): Promise<number> {
  const due = db()
    .select()
    .from(outbox)
    .where(and(eq(outbox.state, "pending"), lte(outbox.nextAttemptAt, now)))
    .orderBy(asc(outbox.createdAt))
    .limit(50)
    .all();
  let sent = 0;
  for (const message of due) {
    const mail = {
      from: senderFor(message.locale),
      to: message.toAddress,
      subject: message.subject,
      text: message.textBody,
      headers: { "Content-Language": message.locale },
      messageId: messageIdOf(message.id),
    };
    try {
      let emlPath: string | null = null;
      if (process.env.SMTP_URL) {
        await smtpTransport(process.env.SMTP_URL).sendMail(mail);
      } else {
        const copy = mailCopyPaths(message);
        // The copy is named by its row and appears whole (written aside, then renamed), so a
        // sender killed after writing it and before marking the row sent (decision 023) leaves a
        // complete copy that its replacement finds and does not write again: exactly once.
        emlPath = copy.path;
        if (existsSync(copy.path)) {
          console.log(`E-mail to ${message.toAddress} already written to ${emlPath} (marked sent now)`);
        } else {
          const info = await fileTransport.sendMail(mail);
          mkdirSync(mailDir(), { recursive: true });
          writeFileSync(copy.part, info.message as Buffer);
          renameSync(copy.part, copy.path);
          console.log(`E-mail to ${message.toAddress} written to ${emlPath}`);
        }
      }
      db()
        .update(outbox)
        .set({ state: "sent", sentAt: new Date(), attempts: message.attempts + 1, emlPath, lastError: null })
        .where(eq(outbox.id, message.id))
        .run();
      sent++;
    } catch (error) {
      const attempts = message.attempts + 1;
      db()
        .update(outbox)
        .set({
          attempts,
          lastError: String(error instanceof Error ? error.message : error).slice(0, 500),
          nextAttemptAt: new Date(Date.now() + backoffMs(attempts)),
        })
        .where(eq(outbox.id, message.id))
        .run();
      console.error(`E-mail to ${message.toAddress} failed (attempt ${attempts}); will retry: ${String(error)}`);
    }
  }
  return sent;
}

let timer: NodeJS.Timeout | undefined;
let scheduled = false;
// In a process that serves pages but does not send (decision 023): how to ask the sender.
let nudgeSender: (() => void) | undefined;

// After the current synchronous transaction has committed, so that the sender sees the message.
function scheduleDelivery() {
  if ((!timer && !nudgeSender) || scheduled) return;
  scheduled = true;
  setImmediate(() => {
    scheduled = false;
    if (timer) void deliverDueMail();
    else nudgeSender?.();
  });
}

/** Messages another thread of this process queued (the scheduled jobs): sent as if queued here. */
export function deliverQueuedMail(): void {
  scheduleDelivery();
}

/** For a process without the sender: a queued message calls `nudge` (which wakes the sender elsewhere). */
export function forwardMailTo(nudge: (() => void) | undefined): void {
  nudgeSender = nudge;
}

export function startMailSender(intervalMs = 5000): void {
  if (timer) return;
  timer = setInterval(() => void deliverDueMail(), intervalMs);
  timer.unref();
  void deliverDueMail();
}

export function stopMailSender(): void {
  if (timer) clearInterval(timer);
  timer = undefined;
}
