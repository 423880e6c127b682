import { Button, Tooltip, VisuallyHidden, type ButtonProps } from '@mantine/core';
import { useId, type MouseEvent, type ReactNode } from 'react';

export interface ReasonButtonProps extends ButtonProps {
  /** why the action cannot be done now; undefined: the button works */
  reason?: string;
  onClick?: (e: MouseEvent<HTMLButtonElement>) => void;
  type?: 'button' | 'submit';
  children: ReactNode;
}

/**
 * A button that, when it cannot be used, says why: on hover and focus in a tooltip, and to screen
 * readers through aria-describedby. It stays focusable (aria-disabled instead of disabled), because
 * a truly disabled button gets neither focus nor hover and so could never explain itself.
 */
export function ReasonButton({ reason, onClick, type = 'button', children, ...props }: ReasonButtonProps) {
  const id = useId();
  if (!reason) {
    return (
      <Button type={type} onClick={onClick} {...props}>
        {children}
      </Button>
    );
  }
  return (
    <>
      <Tooltip label={reason} events={{ hover: true, focus: true, touch: true }}>
        <Button type="button" data-disabled aria-disabled="true" aria-describedby={id} onClick={(e) => e.preventDefault()} {...props}>
          {children}
        </Button>
      </Tooltip>
      <VisuallyHidden id={id}>{reason}</VisuallyHidden>
    </>
  );
}
