import type { ApiErrorData } from '../../../shared/api/errors';

/** The API prefixes messages with the field path for the CLI; beside the field that is noise. */
export function stripField(error: ApiErrorData, lang: 'nl' | 'en'): string {
  const message = error.message[lang];
  return error.field && message.startsWith(`${error.field}: `) ? message.slice(error.field.length + 2) : message;
}
