import fs from 'node:fs';
import path from 'node:path';
import { validateXML } from 'xmllint-wasm';

const XSD_DIR = path.resolve(__dirname, '../../resources/sepa-xsd');

/** Validates a generated file against the official ISO 20022 schema named in its namespace (libxml2 in wasm). */
export async function xsdErrors(xml: string): Promise<string[]> {
  const ns = /xmlns="urn:iso:std:iso:20022:tech:xsd:([a-z0-9.]+)"/.exec(xml)?.[1];
  if (!ns) return ['no ISO 20022 namespace'];
  const schema = fs.readFileSync(path.join(XSD_DIR, `${ns}.xsd`), 'utf8');
  const result = await validateXML({ xml: [{ fileName: 'file.xml', contents: xml }], schema: [schema], maxMemoryPages: 16_384 });
  return result.valid ? [] : result.errors.map((e) => e.message);
}
