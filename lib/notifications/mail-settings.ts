import type SMTPTransport from "nodemailer/lib/smtp-transport";
import type { Locale } from "@/lib/i18n/config";
import { isLocale } from "@/lib/i18n/config";

/**
 * Mail settings from the environment. Mail is off unless SMTP_URL or SMTP_HOST is set.
 *   SMTP_URL   smtp://user:pass@host:587 (or smtps://… for TLS from the start)
 *   SMTP_HOST, SMTP_PORT (587), SMTP_SECURE (1 = TLS from the start), SMTP_USER, SMTP_PASS
 *   SMTP_FROM  sender address (default luoshi@localhost)
 *   LUOSHI_MAIL_LOCALE  language of mails and webhook texts: zh-CN (default) or en
 */
export interface MailSettings {
  transport: string | SMTPTransport.Options;
  from: string;
}

export function mailSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): MailSettings | null {
  const from = env.SMTP_FROM?.trim() || "luoshi@localhost";
  if (env.SMTP_URL?.trim()) return { transport: env.SMTP_URL.trim(), from };
  const host = env.SMTP_HOST?.trim();
  if (!host) return null;
  const port = Number(env.SMTP_PORT ?? 587);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new Error(`SMTP_PORT must be a port number, not "${env.SMTP_PORT}".`);
  const user = env.SMTP_USER?.trim();
  return {
    transport: { host, port, secure: env.SMTP_SECURE === "1" || env.SMTP_SECURE === "true", ...(user ? { auth: { user, pass: env.SMTP_PASS ?? "" } } : {}) },
    from,
  };
}

export const mailEnabled = (env: NodeJS.ProcessEnv = process.env) => mailSettingsFromEnv(env) !== null;

export function messageLocale(env: NodeJS.ProcessEnv = process.env): Locale {
  return isLocale(env.LUOSHI_MAIL_LOCALE) ? env.LUOSHI_MAIL_LOCALE : "zh-CN";
}
