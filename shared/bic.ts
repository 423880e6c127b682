import { fail, pass, type Verdict } from './validation';

export function validateBic(input: string): Verdict<string> {
  const bic = input.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(bic)) {
    return fail('format', `BIC ${input}: 8 of 11 tekens (4 letters bank, 2 letters land, 2 tekens plaats, optioneel 3 tekens filiaal)`, `BIC ${input}: 8 or 11 characters (4 letters bank, 2 letters country, 2 characters location, optional 3 characters branch)`);
  }
  return pass(bic);
}
