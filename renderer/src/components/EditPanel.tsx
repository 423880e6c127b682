import { Button, Group } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/**
 * Below a list: the form for the row being added or edited, or the button that adds one. Saving or
 * cancelling closes the form and reloads the list.
 */
export function EditPanel<D>(props: {
  draft: D | undefined;
  setDraft: (draft: NoInfer<D> | undefined) => void;
  blank: NoInfer<D>;
  addLabel: string;
  onSaved: () => void;
  children: (draft: D, done: () => void) => ReactNode;
}) {
  if (props.draft === undefined) {
    return (
      <Group mt="sm">
        <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => props.setDraft(props.blank)}>
          {props.addLabel}
        </Button>
      </Group>
    );
  }
  return props.children(props.draft, () => {
    props.setDraft(undefined);
    props.onSaved();
  });
}
