import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { api, type Input, type Method, type Output } from '../../../shared/api/contract';
import type { ApiErrorData } from '../../../shared/api/errors';
import { toValidationError } from '../../../shared/api/zodError';
import { call, type Progress } from '../api/client';
import { stripField } from '../components/errorText';
import { TYPED_INVALID } from '../components/typedInvalid';
import { asErrorData } from './useApi';

type Message = { nl: string; en: string };

/**
 * One form over one contract method. Before sending, the input goes through the method's own zod
 * schema and EVERY issue lands at its field at once (the API itself stops at the first); a field
 * whose typed text could not be read counts too. The first invalid field in the form gets focus.
 * An error from the API (a conflict, a rule only the books can check) lands at its field as well,
 * or above the form when it names none.
 */
export function useFormErrors<M extends Method>(method: M, options: { progress?: boolean } = {}) {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<Record<string, Message>>({});
  const [formError, setFormError] = useState<Message>();
  const [busy, setBusy] = useState(false);
  // with { progress: true } the main process reports how far the submitted call is
  const [progress, setProgress] = useState<Progress>();
  const withProgress = options.progress === true;

  const show = useCallback((next: Record<string, Message>, general?: Message) => {
    setErrors(next);
    setFormError(general);
    // after React has rendered the messages, so the focused field already says what is wrong
    requestAnimationFrame(() => focusFirstInvalid(formRef.current, Object.keys(next)));
  }, []);

  /** Checks the input against the contract; true when it may be sent. */
  const check = useCallback(
    (input: Input<M>): boolean => {
      const parsed = (api[method].input as z.ZodType).safeParse(input);
      const next = parsed.success ? {} : fieldMessages(parsed.error);
      const typedInvalid = formRef.current?.querySelector(`[${TYPED_INVALID}]`);
      if (parsed.success && !typedInvalid) {
        setErrors({});
        setFormError(undefined);
        return true;
      }
      show(next);
      return false;
    },
    [method, show],
  );

  /** Shows an error from the API (or from reading typed text) at its field, or above the form. */
  const refuse = useCallback(
    (error: ApiErrorData) => {
      if (error.field) show({ [error.field]: withoutFieldPrefix(error) });
      else show({}, error.message);
    },
    [show],
  );

  /** check, then call the method; the result, or undefined when refused (the errors are shown). */
  const submit = useCallback(
    async (input: Input<M>): Promise<Output<M> | undefined> => {
      if (!check(input)) return undefined;
      setBusy(true);
      try {
        return await call(method, input, withProgress ? { onProgress: setProgress } : {});
      } catch (e) {
        refuse(asErrorData(e));
        return undefined;
      } finally {
        setBusy(false);
        setProgress(undefined);
      }
    },
    [check, method, refuse, withProgress],
  );

  return {
    formRef,
    busy,
    /** how far the submitted call is, when asked for with { progress: true } */
    progress,
    check,
    submit,
    refuse,
    /** the message for a field (dotted contract path, "bankAccounts.0.iban"), in the UI language */
    errorOf: (field: string): string | undefined => errors[field]?.[lang],
    /** a message that belongs to no field, for an Alert above the buttons */
    formError: formError?.[lang],
    /** forget a field's message once the treasurer changes it */
    clear: (field: string) => setErrors((old) => (field in old ? Object.fromEntries(Object.entries(old).filter(([k]) => k !== field)) : old)),
    hasErrors: Object.keys(errors).length > 0 || formError !== undefined,
  };
}

/** Every zod issue as the same sentence the API would give, keyed by its field path. */
function fieldMessages(error: z.ZodError): Record<string, Message> {
  const out: Record<string, Message> = {};
  for (const issue of error.issues) {
    const data = toValidationError(new z.ZodError([issue])).data;
    const field = data.field ?? 'input';
    out[field] ??= treasurerWording(data, withoutFieldPrefix(data));
  }
  return out;
}

/** Beside its field a date is "verplicht" or "bestaat niet", never a format like JJJJ-MM-DD. */
function treasurerWording(data: ApiErrorData, message: Message): Message {
  if (data.rule === 'required') return { nl: 'verplicht', en: 'required' };
  if (data.rule === 'date') return { nl: 'bestaat niet', en: 'does not exist' };
  return message;
}

function withoutFieldPrefix(error: ApiErrorData): Message {
  return { nl: stripField(error, 'nl'), en: stripField(error, 'en') };
}

function focusFirstInvalid(form: HTMLFormElement | null, fields: string[]): void {
  if (!form) return;
  const wanted = new Set(fields);
  const candidates = form.querySelectorAll<HTMLElement>(`input:not([type=hidden]), select, textarea, [${TYPED_INVALID}]`);
  for (const el of candidates) {
    const name = el.getAttribute('data-field') ?? el.getAttribute('name');
    if (el.hasAttribute(TYPED_INVALID) || (name && wanted.has(name))) {
      el.focus();
      return;
    }
  }
}
