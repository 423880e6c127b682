import { Checkbox, Group, NativeSelect, Stack, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Input } from '../../../../shared/api/contract';
import { MANUAL_DOSSIER_KINDS } from '../../../../shared/api/dossier';
import { localDate } from '../../../../shared/dates';
import { DateField } from '../../components/DateField';
import { bytesToBase64 } from '../../components/download';
import { FormFooter } from '../../components/FormFooter';
import { useFormErrors } from '../../hooks/useFormErrors';
import { AttachmentPicker } from './AttachmentPicker';

type Kind = (typeof MANUAL_DOSSIER_KINDS)[number];

/** A missing date goes to the schema as missing, so the field says "verplicht". */
const orMissing = (iso: string | null) => (iso ?? undefined) as string;

/**
 * Records a contact in the dossier: on the debtor card any kind, from the belrondje a call that
 * may close the follow-up that put the member on the list.
 */
export function EntryForm({ debtorId, kind: initialKind = 'call', followUp, onSaved, onCancel }: { debtorId: number; kind?: Kind; followUp?: { entryId: number }; onSaved: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const form = useFormErrors('dossier.add');
  const [kind, setKind] = useState<Kind>(initialKind);
  const [date, setDate] = useState<string | null>(() => localDate(new Date()));
  const [text, setText] = useState('');
  const [followUpOn, setFollowUpOn] = useState<string | null>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [closesFollowUp, setClosesFollowUp] = useState(true);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const attachments = await Promise.all(files.map(async (f) => ({ fileName: f.name, mediaType: f.type || undefined, content: bytesToBase64(await f.arrayBuffer()) })));
    const input: Input<'dossier.add'> = {
      debtorId,
      kind,
      date: orMissing(date),
      text,
      followUpOn: followUpOn ?? undefined,
      attachments,
      completesFollowUp: followUp && closesFollowUp ? followUp.entryId : undefined,
    };
    if (await form.submit(input)) onSaved();
  };
  const attachmentError = Object.keys(files).map((_, i) => form.errorOf(`attachments.${i}.content`) ?? form.errorOf(`attachments.${i}.fileName`)).find(Boolean);
  return (
    <form ref={form.formRef} onSubmit={(e) => void save(e)} noValidate aria-label={t('dossier.addTitle')}>
      <Stack gap="sm">
        <Group align="flex-start" gap="md">
          <NativeSelect label={t('dossier.kind')} name="kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as Kind)} data={MANUAL_DOSSIER_KINDS.map((k) => ({ value: k, label: t(`dossier.kind_${k}`) }))} w={200} />
          <DateField label={t('dossier.date')} name="date" required value={date} onChange={(v) => { setDate(v); form.clear('date'); }} error={form.errorOf('date')} />
          <DateField label={t('dossier.followUpOn')} name="followUpOn" value={followUpOn} onChange={(v) => { setFollowUpOn(v); form.clear('followUpOn'); }} error={form.errorOf('followUpOn')} description={t('dossier.followUpHint')} />
        </Group>
        <Textarea label={t('dossier.text')} name="text" withAsterisk autosize minRows={3} maxRows={10} value={text} onChange={(e) => { setText(e.currentTarget.value); form.clear('text'); }} error={form.errorOf('text')} />
        <AttachmentPicker files={files} onChange={(next) => { setFiles(next); for (let i = 0; i < 10; i++) form.clear(`attachments.${i}.content`); }} error={attachmentError} />
        {followUp && <Checkbox label={t('dossier.closesFollowUp')} checked={closesFollowUp} onChange={(e) => setClosesFollowUp(e.currentTarget.checked)} />}
      </Stack>
      <FormFooter formError={form.formError} busy={form.busy} submitLabel={t('dossier.save')} onCancel={onCancel} />
    </form>
  );
}
