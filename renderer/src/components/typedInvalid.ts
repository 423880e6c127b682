/**
 * Marks an input whose typed text could not be read (a date that does not exist, an amount with a
 * typo). Its value is already empty, so a form's schema check alone could miss it when the field is
 * optional; useFormErrors looks for this mark before sending.
 */
export const TYPED_INVALID = 'data-typed-invalid';
