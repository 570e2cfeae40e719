import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import { fail } from '../../lib/errors.js';

/**
 * zxcvbn's score (0..4): 3 is "safely unguessable" (about 10^8 guesses and more), what
 * common-password lists, keyboard walks, dates and the person's own name or email fall short of.
 */
const MIN_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;

/** Built on first use: loading the dictionaries takes a few hundred ms. */
function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
    // Bounds the CPU one request can cost (the check runs on the event loop): the first 64
    // characters decide, and l33t variants are tried with at most 4 substitutions.
    maxLength: 64,
    l33tMaxSubstitutions: 4,
  });
  return estimator;
}

/** The words a guesser would try first for this person: the email, its parts, the names. */
function contextWords(context: { email?: string | null; username?: string | null; name?: string | null }): string[] {
  const local = context.email?.split('@')[0] ?? '';
  const words = [
    context.email,
    local,
    context.username,
    context.name,
    ...local.split(/[^\p{L}\p{N}]+/u),
    ...(context.name ?? '').split(/\s+/),
  ];
  return [...new Set(words.filter((w): w is string => !!w && w.length >= 3).map((w) => w.toLowerCase()))];
}

/**
 * Refuses a password that is common or made of the person's own details, with 400
 * validation.failed on `body.password` saying why. Wherever a password is set.
 */
export function assertStrongPassword(
  password: string,
  context: { email?: string | null; username?: string | null; name?: string | null },
): void {
  const result = zxcvbn().check(password, contextWords(context));
  if (result.score >= MIN_SCORE) return;
  const why = [result.feedback.warning ?? 'This password is too easy to guess.', ...result.feedback.suggestions].join(' ');
  throw fail('validation.failed', 'the password is too easy to guess', [{ path: 'body.password', message: `too easy to guess: ${why}` }]);
}
