/**
 * A validator's verdict. `rule` is a stable machine name; the messages are what a treasurer reads,
 * in Dutch first. The API turns a failed verdict into a ValidationError that names the field.
 */
export type Verdict<T> =
  | { ok: true; value: T }
  | { ok: false; rule: string; nl: string; en: string };

export function pass<T>(value: T): Verdict<T> {
  return { ok: true, value };
}

export function fail<T = never>(rule: string, nl: string, en: string): Verdict<T> {
  return { ok: false, rule, nl, en };
}
