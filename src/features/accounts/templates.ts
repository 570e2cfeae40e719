import type { Config } from '../../config.js';
import type { Mail } from './mailer.js';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Where the web client is: PUBLIC_URL, else this server on localhost. */
export function publicUrl(config: Pick<Config, 'PUBLIC_URL' | 'PORT'>): string {
  return (config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/+$/, '');
}

/** The link a mail carries: `${PUBLIC_URL}/#/verify-email?token=…` or `/#/reset-password?token=…`. */
export function linkFor(config: Pick<Config, 'PUBLIC_URL' | 'PORT'>, screen: 'verify-email' | 'reset-password', token: string): string {
  return `${publicUrl(config)}/#/${screen}?token=${encodeURIComponent(token)}`;
}

function mail(to: string, subject: string, name: string, lines: string[], action: string, link: string, after: string): Mail {
  const text = [`Hello ${name},`, '', ...lines, '', link, '', after, '', '— Parley'].join('\n');
  const html =
    `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">` +
    `<p>Hello ${escapeHtml(name)},</p>` +
    lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('') +
    `<p><a href="${escapeHtml(link)}" style="display:inline-block;padding:8px 16px;background:#2563eb;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(action)}</a></p>` +
    `<p style="font-size:small">Or open this link: ${escapeHtml(link)}</p>` +
    `<p style="font-size:small;color:#666">${escapeHtml(after)}</p>` +
    `</body></html>`;
  return { to, subject, text, html };
}

export function verifyEmailMail(config: Config, to: string, name: string, token: string): Mail {
  const hours = config.EMAIL_VERIFY_TTL_HOURS;
  return mail(
    to,
    'Confirm your email for Parley',
    name,
    [`Confirm that ${to} is your email address by opening this link. It works once, within ${hours} hour(s).`],
    'Confirm my email',
    linkFor(config, 'verify-email', token),
    'If you did not ask for this, ignore this mail.',
  );
}

export function resetPasswordMail(config: Config, to: string, name: string, token: string): Mail {
  const minutes = config.PASSWORD_RESET_TTL_MINUTES;
  return mail(
    to,
    'Reset your Parley password',
    name,
    [`Someone (we hope you) asked to reset the password of your Parley account. The link works once, within ${minutes} minute(s).`],
    'Choose a new password',
    linkFor(config, 'reset-password', token),
    'If you did not ask for this, ignore this mail: your password stays as it is.',
  );
}
