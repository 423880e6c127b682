import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { confirmMoneyAction, notifyError, notifySuccess, type MoneyAction } from '../components/feedback';
import { asErrorData } from './useApi';

interface ActionOptions<T> {
  /** which button spins (several actions per screen, one at a time); default 'action' */
  key?: string;
  /** ask first (a money action: euros, counts, how to undo); no = nothing happens */
  confirm?: MoneyAction;
  /** what happened, as a green notification with an optional link to the result */
  success?: (result: T) => ReactNode | { message: ReactNode; link?: { href: string; label: string } } | undefined;
}

/**
 * A button's work outside a form (make a backup, post a fee run, revoke a mandate, download a
 * file): ask when asked to, spin while it runs, say what happened, and show a failure as a
 * notification that stays until read. `run` resolves to the result, or undefined when declined or refused.
 */
export function useAction() {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const [running, setRunning] = useState<string>();
  const run = useCallback(
    async <T>(work: () => Promise<T>, options: ActionOptions<T> = {}): Promise<T | undefined> => {
      if (options.confirm && !(await confirmMoneyAction(options.confirm))) return undefined;
      setRunning(options.key ?? 'action');
      try {
        const result = await work();
        const said = options.success?.(result);
        if (said !== undefined && said !== null) {
          if (typeof said === 'object' && 'message' in said) notifySuccess(said.message, said.link);
          else notifySuccess(said);
        }
        return result;
      } catch (e) {
        notifyError(asErrorData(e).message[lang]);
        return undefined;
      } finally {
        setRunning(undefined);
      }
    },
    [lang],
  );
  return {
    run,
    /** something runs */
    busy: running !== undefined,
    /** this key's action runs */
    busyWith: (key: string) => running === key,
  };
}
